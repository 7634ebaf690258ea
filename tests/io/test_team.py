"""annotator.io.team: the team's figures, one member's side of the sync, conflict copies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.api import open_project as api_open_project
from annotator.cli import main
from annotator.core.errors import AnnotatorError, ConflictError, Problem
from annotator.io import store, team
from annotator.io.atomic import fingerprint
from annotator.io.gitsync import conflict_copy_name
from annotator.io.project_file import open_project
from annotator.io.store import load

TEXTS = {f"doc-{n}": f"وصل الوفد {n} إلى المدينة صباحاً ثم غادرها\n" for n in range(3)}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for doc_id, text in TEXTS.items():
        (texts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), *map(str, sorted(texts.iterdir()))]) == 0
    capsys.readouterr()
    return project


def annotate(root: Path, annotator: str, doc_id: str, word: str, done: bool = False) -> bytes:
    project = api_open_project(root)
    work = project.load(annotator, doc_id)
    start = work.text.index(word)
    work.add_span(start, start + len(word), "entity")
    work.status = "done" if done else "in_progress"
    project.save(work)
    return open_project(root).annotation_path(doc_id, annotator).read_bytes()


def test_team_status_counts_assigned_work_and_agreement(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assign", str(root), "--annotators", "amal,omar", "--overlap", "1"]) == 0
    for name in ("amal", "omar"):
        annotate(root, name, "doc-0", "الوفد", done=True)
    annotate(root, "amal", "doc-1", "المدينة")
    status = team.team_status(open_project(root), parallel=False)
    assert status["annotators"]["amal"] == {"assigned": 3, "new": 1, "in_progress": 1,
                                            "done": 1}
    assert status["annotators"]["omar"] == {"assigned": 3, "new": 2, "in_progress": 0,
                                            "done": 1}
    [pair] = status["overlap_agreement"]
    assert (pair["a"], pair["b"], pair["documents"], pair["f1_exact"]) == ("amal", "omar", 1, 1.0)
    capsys.readouterr()
    assert main(["status", str(root), "--json"]) == 0  # the command prints the same figures
    assert json.loads(capsys.readouterr().out) == status
    assert team.assigned_to(open_project(root), "amal") == sorted(TEXTS)
    assert team.assigned_to(open_project(root), "nadia") is None


def conflict_for(root: Path, mine_word: str, theirs_word: str,
                 when: datetime) -> tuple[team.ConflictCopy, bytes, bytes]:
    """amal's doc-0 holds ``theirs_word``; a copy beside it (as a sync keeps) ``mine_word``."""
    path = open_project(root).annotation_path("doc-0", "amal")
    mine = annotate(root, "amal", "doc-0", mine_word)
    path.unlink()
    theirs = annotate(root, "amal", "doc-0", theirs_word)
    copy = conflict_copy_name(path, "amal-laptop", when)
    copy.write_bytes(mine)
    [conflict] = team.conflict_copies(open_project(root), "doc-0", "amal")
    return conflict, mine, theirs


def test_keep_mine_take_theirs_and_undo_lose_nothing(root: Path) -> None:
    when = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    conflict, mine, theirs = conflict_for(root, "الوفد", "المدينة", when)
    assert (conflict.machine, conflict.made) == ("amal-laptop", when)
    project = open_project(root)
    path = conflict.path
    done = team.keep_mine(project, conflict, fingerprint(path))
    assert path.read_bytes() == mine and not conflict.copy.exists()
    assert done.backup.name.startswith(".") and done.backup.read_bytes() == theirs
    assert project.pending_conflicts() == []  # the hidden backup is no pending conflict
    team.undo_resolution(done)
    assert path.read_bytes() == theirs and conflict.copy.read_bytes() == mine
    assert not done.backup.exists() and len(project.pending_conflicts()) == 1
    done = team.take_theirs(project, conflict)
    assert path.read_bytes() == theirs and not conflict.copy.exists()
    assert done.backup.read_bytes() == mine and project.pending_conflicts() == []
    team.undo_resolution(done)
    assert conflict.copy.read_bytes() == mine and not done.backup.exists()


def test_refused_resolutions_change_nothing(root: Path) -> None:
    conflict, mine, theirs = conflict_for(root, "الوفد", "المدينة", datetime.now(UTC))
    project = open_project(root)
    before = sorted(p.name for p in conflict.path.parent.iterdir())
    with pytest.raises(ConflictError):  # the file changed since the caller read it
        team.keep_mine(project, conflict, "0" * 64)
    conflict.copy.write_bytes(b"{ not json")
    with pytest.raises(AnnotatorError):  # not an annotation file: never put in place
        team.keep_mine(project, conflict, fingerprint(conflict.path))
    assert sorted(p.name for p in conflict.path.parent.iterdir()) == before
    assert conflict.path.read_bytes() == theirs
    conflict.copy.write_bytes(mine)
    done = team.keep_mine(project, conflict, fingerprint(conflict.path))
    annotate(root, "amal", "doc-0", "صباحاً")  # edited after keeping mine
    edited = conflict.path.read_bytes()
    with pytest.raises(ConflictError):
        team.undo_resolution(done)
    assert conflict.path.read_bytes() == edited and not conflict.copy.exists()


