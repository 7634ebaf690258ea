"""The agreement report: one self-contained HTML file with tables and inline SVG charts.

People would rather look at agreement than read it, so next to the tables the
report draws per-label F1 bars, a token confusion matrix for each pair of
annotators and the documents with the lowest agreement, with their
disagreements in context. One file, no scripts, no links: it can be mailed,
attached to an issue, or opened years later.

The markup lives in ``string.Template`` files shipped in
``annotator/io/templates`` (the page, its CSS, and one small fragment per
repeated piece); this module only computes the values. Every value is escaped
in one place, :func:`escape_values`, right before it is substituted; a value
that is already markup (a fragment rendered from a template) is a
:class:`Markup` and passes through unchanged. Plain ``str`` operations on a
:class:`Markup` give a plain ``str`` again, so a mistake escapes twice (and
shows), never zero times.

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
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
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

KIND_COLORS = {Kind.LABEL: "#ffe08a", Kind.BOUNDARY: "#b3d7ff", Kind.ONLY_A: "#ffc2c2",
               Kind.ONLY_B: "#c8f0c0", Kind.SAME: "#eeeeee"}


# -- templates and escaping ----------------------------------------------------

class Markup(str):
    """Markup already built (from a template): :func:`escape_values` leaves it as it is."""

    __slots__ = ()


def escape_values(values: Mapping[str, object]) -> dict[str, Markup]:
    """Every value as markup: text (and numbers) HTML-escaped, :class:`Markup` unchanged.

    The one place where the report escapes anything.
    """
    return {name: value if isinstance(value, Markup)
            else Markup(html.escape(str(value), quote=True))
            for name, value in values.items()}


@cache
def template(name: str) -> Template:
    """``annotator/io/templates/<name>``, used verbatim (a fragment has no final newline)."""
    path = resources.files("annotator.io") / "templates" / name
    return Template(path.read_text(encoding="utf-8"))


def render(name: str, /, **values: object) -> Markup:
    """Template ``name`` with ``values`` escaped (see :func:`escape_values`) and substituted."""
    return Markup(template(name).substitute(escape_values(values)))


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """``parts`` one after the other as markup, text among them escaped."""
    escaped = escape_values({str(i): part for i, part in enumerate([separator, *parts])})
    first, *rest = escaped.values()
    return Markup(first.join(rest))


def attributes(**values: object) -> Markup:
    """`` name="value"`` for each value that is not None (``font_weight`` is ``font-weight``)."""
    return join(render("attribute.html", name=name.rstrip("_").replace("_", "-"), value=value)
                for name, value in values.items() if value is not None)


# -- text ----------------------------------------------------------------------

def direction_of(text: str) -> str:
    """``rtl``/``ltr`` from the first strong character, ``auto`` when there is none."""
    return strong_direction(text) or "auto"


def bidi(text: str, tag: str = "span", cls: str = "") -> Markup:
    """``text`` in an element carrying its own direction."""
    return render("element.html", tag=tag, dir=direction_of(text),
                  attributes=attributes(class_=cls or None), text=text)


def number(value: float | None, digits: int = 3) -> str:
    return f"{value:.{digits}f}" if value is not None else "–"


def svg_text(x: float, y: float, text: str, side: Side, size: int = 12,
             **extra: object) -> Markup:
    """SVG text whose ``side`` edge sits at ``x`` (``right``: the text ends at x, visually).

    ``text-anchor`` means the logical start or end of the text, which is the
    right edge for right-to-left text; so the anchor depends on the direction.
    ``extra``: more attributes (``fill="#777"``, ``font_weight="bold"``).
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
    return render("text.svg", x=f"{x:.1f}", y=f"{y:.1f}", size=size, anchor=anchor,
                  attributes=attributes(direction="rtl" if rtl else None, **extra), text=text)


def pair_name(pair: PairFigures) -> str:
    """``a / b`` for SVG, each name isolated so that two Arabic names keep their order."""
    return f"{FSI}{pair.a}{PDI} / {FSI}{pair.b}{PDI}"


