"""``annotator import`` on what brat, doccano and Label Studio write; ``export`` to the last two.

Exit status 0 when everything was imported, 1 when the source holds anything
the format cannot use (nothing is then written, unless ``--skip-bad``); the
printed report lists every ignored thing with its count, ``--dry-run`` too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from tests.io.test_import_fixtures import CASES, DATA, case_options

PROJECT = Path(__file__).resolve().parent.parent / "data" / "export" / "project"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_exit_status_and_report_of_every_fixture(case: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    options = case_options(case)
    expected = json.loads((case / "expected" / "report.json").read_text(encoding="utf-8"))
    args = ["import", str(root), "--format", options.format, str(options.path)]
    args += ["--annotator", options.annotator] if options.annotator else []
    args += ["--utf16-offsets"] if options.utf16_offsets else []
    args += ["--skip-bad"] if options.skip_bad else []
    status = 0 if expected["ok"] else 1
    before = tree(root)
    assert main([*args, "--dry-run"]) == status
    dry = capsys.readouterr().out.splitlines()
    assert tree(root) == before
    assert main(args) == status
    out = capsys.readouterr().out.splitlines()
    for printed in (dry, out):
        ignored = [line.removeprefix("ignored: ") for line in printed
                   if line.startswith("ignored: ")]
        assert [line.replace(str(DATA) + "/", "") for line in ignored] == expected["ignored"]
        assert len([line for line in printed if line.endswith("]") and "[" in line]) >= \
            len(expected["problems"])
    if expected["ok"] or options.skip_bad:
        assert any(line.startswith(f"imported {expected['imported']['spans']} span(s), "
                                   f"{expected['imported']['relations']} relation(s)")
                   for line in out)
    else:
        assert out[-1] == f"nothing was written: {len(expected['problems'])} problem(s)"
        assert tree(root) == before
    if "format" in expected["hints"]:  # the other format is named, and the option to choose it
        assert any("(--format) [wrong-format]" in line for line in out)


def test_json_output_lists_ignored_things_and_problems(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    source = DATA / "labelstudio" / "image-task-refused" / "images.json"
    assert main(["import", str(root), "--format", "labelstudio", str(source), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False and result["written"] == []
    assert [p["code"] for p in result["problems"]] == ["unsupported"]
    assert "no text" in result["problems"][0]["message"]
    assert len(result["ignored"]) == 2 and "rectanglelabels" in result["ignored"][0]


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_export_for_the_tool_and_import_back(fmt: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / fmt
    assert main(["export", str(PROJECT), "--format", fmt, "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1] == "spans: 23 in the annotations, 23 written, 0 dropped"
    left_out = {"doccano": "5 span attribute(s), 2 span note(s), 2 relation note(s), 1 "
                           "suggestion origin(s) of spans",
                "labelstudio": "5 span attribute(s), 2 relation note(s), 1 suggestion origin(s) "
                               "of spans"}[fmt]
    assert f"left out, as {fmt} has no place for them: {left_out}" in printed
    empty = tmp_path / "empty"
    empty.mkdir()
    shutil.copy(PROJECT / "project.json", empty / "project.json")
    source = out / ("all.jsonl" if fmt == "doccano" else "all.json")
    args = ["import", str(empty), "--format", fmt, str(source), "--annotator", "gold"]
    if fmt == "doccano":
        args.append("--utf16-offsets")
    assert main(args) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == ("imported 23 span(s), 5 relation(s), "
                          f"{2 if fmt == 'labelstudio' else 0} note(s) and 0 attribute(s) into "
                          "3 annotation file(s) from 3 source document(s)")
    assert main(["export", str(empty), "--format", fmt, "--out", str(tmp_path / "again")]) == 0
    assert tree(tmp_path / "again") == tree(out)  # ours -> theirs -> ours -> theirs: the same
