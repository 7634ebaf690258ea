"""The agreement report: one self-contained HTML file with tables and inline SVG charts.

People would rather look at agreement than read it, so next to the tables the
report draws per-label F1 bars, a token confusion matrix for each pair of
annotators and the documents with the lowest agreement, with their
disagreements in context. One file, no scripts, no links: it can be mailed,
attached to an issue, or opened years later.

Right-to-left text is written as stored (logical order, never reshaped: the
browser shapes and orders it). Every element holding user text gets the
direction of its first strong character (``dir`` in HTML, ``direction`` in
SVG). In SVG ``direction="rtl"`` reverses what ``text-anchor`` means (``start``
is then the right edge), so :func:`svg_text` picks the anchor from the side the
text must sit on *and* its direction; an Arabic label anchored naively runs
off the chart.
"""

from __future__ import annotations

import base64
import html
import math
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from annotator.core.agreement import OUTSIDE, Agreement, AnnotatedDocument, PairFigures
from annotator.core.differences import Kind, classify_differences
from annotator.core.document import strong_direction
from annotator.core.spans import Span
from annotator.io.atomic import atomic_write

Side = Literal["left", "right", "middle"]
FONT_STACK = "'Report Arabic', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate, pop directional isolate
HEAT = (31, 119, 180)  # confusion matrix colour
GREY = "#9e9e9e"

CSS = """
body { font-family: %(font)s; margin: 24px auto; max-width: 1040px; color: #222;
       line-height: 1.5; }
h1 { font-size: 24px; margin-bottom: 0; } h2 { font-size: 19px; margin-top: 32px;
  border-bottom: 1px solid #ddd; } h3 { font-size: 16px; margin-bottom: 4px; }
.meta { color: #666; margin-top: 4px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card .v { font-size: 24px; font-weight: bold; } .card .k { color: #666; font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: start; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
          margin-inline-end: 4px; }
mark { border-radius: 2px; padding: 0 1px; }
.ctx { font-size: 15px; } .kind { white-space: nowrap; }
svg text { font-family: %(font)s; }
.tag { border: 1px solid; border-radius: 3px; padding: 0 4px; font-size: 12px; }
.spantext { background: #f6f6f6; padding: 0 2px; }
"""

KIND_COLORS = {Kind.LABEL: "#ffe08a", Kind.BOUNDARY: "#b3d7ff", Kind.ONLY_A: "#ffc2c2",
               Kind.ONLY_B: "#c8f0c0", Kind.SAME: "#eeeeee"}


def direction_of(text: str) -> str:
    """``rtl``/``ltr`` from the first strong character, ``auto`` when there is none."""
    return strong_direction(text) or "auto"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def bidi(text: str, tag: str = "span", cls: str = "") -> str:
    """``text`` in an element carrying its own direction."""
    klass = f' class="{cls}"' if cls else ""
    return f'<{tag} dir="{direction_of(text)}"{klass}>{esc(text)}</{tag}>'


def number(value: float | None, digits: int = 3) -> str:
    return f"{value:.{digits}f}" if value is not None else "–"


def svg_text(x: float, y: float, text: str, side: Side, size: int = 12,
             extra: str = "") -> str:
    """SVG text whose ``side`` edge sits at ``x`` (``right``: the text ends at x, visually).

    ``text-anchor`` means the logical start or end of the text, which is the
    right edge for right-to-left text; so the anchor depends on the direction.
    """
    rtl = strong_direction(text) == "rtl"
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        size += 2  # Naskh letters look smaller than Latin ones at the same size
    if side == "middle":
        anchor = "middle"
    elif side == "right":
        anchor = "start" if rtl else "end"
    else:
        anchor = "end" if rtl else "start"
    direction = ' direction="rtl"' if rtl else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"'
            f'{direction}{extra}>{esc(text)}</text>')


def pair_name(pair: PairFigures) -> str:
    """``a / b`` for SVG, each name isolated so that two Arabic names keep their order."""
    return f"{FSI}{pair.a}{PDI} / {FSI}{pair.b}{PDI}"


def pair_html(pair: PairFigures) -> str:
    """``a / b`` in HTML, each name in its own element (a ``dir`` attribute isolates it)."""
    return f"{bidi(pair.a)} / {bidi(pair.b)}"


# -- charts --------------------------------------------------------------------

