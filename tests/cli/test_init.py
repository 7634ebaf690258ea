"""``annotator init`` checks every name before writing anything (FORMAT.md section 2)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.cli import main


@pytest.mark.parametrize("stem", ["CON", "lpt1", "aux.backup", "trailing.", "x\u200fy", "a:b",
                                  "a|b", "x" * 151])
def test_document_names_breaking_the_rules_are_refused(tmp_path: Path, stem: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    source.mkdir()
    good = source / "good.txt"
    good.write_text("نص", encoding="utf-8")
    try:
        bad = source / f"{stem}.txt"
        bad.write_text("نص", encoding="utf-8")
    except OSError:
        pytest.skip("the file system refuses this name itself")
    assert main(["init", str(tmp_path / "p"), str(good), str(bad)]) == 2
    assert "document id" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()  # nothing written


def test_arabic_names_are_welcome(tmp_path: Path) -> None:
    text = tmp_path / "كيم-في-روسيا.txt"
    text.write_text("كيم في روسيا", encoding="utf-8")
    assert main(["init", str(tmp_path / "p"), str(text), "--name", "زيارة كيم"]) == 0
    assert (tmp_path / "p" / "documents" / "كيم-في-روسيا.txt").is_file()
    assert json.loads((tmp_path / "p" / "project.json").read_bytes())["name"] == "زيارة كيم"


def test_a_name_that_is_not_valid_unicode_is_refused(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "p"), "--name", "team\udcff"]) == 2
    assert "--name" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


@pytest.mark.skipif(os.name != "posix", reason="file names that are not UTF-8")
def test_a_folder_name_that_is_not_utf8_still_gives_a_valid_project_name(tmp_path: Path) -> None:
    root = tmp_path / os.fsdecode(b"team\xff")
    assert main(["init", str(root)]) == 0
    assert json.loads((root / "project.json").read_bytes())["name"] == "team\ufffd"
    assert main(["validate", str(root)]) == 0
