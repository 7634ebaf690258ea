"""Attacks on the command line: every one exits 1 or 2 with a message, none leaves a trace.

Each case damages a copy of the golden project (or names a hostile path), runs
a command, and checks: the exit status is 1 (problems in the data) or 2 (a
usage mistake or a refused path), nothing on the terminal is a traceback or an
internal error, and the project is byte-identical afterwards, hidden files
included (``validate``, ``export``, ``agreement`` and ``show`` change nothing;
a refused ``import`` writes nothing).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden-project"
AMAL = "annotations/amal/crlf-gifts.json"


def tree(root: Path) -> dict[str, bytes | str]:
    """Every entry under ``root`` (hidden ones too) with its bytes or what it is."""
    entries: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                entries[key] = f"link to {os.readlink(path)}"
            elif path.is_file():
                entries[key] = path.read_bytes()
            else:
                entries[key] = "folder" if path.is_dir() else "other"
    return entries


def edit_json(path: Path, change: Callable[[dict], object]) -> None:
    value = json.loads(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(json.dumps(value, ensure_ascii=True), encoding="utf-8")


def replace_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def nest(depth: int) -> str:
    return '{"format": "annotator/standoff", "x": ' + "[" * depth + "]" * depth + "}"


# Damage done to the project copy, by name.
DAMAGE: dict[str, Callable[[Path], None]] = {
    "int-5000-digits": lambda p: replace_text(p / AMAL, '"start": 5', '"start": ' + "9" * 5000),
    "nesting-1e5": lambda p: (p / AMAL).write_text(nest(10**5)),
    "nesting-1e6": lambda p: (p / AMAL).write_text(nest(10**6)),
    "span-id-5000-digits": lambda p: replace_text(p / AMAL, '"T1"', '"T' + "7" * 5000 + '"'),
    "surrogate-sha256": lambda p: replace_text(p / AMAL, '"sha256": "', '"sha256": "\\ud800'),
    "surrogate-label": lambda p: replace_text(p / AMAL, '"label": "entity"',
                                              '"label": "ent\\udc00"'),
    "surrogate-note": lambda p: edit_json(p / AMAL, lambda v: v["spans"][0].update(
        note="\ud800")),
    "surrogate-relation-type": lambda p: edit_json(p / AMAL, lambda v: v.update(relations=[
        {"id": "R1", "type": "giv\udfff", "from": "T1", "to": "T2"}])),
    "surrogate-project-name": lambda p: replace_text(p / "project.json", '"Golden test',
                                                     '"\\udbff Golden test'),
    "label-with-tab": lambda p: edit_json(p / "project.json", lambda v: v["labels"].append(
        {"name": "bad\tlabel"})),
    "label-with-space": lambda p: edit_json(p / "project.json", lambda v: v["labels"].append(
        {"name": "two words"})),
    "label-key-space": lambda p: edit_json(p / "project.json", lambda v: v["labels"][0].update(
        key=" ")),
    "version-true": lambda p: replace_text(p / AMAL, '"version": 1', '"version": true'),
    "version-float": lambda p: replace_text(p / AMAL, '"version": 1', '"version": 1.0'),
    "project-version-true": lambda p: replace_text(p / "project.json", '"version": 1',
                                                   '"version": true'),
    "nan": lambda p: replace_text(p / AMAL, '"start": 5', '"start": NaN'),
    "infinity": lambda p: replace_text(p / AMAL, '"length": 127', '"length": 1e999'),
    "unplaced-unchecked": lambda p: edit_json(p / AMAL, lambda v: v.update(unplaced_spans=[
        {"id": "T1", "label": "no-such-label", "start": "x"}])),
    "top-level-list": lambda p: (p / AMAL).write_text("[1, 2, 3]\n"),
    "doc-name-not-utf8": lambda p: (p / "documents" / os.fsdecode(b"bad\xff.txt")).write_text(
        "نص"),
    "doc-name-reserved": lambda p: (p / "documents" / "CON.txt").write_text("نص"),
    "doc-name-too-long": lambda p: (p / "documents" / ("ك" * 120 + ".txt")).write_text("نص"),
    "annotator-name-backslash": lambda p: shutil.copytree(p / "annotations" / "amal",
                                                          p / "annotations" / "a\\b"),
    "symlink-outside": lambda p: (p / "documents" / "outside.txt").symlink_to(
        p.parent / "secret.txt"),
    "fifo-document": lambda p: os.mkfifo(p / "documents" / "pipe.txt"),
}

COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{p}"],
    "export": ["export", "{p}", "--format", "jsonl", "--annotator", "amal", "--out", "{out}"],
    "agreement": ["agreement", "{p}", "--json"],
    "show": ["show", "{p}", "crlf-gifts", "--annotator", "amal"],
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(GOLDEN, root)
    (tmp_path / "secret.txt").write_text("SECRET-CONTENT\n", encoding="utf-8")
    return root


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        status = main(args)
    except SystemExit as exc:  # argparse refusing an argument, as the real command exits
        status = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return status, out + err


def assert_clean(status: int, output: str, allowed: tuple[int, ...] = (1, 2)) -> None:
    assert status in allowed, output[-2000:]
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_projects_are_reported_and_left_alone(
        damage: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    DAMAGE[damage](project)
    before = tree(project)
    outcomes = {}
    for name, template in COMMANDS.items():
        out = tmp_path / f"out-{name}"
        args = [a.format(p=project, out=out) for a in template]
        status, output = run(args, capsys)
        outcomes[name] = status
        assert "Traceback" not in output and "internal error" not in output, (name, output)
        assert tree(project) == before, f"{name} changed the project"
        assert "SECRET-CONTENT" not in output, output
    exported = [p for p in (tmp_path / "out-export").rglob("*") if p.is_file()]
    assert not any(b"SECRET-CONTENT" in p.read_bytes() for p in exported)
    assert outcomes["validate"] == 1, "validate must report the damage"
    if damage.startswith(("doc-name", "annotator-name", "symlink")):
        status, output = run([a.format(p=project, out=tmp_path / "again")
                              for a in COMMANDS["export"]], capsys)
        assert status == 0 and "not exported:" in output, output


def test_hostile_command_line_paths_are_refused_before_reading(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "chapter1.tex").write_text("years of work")
    before = tree(project)
    attacks = [
        ["show", str(project), "../../secret"],
        ["show", str(project), "crlf-gifts", "--annotator", "../omar"],
        ["show", str(project), "CON"],
        ["export", str(project), "--format", "jsonl", "--annotator", "..", "--out",
         str(tmp_path / "o")],
        ["agreement", str(project), "--report", str(project / "documents" / "plain-en.txt")],
        ["agreement", str(project), "--report", str(project / AMAL)],
        ["agreement", str(project), "--report", str(project / "project.json")],
        ["agreement", str(project), "--report", str(thesis / "chapter1.tex")],
        ["export", str(project), "--format", "jsonl", "--annotator", "amal", "--overwrite",
         "--out", str(thesis)],
        ["export", str(project), "--format", "jsonl", "--annotator", "amal", "--out",
         str(project / "annotations" / "new")],
        ["import", str(project), "--format", "jsonl", str(tmp_path / "none.jsonl"),
         "--annotator", "a/b"],
    ]
    for args in attacks:
        status, output = run(args, capsys)
        assert status == 2, (args, output)
        assert_clean(status, output)
    assert tree(project) == before
    assert (thesis / "chapter1.tex").read_text() == "years of work"
    assert sorted(p.name for p in thesis.iterdir()) == ["chapter1.tex"]


# Sources that may import (exit 0) but must not crash; every other case must be refused.
MAY_IMPORT = {"ls-predictions-int"}
IMPORTS: dict[str, tuple[str, str]] = {
    "ls-predictions-int": ("labelstudio", json.dumps([{"id": 1, "data": {"text": "كيم"},
                                                       "predictions": 5, "annotations": []}])),
    "ls-relation-labels-int": ("labelstudio", json.dumps([{"id": 1, "data": {"text": "كيم بوتين"},
        "annotations": [{"id": 1, "result": [{"type": "relation", "from_id": "a", "to_id": "b",
                                               "labels": 5}]}]}])),
    "ls-relation-labels-dict": ("labelstudio", json.dumps([{"id": 1, "data": {"text": "كيم"},
        "annotations": [{"id": 1, "result": [{"type": "relation", "from_id": "a", "to_id": "b",
                                               "labels": {"x": 1}}]}]}])),
    "jsonl-surrogate-id": ("jsonl", '{"id": "d\\ud800", "text": "كيم", "spans": []}\n'),
    "jsonl-surrogate-text": ("jsonl", '{"id": "d1", "text": "\\udc00كيم", "spans": []}\n'),
    "jsonl-surrogate-annotator": ("jsonl", '{"id": "d1", "text": "كيم", "annotator": '
                                  '"\\ud800", "spans": []}\n'),
    "jsonl-surrogate-label": ("jsonl", '{"id": "d1", "text": "كيم", "spans": [{"start": 0, '
                              '"end": 3, "label": "\\ud800", "text": "كيم"}]}\n'),
    "jsonl-deep": ("jsonl", "[" * 100000 + "]" * 100000 + "\n"),
    "jsonl-huge-int": ("jsonl", '{"id": "d1", "text": "كيم", "spans": [{"start": ' + "1" * 5000
                       + ', "end": 3, "label": "entity"}]}\n'),
    "jsonl-label-with-tab": ("jsonl", '{"id": "d1", "text": "كيم", "spans": [{"start": 0, '
                             '"end": 3, "label": "a\\tb", "text": "كيم"}]}\n'),
    "jsonl-long-arabic-id": ("jsonl", json.dumps({"id": "ك" * 130, "text": "كيم",
                                                  "spans": []}, ensure_ascii=False) + "\n"),
    "doccano-nan": ("doccano", '{"text": "كيم", "label": [[0, NaN, "entity"]]}\n'),
}


@pytest.mark.parametrize("case", sorted(IMPORTS))
def test_hostile_imports_write_nothing(case: str, project: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    fmt, content = IMPORTS[case]
    source = tmp_path / ("source.json" if fmt == "labelstudio" else "source.jsonl")
    source.write_bytes(content.encode("utf-8", "surrogatepass"))
    before = tree(project)
    for extra in (["--dry-run"], [], ["--add-labels"]):
        status, output = run(["import", str(project), "--format", fmt, str(source), *extra],
                             capsys)
        if case in MAY_IMPORT:
            assert_clean(status, output, (0, 1, 2))
            continue
        assert_clean(status, output)
        assert tree(project) == before, output
