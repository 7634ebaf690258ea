"""Reading on every core gives exactly what reading in one process gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io import parallel

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden-project"


def _square_all(chunk: list[int]) -> list[int]:
    return [n * n for n in chunk]


def test_chunks_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(range(1000))
    serial = [n for part in parallel.map_chunks(_square_all, items, chunk=7) for n in part]
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 0)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    pooled = [n for part in parallel.map_chunks(_square_all, items, chunk=7) for n in part]
    assert pooled == serial == [n * n for n in items]


@pytest.mark.parametrize("command", [["agreement", "--json"], ["validate", "--json"]])
def test_commands_give_the_same_output_on_one_core_and_many(
        command: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    args = [command[0], str(GOLDEN), *command[1:]]
    first = main(args), capsys.readouterr().out
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 0)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    second = main(args), capsys.readouterr().out
    assert first == second and json.loads(first[1])
