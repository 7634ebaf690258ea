"""The import driver: other tools' annotations checked against the project, then saved.

A format module only reads its files into :class:`ImportedDocument` objects;
this module decides what they mean for the project, and never guesses:

- Document: the one the source names if the project has it (its text must be
  the project's, exactly), else the project document with the same text (or
  the new document this import made for it), else a new document (its text
  written to ``documents/``).
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
- Span notes, attributes and ``origin`` and relation notes come along; the
  source's span ids ``T<n>`` and relation ids ``R<n>`` are kept when each is
  unique (others get fresh ids above them). A relation whose type is not a
  valid name (white space, ...) is refused; a span or relation given twice is
  imported once, with a warning.

Nothing is written when any problem is found (``skip_bad`` instead imports
everything else and lists what was left out), and never a shifted or dropped
span without a line saying so: the summary counts what was imported (spans,
relations, notes, attributes) and lists, with counts, everything the source
held that was not (``ignored``). Writes go through :func:`annotator.io.store.save`
(atomic, refusing to overwrite a file that changed since it was read).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from annotator.core.annotations import AnnotationSet
from annotator.core.document import text_sha256
from annotator.core.edits import AddRelation, AddSpan
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.offsets import utf16_to_code_points
from annotator.core.project import Project, added_labels, label_name_problem, name_problem
from annotator.core.spans import Relation, Span, id_number
from annotator.io import store
from annotator.io.atomic import ABSENT, fingerprint
from annotator.io.exchange import Ignored, ImportedDocument, ImportedSpan, Progress
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
    relations: int = 0
    notes: int = 0  # notes of spans and relations
    attributes: int = 0  # span attributes (name-value pairs)
    labels_added: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # one line each, with counts
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
        what = (f"{self.spans} span(s), {self.relations} relation(s), {self.notes} note(s) "
                f"and {self.attributes} attribute(s) into {len(self.written)} annotation file(s) "
                f"from {self.read} source document(s)")
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
        self.new_by_text: dict[str, str] = {}  # text -> the new document holding it
        self.unknown: dict[str, list[str]] = {}  # label -> where it is used
        self.relation_types = project.relation_types()  # None: any type is accepted

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
        if name is None and source.text in self.new_by_text:  # a new document met before
            return self.new_by_text[source.text], source.text, True
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
        self.new_by_text.setdefault(source.text, doc_id)
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
        keep_ids = _unique([i.source_id for i, _, _ in fresh], "span")
        # spans keeping their ids go first, so that no fresh id takes one of theirs
        for item, start, end in sorted(fresh, key=lambda f: f[0].source_id not in keep_ids):
            existing = aset.find(start, end, item.label)
            if existing is not None:
                self.summary.warnings.append(Problem("duplicate-span", f"span {item.label} "
                    f"{start}..{end} is given twice; imported once", file=item.where))
                if item.source_id:
                    ids[item.source_id] = existing.id
                continue
            span_id = item.source_id if item.source_id in keep_ids else None
            span = Span(span_id or aset.new_span_id(), start, end, item.label,
                        target.text[start:end], item.note, item.attributes,
                        {"origin": item.origin} if item.origin is not None else {})
            AddSpan(span).apply(aset)
            if item.source_id:
                ids.setdefault(item.source_id, span.id)
        keep_relations = _unique([r.source_id for r in source.relations], "relation")
        seen: set[tuple[str, str, str]] = set()
        for rel in sorted(source.relations, key=lambda r: r.source_id not in keep_relations):
            ends = ids.get(rel.source), ids.get(rel.target)
            if ends[0] is None or ends[1] is None:
                self.problem("dangling-relation", f"relation {rel.type} links "
                             f"{rel.source} -> {rel.target}, but a span is missing or was not "
                             "imported", rel.where, rel.source_id)
                continue
            bad_type = label_name_problem(rel.type, "relation type")
            if bad_type:
                self.problem("bad-name", f"{bad_type}: the relation {rel.source} -> "
                             f"{rel.target} cannot be imported", rel.where, rel.source_id)
                continue
            misfit = self._relation_misfit(rel.type, aset.span(ends[0]).label,
                                           aset.span(ends[1]).label)
            if misfit:
                self.problem("bad-relation", f"relation {rel.type} {rel.source} -> {rel.target}: "
                             f"{misfit}", rel.where, rel.source_id)
                continue
            key = (rel.type, ends[0], ends[1])
            if key in seen:
                self.summary.warnings.append(Problem("duplicate-relation", f"relation {rel.type} "
                    f"{rel.source} -> {rel.target} is given twice; imported once",
                    file=rel.where))
                continue
            seen.add(key)
            relation_id = rel.source_id if rel.source_id in keep_relations else None
            AddRelation(Relation(relation_id or aset.new_relation_id(), rel.type, ends[0],
                                 ends[1], {"note": rel.note} if rel.note is not None else {}),
                        ).apply(aset)
        return aset

    def _relation_misfit(self, kind: str, source: str, target: str) -> str | None:
        """Why the project's relation types refuse a relation, or None (FORMAT.md section 2)."""
        if self.relation_types is None:
            return None
        if kind not in self.relation_types:
            known = ", ".join(sorted(self.relation_types)) or "none"
            return (f"the type is not one of the project's relation types ({known}); add it to "
                    "the relations of project.json")
        allowed_from, allowed_to = self.relation_types[kind]
        for side, label, allowed in (("from", source, allowed_from), ("to", target, allowed_to)):
            if allowed and label not in allowed:
                return (f"the type goes {side} a {', '.join(sorted(allowed))} span, not "
                        f"a {label} span")
        return None

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


