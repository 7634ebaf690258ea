"""The export driver: which documents and whose work, the split, the staging folder, the summary.

Every export format goes through :func:`export_project`, so every format gets
the same guarantees: the project is only read; all annotation files are read
and checked before anything is written, and a problem (an invalid or stale
file, a document without gold when no annotator was chosen) stops the export
with every problem listed; the output is written to a temporary folder next
to the destination and moved into place only at the end, so a failed or
cancelled export leaves nothing behind. The summary says how many documents
and spans went out and lists every span that could not, with the reason.
What a format has no place for at all (its ``holds`` in
:mod:`annotator.io.formats`: relations, attributes, notes, notes on relations,
suggestion origins) is counted here, once for every format, and said as
"left out" (:func:`left_out`).

The window calls the same function with a ``progress(done, total)`` callback
that returns False to cancel.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import GOLD, Project
from annotator.core.tokens import grapheme_cuts
from annotator.io import store
from annotator.io.atomic import sweep_stale, write_error
from annotator.io.exchange import DroppedSpan, ExportContext, ExportDocument, Progress, Staging
from annotator.io.formats import CONTENTS, export_format
from annotator.io.outputs import check_output_folder, marker_bytes

log = logging.getLogger(__name__)

StatusFilter = Literal["done", "in_progress", "any"]
STATUS_FILTERS: tuple[StatusFilter, ...] = ("done", "in_progress", "any")


@dataclass(frozen=True)
class ExportOptions:
    """What to export: the CLI's options, and the window dialog's fields."""

    format: str
    out: Path
    annotator: str | None = None  # None: gold, refusing documents that have no gold file
    status: StatusFilter = "any"
    split: tuple[tuple[str, float], ...] = ()  # (("train", 0.8), ...); () means one split "all"
    seed: int = 0
    overwrite: bool = False  # replace an earlier export (a folder with the export marker)


def parse_split(value: str) -> tuple[tuple[str, float], ...]:
    """``train=0.8,dev=0.1,test=0.1`` -> pairs; raises ValueError saying what is wrong.

    >>> parse_split("train=0.8,dev=0.1,test=0.1")
    (('train', 0.8), ('dev', 0.1), ('test', 0.1))
    """
    pairs: list[tuple[str, float]] = []
    for part in value.split(","):
        name, sep, number = part.strip().partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValueError(f"{part!r} is not NAME=FRACTION")
        if not all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in name):
            raise ValueError(f"split name {name!r} may hold only ASCII letters, digits, _ and -")
        try:
            fraction = float(number)
        except ValueError:
            raise ValueError(f"{number.strip()!r} is not a number (in {part.strip()!r})") from None
        if not 0 < fraction <= 1:
            raise ValueError(f"fraction of {name!r} must be in (0, 1], not {fraction}")
        if name in (n for n, _ in pairs):
            raise ValueError(f"split {name!r} is given twice")
        pairs.append((name, fraction))
    total = sum(f for _, f in pairs)
    if abs(total - 1) > 1e-6:
        raise ValueError(f"fractions add up to {total:g}, not 1")
    return tuple(pairs)


def assign_splits(doc_ids: list[str], split: tuple[tuple[str, float], ...],
                  seed: int) -> dict[str, list[str]]:
    """Documents of each split, in ``doc_id`` order; deterministic for a seed.

    The sorted ids are shuffled with ``random.Random(seed)``, then cut in the
    order the splits are given; split sizes are the fractions of the count,
    rounded by largest remainder so that they add up (earlier splits win ties).

    >>> assign_splits([f"d{i}" for i in range(10)], (("train", 0.8), ("test", 0.2)), 1)["test"]
    ['d1', 'd2']
    """
    if not split:
        return {"all": sorted(doc_ids)}
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    raw = [fraction * len(ids) for _, fraction in split]
    sizes = [int(r) for r in raw]
    by_remainder = sorted(range(len(split)), key=lambda i: (-(raw[i] - sizes[i]), i))
    for i in by_remainder[:len(ids) - sum(sizes)]:
        sizes[i] += 1
    result: dict[str, list[str]] = {}
    position = 0
    for (name, _), size in zip(split, sizes, strict=True):
        result[name] = sorted(ids[position:position + size])
        position += size
    return result


@dataclass
class ExportSummary:
    """What an export did; the CLI prints :meth:`lines`, the window shows them."""

    format: str
    out: Path
    documents: int = 0
    spans: int = 0  # spans in the exported annotation files
    annotators: dict[str, int] = field(default_factory=dict)  # documents per annotator
    splits: dict[str, int] = field(default_factory=dict)  # documents per split
    dropped: list[DroppedSpan] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, why)
    warnings: list[str] = field(default_factory=list)  # exported as is, but worth a look
    files: list[str] = field(default_factory=list)
    cancelled: bool = False
    # what the format has no place for, by kind (formats.CONTENTS): count of items left out
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def spans_dropped(self) -> int:
        return sum(1 for d in self.dropped if d.reason not in NOT_SPANS)

    @property
    def spans_written(self) -> int:
        return self.spans - self.spans_dropped

    def dropped_by_reason(self) -> dict[str, int]:
        return dict(sorted(Counter(d.reason for d in self.dropped).items()))

    def lines(self, details: int = 10, option: Callable[[str], str] = str) -> list[str]:
        """A human summary; at most ``details`` dropped spans listed one by one (-1: all).

        ``option`` names an option the way the front end does (the command line:
        ``verbose`` -> ``--verbose``).
        """
        if self.cancelled:
            return ["export cancelled: nothing was written"]
        who = ", ".join(f"{name}: {n}" for name, n in sorted(self.annotators.items()))
        parts = ", ".join(f"{name} {n}" for name, n in self.splits.items())
        lines = [f"exported {self.documents} document(s) ({who}) as {self.format} to {self.out}"
                 f" [{parts}]",
                 f"spans: {self.spans} in the annotations, {self.spans_written} written, "
                 f"{self.spans_dropped} dropped"]
        for reason, count in self.dropped_by_reason().items():
            lines.append(f"  {count} dropped: {REASONS.get(reason, reason)}")
        shown = self.dropped if details < 0 else self.dropped[:details]
        lines += [f"    {d}" for d in shown]
        if len(shown) < len(self.dropped):
            lines.append(f"    ... and {len(self.dropped) - len(shown)} more "
                         f"({option('verbose')} lists all)")
        if self.left_out:
            counts = ", ".join(f"{n} {LEFT_OUT[kind]}" for kind, n in self.left_out.items())
            lines.append(f"left out, as {self.format} has no place for them: {counts}")
        lines += [f"warning: {w}" for w in self.warnings]
        if self.skipped:
            why = Counter(reason for _, reason in self.skipped)
            lines.append(f"skipped {len(self.skipped)} document(s): "
                         + "; ".join(f"{n} {reason}" for reason, n in sorted(why.items())))
        return lines

    def to_json(self) -> dict[str, Any]:
        return {"format": self.format, "out": str(self.out), "documents": self.documents,
                "spans": self.spans, "spans_written": self.spans_written,
                "annotators": self.annotators, "splits": self.splits,
                "dropped": [d.__dict__ for d in self.dropped],
                "skipped": [{"doc_id": d, "reason": r} for d, r in self.skipped],
                "left_out": self.left_out, "warnings": self.warnings, "files": self.files,
                "cancelled": self.cancelled}


REASONS = {
    "overlap": "a longer overlapping span was kept (flat tagging keeps one label per token)",
    "no-token": "the span covers only white space",
    "misaligned": "a span boundary falls inside a token",
    "unplaced": "the span could not be placed in the current text (kept aside in its file)",
    "label-has-space": "the label holds white space, which the format cannot write",
    "line-break-edge": "the span begins or ends with a line break, which brat cannot write",
    "relation": "a relation the format cannot write (its type holds white space, one of its "
                "spans was dropped, or its ends are in different sentences)",
    "attribute": "an attribute not written (brat cannot write its name or value, or the "
                 "format has no place for it)",
    "note": "a note not written (the format has no place for it)",
}
# reasons of things dropped that are not spans (a relation, a span's attribute or note)
NOT_SPANS = frozenset({"relation", "attribute", "note"})
# what formats.CONTENTS are called in the summary (counts go in front)
LEFT_OUT = {"relations": "relation(s)", "attributes": "span attribute(s)",
            "notes": "span note(s)", "relation-notes": "relation note(s)",
            "origins": "suggestion origin(s) of spans"}


def left_out(doc: ExportDocument, holds: frozenset[str]) -> Counter[str]:
    """What of ``doc`` a format holding ``holds`` (formats.CONTENTS) has no place for.

    Notes on relations count only where the relations themselves are held.

    >>> from annotator.core.spans import Relation, Span
    >>> doc = ExportDocument("d", "كيم", "gold", "done",
    ...     (Span("T1", 0, 3, "entity", "كيم", "ملاحظة", {"role": "guest"}),),
    ...     (Relation("R1", "self", "T1", "T1", {"note": "x"}),))
    >>> sorted(left_out(doc, frozenset({"relations"})).items())
    [('attributes', 1), ('notes', 1), ('relation-notes', 1)]
    """
    found: Counter[str] = Counter()
    if "relations" not in holds:
        found["relations"] += len(doc.relations)
    elif "relation-notes" not in holds:
        found["relation-notes"] += sum(isinstance(r.extra.get("note"), str)
                                       for r in doc.relations)
    if "attributes" not in holds:
        found["attributes"] += sum(len(s.attributes or {}) for s in doc.spans)
    if "notes" not in holds:
        found["notes"] += sum(s.note is not None for s in doc.spans)
    if "origins" not in holds:
        found["origins"] += sum(isinstance(s.extra.get("origin"), str) for s in doc.spans)
    return +found


def _choose(project: Project, options: ExportOptions, summary: ExportSummary,
            problems: list[Problem]) -> list[tuple[str, str]]:
    """(doc_id, annotator) for every document to read, in ``doc_id`` order."""
    chosen: list[tuple[str, str]] = []
    if options.annotator is not None:
        have = set(project.annotated_doc_ids(options.annotator))
        for doc_id in project.doc_ids():
            if doc_id in have:
                chosen.append((doc_id, options.annotator))
            else:
                summary.skipped.append((doc_id, f"without a file from {options.annotator}"))
        return chosen
    gold = set(project.annotated_doc_ids(GOLD))
    others = {name: set(project.annotated_doc_ids(name)) for name in project.annotators()}
    for doc_id in project.doc_ids():
        if doc_id in gold:
            chosen.append((doc_id, GOLD))
            continue
        present = sorted(name for name, docs in others.items() if doc_id in docs)
        if present:
            problems.append(Problem(
                "no-gold", f"document {doc_id!r} has no gold file; annotators present: "
                f"{', '.join(present)}; choose one of them as the annotator to export",
                file=str(project.annotation_path(doc_id, GOLD)), hint="annotator"))
        else:
            summary.skipped.append((doc_id, "not annotated"))
    return chosen


def _read(project: Project, doc_id: str, annotator: str, summary: ExportSummary,
          problems: list[Problem]) -> ExportDocument | None:
    try:
        loaded = store.load(project, doc_id, annotator)
    except AnnotatorError as exc:
        problems.extend(exc.problems)
        return None
    result = loaded.result
    fatal = [p for p in result.problems if p.code != "unplaced-span" or result.stale]
    if fatal:
        if result.stale:
            fatal.append(Problem("stale", "open and save the document in Annotator (or fix the "
                                 "file) before exporting: its spans would be re-anchored",
                                 file=str(project.annotation_path(doc_id, annotator))))
        problems.extend(fatal)
        return None
    aset = result.annotations
    for span in aset.unplaced:
        summary.dropped.append(DroppedSpan(doc_id, span.id, span.start, span.end, span.label,
                                           "unplaced", f"text {span.text!r}"))
    return ExportDocument(doc_id, aset.text, annotator, aset.status, tuple(aset.spans()),
                          tuple(aset.relations()))


def export_project(project: Project, options: ExportOptions,
                   progress: Progress | None = None) -> ExportSummary:
    """Export ``project`` as ``options`` say; raises :class:`AnnotatorError` with every problem.

    ``progress(done, total)`` is called after each document is read and after
    each is written (``total`` is twice the number of documents); when it
    returns False the export stops, nothing is written, and the summary has
    ``cancelled`` set.
    """
    fmt = export_format(options.format)
    module = fmt.load()
    check_output_folder(options.out, options.overwrite, project.root)
    summary = ExportSummary(fmt.name, options.out)
    # what the listings leave out (bad names, links leading outside, not regular files): said
    summary.warnings += [f"not exported: {p}" for p in project.listing_problems()]
    problems: list[Problem] = []
    chosen = _choose(project, options, summary, problems)
    total = 2 * len(chosen)
    documents: dict[str, ExportDocument] = {}
    for done, (doc_id, annotator) in enumerate(chosen, 1):
        doc = _read(project, doc_id, annotator, summary, problems)
        if doc is not None:
            if options.status == "any" or doc.status == options.status:
                documents[doc_id] = doc
            else:
                summary.skipped.append((doc_id, f"status {doc.status}"))
        if progress is not None and not progress(done, total):
            summary.cancelled = True
            return summary
    if problems:
        raise AnnotatorError(*problems)
    if not documents:
        raise AnnotatorError(Problem("no-documents", f"nothing to export: no document has "
                                     f"{options.annotator or 'gold'} annotations with status "
                                     f"{options.status}", file=str(project.root)))
    splits = assign_splits(list(documents), options.split, options.seed)
    summary.dropped = [d for d in summary.dropped if d.doc_id in documents]
    summary.documents = len(documents)
    summary.spans = sum(len(d.spans) for d in documents.values()) + len(summary.dropped)
    summary.skipped.sort()
    summary.annotators = dict(Counter(d.annotator for d in documents.values()))
    summary.splits = {name: len(ids) for name, ids in splits.items()}
    for doc in documents.values():
        summary.warnings += _grapheme_warnings(doc)
    context = ExportContext(project.labels, tuple(splits), bool(options.split),
                            _relation_types(project), project.relation_types())
    try:
        _write(project, options, module, context, splits, documents, summary, progress,
               len(chosen), total)
    except OSError as exc:
        raise write_error(options.out, exc, "nothing was written (the export was discarded)"
                          ) from None
    if summary.cancelled:
        return summary
    log.info("exported %d document(s) of %s as %s to %s", summary.documents, project.root,
             summary.format, options.out)
    if progress is not None:
        progress(total, total)
    return summary


def _write(project: Project, options: ExportOptions, module: Any, context: ExportContext,
           splits: dict[str, list[str]], documents: dict[str, ExportDocument],
           summary: ExportSummary, progress: Progress | None, done: int, total: int) -> None:
    """Write the chosen documents through a staging folder moved into place at the end."""
    sweep_stale(options.out.parent, prefix=f".{options.out.name}.")
    staging = Staging(options.out, options.overwrite)
    staging.mark(marker_bytes(_marker_options(project, options)))
    holds = export_format(options.format).holds
    omitted: Counter[str] = Counter()
    try:
        writer = module.create(staging, context)
        for name, ids in splits.items():
            for doc_id in ids:
                summary.dropped.extend(writer.add(name, documents[doc_id]))
                omitted += left_out(documents[doc_id], holds)
                done += 1
                if progress is not None and not progress(done, total):
                    staging.discard()
                    summary.cancelled = True
                    return
        writer.finish()
        summary.left_out = {kind: omitted[kind] for kind in CONTENTS if omitted[kind]}
        summary.files = staging.commit()
        summary.dropped.sort(key=lambda d: (d.doc_id, d.start, d.end, d.label, d.span_id))
    except BaseException:
        staging.discard()
        raise


def _relation_types(project: Project) -> tuple[str, ...] | None:
    """The relation types the project declares (FORMAT.md section 2), or None."""
    types = project.relation_types()
    return None if types is None else tuple(types)


def _marker_options(project: Project, options: ExportOptions) -> dict[str, Any]:
    """What the export folder's marker records: the project's name and the options."""
    return {"project": project.name, "export": options.format,
            "annotator": options.annotator or GOLD, "status": options.status,
            "split": dict(options.split) or {"all": 1.0}, "seed": options.seed}


def _grapheme_warnings(doc: ExportDocument) -> list[str]:
    """Spans with a boundary inside a grapheme: kept as they are, but said."""
    cuts = set(grapheme_cuts(doc.text, (b for s in doc.spans for b in (s.start, s.end))))
    found = []
    for span in doc.spans if cuts else ():
        for side, offset in (("starts", span.start), ("ends", span.end)):
            if offset in cuts:
                found.append(f"{doc.doc_id}: span {span.id} {span.label} {span.start}..{span.end}"
                             f" {side} inside a grapheme (before U+{ord(doc.text[offset]):04X});"
                             " its token is split there")
    return found
