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


def _square(n: int) -> int:
    return n * n


def test_jobs_started_beside_the_caller_give_their_results_in_order() -> None:
    with parallel.started(_square, [3, 1, 2]) as results:
        mine = sum(range(10))  # the caller's own work meanwhile
        assert results() == [9, 1, 4] and mine == 45


@pytest.mark.parametrize(("count", "chunk"), [(100_100, 500), (2001, 500), (37, 7), (5, 1)])
def test_chunks_get_smaller_towards_the_end_and_keep_every_item(count: int, chunk: int) -> None:
    items = list(range(count))
    chunks = parallel._cut(items, chunk, 2)
    assert [n for part in chunks for n in part] == items
    sizes = [len(part) for part in chunks]
    assert max(sizes) <= chunk and min(sizes) >= 1
    tail = sizes[sizes.index(max(sizes)):]
    assert tail[:-1] == sorted(tail[:-1], reverse=True)  # never bigger again once smaller
    assert sizes[-1] <= max(1, chunk // 10, count // 4)


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
