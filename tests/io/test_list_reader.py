"""The document list's reading: the fast way says what the careful way says, stamps change
with the files, and the listing's fast path for names and entries agrees with the full checks.
"""

from __future__ import annotations

import json
import os
import string
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import project as project_module
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project, name_problem
from annotator.io import store
from annotator.io.project_file import default_project, open_project, write_project

TEXT = "وصل الزعيم كيم إلى فلاديفوستوك."


def careful(project: Project, doc_id: str, annotator: str) -> tuple[str | None, int, str | None]:
    """What a row says, read through the ordinary readers one file at a time."""
    try:
        project.load_document(doc_id)
        found = store.summary(project, doc_id, annotator)
    except AnnotatorError as exc:
        return None, 0, "\n".join(str(p) for p in exc.problems)
    return found.status, found.spans, None


def fast(project: Project, doc_id: str, annotator: str) -> tuple[str | None, int, str | None]:
    reader = store.ListReader(project, annotator)
    entry = reader.entry(doc_id, reader.stamp(doc_id))
    if entry.summary is None:
        return None, 0, entry.problem
    return entry.summary.status, entry.summary.spans, entry.problem


def annotation(status: str = "done", spans: int = 1) -> str:
    items = [{"id": f"T{n + 1}", "start": 0, "end": 3, "label": "entity", "text": TEXT[:3]}
             for n in range(spans)]
    return json.dumps({"format": "annotator/standoff", "version": 1, "status": status,
                       "spans": items}, ensure_ascii=False)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    (root / "annotations" / "amal").mkdir(parents=True)
    write_project(default_project(root, "p"))
    return open_project(root)


def test_the_fast_reading_says_what_the_careful_one_says(project: Project,
                                                         tmp_path: Path) -> None:
    documents = project.documents_dir
    notes = project.annotator_dir("amal")
    cases: dict[str, tuple[bytes, str | None]] = {
        "plain": (TEXT.encode(), annotation("in_progress", 2)),
        "no-file": (TEXT.encode(), None),
        "not-json": (TEXT.encode(), "{not json"),
        "not-utf8": (b"\xff\xfe bad", annotation()),
        "bom": (b"\xef\xbb\xbf" + TEXT.encode(), annotation("new", 0)),
        "odd-status": (TEXT.encode(), json.dumps({"status": 3, "spans": "x"})),
        "unplaced": (TEXT.encode(), json.dumps({"status": "done", "spans": [],
                                                 "unplaced_spans": [{}, {}]})),
    }
    for doc_id, (text, note) in cases.items():
        (documents / f"{doc_id}.txt").write_bytes(text)
        if note is not None:
            (notes / f"{doc_id}.json").write_text(note, encoding="utf-8")
    outside = tmp_path / "outside.json"
    outside.write_text(annotation(), encoding="utf-8")
    (documents / "linked-out.txt").write_bytes(TEXT.encode())
    (notes / "linked-out.json").symlink_to(outside)
    (documents / "linked-in.txt").write_bytes(TEXT.encode())
    (notes / "linked-in.json").symlink_to(notes / "plain.json")
    if hasattr(os, "mkfifo"):
        (documents / "fifo.txt").write_bytes(TEXT.encode())
        os.mkfifo(notes / "fifo.json")  # never waited on
    for doc_id in project.doc_ids():
        assert fast(project, doc_id, "amal") == careful(project, doc_id, "amal"), doc_id
    assert fast(project, "plain", "amal") == ("in_progress", 2, None)
    assert fast(project, "no-file", "amal") == ("new", 0, None)
    assert fast(project, "not-utf8", "amal")[0] is None
    assert "outside" in str(fast(project, "linked-out", "amal")[2])
    assert store.summary_of(annotation("done", 3).encode(), "x", "d").spans == 3


def test_an_annotator_name_breaking_the_rules_is_said_on_each_row(project: Project) -> None:
    (project.documents_dir / "d.txt").write_text(TEXT, encoding="utf-8")
    reader = store.ListReader(project, "../x")
    stamp = reader.stamp("d")
    assert stamp[1] is None
    entry = reader.entry("d", stamp)
    assert entry.summary is None and "annotator name" in str(entry.problem)