def pair_html(pair: PairFigures) -> Markup:
    """``a / b`` in HTML, each name in its own element (a ``dir`` attribute isolates it)."""
    return join([bidi(pair.a), bidi(pair.b)], " / ")


# -- charts --------------------------------------------------------------------

def _chart(width: object, height: object, label: str, body: Iterable[Markup]) -> Markup:
    return render("chart.svg", width=width, height=height, label=label, body=join(body))


def f1_bars(agreement: Agreement, colors: Mapping[str, str]) -> Markup:
    """Per label and pair: exact F1 (solid bar) and overlap F1 (light bar below it)."""
    many = len(agreement.pairs) > 1
    label_x, pair_x = 130.0, 300.0 if many else 130.0
    bar_x, bar_w, row_h = pair_x + 12, 380.0, 30
    rows = [(label, pair) for label in agreement.labels for pair in agreement.pairs]
    height = 40 + row_h * len(rows) + 8 * len(agreement.labels)
    parts: list[Markup] = []
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = bar_x + tick * bar_w
        parts.append(render("line.svg", x1=f"{x:.1f}", y1=22, x2=f"{x:.1f}", y2=height - 4,
                            stroke="#e3e3e3"))
        parts.append(svg_text(x, 16, f"{tick:g}", "middle", 11, fill="#777"))
    y = 26.0
    for index, (label, pair) in enumerate(rows):
        if index and rows[index - 1][0] != label:
            y += 8
        color = colors.get(label, GREY)
        figures = pair.per_label[label]
        if not many or pair is agreement.pairs[0]:
            parts.append(svg_text(label_x, y + 17, label, "right", 13, font_weight="bold"))
        if many:
            parts.append(svg_text(pair_x, y + 17, pair_name(pair), "right", 12))
        for value, top, tall, opacity in ((figures.f1_exact, 4, 12, 1.0),
                                          (figures.f1_overlap, 18, 7, 0.45)):
            if value is not None:
                parts.append(render("rect.svg", x=f"{bar_x:.1f}", y=f"{y + top:.1f}",
                                    width=f"{max(value * bar_w, 1.5):.1f}", height=tall,
                                    attributes=attributes(fill=color, fill_opacity=opacity)))
        value_text = (f"{number(figures.f1_exact, 2)} / {number(figures.f1_overlap, 2)}"
                      f"  ({figures.a_count}:{figures.b_count})")
        parts.append(svg_text(bar_x + bar_w + 8, y + 17, value_text, "left", 11, fill="#444"))
        y += row_h
    return _chart(f"{bar_x + bar_w + 120:.0f}", height, "F1 per label", parts)


def confusion_matrix(pair: PairFigures, labels: Sequence[str]) -> Markup:
    """Tokens by (label of a, label of b); the diagonal is agreement, ``O`` means no span."""
    values: list[str | None] = [*labels, None]
    names = [label if label is not None else OUTSIDE for label in values]
    cell, left, top = 58, 140, 58
    size = cell * len(values)
    counts = pair.confusion
    scale = max((c for (x, y), c in counts.items() if not (x is None and y is None)), default=1)
    parts = [svg_text(left + size / 2, 14, f"columns: {FSI}{pair.b}{PDI}", "middle", 12,
                      fill="#555"),
             svg_text(left - 8, 14, f"rows: {FSI}{pair.a}{PDI}", "right", 12, fill="#555")]
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
            stroke = (attributes(stroke="#333", stroke_width="1.5") if i == j
                      else attributes(stroke="#fff"))
            parts.append(render("rect.svg", x=x, y=y, width=cell, height=cell,
                                attributes=join([attributes(fill=fill), stroke])))
            parts.append(svg_text(x + cell / 2, y + cell / 2 + 4, str(count), "middle", 12,
                                  fill=ink))
    return _chart(left + size + 20, top + size + 16, "confusion matrix", parts)


