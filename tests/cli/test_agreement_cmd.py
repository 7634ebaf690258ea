"""``annotator agreement``: JSON shape, table, filters, report, and refusing to compare nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.cli import agreement_cmd, main
from annotator.core.agreement import AnnotatedDocument, compute_agreement
from annotator.core.project import DEFAULT_LABELS
from tests.review_data import TEAM, TEXTS, make_project, spans_of

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
LABELS = [label.name for label in DEFAULT_LABELS]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["agreement", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def team(tmp_path: Path) -> Path:
    make_project(tmp_path / "p", TEAM, status={("sara", "d2"): "in_progress"})
    return tmp_path / "p"


def expected(annotators: list[str], skip: set[tuple[str, str]] = frozenset()) -> object:  # type: ignore[assignment]
    docs = [AnnotatedDocument(d, t, {n: spans_of(t, TEAM[n][d]) for n in annotators
                                     if d in TEAM[n] and (n, d) not in skip})
            for d, t in TEXTS.items()]
    return compute_agreement(docs, annotators, LABELS).to_json()


def test_json_is_the_core_figures_in_the_issue_shape(team: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, team, "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data == expected(["amal", "omar", "sara"])
    assert set(data) == {"annotators", "documents", "alpha", "pairs", "per_document"}
    assert data["documents"] == 3
    assert {"a", "b", "documents", "f1_exact", "f1_overlap", "kappa", "per_label",
            "relations"} == set(data["pairs"][0])


def test_json_of_many_documents_is_the_same_json_on_one_line(
        team: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    indented = run(capsys, team, "--json")[1]
    monkeypatch.setattr(agreement_cmd, "INDENTED_UP_TO", 2)  # the team has 3 documents
    status, out, _ = run(capsys, team, "--json")
    assert status == 0 and out.count("\n") == 1 and indented.count("\n") > 20
    assert json.loads(out) == json.loads(indented)


def test_annotators_and_status_filters(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, team, "--json", "--annotators", "sara, amal")
    assert status == 0
    data = json.loads(out)
    assert data == expected(["sara", "amal"])
    assert data["documents"] == 2  # sara did not annotate d3

    # sara's d2 is still in progress: with --status done only d1 pairs her with the others
    status, out, _ = run(capsys, team, "--json", "--status", "done")
    data = json.loads(out)
    assert data == expected(["amal", "omar", "sara"], skip={("sara", "d2")})
    assert [p["documents"] for p in data["pairs"]] == [3, 1, 1]


def test_table_reads_and_visual_reshapes(team: Path, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    status, out, _ = run(capsys, team)
    assert status == 0
    assert "Krippendorff's alpha" in out and "amal" in out and "Lowest agreement" in out
    pair_line = next(line for line in out.splitlines() if line.startswith("amal  omar"))
    figures = json.loads(run(capsys, team, "--json")[1])["pairs"][0]
    assert f"{figures['f1_exact']:.3f}" in pair_line and f"{figures['kappa']:.3f}" in pair_line

    arabic = make_project(tmp_path / "ar", {"أمل": TEAM["amal"], "عمر": TEAM["omar"]})
    status, out, _ = run(capsys, arabic.root)
    assert status == 0 and "\u2068أمل\u2069" in out and not PRESENTATION_FORMS.search(out)
    status, out, _ = run(capsys, arabic.root, "--visual")
    assert status == 0 and PRESENTATION_FORMS.search(out) and "أمل" not in out
    status, _, err = run(capsys, arabic.root, "--visual", "--json")
    assert status == 2 and "logical order" in err


def test_report_next_to_json(team: Path, capsys: pytest.CaptureFixture[str],
                             tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    status, out, err = run(capsys, team, "--json", "--report", target)
    assert status == 0
    json.loads(out)  # stdout stays pure JSON
    assert f"report written to {target}" in err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@font-face" in page  # bundled font inside
    assert "لقاء مع الحاكم" in page


def test_nothing_shared_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    apart = make_project(tmp_path / "apart", {"amal": {"d1": TEAM["amal"]["d1"]},
                                              "omar": {"d2": TEAM["omar"]["d2"]}})
    status, out, err = run(capsys, apart.root, "--json")
    assert status == 1 and out == ""
    assert "no document was annotated by at least two of amal, omar" in err
    alone = make_project(tmp_path / "alone", {"amal": TEAM["amal"]})
    assert run(capsys, alone.root)[0] == 1


def test_usage_mistakes_exit_2(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, team, "--annotators", "amal,nobody")
    assert status == 2 and "unknown annotator(s): nobody" in err
    status, _, err = run(capsys, team, "--annotators", "amal")
    assert status == 2 and "at least two" in err


def test_damaged_file_stops_the_command(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = team / "annotations" / "omar" / "d1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 10_000
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, out, err = run(capsys, team, "--json")
    assert status == 1 and out == ""
    assert "d1.json" in err and "[out-of-range]" in err


def test_stale_file_is_reanchored_with_a_warning(team: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = json.loads(run(capsys, team, "--json")[1])
    document = team / "documents" / "d3.txt"
    document.write_text("عاجل: " + TEXTS["d3"], encoding="utf-8")  # "Breaking: " in front
    status, out, err = run(capsys, team, "--json")
    assert status == 0 and "[stale]" in err
    after = json.loads(out)
    # every span found again, shifted: same span figures (kappa and alpha see two more O tokens)
    f1 = [(p["f1_exact"], p["f1_overlap"], p["per_label"]) for p in before["pairs"]]
    assert [(p["f1_exact"], p["f1_overlap"], p["per_label"]) for p in after["pairs"]] == f1
