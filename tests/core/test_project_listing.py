"""Listings skip what is not project data and say why; readers open only regular files inside."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from annotator.core.document import Document
from annotator.core.errors import AnnotatorError
from annotator.core.project import GOLD, Project
from annotator.core.safe_files import is_inside, read_regular_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and links")


def make_project(root: Path) -> Project:
    for folder in ("documents", "annotations/amal", "annotations/omar", "gold"):
        (root / folder).mkdir(parents=True)
    for name in ("a", "b"):
        (root / "documents" / f"{name}.txt").write_text("نص", encoding="utf-8")
        (root / "annotations" / "amal" / f"{name}.json").write_text("{}", encoding="utf-8")
    (root / "gold" / "a.json").write_text("{}", encoding="utf-8")
    return Project(root, "p")


def test_a_clean_project_lists_everything_and_reports_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    assert project.doc_ids() == ["a", "b"]
    assert project.annotators() == ["amal", "omar"]
    assert project.annotators(include_gold=True) == ["amal", "omar", GOLD]
    assert project.annotated_doc_ids("amal") == ["a", "b"]
    assert project.annotated_doc_ids(GOLD) == ["a"]
    assert project.listing_problems() == []


def test_dot_files_are_skipped_silently(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.documents_dir / ".c.txt").write_text("x", encoding="utf-8")
    (project.documents_dir / ".a.txt.x1y2.tmp").write_text("x", encoding="utf-8")
    (project.annotations_dir / ".journal").mkdir()
    (project.annotations_dir / "amal" / ".a.json.q1.tmp").write_text("{", encoding="utf-8")
    (project.annotations_dir / "amal" / ".json").write_text("{", encoding="utf-8")
    (project.gold_dir / ".annotator.lock").write_text("", encoding="utf-8")
    (project.gold_dir / ".b.json").write_text("{}", encoding="utf-8")
    assert project.doc_ids() == ["a", "b"]
    assert project.annotators() == ["amal", "omar"]
    assert project.annotated_doc_ids("amal") == ["a", "b"]
    assert project.annotated_doc_ids(GOLD) == ["a"]
    assert project.annotators(include_gold=True)[-1] == GOLD
    assert project.listing_problems() == []


def test_names_breaking_the_rules_are_skipped_and_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.documents_dir / "CON.txt").write_text("x", encoding="utf-8")
    (project.documents_dir / "a:b.txt").write_text("x", encoding="utf-8")
    (project.documents_dir / "trailing .txt").write_text("x", encoding="utf-8")
    (project.documents_dir / os.fsdecode(b"bad\xff.txt")).write_text("x", encoding="utf-8")
    (project.annotations_dir / "a\\b").mkdir()
    (project.annotations_dir / "a\\b" / "a.json").write_text("{}", encoding="utf-8")
    (project.annotations_dir / "lpt1").mkdir()
    (project.annotations_dir / "amal" / "nul.json").write_text("{}", encoding="utf-8")
    (project.gold_dir / "x\u200fy.json").write_text("{}", encoding="utf-8")
    assert project.doc_ids() == ["a", "b"]
    assert project.annotators() == ["amal", "omar"]
    assert project.annotated_doc_ids("amal") == ["a", "b"]
    assert project.annotated_doc_ids(GOLD) == ["a"]
    problems = project.listing_problems()
    assert {p.code for p in problems} == {"bad-name"}
    named = sorted(Path(p.file).name for p in problems if p.file)
    assert named == sorted(["CON.txt", "a:b.txt", "trailing .txt", os.fsdecode(b"bad\xff.txt"),
                            "a\\b", "lpt1", "nul.json", "x\u200fy.json"])
    # a bad annotator folder is reported once, its files are not listed one by one
    assert len(problems) == 8


def test_an_annotator_folder_named_gold_is_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.annotations_dir / GOLD).mkdir()
    assert project.annotators() == ["amal", "omar"]
    assert [p.code for p in project.listing_problems()] == ["bad-name"]


def test_entries_of_the_wrong_kind_are_skipped_and_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.documents_dir / "folder.txt").mkdir()
    (project.annotations_dir / "notes.json").write_text("{}", encoding="utf-8")
    (project.annotations_dir / "amal" / "sub.json").mkdir()
    assert project.doc_ids() == ["a", "b"]
    assert project.annotators() == ["amal", "omar"]
    assert project.annotated_doc_ids("amal") == ["a", "b"]
    problems = project.listing_problems()
    assert [(p.code, Path(p.file or "").name) for p in problems] == [
        ("not-regular", "folder.txt"), ("not-regular", "sub.json"),  # in annotations/amal/
        ("not-regular", "notes.json")]
    assert "a folder" in problems[0].message


@posix_only
def test_fifos_sockets_and_links_are_skipped_and_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the project", encoding="utf-8")
    os.mkfifo(project.documents_dir / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(project.gold_dir / "sock.json"))
        (project.documents_dir / "leak.txt").symlink_to(outside)
        (project.documents_dir / "inside.txt").symlink_to(project.documents_dir / "a.txt")
        (project.documents_dir / "dangling.txt").symlink_to(tmp_path / "p" / "nothing")
        (project.annotations_dir / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
        assert project.doc_ids() == ["a", "b", "inside"]
        assert project.annotators() == ["amal", "omar"]
        assert project.annotated_doc_ids(GOLD) == ["a"]
        found = {Path(p.file or "").name: p.code for p in project.listing_problems()}
        assert found == {"pipe.txt": "not-regular", "sock.json": "not-regular",
                         "leak.txt": "outside-project", "dangling.txt": "not-regular",
                         "elsewhere": "outside-project"}
    finally:
        server.close()


@posix_only
def test_a_top_folder_linked_outside_is_reported_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "x.json").write_text("{}", encoding="utf-8")
    os.rename(project.gold_dir, tmp_path / "old-gold")
    project.gold_dir.symlink_to(tmp_path / "shared", target_is_directory=True)
    assert project.annotated_doc_ids(GOLD) == []
    assert project.annotators(include_gold=True) == ["amal", "omar"]
    assert [p.code for p in project.listing_problems()] == ["outside-project"]


@posix_only
def test_reading_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    fifo = project.documents_dir / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def read() -> None:
        try:
            Document.load(fifo)
        except AnnotatorError as exc:
            outcome.append(exc.problem.code)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("Document.load waited on a FIFO")
    assert outcome == ["not-regular"]
    with pytest.raises(AnnotatorError) as info:
        read_regular_file(fifo, project.root)
    assert info.value.problem.code == "not-regular" and "FIFO" in info.value.problem.message


@posix_only
def test_documents_leading_outside_are_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    outside = tmp_path / "secret.txt"
    outside.write_text("outside the project", encoding="utf-8")
    (project.documents_dir / "leak.txt").symlink_to(outside)
    (project.documents_dir / "inside.txt").symlink_to(project.documents_dir / "a.txt")
    with pytest.raises(AnnotatorError) as info:
        project.load_document("leak")
    assert info.value.problem.code == "outside-project"
    assert info.value.problem.file == str(project.documents_dir / "leak.txt")
    assert project.load_document("inside").text == "نص"
    assert Document.load(outside).text == "outside the project"  # no project, no limit
    assert not is_inside(project.documents_dir / "leak.txt", project.root)


def test_read_regular_file_reads_and_refuses_folders(tmp_path: Path) -> None:
    (tmp_path / "f.bin").write_bytes(b"\x00\xff")
    assert read_regular_file(tmp_path / "f.bin", tmp_path) == b"\x00\xff"
    with pytest.raises(AnnotatorError) as info:
        read_regular_file(tmp_path, tmp_path)
    assert info.value.problem.code == "not-regular"
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "missing", tmp_path)
    with pytest.raises(AnnotatorError) as info:
        read_regular_file(tmp_path / "f.bin", tmp_path / "elsewhere")
    assert info.value.problem.code == "outside-project"


def test_listings_are_in_id_order_not_file_name_order(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project.documents_dir / "a-b.txt").write_text("x", encoding="utf-8")  # "a-b.txt" < "a.txt"
    (project.annotations_dir / "amal" / "a-b.json").write_text("{}", encoding="utf-8")
    assert project.doc_ids() == ["a", "a-b", "b"]
    assert project.annotated_doc_ids("amal") == ["a", "a-b", "b"]
