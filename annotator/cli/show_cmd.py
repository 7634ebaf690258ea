"""``annotator show PROJECT DOC_ID``: a document's text with one annotator's spans marked.

For a quick look without the window, in a terminal, a pipe or a file. On a
terminal, spans are coloured with their label's colour and followed by their
label; otherwise (or with ``--color never``) they are written as
``[text|label]``, which survives copy and paste. A span cut by another one
that is not nested in it is written in pieces: ``[…`` opens a continuation and
``…]`` closes a piece that continues.

The text stays in logical order, as stored: right for pipes, files and
terminals that apply the bidi algorithm. ``--visual`` shapes and reorders each
line for terminals that do not (see :mod:`annotator.cli.terminal`); it always
uses brackets, since colours could not follow the reordered characters. It
also wraps each paragraph to the terminal's width (``--width`` to choose)
before reordering, and aligns Arabic lines to the right, since such a
terminal would wrap a long line left to right.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from annotator.cli import UsageError, annotator_argument, doc_id_argument, open_project
from annotator.cli.terminal import RESET, background, color_enabled, foreground, visual
from annotator.core.project import GOLD, Project
from annotator.core.spans import Span
from annotator.io.store import load

NAME = "show"
HELP = "print a document with one annotator's spans marked (colours on a terminal)"

OPEN, CLOSE, SEP, MORE = "[", "]", "|", "…"
DEFAULT_WIDTH = 80  # when the width of the output cannot be known


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("doc_id", metavar="DOC_ID", type=doc_id_argument,
                        help="the document (file name without .txt)")
    parser.add_argument("--annotator", type=annotator_argument,
                        help="whose spans (default: gold if present, else the only "
                        "annotator of the document)")
    parser.add_argument("--visual", action="store_true",
                        help="shape Arabic and put lines in display order, for terminals that "
                        "do neither (implies brackets)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour spans (auto: when writing to a terminal)")
    parser.add_argument("--width", type=int, metavar="COLUMNS",
                        help="with --visual: wrap to this many columns (default: the "
                        "terminal's width)")


def _boundaries(text: str, spans: Sequence[Span]) -> tuple[list[int], dict[int, list[Span]],
                                                             dict[int, list[Span]]]:
    starts: dict[int, list[Span]] = defaultdict(list)
    ends: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        starts[span.start].append(span)
        ends[span.end].append(span)
    for group in starts.values():  # outer spans open first
        group.sort(key=lambda s: (-s.end, s.label, s.id))
    points = sorted({0, len(text), *starts, *ends})
    return points, starts, ends


def mark_brackets(text: str, spans: Sequence[Span]) -> str:
    """``text`` with each span written ``[covered text|label]``, nested spans nested.

    >>> mark_brackets("وصل كيم", [Span("T1", 4, 7, "entity", "كيم")])
    'وصل [كيم|entity]'
    """
    points, starts, ends = _boundaries(text, spans)
    out: list[str] = []
    stack: list[Span] = []
    for index, point in enumerate(points):
        ending = set(map(id, ends.get(point, ())))
        reopen: list[Span] = []
        while ending:
            top = stack.pop()
            if id(top) in ending:
                out.append(f"{SEP}{top.label}{CLOSE}")
                ending.discard(id(top))
            else:  # a crossing span: close this piece, continue it after
                out.append(MORE + CLOSE)
                reopen.append(top)
        for span in reversed(reopen):
            out.append(OPEN + MORE)
            stack.append(span)
        for span in starts.get(point, ()):
            out.append(OPEN)
            stack.append(span)
        if index + 1 < len(points):
            out.append(text[point:points[index + 1]])
    return "".join(out)


def mark_colors(text: str, spans: Sequence[Span], colors: Mapping[str, str]) -> str:
    """``text`` with ANSI colours: each piece on the colour of its innermost span, then labels.

    Each span's label follows its last character, in the label's colour, in braces.
    """
    points, starts, ends = _boundaries(text, spans)
    out: list[str] = []
    open_spans: list[Span] = []
    for index, point in enumerate(points):
        closing = sorted(ends.get(point, ()), key=lambda s: (s.end - s.start, s.label))
        for span in closing:
            open_spans.remove(span)
            out.append(f"{foreground(colors.get(span.label, '#808080'))}{{{span.label}}}{RESET}")
        open_spans.extend(starts.get(point, ()))
        if index + 1 < len(points):
            piece = text[point:points[index + 1]]
            if open_spans:
                inner = min(open_spans, key=lambda s: (s.end - s.start, s.label))
                # colour each line of the piece separately, so a line break resets it
                lines = piece.split("\n")
                style = background(colors.get(inner.label, "#808080"))
                out.append("\n".join(style + line + RESET if line else line for line in lines))
            else:
                out.append(piece)
    return "".join(out)


def choose_annotator(project: Project, doc_id: str, asked: str | None) -> str | None:
    """``asked``, else gold if it has the document, else its only annotator; None if nobody."""
    having = [name for name in project.annotators(include_gold=True)
              if project.annotation_path(doc_id, name).is_file()]
    if asked is not None:
        if asked not in having:
            who = ", ".join(having) or "nobody"
            raise UsageError(f"{asked!r} has not annotated {doc_id!r} (annotated by: {who})")
        return asked
    if GOLD in having:
        return GOLD
    if len(having) > 1:
        raise UsageError(f"{doc_id!r} has several annotators ({', '.join(having)}): "
                         "choose one with --annotator")
    return having[0] if having else None


def run(args: argparse.Namespace) -> int:
    project = open_project(args.project, NAME)
    doc_id: str = args.doc_id
    if not project.document_path(doc_id).is_file():
        known = project.doc_ids()
        hint = f" (documents: {', '.join(known[:10])}{', …' if len(known) > 10 else ''})"
        raise UsageError(f"no document {doc_id!r} in {project.root}{hint if known else ''}")
    annotator = choose_annotator(project, doc_id, args.annotator)
    document = project.load_document(doc_id)
    spans: list[Span] = []
    if annotator is None:
        print(f"annotator show: nobody has annotated {doc_id!r}; showing the text alone",
              file=sys.stderr)
    else:
        loaded = load(project, doc_id, annotator, document)
        for problem in loaded.result.problems:
            print(f"annotator show: warning: {problem}", file=sys.stderr)
        spans = loaded.annotations.spans()
    colors = {label.name: label.color for label in project.labels}
    if args.width is not None and args.width < 10:
        raise UsageError("--width must be at least 10 columns")
    if args.visual:
        width = args.width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        output = visual(mark_brackets(document.text, spans), width)
    elif color_enabled(args.color, sys.stdout):
        output = mark_colors(document.text, spans, colors)
    else:
        output = mark_brackets(document.text, spans)
    sys.stdout.write(output if output.endswith(("\n", "\r")) or not output else output + "\n")
    return 0