def _unique(source_ids: list[str | None], kind: Literal["span", "relation"]) -> set[str]:
    """The numbered source ids (``T<n>``, ``R<n>``) to keep: all, or none if one repeats."""
    numbered = [i for i in source_ids if i is not None and id_number(i, kind) is not None]
    return set(numbered) if len(set(numbered)) == len(numbered) else set()


def _ignored_lines(found: list[tuple[str, Ignored]]) -> list[str]:
    """One line per kind of thing ignored: where (the first place), how many, and why."""
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for where, item in found:
        groups.setdefault((item.what, item.why), []).append((where, item.count))
    lines = []
    for (what, why), places in groups.items():
        count = sum(n for _, n in places)
        wheres = list(dict.fromkeys(w for w, _ in places))
        if len(wheres) == 1:
            lines.append(f"{wheres[0]}: {count} {what}: {why}")
        else:
            lines.append(f"{count} {what} in {len(wheres)} places (first {wheres[0]}): {why}")
    return lines


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
    summary.read = sum(1 for source in sources if not source.report_only)
    importer = _Importer(project, options, summary)
    targets: dict[tuple[str, str], _Target] = {}
    sets: list[tuple[_Target, AnnotationSet]] = []
    ignored: list[tuple[str, Ignored]] = []
    labels = set(project.label_names)
    if options.add_labels:
        labels |= {s.label for source in sources for s in source.spans
                   if label_name_problem(s.label) is None}
    for n, source in enumerate(sources, 1):
        summary.problems.extend(source.problems)
        ignored += [(item.where or source.where, item) for item in source.ignored]
        resolved = None if source.report_only else importer.resolve(
            source, f"{Path(options.path).stem}-{n}")
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
    summary.ignored = _ignored_lines(ignored)
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
    if not summary.read and not summary.problems:
        summary.problems.append(Problem("no-documents", "nothing to import",
                                        file=str(options.path)))
    # in the order the source first uses them
    summary.labels_added = [label for label in importer.unknown
                            if label_name_problem(label) is None] if options.add_labels else []
    writable = [(t, a) for t, a in sets if (t.doc_id, t.annotator) in loaded]
    summary.spans = sum(len(a) for _, a in writable)
    summary.relations = sum(len(a.relations()) for _, a in writable)
    summary.notes = sum(sum(s.note is not None for s in a.spans())
                        + sum(isinstance(r.extra.get("note"), str) for r in a.relations())
                        for _, a in writable)
    summary.attributes = sum(len(s.attributes or {}) for _, a in writable for s in a.spans())
    summary.created = sorted({t.doc_id for t, _ in writable if t.new_document})
    if options.dry_run:  # what would be written
        summary.written = [(t.doc_id, t.annotator) for t, _ in writable]
        return summary
    if summary.problems and not options.skip_bad:  # refused: nothing is written
        summary.written, summary.created = [], []
        summary.spans = summary.relations = summary.notes = summary.attributes = 0
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
