"""A defect never prints a traceback: one line on the terminal, the details in the log file."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from annotator.cli import main, validate_cmd
from annotator.logs import log_path

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden-project"


def test_an_internal_error_exits_3_and_goes_to_the_log(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise ZeroDivisionError("a defect deep inside")

    monkeypatch.setattr(validate_cmd, "run", broken)
    assert main(["validate", str(GOLDEN)]) == 3
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "ZeroDivisionError" in err
    assert err.count("\n") == 1 and str(log_path()) in err
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "a defect deep inside" in logged


def test_imports_and_exports_are_logged(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["export", str(GOLDEN), "--format", "jsonl", "--annotator", "amal",
                 "--out", str(out)]) == 0
    assert main(["import", str(tmp_path / "missing"), "--format", "jsonl",
                 str(out / "all.jsonl")]) == 2
    logged = log_path().read_text(encoding="utf-8")
    assert f"as jsonl to {out}" in logged
