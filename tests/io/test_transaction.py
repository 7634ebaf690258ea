"""Writes of many files are all or nothing, and a crash is finished or undone by the next opener."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import ConflictError, WriteError
from annotator.io import transaction
from annotator.io.atomic import ABSENT, fingerprint
from annotator.io.transaction import JOURNAL, Transaction, recover


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "a.txt").write_bytes(b"old a\n")
    (tmp_path / "project.json").write_bytes(b"{}\n")
    return tmp_path


def plan(root: Path) -> Transaction:
    txn = Transaction(root)
    txn.write(root / "project.json", b'{"new": 1}\n', fingerprint(root / "project.json"))
    txn.write(root / "documents" / "b.txt", b"new b\n", ABSENT)
    txn.write(root / "annotations" / "amal" / "a.json", b"{}\n", ABSENT)
    return txn


AFTER = {"project.json": b'{"new": 1}\n', "documents/a.txt": b"old a\n",
         "documents/b.txt": b"new b\n", "annotations/amal/a.json": b"{}\n"}


def test_commit_writes_every_file_and_leaves_nothing_else(root: Path) -> None:
    plan(root).commit()
    assert snapshot(root) == AFTER
    assert not [p for p in root.iterdir() if p.name.startswith(".")]


def test_a_conflict_on_one_file_writes_none(root: Path) -> None:
    txn = plan(root)
    (root / "project.json").write_bytes(b'{"someone": "else"}\n')
    before = snapshot(root)
    with pytest.raises(ConflictError):
        txn.commit()
    assert snapshot(root) == before
    assert not (root / "annotations").exists()  # folders made for it are gone too


def test_a_failed_rename_puts_every_file_back(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(root)
    real = os.replace
    calls = []

    def fail_third(src: str | Path, dst: str | Path) -> None:
        calls.append(dst)
        if len(calls) == 4:  # the commit rename, two files placed, then a full disk
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(transaction.os, "replace", fail_third)
    with pytest.raises(WriteError) as info:
        plan(root).commit()
    assert "No space left" in str(info.value) and "put back" in str(info.value)
    monkeypatch.undo()
    assert snapshot(root) == before
    assert not (root / JOURNAL).exists() and not (root / "annotations").exists()


def crash_after_commit_point(root: Path, monkeypatch: pytest.MonkeyPatch, placed: int) -> None:
    """Commit, but die (as kill -9 would) after ``placed`` files were moved into place."""
    real = transaction._apply

    def die(r: Path, journal: Path, entries: list[transaction._Entry]) -> None:
        real(r, journal, entries[:placed])
        raise KeyboardInterrupt  # nothing after this line of commit runs

    monkeypatch.setattr(transaction, "_apply", die)
    with pytest.raises(KeyboardInterrupt):
        plan(root).commit()
    monkeypatch.undo()
    assert (root / JOURNAL).is_dir()


@pytest.mark.parametrize("placed", [0, 1, 3])
def test_the_next_opener_finishes_an_interrupted_commit(
        root: Path, monkeypatch: pytest.MonkeyPatch, placed: int) -> None:
    crash_after_commit_point(root, monkeypatch, placed)
    done = recover(root)
    assert [p.code for p in done] == ["interrupted"] and "finished" in done[0].message
    assert snapshot(root) == AFTER
    assert recover(root) == []  # once


def test_an_interrupted_commit_that_cannot_finish_is_undone(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(root)
    crash_after_commit_point(root, monkeypatch, 1)
    (root / JOURNAL / "new" / "1").unlink()  # a staged file lost: rolling forward is impossible
    done = recover(root)
    assert "undone" in done[0].message
    assert snapshot(root) == before


def test_staging_of_a_dead_process_is_removed_and_a_live_one_kept(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(root)
    txn = plan(root)
    monkeypatch.setattr(Transaction, "_keep_old", lambda *a: (_ for _ in ()).throw(
        KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        txn.commit()
    assert snapshot(root) == before
    dead = root / ".annotator-txn.dead.tmp"
    dead.mkdir()
    (dead / "new").mkdir()
    done = recover(root)
    assert [p.code for p in done] == ["interrupted"] and not dead.exists()
    live = root / ".annotator-txn.live.tmp"
    live.mkdir()
    handle = transaction.try_lock(live)
    assert handle is not None
    try:
        assert recover(root) == [] and live.exists()
    finally:
        transaction.unlock(handle)


def test_validate_finishes_an_interrupted_import_and_says_so(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    from annotator.cli import main

    root = tmp_path / "p"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "golden-project", root)
    txn = Transaction(root)
    txn.write(root / "documents" / "new-doc.txt", "نص جديد\n".encode(), ABSENT)
    real = transaction._apply
    monkeypatch.setattr(transaction, "_apply", lambda r, j, e: (real(r, j, e[:0]), (
        _ for _ in ()).throw(KeyboardInterrupt())))
    with pytest.raises(KeyboardInterrupt):
        txn.commit()
    monkeypatch.undo()
    assert (root / JOURNAL).is_dir() and not (root / "documents" / "new-doc.txt").exists()
    assert main(["validate", str(root)]) == 0
    err = capsys.readouterr().err
    assert "note:" in err and "[interrupted]" in err and "finished" in err
    assert (root / "documents" / "new-doc.txt").read_text(encoding="utf-8") == "نص جديد\n"
    assert not (root / JOURNAL).exists()
    assert main(["validate", str(root)]) == 0 and "note:" not in capsys.readouterr().err


def test_a_crash_while_a_finished_journal_is_removed_leaves_nothing_to_undo(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen once when a rename across 160 files was killed: the journal was half deleted
    (journal.json gone, old/ still there) and every later open refused the project. A
    finished journal is renamed away first, so a crash then leaves a folder recover()
    removes without a word, the project fully written."""
    real = shutil.rmtree

    def die_midway(path: str | Path, ignore_errors: bool = False) -> None:
        if Path(path).name.startswith(transaction.DONE_PREFIX):
            (Path(path) / "journal" / transaction.JOURNAL_FILE).unlink()
            raise KeyboardInterrupt  # killed while deleting
        real(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(transaction.shutil, "rmtree", die_midway)
    with pytest.raises(KeyboardInterrupt):
        plan(root).commit()
    monkeypatch.undo()
    assert not (root / JOURNAL).exists()
    assert recover(root) == []  # nothing interrupted: the import was complete
    assert snapshot(root) == AFTER
    assert not [p for p in root.iterdir() if p.name.startswith(transaction.DONE_PREFIX)]