def f1_bars(agreement: Agreement, colors: Mapping[str, str]) -> str:
    """Per label and pair: exact F1 (solid bar) and overlap F1 (light bar below it)."""
    many = len(agreement.pairs) > 1
    label_x, pair_x = 130.0, 300.0 if many else 130.0
    bar_x, bar_w, row_h = pair_x + 12, 380.0, 30
    rows = [(label, pair) for label in agreement.labels for pair in agreement.pairs]
    height = 40 + row_h * len(rows) + 8 * len(agreement.labels)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{bar_x + bar_w + 120:.0f}" '
             f'height="{height}" role="img" aria-label="F1 per label">']
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = bar_x + tick * bar_w
        parts.append(f'<line x1="{x:.1f}" y1="22" x2="{x:.1f}" y2="{height - 4}" '
                     f'stroke="#e3e3e3"/>')
        parts.append(svg_text(x, 16, f"{tick:g}", "middle", 11, ' fill="#777"'))
    y = 26.0
    for index, (label, pair) in enumerate(rows):
        if index and rows[index - 1][0] != label:
            y += 8
        color = colors.get(label, GREY)
        figures = pair.per_label[label]
        if not many or pair is agreement.pairs[0]:
            parts.append(svg_text(label_x, y + 17, label, "right", 13, ' font-weight="bold"'))
        if many:
            parts.append(svg_text(pair_x, y + 17, pair_name(pair), "right", 12))
        for value, top, tall, opacity in ((figures.f1_exact, 4, 12, 1.0),
                                          (figures.f1_overlap, 18, 7, 0.45)):
            if value is not None:
                parts.append(f'<rect x="{bar_x:.1f}" y="{y + top:.1f}" '
                             f'width="{max(value * bar_w, 1.5):.1f}" height="{tall}" '
                             f'fill="{color}" fill-opacity="{opacity}"/>')
        value_text = (f"{number(figures.f1_exact, 2)} / {number(figures.f1_overlap, 2)}"
                      f"  ({figures.a_count}:{figures.b_count})")
        parts.append(svg_text(bar_x + bar_w + 8, y + 17, value_text, "left", 11, ' fill="#444"'))
        y += row_h
    parts.append("</svg>")
    return "".join(parts)


def confusion_matrix(pair: PairFigures, labels: Sequence[str]) -> str:
    """Tokens by (label of a, label of b); the diagonal is agreement, ``O`` means no span."""
    values: list[str | None] = [*labels, None]
    names = [label if label is not None else OUTSIDE for label in values]
    cell, left, top = 58, 140, 58
    size = cell * len(values)
    counts = pair.confusion
    scale = max((c for (x, y), c in counts.items() if not (x is None and y is None)), default=1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + size + 20}" '
             f'height="{top + size + 16}" role="img" aria-label="confusion matrix">']
    parts.append(svg_text(left + size / 2, 14, f"columns: {FSI}{pair.b}{PDI}", "middle", 12,
                          ' fill="#555"'))
    parts.append(svg_text(left - 8, 14, f"rows: {FSI}{pair.a}{PDI}", "right", 12,
                          ' fill="#555"'))
    for j, name in enumerate(names):
        parts.append(svg_text(left + j * cell + cell / 2, top - 10, name, "middle", 12))
    for i, (row_value, row_name) in enumerate(zip(values, names, strict=True)):
        y = top + i * cell
        parts.append(svg_text(left - 8, y + cell / 2 + 4, row_name, "right", 12))
        for j, col_value in enumerate(values):
            x = left + j * cell
            count = counts.get((row_value, col_value), 0)
            if row_value is None and col_value is None:
                fill, ink = "#f2f2f2", "#777"
            else:
                strength = math.log1p(count) / math.log1p(max(scale, 1)) if count else 0.0
                r, g, b = (round(255 - (255 - c) * strength) for c in HEAT)
                fill, ink = f"rgb({r},{g},{b})", "#fff" if strength > 0.6 else "#222"
            stroke = ' stroke="#333" stroke-width="1.5"' if i == j else ' stroke="#fff"'
            parts.append(f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" '
                         f'fill="{fill}"{stroke}/>')
            parts.append(svg_text(x + cell / 2, y + cell / 2 + 4, str(count), "middle", 12,
                                  f' fill="{ink}"'))
    parts.append("</svg>")
    return "".join(parts)


