"""Saving never overwrites someone else's change and never leaves a torn file."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan
from annotator.core.errors import ConflictError, WriteError
from annotator.io import store
from annotator.io.atomic import ABSENT, atomic_write, fingerprint
from annotator.io.project_file import open_project

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden-project"


def test_atomic_write_checks_the_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    first = atomic_write(path, b"one\n", ABSENT)
    assert path.read_bytes() == b"one\n" and first == fingerprint(path)
    with pytest.raises(ConflictError) as info:
        atomic_write(path, b"two\n", ABSENT)  # it exists now
    assert "was created" in info.value.problem.message
    path.write_bytes(b"someone else\n")
    with pytest.raises(ConflictError) as info:
        atomic_write(path, b"two\n", first)
    assert info.value.problem.file == str(path)
    assert path.read_bytes() == b"someone else\n"  # untouched
    atomic_write(path, b"three\n", fingerprint(path))
    assert path.read_bytes() == b"three\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temp files left


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.json"
    atomic_write(path, b"old\n")

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(WriteError) as info:
        atomic_write(path, b"new\n")
    assert info.value.problem.code == "write-failed"
    assert info.value.problem.file == str(path) and ".tmp" not in str(info.value)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_store_save_refuses_external_change(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(GOLDEN, root)
    project = open_project(root)
    mine = store.load(project, "plain-en", "omar")
    theirs = store.load(project, "plain-en", "omar")
    AddSpan(theirs.annotations.make_span(28, 37, "entity")).apply(theirs.annotations)
    store.save(project, theirs.annotations, theirs.fingerprint)
    AddSpan(mine.annotations.make_span(0, 3, "entity")).apply(mine.annotations)
    with pytest.raises(ConflictError):
        store.save(project, mine.annotations, mine.fingerprint)
    reread = store.load(project, "plain-en", "omar").annotations
    assert reread.find(28, 37, "entity") is not None and reread.find(0, 3, "entity") is None


def test_summary_reads_status_and_count(tmp_path: Path) -> None:
    project = open_project(GOLDEN)
    summary = store.summary(project, "crlf-gifts", "amal")
    assert (summary.status, summary.spans, summary.exists) == ("done", 7, True)
    assert store.summary(project, "plain-en", "amal").status == "new"


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    """mkstemp makes 0600 files; a shared project needs what open() would give."""
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.json"
        atomic_write(new, b"{}\n")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.json"
        kept.write_bytes(b"{}\n")
        kept.chmod(0o664)
        atomic_write(kept, b"[]\n", fingerprint(kept))
        assert kept.stat().st_mode & 0o777 == 0o664  # a replaced file keeps its mode
    finally:
        os.umask(old)


def test_a_write_removes_temporary_files_older_than_an_hour(tmp_path: Path) -> None:
    """What killed saves leave behind goes with the next write; a live write's stays."""
    old = tmp_path / ".a.json.k1ll3d.tmp"
    old.write_bytes(b"half")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = tmp_path / ".b.json.l1ve.tmp"
    fresh.write_bytes(b"being written")
    keep = tmp_path / "notes.tmp"  # not ours: no leading dot
    keep.write_bytes(b"x")
    os.utime(keep, (time.time() - 7200, time.time() - 7200))
    atomic_write(tmp_path / "a.json", b"{}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "a.json", "notes.tmp"]