def lowest_chart(agreement: Agreement, count: int) -> Markup:
    """The documents with the lowest alpha: alpha (solid) and exact F1 (light), from -1 to 1."""
    docs = agreement.lowest(count)
    name_x, bar_x, bar_w, row_h = 190.0, 202.0, 420.0, 26
    zero = bar_x + bar_w / 2
    height = 34 + row_h * len(docs)
    parts: list[Markup] = []
    for tick in (-1, -0.5, 0, 0.5, 1):
        x = zero + tick * bar_w / 2
        parts.append(render("line.svg", x1=f"{x:.1f}", y1=20, x2=f"{x:.1f}", y2=height - 2,
                            stroke="#999" if tick == 0 else "#e3e3e3"))
        parts.append(svg_text(x, 14, f"{tick:g}", "middle", 11, fill="#777"))
    y = 22.0
    for doc in docs:
        parts.append(svg_text(name_x, y + 15, doc.id, "right", 12))
        for value, top, tall, opacity in ((doc.alpha, 3, 11, 1.0), (doc.f1_exact, 15, 6, 0.45)):
            if value is None:
                continue
            x0, x1 = sorted((zero, zero + value * bar_w / 2))
            parts.append(render("rect.svg", x=f"{x0:.1f}", y=f"{y + top:.1f}",
                                width=f"{max(x1 - x0, 1.5):.1f}", height=tall,
                                attributes=attributes(fill="#d62728", fill_opacity=opacity)))
        parts.append(svg_text(bar_x + bar_w + 8, y + 15,
                              f"α {number(doc.alpha, 2)}  F1 {number(doc.f1_exact, 2)}",
                              "left", 11, fill="#444"))
        y += row_h
    return _chart(f"{bar_x + bar_w + 130:.0f}", height, "lowest agreement", parts)


# -- tables and details --------------------------------------------------------

def _pairs_table(agreement: Agreement) -> Markup:
    rows = (render("pairs_row.html", pair=pair_html(pair), documents=pair.documents,
                   tokens=pair.tokens, f1_exact=number(pair.f1_exact),
                   f1_overlap=number(pair.f1_overlap), kappa=number(pair.kappa))
            for pair in agreement.pairs)
    return render("pairs_table.html", rows=join(rows))


def _relations_table(agreement: Agreement) -> Markup:
    """Relation F1 per pair, overall and per type; nothing when no one drew a relation."""
    rows = []
    for pair in agreement.pairs:
        figures = pair.relations
        if not figures.a_count and not figures.b_count:
            continue
        rows.append(render("relations_row.html", pair=pair_html(pair), type="all",
                           f1=number(figures.f1), a_count=figures.a_count,
                           b_count=figures.b_count))
        rows += [render("relations_row.html", pair=pair_html(pair), type=bidi(name),
                        f1=number(f), a_count=a, b_count=b)
                 for name, (f, a, b) in figures.per_type.items()]
    return render("relations_table.html", rows=join(rows)) if rows else Markup("")


def _labels_table(agreement: Agreement, colors: Mapping[str, str]) -> Markup:
    head = join(render("labels_head.html", pair=pair_html(p)) for p in agreement.pairs)
    rows = []
    for label in agreement.labels:
        cells = []
        for pair in agreement.pairs:
            f = pair.per_label[label]
            cells.append(render("labels_cell.html", f1_exact=number(f.f1_exact),
                                f1_overlap=number(f.f1_overlap), kappa=number(f.kappa),
                                a_count=f.a_count, b_count=f.b_count))
        rows.append(render("labels_row.html", color=colors.get(label, GREY), label=bidi(label),
                           alpha=number(agreement.alpha_per_label.get(label)),
                           cells=join(cells)))
    return render("labels_table.html", head=head, rows=join(rows))


def _context(text: str, start: int, end: int, color: str, reach: int = 40) -> Markup:
    """The sentence piece around ``[start, end)``, cut at white space, the range marked."""
    left = max(0, start - reach)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = min(len(text), end + reach)
    while right < len(text) and not text[right].isspace():
        right += 1
    before, inside, after = (piece.replace("\n", " ") for piece in
                             (text[left:start], text[start:end], text[end:right]))
    snippet = text[left:right].replace("\n", " ")
    return render("context.html", dir=direction_of(snippet), lead="…" if left else "",
                  before=before, color=color, inside=inside, after=after,
                  trail="…" if right < len(text) else "")


