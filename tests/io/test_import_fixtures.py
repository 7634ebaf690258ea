"""Imports of files in the shapes brat, doccano and Label Studio write, against golden results.

Each case under ``tests/data/import/<format>/<case>/`` holds the tool's file(s)
(Arabic news texts of our own, about gifts and meetings; ``\\r\\n`` and emoji
among them) and ``case.json`` (the format and the import options). The case
is imported into a copy of ``tests/data/import/project`` twice, as a dry run
and for real; ``expected/report.json`` is what both report (problems,
warnings, every ignored thing with its count, what was imported) and
``expected/files/`` every file the real import wrote: annotation files
(without their ``modified`` time) and new documents. A case with problems
and without ``skip_bad`` writes nothing.

Regenerate after a deliberate change with ``UPDATE_GOLDEN=1 pytest
tests/io/test_import_fixtures.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotator.io.importing import ImportOptions, ImportSummary, import_annotations
from annotator.io.project_file import open_project

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
BASE = DATA / "project"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = sorted(p.parent for p in DATA.glob("*/*/case.json"))


def case_options(case: Path) -> ImportOptions:
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    return ImportOptions(spec["format"], (case / spec["source"]).resolve(),
                         annotator=spec.get("annotator"), add_labels=spec.get("add_labels", False),
                         utf16_offsets=spec.get("utf16_offsets", False),
                         skip_bad=spec.get("skip_bad", False))


def report(summary: ImportSummary, case: Path) -> dict[str, Any]:
    """What the summary says, with the fixture folder's path made relative."""
    prefix = str(DATA) + os.sep

    def clean(text: str) -> str:
        return text.replace(prefix, "")

    return {
        "ok": summary.ok,
        "problems": [clean(str(p)) for p in summary.problems],
        "hints": sorted({p.hint for p in summary.problems if p.hint}),
        "warnings": [clean(str(w)) for w in summary.warnings],
        "ignored": [clean(line) for line in summary.ignored],
        "read": summary.read,
        "imported": {"spans": summary.spans, "relations": summary.relations,
                     "notes": summary.notes, "attributes": summary.attributes},
        "files": sorted(f"{annotator}/{doc_id}" for doc_id, annotator in summary.written),
        "created": summary.created,
    }


def written(root: Path, before: dict[str, bytes]) -> dict[str, Any]:
    """Files the import added or changed: annotation files as JSON without ``modified``."""
    found: dict[str, Any] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if not path.is_file() or name.startswith(".") or "/." in name or \
                before.get(name) == path.read_bytes():
            continue
        if name.endswith(".json") and name != "project.json":
            value = json.loads(path.read_text(encoding="utf-8"))
            value.pop("modified", None)
            found[name] = value
        else:
            found[name] = path.read_bytes().decode("utf-8")
    return found


def load_expected(folder: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            name = path.relative_to(folder).as_posix()
            found[name] = (json.loads(path.read_text(encoding="utf-8")) if name.endswith(".json")
                           else path.read_bytes().decode("utf-8"))
    return found


def save_expected(folder: Path, files: dict[str, Any]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name, value in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, str):
            path.write_bytes(value.encode("utf-8"))
        else:
            path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_format_and_case_kind_has_fixtures() -> None:
    kinds = {p.parent.name for p in CASES}
    assert kinds == {"brat", "doccano", "labelstudio", "jsonl"}
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_imports_as_expected(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    options = case_options(case)
    before = snapshot(root)
    dry = import_annotations(open_project(root), replace(options, dry_run=True))
    assert snapshot(root) == before  # a dry run writes nothing
    summary = import_annotations(open_project(root), options)
    got = report(summary, case)
    dry_report = report(dry, case)
    # the dry run reports the same problems and ignored things; what it would import is
    # what the real run imports, unless that refused (then it imports nothing)
    refused = not summary.ok and not options.skip_bad
    outcome = ("files", "created", "imported")
    assert {k: v for k, v in dry_report.items() if k not in outcome} == \
        {k: v for k, v in got.items() if k not in outcome}
    if refused:
        assert got["files"] == got["created"] == [] and not any(got["imported"].values())
    else:
        assert {k: dry_report[k] for k in outcome} == {k: got[k] for k in outcome}
    files = written(root, before)
    if refused:
        assert files == {}  # nothing written
    expected = case / "expected"
    outcome_of_both = {"report.json": {**got, "dry_run_would_import": dry_report["imported"]},
                       **{f"files/{k}": v for k, v in files.items()}}
    if UPDATE:
        save_expected(expected, outcome_of_both)
    assert load_expected(expected) == outcome_of_both