def lowest_chart(agreement: Agreement, count: int) -> str:
    """The documents with the lowest alpha: alpha (solid) and exact F1 (light), from -1 to 1."""
    docs = agreement.lowest(count)
    name_x, bar_x, bar_w, row_h = 190.0, 202.0, 420.0, 26
    zero = bar_x + bar_w / 2
    height = 34 + row_h * len(docs)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{bar_x + bar_w + 130:.0f}" '
             f'height="{height}" role="img" aria-label="lowest agreement">']
    for tick in (-1, -0.5, 0, 0.5, 1):
        x = zero + tick * bar_w / 2
        parts.append(f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{height - 2}" '
                     f'stroke="{"#999" if tick == 0 else "#e3e3e3"}"/>')
        parts.append(svg_text(x, 14, f"{tick:g}", "middle", 11, ' fill="#777"'))
    y = 22.0
    for doc in docs:
        parts.append(svg_text(name_x, y + 15, doc.id, "right", 12))
        for value, top, tall, opacity in ((doc.alpha, 3, 11, 1.0), (doc.f1_exact, 15, 6, 0.45)):
            if value is None:
                continue
            x0, x1 = sorted((zero, zero + value * bar_w / 2))
            parts.append(f'<rect x="{x0:.1f}" y="{y + top:.1f}" width="{max(x1 - x0, 1.5):.1f}" '
                         f'height="{tall}" fill="#d62728" fill-opacity="{opacity}"/>')
        parts.append(svg_text(bar_x + bar_w + 8, y + 15,
                              f"α {number(doc.alpha, 2)}  F1 {number(doc.f1_exact, 2)}",
                              "left", 11, ' fill="#444"'))
        y += row_h
    parts.append("</svg>")
    return "".join(parts)


# -- tables and details --------------------------------------------------------

def _pairs_table(agreement: Agreement) -> str:
    rows = ["<table><tr><th>annotators</th><th>documents</th><th>tokens</th><th>F1 exact</th>"
            "<th>F1 overlap</th><th>Cohen's κ</th></tr>"]
    for pair in agreement.pairs:
        rows.append(f"<tr><td>{pair_html(pair)}</td><td class=n>{pair.documents}"
                    f"</td><td class=n>{pair.tokens}</td><td class=n>{number(pair.f1_exact)}"
                    f"</td><td class=n>{number(pair.f1_overlap)}</td>"
                    f"<td class=n>{number(pair.kappa)}</td></tr>")
    return "".join(rows) + "</table>"


def _labels_table(agreement: Agreement, colors: Mapping[str, str]) -> str:
    head = "".join(f"<th>{pair_html(p)}<br>F1 exact · overlap · κ · spans</th>"
                   for p in agreement.pairs)
    rows = [f"<table><tr><th>label</th><th>α</th>{head}</tr>"]
    for label in agreement.labels:
        cells = []
        for pair in agreement.pairs:
            f = pair.per_label[label]
            cells.append(f"<td class=n>{number(f.f1_exact)} · {number(f.f1_overlap)} · "
                         f"{number(f.kappa)} · {f.a_count}:{f.b_count}</td>")
        swatch = f'<span class="swatch" style="background:{colors.get(label, GREY)}"></span>'
        rows.append(f"<tr><td>{swatch}{bidi(label)}</td>"
                    f"<td class=n>{number(agreement.alpha_per_label.get(label))}</td>"
                    f"{''.join(cells)}</tr>")
    return "".join(rows) + "</table>"


def _context(text: str, start: int, end: int, color: str, reach: int = 40) -> str:
    """The sentence piece around ``[start, end)``, cut at white space, the range marked."""
    left = max(0, start - reach)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = min(len(text), end + reach)
    while right < len(text) and not text[right].isspace():
        right += 1
    before, inside, after = text[left:start], text[start:end], text[end:right]
    body = (f"{'…' if left else ''}{esc(before)}<mark style=\"background:{color}\">"
            f"{esc(inside)}</mark>{esc(after)}{'…' if right < len(text) else ''}")
    snippet = text[left:right].replace("\n", " ")
    return f'<span class="ctx" dir="{direction_of(snippet)}">{body.replace(chr(10), " ")}</span>'


def _span_cell(span: Span | None, colors: Mapping[str, str]) -> str:
    """A span's label (as a coloured tag) and text; the cell takes the text's direction."""
    if span is None:
        return "<td></td>"
    color = colors.get(span.label, GREY)
    return (f'<td dir="{direction_of(span.text)}"><span class="tag" style="border-color:{color}">'
            f"{bidi(span.label)}</span> {bidi(span.text, cls='spantext')}</td>")


def _kind_text(kind: Kind, a: str, b: str) -> str:
    if kind is Kind.ONLY_A:
        return f"only in {bidi(a)}"
    if kind is Kind.ONLY_B:
        return f"only in {bidi(b)}"
    return esc(kind.description)