def test_copies_are_listed_oldest_first(root: Path) -> None:
    path = open_project(root).annotation_path("doc-1", "amal")
    annotate(root, "amal", "doc-1", "الوفد")
    later = conflict_copy_name(path, "b", datetime(2025, 5, 1, tzinfo=UTC))
    earlier = conflict_copy_name(path, "a-b-c", datetime(2025, 4, 1, tzinfo=UTC))
    for copy in (later, earlier):
        copy.write_bytes(path.read_bytes())
    (path.parent / f".{earlier.name}.discarded").write_bytes(b"x")
    found = team.conflict_copies(open_project(root), "doc-1", "amal")
    assert [(c.copy, c.machine) for c in found] == [(earlier, "a-b-c"), (later, "b")]
    assert team.conflict_copies(open_project(root), "doc-2", "amal") == []


@needs_git
def test_local_state_lists_what_waits_to_be_sent(root: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert team.local_state(open_project(root), "amal") == team.LocalState(False)
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "remote", "add", "origin", str(remote))
    assert main(["sync", str(root), "--coordinator"]) == 0
    state = team.local_state(open_project(root), "amal")
    assert state.repository and state.unsent == () and state.last_fetch is not None
    annotate(root, "amal", "doc-0", "الوفد")
    annotate(root, "omar", "doc-0", "الوفد")  # not amal's: not hers to send
    path = open_project(root).annotation_path("doc-0", "amal")
    conflict_copy_name(path, "m").write_bytes(b"{}")
    (path.parent / ".hidden").write_bytes(b"")
    state = team.local_state(open_project(root), "amal")
    assert state.unsent == ("annotations/amal/doc-0.json",)
    assert main(["sync", str(root), "--annotator", "amal"]) == 0
    assert team.local_state(open_project(root), "amal").unsent == ()
    capsys.readouterr()


def test_the_index_of_copies_sees_copies_made_and_removed_behind_its_back(root: Path) -> None:
    """The folder's listing is kept while its modification time stays (no scan per open);
    a copy added or removed changes that time, and the next look sees it."""
    path = open_project(root).annotation_path("doc-1", "amal")
    annotate(root, "amal", "doc-1", "الوفد")
    folder = path.parent
    long_ago = 1_600_000_000
    os.utime(folder, (long_ago, long_ago))  # old enough to be kept
    assert team.conflict_copies(open_project(root), "doc-1", "amal") == []
    assert folder in team._COPIES  # kept: the next open does not list the folder
    copy = conflict_copy_name(path, "b", datetime(2025, 5, 1, tzinfo=UTC))
    copy.write_bytes(path.read_bytes())  # the folder's time changes with its listing
    assert [c.copy for c in team.conflict_copies(open_project(root), "doc-1", "amal")] == [copy]
    os.utime(folder, (long_ago + 10, long_ago + 10))
    copy.unlink()
    assert team.conflict_copies(open_project(root), "doc-1", "amal") == []
    other = open_project(root).annotation_path("doc-2", "amal")
    assert team.conflict_copies(open_project(root), "doc-2", "amal") == []
    assert other.parent == folder


def test_agreement_reads_links_and_stale_files_as_the_window_does(root: Path) -> None:
    for name in ("amal", "omar"):
        for doc_id, word in zip(sorted(TEXTS), ("الوفد", "المدينة", "صباحاً"), strict=True):
            annotate(root, name, doc_id, word)
    project = open_project(root)
    link = project.annotation_path("doc-1", "omar")  # a link inside the project: followed
    kept = root / "kept" / "omar-doc-1.json"
    kept.parent.mkdir()
    link.replace(kept)
    link.symlink_to(kept)
    text = root / "documents" / "doc-0.txt"  # a document through a link, too
    text.replace(root / "kept" / "doc-0.txt")
    text.symlink_to(root / "kept" / "doc-0.txt")
    changed = "قبل ذلك " + TEXTS["doc-2"]  # the annotated text changed: both files stale
    project.document_path("doc-2").write_text(changed, encoding="utf-8")
    warnings: list[Problem] = []
    documents = team.annotated_documents(project, ["amal", "omar"], None, warnings.append,
                                         parallel=False)
    careful = {doc_id: (project.load_document(doc_id).text,
                        {name: load(project, doc_id, name).annotations.spans()
                         for name in ("amal", "omar")}) for doc_id in sorted(TEXTS)}
    assert {d.id: (d.text, dict(d.spans)) for d in documents} == careful
    assert careful["doc-2"][0] == changed and careful["doc-1"][1]["omar"]
    assert sorted((p.code, Path(p.file or "").parent.name) for p in warnings) == [
        ("stale", "amal"), ("stale", "omar")]


def test_the_quick_read_takes_only_regular_files_and_never_waits(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    plain.write_bytes(b'{"a": 1}')
    (tmp_path / "link.json").symlink_to(plain)
    os.mkfifo(tmp_path / "pipe.json")  # opening it to read would wait for a writer
    (tmp_path / "folder.json").mkdir()
    assert store.read_plain(str(plain)) == b'{"a": 1}'
    for name in ("link.json", "pipe.json", "folder.json", "missing.json"):
        assert store.read_plain(str(tmp_path / name)) is None, name  # read the careful way
