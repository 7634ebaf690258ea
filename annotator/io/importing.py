"""The import driver: other tools' annotations checked against the project, then saved.

A format module only reads its files into :class:`ImportedDocument` objects;
this module decides what they mean for the project, and never guesses:

- Document: the one the source names if the project has it (its text must be
  the project's, exactly), else the project document with the same text, else
  a new document (its text written to ``documents/``).
- Every span is checked: its label must be in the schema (unknown labels are
  refused and listed, or added with ``add_labels``), its offsets must lie in
  the text, and the covered text, when the source gives it, must be the
  text's. A span that fits only when its offsets are read as UTF-16 code units
  (Label Studio and doccano had such bugs) is reported with a hint to use
  ``utf16_offsets``, which converts every offset of the import. Spans without
  a covered text (doccano) that would fit words much better as UTF-16 get a
  warning saying so.
- The target file (``annotations/<annotator>/<doc_id>.json``) must not hold
  spans already, unless ``replace``.

Nothing is written when any problem is found (``skip_bad`` instead imports
everything else and lists what was left out), and never a shifted or dropped
span without a line saying so. Writes go through :func:`annotator.io.store.save`
(atomic, refusing to overwrite a file that changed since it was read).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.document import text_sha256
from annotator.core.edits import AddRelation, AddSpan
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.offsets import utf16_to_code_points
from annotator.core.project import Project, added_labels, label_name_problem, name_problem
from annotator.core.spans import Relation, Span, id_number
from annotator.io import store
from annotator.io.atomic import ABSENT, fingerprint
from annotator.io.exchange import ImportedDocument, ImportedSpan, Progress
from annotator.io.formats import import_format
from annotator.io.project_file import project_bytes
from annotator.io.transaction import Transaction

log = logging.getLogger(__name__)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class ImportOptions:
    format: str
    path: Path
    annotator: str | None = None  # default: who the source names, else the format's name
    add_labels: bool = False
    utf16_offsets: bool = False
    replace: bool = False  # overwrite annotation files that already hold spans
    skip_bad: bool = False  # import what passes, list what does not
    dry_run: bool = False


@dataclass
class ImportSummary:
    format: str
    path: Path
    read: int = 0  # documents read from the source
    written: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, annotator)
    created: list[str] = field(default_factory=list)  # new documents
    spans: int = 0  # spans imported (or that would be, in a dry run)
    labels_added: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def lines(self, problem_text: Callable[[Problem], str] = str,
              option: Callable[[str], str] = str) -> list[str]:
        """A human summary, one line per problem, warning and outcome.

        The front end writes the problems (``problem_text``: the command line
        names a problem's :attr:`~annotator.core.errors.Problem.hint` as a flag,
        the window as a field of its dialog) and names the options the summary
        mentions (``option``, given an :class:`ImportOptions` field name).
        """
        lines = [problem_text(p) for p in self.problems]
        lines += [f"warning: {problem_text(w)}" for w in self.warnings]
        lines += [f"ignored: {what}" for what in self.ignored]
        if self.cancelled:
            return [*lines, "import cancelled: nothing was written"]
        what = (f"{self.spans} span(s) into {len(self.written)} annotation file(s) from "
                f"{self.read} source document(s)")
        if self.dry_run:
            lines.append(f"dry run: would import {what}; {len(self.problems)} problem(s)")
        elif self.written:
            lines.append(f"imported {what}")
            if self.problems:
                lines.append(f"left out ({option('skip_bad')}): the {len(self.problems)} "
                             "problem(s) above")
        else:
            lines.append(f"nothing was written: {len(self.problems)} problem(s)")
            return lines
        if self.created:
            lines.append(f"new documents: {', '.join(self.created)}")
        if self.labels_added:
            lines.append(f"labels added to the project: {', '.join(self.labels_added)}")
        return lines


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _at_edge(text: str, offset: int) -> bool:
    return offset <= 0 or offset >= len(text) or not (
        _is_word(text[offset - 1]) and _is_word(text[offset]))


@dataclass
class _Target:
    source: ImportedDocument
    doc_id: str
    text: str
    annotator: str
    new_document: bool
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


class _Importer:
    def __init__(self, project: Project, options: ImportOptions, summary: ImportSummary) -> None:
        self.project = project
        self.options = options
        self.summary = summary
        self.doc_ids = set(project.doc_ids())
        self._by_sha: dict[str, str] | None = None
        self.new_texts: dict[str, str] = {}
        self.unknown: dict[str, list[str]] = {}  # label -> where it is used

    def problem(self, code: str, message: str, where: str, span: str | None = None,
                hint: str | None = None) -> None:
        self.summary.problems.append(Problem(code, message, file=where, span=span, hint=hint))

    def by_sha(self) -> dict[str, str]:
        if self._by_sha is None:
            self._by_sha = {}
            for doc_id in sorted(self.doc_ids):
                self._by_sha.setdefault(self.project.load_document(doc_id).sha256, doc_id)
        return self._by_sha

    def resolve(self, source: ImportedDocument, fallback: str) -> tuple[str, str, bool] | None:
        """(doc_id, text, is_new) for a source document, or None after reporting why not."""
        name = source.doc_id
        if name is not None and name in self.doc_ids:
            text = self.project.load_document(name).text
            if source.text is not None and source.text != text:
                self.problem("text-differs", _difference(source.text, text, name), source.where)
                return None
            return name, text, False
        if source.text is None:
            self.problem("missing-document", f"the project has no document {name!r} and the "
                         "source holds no text for it", source.where)
            return None
        found = self.by_sha().get(text_sha256(source.text))
        if found is not None:
            return found, self.project.load_document(found).text, False
        doc_id = name or source.suggested_id or fallback
        bad = name_problem(doc_id, "document id")
        if bad:
            self.problem("bad-name", bad, source.where)
            return None
        if self.new_texts.get(doc_id, source.text) != source.text:
            self.problem("text-differs", f"two source documents named {doc_id!r} hold "
                         "different texts", source.where)
            return None
        self.new_texts[doc_id] = source.text
        return doc_id, source.text, True

    def check_span(self, item: ImportedSpan, text: str,
                   utf16: Callable[[int], int | None] | None) -> tuple[int, int] | None:
        """The code-point offsets of a span, or None after reporting why it does not fit."""
        def fits(start: int | None, end: int | None) -> bool:
            return (start is not None and end is not None and 0 <= start < end <= len(text)
                    and (item.text is None or text[start:end] == item.text))

        as_utf16 = (utf16(item.start), utf16(item.end)) if utf16 else (item.start, item.end)
        label = f"{item.label} {item.start}..{item.end}"
        if self.options.utf16_offsets:
            if fits(*as_utf16):
                return as_utf16  # type: ignore[return-value]
            if fits(item.start, item.end):
                self.problem("wrong-text", f"span {label} fits the text as code points but not "
                             "as UTF-16 offsets: import this source without reading its "
                             "offsets as UTF-16 code units", item.where, item.source_id,
                             hint="utf16_offsets")
                return None
        else:
            if fits(item.start, item.end):
                return item.start, item.end
            if as_utf16 != (item.start, item.end) and fits(*as_utf16):
                self.problem("utf16-offsets", f"span {label} {item.text!r} fits the text only "
                             "when its offsets count UTF-16 code units (a known bug of some "
                             "tools): import it again reading them as UTF-16 code units",
                             item.where, item.source_id, hint="utf16_offsets")
                return None
        if not 0 <= item.start < item.end <= len(text):
            self.problem("out-of-range", f"span {label} lies outside the text (length "
                         f"{len(text)})", item.where, item.source_id)
        else:
            self.problem("wrong-text", f"span {label}: the source says {item.text!r} but the "
                         f"text there is {text[item.start:item.end]!r}; not shifted",
                         item.where, item.source_id)
        return None

    def build(self, target: _Target, labels: frozenset[str]) -> AnnotationSet:
        source = target.source
        aset = AnnotationSet(target.doc_id, target.text, target.annotator, labels,
                             source.status or "in_progress")
        utf16 = utf16_to_code_points(target.text) if _ASTRAL.search(target.text) else None
        ids: dict[str, str] = {}
        fresh: list[tuple[ImportedSpan, int, int]] = []
        for item in source.spans:
            if item.label not in self.project.label_names:
                self.unknown.setdefault(item.label, []).append(item.where)
                if not self.options.add_labels or label_name_problem(item.label):
                    continue
            offsets = self.check_span(item, target.text, utf16)
            if offsets is None:
                continue
            fresh.append((item, *offsets))
        self._warn_utf16(target, [i for i, _, _ in fresh], utf16)
        keep_ids = {i.source_id for i, _, _ in fresh if i.source_id and id_number(i.source_id)}
        if len(keep_ids) != sum(1 for i, _, _ in fresh if i.source_id and id_number(i.source_id)):
            keep_ids = set()  # the source reuses ids: number afresh
        for item, start, end in fresh:
            existing = aset.find(start, end, item.label)
            if existing is not None:
                self.summary.warnings.append(Problem("duplicate-span", f"span {item.label} "
                    f"{start}..{end} is given twice; imported once", file=item.where))
                if item.source_id:
                    ids[item.source_id] = existing.id
                continue
            span_id = item.source_id if item.source_id in keep_ids else None
            span = Span(span_id or aset.new_span_id(), start, end, item.label,
                        target.text[start:end], item.note)
            AddSpan(span).apply(aset)
            if item.source_id:
                ids[item.source_id] = span.id
        for rel in source.relations:
            ends = ids.get(rel.source), ids.get(rel.target)
            if ends[0] is None or ends[1] is None:
                self.problem("dangling-relation", f"relation {rel.type} links "
                             f"{rel.source} -> {rel.target}, but a span is missing or was not "
                             "imported", rel.where, rel.source_id)
                continue
            AddRelation(Relation(aset.new_relation_id(), rel.type, ends[0], ends[1])).apply(aset)
        return aset

    def _warn_utf16(self, target: _Target, items: list[ImportedSpan],
                    utf16: Callable[[int], int | None] | None) -> None:
        """Spans without a covered text: warn when UTF-16 offsets fit word edges much better."""
        if utf16 is None or self.options.utf16_offsets:
            return
        blind = [i for i in items if i.text is None]
        text = target.text
        as_cp = sum(_at_edge(text, i.start) and _at_edge(text, i.end) for i in blind)
        as_16 = 0
        for i in blind:
            start, end = utf16(i.start), utf16(i.end)
            as_16 += start is not None and end is not None and _at_edge(text, start) and \
                _at_edge(text, end)
        if as_16 > as_cp:
            self.summary.warnings.append(Problem("utf16-offsets", f"{as_16} of {len(blind)} "
                f"spans start and end at word edges when read as UTF-16 offsets, {as_cp} as "
                "code points: the source may count UTF-16 units; check, and consider reading "
                "its offsets as UTF-16 code units", file=target.source.where,
                hint="utf16_offsets"))


def _difference(source: str, text: str, doc_id: str) -> str:
    position = next((i for i, (a, b) in enumerate(zip(source, text, strict=False)) if a != b),
                    min(len(source), len(text)))
    hint = ""
    if source.replace("\r\n", "\n") == text.replace("\r\n", "\n"):
        hint = " (only line endings differ: \\r\\n against \\n)"
    return (f"the source's text differs from document {doc_id!r} from code point {position} "
            f"on ({len(source)} against {len(text)} code points){hint}")


def import_annotations(project: Project, options: ImportOptions,
                       progress: Progress | None = None) -> ImportSummary:
    """Import ``options.path`` into ``project``; returns what was (or would be) done.

    Raises :class:`AnnotatorError` only when the source cannot be read at all.
    ``progress(done, total)`` is called per source document; returning False
    cancels before anything is written.
    """
    fmt = import_format(options.format)
    module = fmt.load()
    summary = ImportSummary(fmt.name, options.path, dry_run=options.dry_run)
    if options.annotator is not None and name_problem(options.annotator, "annotator name"):
        raise AnnotatorError(Problem("bad-name", str(name_problem(options.annotator,
                                                                  "annotator name"))))
    project_file = fingerprint(project.project_file)  # labels are added only if unchanged
    sources: list[ImportedDocument] = module.read(options.path)
    summary.read = len(sources)
    importer = _Importer(project, options, summary)
    targets: dict[tuple[str, str], _Target] = {}
    sets: list[tuple[_Target, AnnotationSet]] = []
    labels = set(project.label_names)
    if options.add_labels:
        labels |= {s.label for source in sources for s in source.spans
                   if label_name_problem(s.label) is None}
    for n, source in enumerate(sources, 1):
        summary.problems.extend(source.problems)
        summary.ignored += [f"{source.where}: {what}" for what in source.ignored]
        resolved = importer.resolve(source, f"{Path(options.path).stem}-{n}")
        if resolved is not None:
            doc_id, text, new = resolved
            annotator = options.annotator or source.annotator or fmt.name
            bad = name_problem(annotator, "annotator name")
            if bad:
                importer.problem("bad-name", bad, source.where)
            elif (doc_id, annotator) in targets:
                importer.problem("duplicate-id", f"document {doc_id!r} of {annotator} is "
                                 f"given twice (also in {targets[doc_id, annotator].source.where})",
                                 source.where)
            else:
                target = targets[doc_id, annotator] = _Target(source, doc_id, text, annotator, new)
                sets.append((target, importer.build(target, frozenset(labels))))
        if progress is not None and not progress(n, len(sources)):
            summary.cancelled = True
            return summary
    for label, where in sorted(importer.unknown.items()):
        bad_name = label_name_problem(label)
        if options.add_labels and bad_name:
            importer.problem("bad-name", f"{bad_name}: it cannot be added to the project "
                             f"(used by {len(where)} span(s))", where[0])
        elif not options.add_labels:
            importer.problem("unknown-label", f"label {label!r} is not in the project's labels "
                             f"({', '.join(sorted(project.label_names))}); used by {len(where)} "
                             "span(s); add it to the project's labels", where[0],
                             hint="add_labels")
    loaded = _check_targets(project, options, summary, sets)
    if not sources:
        summary.problems.append(Problem("no-documents", "nothing to import",
                                        file=str(options.path)))
    # in the order the source first uses them
    summary.labels_added = [label for label in importer.unknown
                            if label_name_problem(label) is None] if options.add_labels else []
    writable = [(t, a) for t, a in sets if (t.doc_id, t.annotator) in loaded]
    summary.spans = sum(len(a) for _, a in writable)
    summary.created = sorted({t.doc_id for t, _ in writable if t.new_document})
    if (summary.problems and not options.skip_bad) or options.dry_run:
        summary.written = [] if not options.dry_run else [(t.doc_id, t.annotator)
                                                          for t, _ in writable]
        return summary
    _write(project, summary, writable, loaded, importer.new_texts, project_file)
    return summary


def _check_targets(project: Project, options: ImportOptions, summary: ImportSummary,
                   sets: list[tuple[_Target, AnnotationSet]]) -> dict[tuple[str, str], str]:
    """Fingerprints of the files that may be written, by (doc_id, annotator)."""
    loaded: dict[tuple[str, str], str] = {}
    for target, _aset in sets:
        key = (target.doc_id, target.annotator)
        path = project.annotation_path(*key)
        if target.new_document:
            loaded[key] = ABSENT
            continue
        try:
            current = store.load(project, *key)
        except AnnotatorError as exc:
            summary.problems.extend(exc.problems)
            continue
        held = current.annotations
        if (len(held) or held.unplaced or held.relations()) and not options.replace:
            summary.problems.append(Problem("target-exists", f"already holds {len(held)} "
                f"span(s), {len(held.unplaced)} unplaced span(s) and {len(held.relations())} "
                "relation(s); nothing was merged; replace the file to overwrite it",
                file=str(path), hint="replace"))
            continue
        loaded[key] = current.fingerprint
    return loaded


def _write(project: Project, summary: ImportSummary,
           writable: list[tuple[_Target, AnnotationSet]], loaded: dict[tuple[str, str], str],
           new_texts: dict[str, str], project_file: str) -> None:
    """Everything in one transaction: the project is either as before or fully imported."""
    transaction = Transaction(project.root)
    updated = project
    if summary.labels_added:
        added = added_labels(project.labels, summary.labels_added)
        updated = replace(project, labels=project.labels + added)
        transaction.write(project.project_file, project_bytes(updated), project_file)
    for doc_id in summary.created:
        transaction.write(project.document_path(doc_id), new_texts[doc_id].encode("utf-8"),
                          ABSENT)
    for target, aset in writable:
        transaction.write(project.annotation_path(target.doc_id, target.annotator),
                          store.stamped_bytes(aset), loaded[target.doc_id, target.annotator])
    transaction.commit()
    project.labels = updated.labels
    summary.written = [(target.doc_id, target.annotator) for target, _ in writable]
    log.info("imported %s from %s into %s: %d span(s) in %d file(s), %d new document(s)",
             summary.format, summary.path, project.root, summary.spans, len(summary.written),
             len(summary.created))