def _differences(document: AnnotatedDocument, agreement: Agreement, colors: Mapping[str, str],
                 limit: int) -> str:
    figures = next(d for d in agreement.per_document if d.id == document.id)
    out = [f"<h3>{bidi(document.id)}</h3><p class=meta>α {number(figures.alpha)} · "
           f"F1 exact {number(figures.f1_exact)} · F1 overlap {number(figures.f1_overlap)} · "
           f"{figures.tokens} tokens</p>"]
    for (a, b), pair in figures.pairs.items():
        diffs = [d for d in classify_differences(document.spans[a], document.spans[b])
                 if d.kind is not Kind.SAME]
        out.append(f"<p>{bidi(a)} / {bidi(b)}: κ {number(pair.kappa)}, "
                   f"{len(diffs)} difference(s)</p>")
        if not diffs:
            continue
        out.append(f"<table><tr><th>kind</th><th>{bidi(a)}</th><th>{bidi(b)}</th>"
                   "<th>context</th></tr>")
        for diff in diffs[:limit]:
            color = KIND_COLORS[diff.kind]
            out.append(f'<tr><td class="kind"><span class="swatch" style="background:{color}">'
                       f"</span>{_kind_text(diff.kind, a, b)}</td>{_span_cell(diff.a, colors)}"
                       f"{_span_cell(diff.b, colors)}<td>"
                       f"{_context(document.text, diff.start, diff.end, color)}</td></tr>")
        if len(diffs) > limit:
            out.append(f"<tr><td colspan=4>… and {len(diffs) - limit} more</td></tr>")
        out.append("</table>")
    return "".join(out)


# -- the page ------------------------------------------------------------------

def render_report(agreement: Agreement, documents: Sequence[AnnotatedDocument], *,
                  title: str, colors: Mapping[str, str], status: str | None = None,
                  lowest: int = 10, fonts: Sequence[bytes] = (),
                  differences_limit: int = 40) -> str:
    """The whole report as one HTML string (deterministic: no dates, no random ids).

    ``fonts``: TrueType files embedded as the report's first font choice, so it
    looks the same on machines without an Arabic font.
    """
    faces = "".join(
        "@font-face { font-family: 'Report Arabic'; src: url(data:font/ttf;base64,"
        f"{base64.b64encode(data).decode('ascii')}) format('truetype'); }}\n" for data in fonts)
    css = faces + CSS % {"font": FONT_STACK}
    names = ", ".join(bidi(name) for name in agreement.annotators)
    scope = f"status {esc(status)}" if status else "any status"
    by_id = {doc.id: doc for doc in documents}
    low = [by_id[d.id] for d in agreement.lowest(lowest) if d.id in by_id]
    cards = [(esc("Krippendorff's α"), agreement.alpha), *(
        (f"κ {pair_html(p)}", p.kappa) for p in agreement.pairs)]
    card_html = "".join(f'<div class="card"><div class="v">{number(v)}</div>'
                        f'<div class="k">{k}</div></div>' for k, v in cards)
    matrices = "".join(f"<h3>{pair_html(p)}</h3>{confusion_matrix(p, agreement.labels)}"
                       for p in agreement.pairs if p.documents)
    details = "".join(_differences(doc, agreement, colors, differences_limit) for doc in low)
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="generator" content="annotator agreement">
<title>Agreement: {esc(title)}</title>
<style>
{css}</style>
</head>
<body>
<h1>Agreement: {bidi(title)}</h1>
<p class="meta">Annotators {names} · {agreement.documents} document(s) annotated by at least
two of them · {scope}. Kappa and alpha are over tokens (the CoNLL export's tokens and
labels, O outside every span); F1 over spans.</p>
<div class="cards">{card_html}</div>
<h2>Pairs</h2>
{_pairs_table(agreement)}
<h2>Per label</h2>
<p class="meta">Bars: F1 exact (solid) and F1 overlap (light); in brackets, spans of each
annotator of the pair.</p>
{f1_bars(agreement, colors)}
{_labels_table(agreement, colors)}
<h2>Token confusion between annotators</h2>
<p class="meta">Each cell counts tokens labelled by the row's annotator as the row label and
by the column's annotator as the column label; the outlined diagonal is agreement.</p>
{matrices}
<h2>Lowest agreement</h2>
{lowest_chart(agreement, lowest)}
{details}
</body>
</html>
"""


def write_report(path: Path, agreement: Agreement, documents: Sequence[AnnotatedDocument], *,
                 title: str, colors: Mapping[str, str], status: str | None = None,
                 fonts: Sequence[bytes] = (), expected: str | None = None) -> None:
    """Render the report and write ``path`` atomically.

    ``expected``: ``ABSENT`` to refuse a file that appeared meanwhile, None to
    replace whatever is there (the caller checked the path with
    :func:`annotator.io.outputs.check_output_file`).
    """
    page = render_report(agreement, documents, title=title, colors=colors, status=status,
                         fonts=fonts)
    atomic_write(path, page.encode("utf-8"), expected)