def test_stamps_change_with_the_files(project: Project) -> None:
    (project.documents_dir / "d.txt").write_text(TEXT, encoding="utf-8")
    reader = store.ListReader(project, "amal")
    assert reader.stamp("d")[1] is None  # no annotation file yet
    path = project.annotation_path("d", "amal")
    path.write_text(annotation(), encoding="utf-8")
    first = reader.stamp("d")
    assert first[0] is not None and first[1] is not None
    assert reader.stamp("d") == first  # nothing changed: the same stamp
    replacement = path.with_name(".d.json.tmp")  # replaced by a rename, same bytes and time
    replacement.write_text(annotation(), encoding="utf-8")
    info = path.stat()
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(replacement, path)
    second = reader.stamp("d")
    assert second != first  # a new inode
    with path.open("a", encoding="utf-8") as handle:  # rewritten in place
        handle.write(" ")
    assert reader.stamp("d") != second
    path.unlink()
    assert reader.stamp("d")[1] is None
    assert reader.stamp("../escape") == (None, None)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not stop root")
def test_a_file_that_cannot_be_looked_at_is_read_again_each_time(project: Project) -> None:
    (project.documents_dir / "d.txt").write_text(TEXT, encoding="utf-8")
    folder = project.annotator_dir("amal")
    (folder / "d.json").write_text(annotation(), encoding="utf-8")
    folder.chmod(0o000)
    try:
        reader = store.ListReader(project, "amal")
        assert reader.stamp("d") != reader.stamp("d")
    finally:
        folder.chmod(0o755)


NAMES = st.one_of(
    st.text(alphabet=string.printable, max_size=160),
    st.text(alphabet=st.sampled_from(" .-_aZ09conCOMLPTnulaux\\/:*?\"<>|\x00\x1f\x7f"),
            max_size=12),
    st.text(max_size=20),
    st.sampled_from(["con", "CON.txt", "com1", "Lpt9.json", "nul.", "aux ", "conx", "a" * 150,
                     "a" * 151, ".hidden", "x.", " x", "x y", "كيم-في-روسيا"]),
)


@given(NAMES)
def test_the_quick_name_check_agrees_with_the_full_one(name: str) -> None:
    full = project_module._name_problem(name, "document id")
    assert name_problem(name, "document id") == full
    if project_module._plainly_fine(name):
        assert full is None


def test_the_listing_says_what_the_checks_of_each_entry_say(tmp_path: Path) -> None:
    root = tmp_path / "p"
    documents = root / "documents"
    documents.mkdir(parents=True)
    write_project(default_project(root, "p"))
    for name in ("a", "b-2", "con", "x.", "ok.v2", "كيم"):
        (documents / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (documents / "folder.txt").mkdir()
    (documents / "link-in.txt").symlink_to(documents / "a.txt")
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    (documents / "link-out.txt").symlink_to(outside)
    (documents / "broken.txt").symlink_to(documents / "missing.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(documents / "fifo.txt")
    project = open_project(root)
    began = time.perf_counter()
    listed = project.doc_ids()
    assert time.perf_counter() - began < 5
    assert listed == ["a", "b-2", "link-in", "ok.v2", "كيم"]
    problems = {Path(str(p.file)).name: p.code for p in project.listing_problems()}
    assert problems == {"con.txt": "bad-name", "x..txt": "bad-name",
                        "folder.txt": "not-regular", "link-out.txt": "outside-project",
                        "broken.txt": "not-regular",
                        **({"fifo.txt": "not-regular"} if hasattr(os, "mkfifo") else {})}


def test_a_big_text_is_checked_piece_by_piece_as_a_whole(project: Project) -> None:
    piece = store._PIECE
    good = ("a" + "ب" * piece).encode()  # two-byte characters across every piece's edge
    cases = {"big-good": good, "big-bom": b"\xef\xbb\xbf" + good,
             "big-bad-end": good + b"\xff", "big-cut": good[:-1],
             "big-bad-middle": good[:piece + 1] + b"\xc3(" + good[piece + 1:]}
    for doc_id, data in cases.items():
        (project.documents_dir / f"{doc_id}.txt").write_bytes(data)
        assert fast(project, doc_id, "amal") == careful(project, doc_id, "amal"), doc_id
    assert fast(project, "big-good", "amal")[0] == "new"
    assert fast(project, "big-bad-middle", "amal")[0] is None
