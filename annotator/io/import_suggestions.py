"""Importing another tool's work as machine suggestions (``annotator import --as-suggestions``).

Any import format is read as for an import of annotations
(:mod:`annotator.io.formats`); Label Studio tasks are read for their
``predictions`` (with their scores) instead of their annotations (a task
without predictions gives its annotations). What was
read becomes ``suggestions/<source>/<doc_id>.json`` (FORMAT.md section 3b),
nobody's annotations:

- Each source document must be one of the project's documents (by name, or
  by exactly the same text); suggestions never add documents.
- Spans are checked as an import checks them
  (:class:`annotator.io.importing._Importer`: offsets in the text, covered
  text equal, UTF-16 offsets detected); labels must be the project's.
- A score must be a number from 0 to 1; a span without one has none.
  Spans given several times for one document (several predictions) are
  written once, with the highest score.
- A document's suggestion file of that source is replaced as a whole (they
  are machine output). Nothing is written when a problem is found, unless
  ``skip_bad``; all files are written in one transaction.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.offsets import utf16_to_code_points
from annotator.core.project import Project, name_problem
from annotator.core.spans import Span
from annotator.io.atomic import fingerprint
from annotator.io.exchange import Ignored, ImportedDocument, Progress
from annotator.io.formats import import_format
from annotator.io.importing import ImportOptions, ImportSummary, _ignored_lines, _Importer
from annotator.io.jsonfile import dump_json_bytes
from annotator.io.standoff import annotations_to_json
from annotator.io.suggestions import suggestion_path
from annotator.io.transaction import Transaction

log = logging.getLogger(__name__)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
Key = tuple[int, int, str]


def read_sources(format_name: str, path: Path) -> list[ImportedDocument]:
    """The documents of ``path`` as suggestions: Label Studio's predictions, others' spans."""
    module = import_format(format_name).load()
    if format_name == "labelstudio":
        documents: list[ImportedDocument] = module.read(path, predictions=True)
    else:
        documents = module.read(path)
    return documents


def suggestion_bytes(project: Project, source: str, doc_id: str, text: str,
                     items: dict[Key, float | None]) -> bytes:
    """A suggestion file: the spans of ``items`` (with ``score`` where one is known)."""
    aset = AnnotationSet(doc_id, text, source, project.label_names, "new")
    for (start, end, label), score in sorted(items.items()):
        extra = {} if score is None else {"score": round(score, 4)}
        AddSpan(Span(aset.new_span_id(), start, end, label, text[start:end],
                     extra=extra)).apply(aset)
    return dump_json_bytes(annotations_to_json(aset))


def import_suggestions(project: Project, options: ImportOptions, source: str,
                       progress: Progress | None = None) -> ImportSummary:
    """Import ``options.path`` as suggestions of ``source``; returns what was (or would be) done.

    ``options.annotator``, ``add_labels`` and ``replace`` do not apply (the
    command line refuses them). Raises :class:`AnnotatorError` when the
    source name is not a valid folder name or the source cannot be read.
    """
    bad = name_problem(source, "suggestion source")
    if bad:
        raise AnnotatorError(Problem("bad-name", bad, field="source"))
    summary = ImportSummary(options.format, options.path, dry_run=options.dry_run)
    sources = read_sources(options.format, options.path)
    summary.read = sum(1 for doc in sources if not doc.report_only)
    importer = _Importer(project, options, summary)
    found: dict[str, tuple[str, dict[Key, float | None]]] = {}  # doc_id -> text, spans
    ignored: list[tuple[str, Ignored]] = []
    for n, doc in enumerate(sources, 1):
        summary.problems.extend(doc.problems)
        ignored += [(item.where or doc.where, item) for item in doc.ignored]
        resolved = None if doc.report_only else importer.resolve(
            doc, f"{Path(options.path).stem}-{n}")
        if resolved is not None and resolved[2]:
            importer.problem("missing-document", "suggestions are for the project's "
                             "documents, and the project has no document with this text "
                             "(import it as annotations to add it)", doc.where)
        elif resolved is not None:
            doc_id, text, _ = resolved
            spans = found.setdefault(doc_id, (text, {}))[1]
            _add_spans(importer, doc, text, spans)
        if progress is not None and not progress(n, len(sources)):
            summary.cancelled = True
            return summary
    summary.ignored = _ignored_lines(ignored)
    for label, where in sorted(importer.unknown.items()):
        importer.problem("unknown-label", f"label {label!r} is not in the project's labels "
                         f"({', '.join(sorted(project.label_names))}); used by {len(where)} "
                         "suggestion(s)", where[0])
    if not summary.read and not summary.problems:
        summary.problems.append(Problem("no-documents", "nothing to import",
                                        file=str(options.path)))
    summary.spans = sum(len(spans) for _, spans in found.values())
    summary.written = [(doc_id, source) for doc_id in sorted(found)]
    if options.dry_run:
        return summary
    if summary.problems and not options.skip_bad:
        summary.written, summary.spans = [], 0
        return summary
    transaction = Transaction(project.root)
    for doc_id, (text, spans) in sorted(found.items()):
        path = suggestion_path(project, source, doc_id)
        transaction.write(path, suggestion_bytes(project, source, doc_id, text, spans),
                          fingerprint(path))
    transaction.commit()
    log.info("imported %s from %s as suggestions of %s into %s: %d span(s) in %d file(s)",
             options.format, options.path, source, project.root, summary.spans,
             len(summary.written))
    return summary


def _add_spans(importer: _Importer, doc: ImportedDocument, text: str,
               spans: dict[Key, float | None]) -> None:
    """``doc``'s spans that pass the import checks, into ``spans`` (highest score kept)."""
    utf16 = utf16_to_code_points(text) if _ASTRAL.search(text) else None
    for item in doc.spans:
        if item.label not in importer.project.label_names:
            importer.unknown.setdefault(item.label, []).append(item.where)
            continue
        offsets = importer.check_span(item, text, utf16)
        if offsets is None:
            continue
        score = item.score
        if score is not None and not 0 <= score <= 1:
            importer.problem("bad-field", f"span {item.label} {item.start}..{item.end}: score "
                             f"{score!r} is not a number from 0 to 1", item.where,
                             item.source_id)
            continue
        key = (*offsets, item.label)
        if key in spans:
            held = spans[key]
            score = held if score is None else score if held is None else max(held, score)
        spans[key] = score
