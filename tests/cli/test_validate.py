"""``annotator validate`` finds every kind of problem, with exit codes, and changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden-project"


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(GOLDEN, root)
    return root


def run_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    status = main(["validate", "--json", str(path)])
    return status, json.loads(capsys.readouterr().out)


def test_valid_project(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_json(project, capsys)
    assert status == 0 and out == {"ok": True, "problems": []}


def edit_span(project: Path, change: dict[str, object], index: int = 0) -> Path:
    path = project / "annotations/amal/crlf-gifts.json"
    raw = json.loads(path.read_bytes())
    raw["spans"][index].update(change)
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "code"), [
    ({"text": "غلط"}, "wrong-text"),
    ({"end": 10_000}, "out-of-range"),
    ({"start": 30, "end": 20}, "reversed"),
    ({"label": "person"}, "unknown-label"),
    ({"id": "T2"}, "duplicate-id"),
])
def test_span_problems(project: Path, capsys: pytest.CaptureFixture[str],
                       change: dict[str, object], code: str) -> None:
    path = edit_span(project, change)
    before = tree_digest(project)
    status, out = run_json(project, capsys)
    assert status == 1 and out["ok"] is False
    problems = out["problems"]
    assert isinstance(problems, list)
    assert any(p["code"] == code and p["file"] == str(path) for p in problems), problems
    assert set(problems[0]) == {"file", "code", "message", "span"}
    assert tree_digest(project) == before


def test_duplicate_span_and_dangling_relation(project: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "annotations/amal/crlf-gifts.json"
    raw = json.loads(path.read_bytes())
    raw["spans"].append(dict(raw["spans"][0], id="T99"))
    raw["relations"][0]["to"] = "T404"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    status, out = run_json(path, capsys)  # a single file works too
    codes = {(p["code"], p["span"]) for p in out["problems"]}  # type: ignore[union-attr]
    assert status == 1
    assert ("duplicate-span", "T99") in codes and ("dangling-relation", "R1") in codes


def test_stale_malformed_and_invalid_utf8(project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    doc = project / "documents/plain-en.txt"
    doc.write_text("Breaking: " + doc.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "annotations/omar/emoji-meeting.json").write_text('{"format": ', encoding="utf-8")
    (project / "documents/crlf-gifts.txt").write_bytes(b"\xc3\x28 broken")
    before = tree_digest(project)
    status, out = run_json(project, capsys)
    codes = {p["code"] for p in out["problems"]}  # type: ignore[union-attr]
    assert status == 1
    assert {"stale", "malformed-json", "invalid-utf8"} <= codes
    assert tree_digest(project) == before


def test_text_output_and_usage_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_span(project, {"label": "person"})
    assert main(["validate", str(project)]) == 1
    out = capsys.readouterr().out
    assert "crlf-gifts.json: span T" in out and "unknown-label" in out and "1 problem(s)" in out
    assert main(["validate", str(project / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    for args, expected in ((["--version"], 0), (["validate"], 2), (["frobnicate"], 2),
                           (["validate", str(tmp_path / "nope")], 2)):
        done = subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == expected, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_init_creates_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "kim-visit.txt"
    text.write_bytes("\ufeffكيم في روسيا\r\n".encode())
    root = tmp_path / "new"
    assert main(["init", str(root), str(text)]) == 0
    assert (root / "documents/kim-visit.txt").read_bytes() == text.read_bytes()
    meta = json.loads((root / "project.json").read_bytes())
    assert [label["name"] for label in meta["labels"]] == ["entity", "gift", "meeting"]
    assert main(["validate", str(root)]) == 0
    capsys.readouterr()
    assert main(["init", str(root)]) == 2  # refuses to overwrite
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    assert main(["init", str(tmp_path / "other"), str(bad)]) == 1
    assert "byte 0" in capsys.readouterr().err
    assert not (tmp_path / "other").exists()  # nothing written


def test_not_a_project_and_unreadable_document(tmp_path: Path, project: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["validate", str(tmp_path / "empty")]) == 2
    assert "not a project folder" in capsys.readouterr().err
    # an invalid document is reported once, not again for each annotation file of it
    (project / "documents/emoji-meeting.txt").write_bytes(b"\xc3\x28")
    assert main(["validate", str(project)]) == 1
    out = capsys.readouterr().out
    assert out.count("invalid-utf8") == 1


def test_mistakes_give_messages_not_tracebacks(tmp_path: Path, project: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["init", str(blocker / "sub")]) == 2
    assert "a-file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["validate", str(project), "--jsn"])
    assert info.value.code == 2
    assert "annotator validate" in capsys.readouterr().err  # the subcommand's usage


def test_relation_problems_say_relation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "annotations/amal/crlf-gifts.json"
    raw = json.loads(path.read_bytes())
    raw["relations"][0]["to"] = "T404"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(project)]) == 1
    assert ": relation R1: " in capsys.readouterr().out


# -- what the listings skip is reported; only regular files inside the project are read -------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and links")


@posix_only
def test_everything_skipped_is_reported(project: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    documents = project / "documents"
    (documents / "CON.txt").write_text("نص", encoding="utf-8")
    (documents / "x\u200f.txt").write_text("نص", encoding="utf-8")
    (documents / "folder.txt").mkdir()
    (documents / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (documents / ".hidden.txt").write_text("نص", encoding="utf-8")  # not project data: silent
    os.mkfifo(documents / "pipe.txt")
    shutil.copytree(project / "annotations" / "amal", project / "annotations" / "a:b")
    shutil.copy(project / "annotations/amal/crlf-gifts.json",
                project / "annotations/amal/nul.json")
    (project / "annotations" / "amal" / "leak.json").symlink_to(tmp_path / "secret.txt")
    # the annotation file of a skipped document is not checked (nor reported) again
    shutil.copy(project / "annotations/amal/crlf-gifts.json",
                project / "annotations/omar/leak.json")
    before = tree_digest(project)
    status, out = run_json(project, capsys)
    found = {(Path(str(p["file"])).name, p["code"]) for p in out["problems"]}  # type: ignore[union-attr]
    assert status == 1
    assert found == {("CON.txt", "bad-name"), ("x\u200f.txt", "bad-name"),
                     ("folder.txt", "not-regular"), ("leak.txt", "outside-project"),
                     ("pipe.txt", "not-regular"), ("a:b", "bad-name"), ("nul.json", "bad-name"),
                     ("leak.json", "outside-project")}
    assert tree_digest(project) == before


@posix_only
def test_validate_never_waits_on_a_fifo(project: Path) -> None:
    os.mkfifo(project / "documents" / "pipe.txt")
    os.mkfifo(project / "annotations" / "amal" / "pipe.json")
    (project / "gold").mkdir()
    os.mkfifo(project / "gold" / "crlf-gifts.json")
    for target in (project, project / "gold" / "crlf-gifts.json",
                   project / "annotations" / "amal" / "pipe.json"):
        done = subprocess.run([sys.executable, "-m", "annotator", "validate", str(target)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "not-regular" in done.stdout and "Traceback" not in done.stderr


@posix_only
def test_a_single_file_leading_outside_is_refused(project: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    shutil.copy(project / "annotations/amal/crlf-gifts.json", elsewhere)
    link = project / "annotations" / "amal" / "plain-en.json"
    link.symlink_to(elsewhere)
    status, out = run_json(link, capsys)
    assert status == 1
    assert [p["code"] for p in out["problems"]] == ["outside-project"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("old", "new", "code"), [
    ('"start": 5', '"start": ' + "9" * 5000, "bad-number"),
    ('"start": 5', '"start": NaN', "bad-number"),
    ('"length": 127', '"length": 1e999', "bad-number"),
    ('"label": "entity"', '"label": "ent\\udc00"', "bad-string"),
    ('"version": 1', '"version": true', "bad-format"),
    ('"version": 1', '"version": 1.0', "bad-format"),
    ('"spans": [', '"x": ' + "[" * 10**5 + "]" * 10**5 + ', "spans": [', "too-deep"),
])
def test_hostile_annotation_files_are_reported(project: Path, capsys: pytest.CaptureFixture[str],
                                               old: str, new: str, code: str) -> None:
    path = project / "annotations/amal/crlf-gifts.json"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    status, out = run_json(project, capsys)
    assert status == 1
    assert [(p["code"], p["file"]) for p in out["problems"]] == [  # type: ignore[union-attr]
        (code, str(path))]


def test_file_names_that_are_not_utf8_are_printed(project: Path) -> None:
    name = os.fsdecode(b"bad\xff.txt")
    try:
        (project / "documents" / name).write_text("نص", encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system refuses names that are not UTF-8")
    for args in (["validate", str(project)], ["validate", "--json", str(project)]):
        done = subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                              timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        assert done.returncode == 1, done.stderr
        assert b"bad\\udcff.txt" in done.stdout and b"bad-name" in done.stdout
