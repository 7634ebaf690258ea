"""The HTML agreement report against golden files, byte for byte.

Two fixed inputs: the Arabic team of the report tests (Arabic labels and
annotator names, three annotators: the hard case for directions and chart
anchors) and ``tests/data/golden-project`` read through the store (a BOM, an
emoji flag, a ZWNJ, a line break). No font is embedded, so the goldens stay
small. Regenerate them after a deliberate change with
``UPDATE_GOLDEN=1 pytest tests/io/test_report_golden.py``, then open them in a
browser and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.agreement import AnnotatedDocument, compute_agreement
from annotator.core.spans import Span
from annotator.io import store
from annotator.io.project_file import open_project
from annotator.io.report_html import render_report
from tests.io.test_report_html import COLORS, LABELS, NAMES, documents

DATA = Path(__file__).resolve().parent.parent / "data"
EXPECTED = DATA / "report"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def arabic_team() -> str:
    docs = documents()
    agreement = compute_agreement(docs, list(NAMES.values()), list(LABELS.values()))
    return render_report(agreement, docs, title="قمة فلاديفوستوك", colors=COLORS,
                         status="done", fonts=[])


def golden_project() -> str:
    project = open_project(DATA / "golden-project")
    annotators = project.annotators()
    docs = []
    for doc_id in project.doc_ids():
        spans: dict[str, list[Span]] = {}
        for name in annotators:
            if project.annotation_path(doc_id, name).is_file():
                spans[name] = store.load(project, doc_id, name).annotations.spans()
        if len(spans) >= 2:
            docs.append(AnnotatedDocument(doc_id, project.load_document(doc_id).text, spans))
    agreement = compute_agreement(docs, annotators, [label.name for label in project.labels])
    colors = {label.name: label.color for label in project.labels if label.color}
    return render_report(agreement, docs, title=project.name, colors=colors, fonts=[])


@pytest.mark.parametrize("name", ["arabic-team", "golden-project"])
def test_report_matches_golden_file(name: str) -> None:
    page = {"arabic-team": arabic_team, "golden-project": golden_project}[name]()
    expected = EXPECTED / f"{name}.html"
    if UPDATE:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(page.encode("utf-8"))
    assert page == expected.read_bytes().decode("utf-8")


def test_every_value_is_escaped_once() -> None:
    text = "كيم <b>&amp; \"x\" 'y'"
    label = "a<i>&"
    docs = [AnnotatedDocument("d<1>", text, {
        "o<m>": [Span("T1", 0, 3, label, "كيم")],
        "s&a": [Span("T1", 4, 7, label, "<b>")]})]
    agreement = compute_agreement(docs, ["o<m>", "s&a"], [label])
    page = render_report(agreement, docs, title="<script>&", colors={label: "#123456"},
                         status="a<b")
    for raw in ("<script>", "<b>", "<i>", "<m>", "<1>", "a<b"):
        assert raw not in page
    assert "&lt;script&gt;&amp;" in page and "a&lt;i&gt;&amp;" in page
    assert "&amp;amp;" in page  # the text's own "&amp;", escaped exactly once
    assert "&amp;lt;" not in page and "&amp;amp;amp;" not in page
