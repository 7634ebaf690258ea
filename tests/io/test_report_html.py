"""The HTML agreement report: self-contained, valid, directions set, Arabic never reshaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from annotator.core.agreement import Agreement, AnnotatedDocument, compute_agreement
from annotator.io.report_html import render_report, svg_text, write_report
from tests.review_data import TEAM, TEXTS, spans_of

# Arabic labels and annotator names: the hard case for charts.
LABELS = {"entity": "كيان", "gift": "هدية", "meeting": "لقاء"}
NAMES = {"amal": "أمل", "omar": "omar", "sara": "سارة"}
COLORS = {"كيان": "#1f77b4", "هدية": "#2ca02c", "لقاء": "#d62728"}
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
SVG_NS = "{http://www.w3.org/2000/svg}"


def documents() -> list[AnnotatedDocument]:
    docs = []
    for doc_id, text in TEXTS.items():
        spans = {}
        for name, by_doc in TEAM.items():
            if doc_id in by_doc:
                specs = [(word, LABELS[label], *rest) for word, label, *rest in by_doc[doc_id]]
                spans[NAMES[name]] = spans_of(text, specs)  # type: ignore[arg-type]
        docs.append(AnnotatedDocument(doc_id, text, spans))
    return docs


@pytest.fixture(scope="module")
def report() -> tuple[Agreement, str]:
    docs = documents()
    agreement = compute_agreement(docs, list(NAMES.values()), list(LABELS.values()))
    return agreement, render_report(agreement, docs, title="قمة فلاديفوستوك", colors=COLORS,
                                    status="done")


class _Checker(HTMLParser):
    """Fails on unbalanced elements; records each text with the innermost ``dir`` around it."""

    VOID = frozenset({"meta", "br", "line", "rect", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, str | None, bool]] = []  # text, direction, inside svg

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("dir")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not data.strip() or any(t in ("title", "style") for t, _ in self.stack):
            return
        direction = next((d for _, d in reversed(self.stack) if d is not None), None)
        self.texts.append((data, direction, any(t == "svg" for t, _ in self.stack)))


def test_self_contained_and_balanced(report: tuple[Agreement, str]) -> None:
    _, page = report
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    tags = {tag for tag, _ in checker.tags}
    assert not tags & {"script", "link", "img", "iframe"}
    # the only URL is the SVG namespace: nothing is fetched
    urls = set(re.findall(r"https?://[^\s\"')]+", page))
    assert urls == {"http://www.w3.org/2000/svg"}


def test_arabic_is_stored_logical_never_reshaped(report: tuple[Agreement, str]) -> None:
    _, page = report
    assert not PRESENTATION_FORMS.search(page)
    # span texts (with their shadda) and the title appear exactly as stored
    assert ">سترة واقية من الرصاص<" in page and ">خمس طائرات مسيّرة<" in page
    assert "قمة فلاديفوستوك" in page


def test_every_html_text_with_arabic_has_a_direction(report: tuple[Agreement, str]) -> None:
    _, page = report
    checker = _Checker()
    checker.feed(page)
    arabic = 0
    for text, direction, in_svg in checker.texts:
        first = re.search(r"[A-Za-z\u0600-\u06ff]", text)
        if in_svg or not first or not "\u0600" <= first.group() <= "\u06ff":
            continue
        arabic += 1
        assert direction == "rtl", text  # the innermost element with a dir says rtl
    assert arabic > 20


def test_charts_are_valid_svg_with_anchors_that_respect_direction(
        report: tuple[Agreement, str]) -> None:
    agreement, page = report
    charts = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(charts) == 1 + len(agreement.pairs) + 1  # F1 bars, one matrix per pair, lowest
    arabic_texts = 0
    for chart in charts:
        root = ET.fromstring(chart)
        for node in root.iter(f"{SVG_NS}text"):
            text = node.text or ""
            first = re.search(r"[A-Za-z\u0600-\u06ff]", text.replace("\u2068", ""))
            starts_arabic = bool(first) and "\u0600" <= first.group() <= "\u06ff"
            if text.startswith("\u2068"):
                # isolated names ("a / b", "rows: a") keep a left-to-right base
                starts_arabic = False
            assert (node.get("direction") == "rtl") == starts_arabic, text
            arabic_texts += starts_arabic
    assert arabic_texts >= 3 * 2  # label names in the bars and the matrices at least
    # the per-label chart: Arabic label names right-aligned at the label column
    bars = ET.fromstring(charts[0])
    label_nodes = [n for n in bars.iter(f"{SVG_NS}text") if n.text in COLORS]
    assert {n.get("text-anchor") for n in label_nodes} == {"start"}  # rtl: start = right edge
    assert len({n.get("x") for n in label_nodes}) == 1


@pytest.mark.parametrize(("text", "side", "anchor"), [
    ("entity", "right", "end"), ("كيان", "right", "start"), ("entity", "left", "start"),
    ("كيان", "left", "end"), ("كيان", "middle", "middle"), ("12", "right", "end"),
])
def test_svg_text_anchor(text: str, side: str, anchor: str) -> None:
    node = ET.fromstring(svg_text(10, 10, text, side))  # type: ignore[arg-type]
    assert node.get("text-anchor") == anchor
    assert node.get("direction") == ("rtl" if text == "كيان" else None)


def test_lowest_documents_come_with_their_differences(report: tuple[Agreement, str]) -> None:
    agreement, page = report
    lowest = agreement.lowest(10)
    positions = [page.index(f'<h3><span dir="ltr">{doc.id}</span></h3>') for doc in lowest]
    assert positions == sorted(positions)  # listed lowest first
    # d1: omar marked only "لقاء" where أمل marked "لقاء مع الحاكم": a boundary difference
    d1 = page[positions[[d.id for d in lowest].index("d1")]:]
    assert "overlapping boundaries" in d1.split("<h3>", 2)[1]
    assert '<mark style="background:#b3d7ff">لقاء مع الحاكم</mark>' in d1


def test_deterministic_and_written_atomically(tmp_path: Path,
                                              report: tuple[Agreement, str]) -> None:
    agreement, page = report
    docs = documents()
    target = tmp_path / "report.html"
    write_report(target, agreement, docs, title="قمة فلاديفوستوك", colors=COLORS,
                 status="done")
    assert target.read_text(encoding="utf-8") == page
    assert list(tmp_path.iterdir()) == [target]


def test_embedded_font(report: tuple[Agreement, str]) -> None:
    agreement, _ = report
    page = render_report(agreement, documents(), title="t", colors=COLORS, fonts=[b"\0\1fake"])
    assert "@font-face { font-family: 'Report Arabic'; src: url(data:font/ttf;base64,AAFmYWtl)" \
        in page


def test_project_labels_feed_colours() -> None:
    # a label without a colour in the mapping still renders (grey)
    docs = documents()
    agreement = compute_agreement(docs, list(NAMES.values()), list(LABELS.values()))
    page = render_report(agreement, docs, title="t", colors={})
    assert "#9e9e9e" in page