def _span_cell(span: Span | None, colors: Mapping[str, str]) -> Markup:
    """A span's label (as a coloured tag) and text; the cell takes the text's direction."""
    if span is None:
        return render("empty_cell.html")
    return render("span_cell.html", dir=direction_of(span.text),
                  color=colors.get(span.label, GREY), label=bidi(span.label),
                  text=bidi(span.text, cls="spantext"))


def _kind_text(kind: Kind, a: str, b: str) -> str:
    if kind is Kind.ONLY_A:
        return join(["only in ", bidi(a)])
    if kind is Kind.ONLY_B:
        return join(["only in ", bidi(b)])
    return kind.description  # text: escaped when substituted


def _differences(document: AnnotatedDocument, agreement: Agreement, colors: Mapping[str, str],
                 limit: int) -> Markup:
    figures = next(d for d in agreement.per_document if d.id == document.id)
    out = [render("document.html", id=bidi(document.id), alpha=number(figures.alpha),
                  f1_exact=number(figures.f1_exact), f1_overlap=number(figures.f1_overlap),
                  tokens=figures.tokens)]
    for (a, b), pair in figures.pairs.items():
        diffs = [d for d in classify_differences(document.spans[a], document.spans[b])
                 if d.kind is not Kind.SAME]
        out.append(render("document_pair.html", a=bidi(a), b=bidi(b), kappa=number(pair.kappa),
                          count=len(diffs)))
        if not diffs:
            continue
        rows = []
        for diff in diffs[:limit]:
            color = KIND_COLORS[diff.kind]
            rows.append(render("difference_row.html", color=color,
                               kind=_kind_text(diff.kind, a, b), a=_span_cell(diff.a, colors),
                               b=_span_cell(diff.b, colors),
                               context=_context(document.text, diff.start, diff.end, color)))
        if len(diffs) > limit:
            rows.append(render("differences_more.html", count=len(diffs) - limit))
        out.append(render("differences_table.html", a=bidi(a), b=bidi(b), rows=join(rows)))
    return join(out)


# -- the page ------------------------------------------------------------------

def render_report(agreement: Agreement, documents: Sequence[AnnotatedDocument], *,
                  title: str, colors: Mapping[str, str], status: str | None = None,
                  lowest: int = 10, fonts: Sequence[bytes] = (),
                  differences_limit: int = 40) -> str:
    """The whole report as one HTML string (deterministic: no dates, no random ids).

    ``fonts``: TrueType files embedded as the report's first font choice, so it
    looks the same on machines without an Arabic font.
    """
    faces = join(render("font_face.css", data=base64.b64encode(data).decode("ascii"))
                 for data in fonts)
    # CSS, not HTML: the font names' quotes must stay quotes
    css = render("report.css", font=Markup(FONT_STACK))
    by_id = {doc.id: doc for doc in documents}
    low = [by_id[d.id] for d in agreement.lowest(lowest) if d.id in by_id]
    cards: list[tuple[object, float | None]] = [("Krippendorff's α", agreement.alpha), *(
        (join(["κ ", pair_html(p)]), p.kappa) for p in agreement.pairs)]
    return str(render(
        "report.html", title=title, faces=faces, css=css, heading=bidi(title),
        annotators=join((bidi(name) for name in agreement.annotators), ", "),
        documents=agreement.documents, scope=f"status {status}" if status else "any status",
        cards=join(render("card.html", value=number(v), key=k) for k, v in cards),
        pairs=_pairs_table(agreement), f1_chart=f1_bars(agreement, colors),
        labels=_labels_table(agreement, colors), relations=_relations_table(agreement),
        matrices=join(render("matrix.html", pair=pair_html(p),
                             chart=confusion_matrix(p, agreement.labels))
                      for p in agreement.pairs if p.documents),
        lowest_chart=lowest_chart(agreement, lowest),
        details=join(_differences(doc, agreement, colors, differences_limit) for doc in low)))


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
