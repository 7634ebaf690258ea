"""What a team's coordinator and each member see of the shared project, outside git's words.

- :func:`team_status`: per annotator, documents assigned and how many are
  new, in progress and done; then the agreement (F1 exact and kappa, pairwise)
  on the documents two of them annotated and both marked done. Used by
  ``annotator status`` and the window's Project > Team status.
- :func:`annotated_documents`: the documents at least two annotators
  annotated, read for :func:`annotator.core.agreement.compute_agreement`.
- :func:`local_state`: a cheap look at one member's side of the sync (is the
  project a git work tree, which of their files wait to be sent, when the
  remote was last fetched), for the window's status bar; it never changes
  anything and never touches the network.
- :func:`assigned_to`: the documents ``project.json`` assigns to someone.
- Conflict copies (``<doc_id>.json.conflict-<machine>-<time>``, what a sync
  keeps of a file changed here and on the remote): :func:`conflict_copies`
  lists a document's, :func:`keep_mine` puts one in place of the file (a
  conflict-checked atomic write), :func:`take_theirs` sets one aside, and
  :func:`undo_resolution` takes either back. The losing version is always
  kept in a hidden file beside the copy's name (``.<copy>.theirs``,
  ``.<copy>.discarded``): never listed as a pending conflict, never sent by a
  sync, never lost.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.agreement import AgreementTally, AnnotatedDocument, compute_agreement
from annotator.core.document import Document, decode_text
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import Project, name_problem
from annotator.core.spans import Relation, Span
from annotator.io import parallel as cores
from annotator.io.atomic import ABSENT, atomic_write, check_unchanged, fingerprint_bytes
from annotator.io.gitsync import CONFLICT_MARK, Git, SyncRefusedError, is_conflict_copy, own_paths
from annotator.io.locking import folder_lock
from annotator.io.standoff import ReadResult, parse_annotations
from annotator.io.store import load, read_plain, reads_plain, summary

log = logging.getLogger(__name__)

Warn = Callable[[Problem], None]


def assignments(project: Project) -> dict[str, list[str]]:
    """``project.json``'s ``assignments`` (annotator -> document ids), or none."""
    raw = project.extra.get("assignments")
    if not isinstance(raw, dict):
        return {}
    return {str(name): [str(d) for d in docs] for name, docs in raw.items()
            if isinstance(docs, list)}


def assigned_to(project: Project, annotator: str) -> list[str] | None:
    """The documents assigned to ``annotator``; None when nothing is assigned to them."""
    return assignments(project).get(annotator)


def annotated_documents(project: Project, annotators: list[str], status: str | None,
                        warn: Warn | None = None, parallel: bool = True,
                        ) -> list[AnnotatedDocument]:
    """The documents at least two of ``annotators`` annotated (with that status, if given).

    A file that breaks the format stops with every such problem listed
    (:class:`~annotator.core.errors.AnnotatorError`); a stale one is used
    re-anchored and passed to ``warn`` (default: logged). ``parallel``: read
    on every core (:mod:`annotator.io.parallel`, which forks; a window passes
    False).
    """
    work = _agreement_work(project, annotators, parallel)
    documents: list[AnnotatedDocument] = []
    problems: list[Problem] = []
    reader = functools.partial(_read_chunk, project, status)
    chunks = cores.map_chunks(reader, work) if parallel else [reader(work)]
    for read, broken, warnings in chunks:
        documents += read
        problems += broken
        for problem in warnings:
            (warn or _log_warning)(problem)
    if problems:
        raise AnnotatorError(*problems)
    return documents


def agreement_tally(project: Project, annotators: list[str], status: str | None,
                    warn: Warn | None = None, parallel: bool = True) -> AgreementTally:
    """The agreement counts of the documents :func:`annotated_documents` would give.

    Each process reads a chunk of documents and counts it (the counting is most
    of the work once the files are read), so only counts come back, never the
    texts and spans. Problems and warnings as for :func:`annotated_documents`.
    """
    work = _agreement_work(project, annotators, parallel)
    tally = AgreementTally.of(annotators)
    problems: list[Problem] = []
    counter = functools.partial(_count_chunk, project, status, tuple(annotators))
    chunks = cores.map_chunks(counter, work) if parallel else [counter(work)]
    for counted, broken, warnings in chunks:
        tally.merge(counted)
        problems += broken
        for problem in warnings:
            (warn or _log_warning)(problem)
    if problems:
        raise AnnotatorError(*problems)
    return tally


def _agreement_work(project: Project, annotators: list[str],
                    parallel: bool) -> list[tuple[str, list[str]]]:
    """Each document at least two of ``annotators`` have a file for, with who has one.

    ``parallel``: in a big project the annotators' folders are listed by worker
    processes while this one lists the documents (a third of a second each for
    100,000 files).
    """
    if parallel and _entries(project.documents_dir) >= cores.MIN_PARALLEL and cores.workers() > 1:
        with cores.started(functools.partial(_annotated_doc_ids, project), annotators) as listed:
            doc_ids = project.doc_ids()
            files = dict(zip(annotators, listed(), strict=True))
    else:
        files = {name: _annotated_doc_ids(project, name) for name in annotators}
        doc_ids = project.doc_ids()
    work = [(doc_id, [name for name in annotators if doc_id in files[name]])
            for doc_id in doc_ids]
    return [(doc_id, having) for doc_id, having in work if len(having) >= 2]


def _annotated_doc_ids(project: Project, annotator: str) -> set[str]:
    return set(project.annotated_doc_ids(annotator))


def _entries(folder: Path) -> int:
    """How many entries ``folder`` has (0 when it cannot be listed): cheap, no checks."""
    try:
        return len(os.listdir(folder))
    except OSError:
        return 0


def _count_chunk(project: Project, status: str | None, annotators: tuple[str, ...],
                 work: Sequence[tuple[str, list[str]]],
                 ) -> tuple[AgreementTally, list[Problem], list[Problem]]:
    """One chunk's agreement counts, the problems that stop the reading, and warnings."""
    documents, problems, warnings = _read_chunk(project, status, work)
    tally = AgreementTally.of(annotators)
    for document in documents:
        tally.add(document)
    return tally, problems, warnings


def _log_warning(problem: Problem) -> None:
    log.warning("%s", problem)


class _ChunkReader:
    """Reads documents and annotation files of one project for agreement, quickly where safe.

    A file in a folder inside the project that is a regular file, not a link, is
    read with one ``open`` (``O_NOFOLLOW``, :func:`~annotator.io.store.read_plain`) and parsed as
    :func:`annotator.io.store.load` parses it; anything else (a name breaking the
    rules, a link, a FIFO, a file gone since the listing, a folder leading
    outside) is read the careful way (:meth:`Project.load_document`, :func:`load`),
    which says what is wrong. Texts, spans and problems are the same either way.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.labels = project.label_names
        self.relation_types = project.relation_types()
        self._documents = os.path.join(project.documents_dir, "") \
            if reads_plain(project.documents_dir, project.root) else None
        self._folders: dict[str, str | None] = {}

    def _folder(self, annotator: str) -> str | None:
        """``annotator``'s folder ending in a separator, None when it is to be read carefully."""
        try:
            return self._folders[annotator]
        except KeyError:
            folder = self.project.annotator_dir(annotator)
            found = self._folders[annotator] = (
                os.path.join(folder, "") if reads_plain(folder, self.project.root) else None)
            return found

    def text(self, doc_id: str, plain: bool) -> str:
        """The text of ``doc_id`` (:class:`AnnotatorError` as :meth:`Project.load_document`);
        ``plain``: the id is a plain name (:func:`name_problem` has nothing to say)."""
        if plain and self._documents is not None:
            path = f"{self._documents}{doc_id}.txt"
            data = read_plain(path)
            if data is not None:
                return decode_text(data, path)
        return self.project.load_document(doc_id).text

    def annotations(self, doc_id: str, plain: bool, annotator: str, text: str) -> ReadResult:
        """``annotator``'s file of ``doc_id`` read against ``text``, as :func:`load` reads it."""
        folder = self._folder(annotator) if plain else None
        if folder is not None:
            path = f"{folder}{doc_id}.json"
            data = read_plain(path)
            if data is not None:
                return parse_annotations(data, text, source=path, doc_id=doc_id,
                                         annotator=annotator, labels=self.labels,
                                         relation_types=self.relation_types)
        document = Document(doc_id, text, self.project.document_path(doc_id))
        return load(self.project, doc_id, annotator, document).result


def _read_chunk(project: Project, status: str | None, work: Sequence[tuple[str, list[str]]],
                ) -> tuple[list[AnnotatedDocument], list[Problem], list[Problem]]:
    """Documents of one chunk, the problems that stop the reading, and warnings."""
    documents: list[AnnotatedDocument] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    reader = _ChunkReader(project)
    for doc_id, having in work:
        plain = name_problem(doc_id) is None
        text = reader.text(doc_id, plain)
        spans: dict[str, list[Span]] = {}
        relations: dict[str, list[Relation]] = {}
        for name in having:
            result = reader.annotations(doc_id, plain, name, text)
            if not result.openable:
                problems += result.problems
                continue
            warnings += result.problems
            if status is None or result.annotations.status == status:
                spans[name] = result.annotations.spans()
                relations[name] = result.annotations.relations()
        if len(spans) >= 2:
            documents.append(AnnotatedDocument(doc_id, text, spans, relations))
    return documents, problems, warnings


def team_status(project: Project, warn: Warn | None = None,
                parallel: bool = True) -> dict[str, Any]:
    """``{"annotators": {name: {assigned, new, in_progress, done}}, "overlap_agreement": [...]}``.

    Annotators are those of ``assignments`` and those with a folder under
    ``annotations/``. Counts are over the documents assigned to each (all
    they annotated when nothing is assigned to them); the agreement pairs
    (``a``, ``b``, ``documents``, ``f1_exact``, ``kappa``) are over the
    documents both annotated and marked done.
    """
    assigned = assignments(project)
    doc_ids = set(project.doc_ids())
    names = list(dict.fromkeys([*assigned, *project.annotators()]))
    rows: dict[str, dict[str, int]] = {}
    for name in names:
        docs = assigned.get(name) or project.annotated_doc_ids(name)
        counts = Counter(summary(project, d, name).status for d in docs if d in doc_ids)
        rows[name] = {"assigned": len(assigned.get(name, [])), "new": counts["new"],
                      "in_progress": counts["in_progress"], "done": counts["done"]}
    pairs = []
    twice = [name for name in names if rows[name]["done"]]
    documents = annotated_documents(project, twice, "done", warn, parallel) \
        if len(twice) >= 2 else []
    if documents:
        agreement = compute_agreement(documents, twice, [label.name for label in project.labels])
        pairs = [{"a": p.a, "b": p.b, "documents": p.documents, "f1_exact": p.f1_exact,
                  "kappa": p.kappa} for p in agreement.pairs if p.documents]
    return {"annotators": rows, "overlap_agreement": pairs}


@dataclass(frozen=True)
class LocalState:
    """One member's side of the sync, as the work tree shows it (nothing fetched)."""

    repository: bool  # the project is inside a git work tree
    unsent: tuple[str, ...] = ()  # their changed or new files, relative to the project
    last_fetch: datetime | None = None  # when the remote was last fetched (any sync)
    problem: str = ""  # why the state could not be read (git missing, ...)


def local_state(project: Project, annotator: str | None) -> LocalState:
    """What ``annotator`` (None: the coordinator) has to send, and when the team was last fetched.

    Runs ``git status`` on their own paths only (no network, no lock taken), so
    it is cheap enough to ask after every save.
    """
    git = Git(project.root)
    try:
        inside = git.run("rev-parse", "--show-prefix", check=False)  # no work tree: fails
        if inside.returncode != 0:
            return LocalState(False)
        prefix = inside.stdout.strip()
        paths = own_paths(project, annotator)
        # --no-optional-locks: never take the index lock a sync may need at the same time
        lines = git.run("--no-optional-locks", "status", "--porcelain=v1", "-z",
                        "--untracked-files=all", "--", *paths).stdout.split("\0")
        fetch_head = Path(git.out("rev-parse", "--git-path", "FETCH_HEAD"))
    except SyncRefusedError as exc:
        return LocalState(False, problem=exc.problem.message)
    unsent: list[str] = []
    skip = False
    for line in lines:
        if skip or not line:  # a rename's or copy's second path: the old name
            skip = False
            continue
        code, path = line[:2], line[3:]
        skip = code[0] in "RC"
        relative = path[len(prefix):] if path.startswith(prefix) else path
        parts = relative.split("/")
        if any(p.startswith(".") for p in parts) or is_conflict_copy(parts[-1]):
            continue  # never sent
        unsent.append(relative)
    if not fetch_head.is_absolute():
        fetch_head = project.root / fetch_head
    try:
        fetched: datetime | None = datetime.fromtimestamp(fetch_head.stat().st_mtime, UTC)
    except OSError:
        fetched = None
    return LocalState(True, tuple(sorted(set(unsent))), fetched)


# -- conflict copies ---------------------------------------------------------------
KEPT_THEIRS, DISCARDED = ".theirs", ".discarded"  # suffixes of the hidden backups
KEPT_MINE, TOOK_THEIRS = "kept-mine", "took-theirs"


@dataclass(frozen=True)
class ConflictCopy:
    """A local version a sync kept beside ``path`` (the annotation file it conflicts with)."""

    copy: Path
    path: Path
    machine: str  # the computer it was made on
    made: datetime | None  # when the sync kept it (UTC)


@dataclass(frozen=True)
class Resolution:
    """What :func:`keep_mine` or :func:`take_theirs` did, enough to undo it."""

    choice: str  # KEPT_MINE or TOOK_THEIRS
    conflict: ConflictCopy
    mine: bytes  # the copy's bytes
    before: bytes | None  # the annotation file before (None: there was none)
    after: str  # fingerprint of the annotation file after
    backup: Path  # the hidden file keeping the version that lost


# A folder's conflict copies by the file they are copies of, kept while the folder's
# listing is unchanged (its modification time), so opening a document does not list a
# folder of 100,000 files (0.4 s) each time. A listing changed less than RACY_NS before
# it was read may change again within the same tick of the clock: not kept.
_COPIES: dict[Path, tuple[int, dict[str, list[str]]]] = {}
RACY_NS = 2_000_000_000
COPY_OF = ".json" + CONFLICT_MARK  # what follows the name of the file copied


def _copies_in(folder: Path) -> dict[str, list[str]]:
    """The conflict copies' names in ``folder``, by the name of the file they copy."""
    try:
        changed = folder.stat().st_mtime_ns
    except OSError:
        _COPIES.pop(folder, None)
        return {}
    kept = _COPIES.get(folder)
    if kept is not None and kept[0] == changed:
        return kept[1]
    by_file: dict[str, list[str]] = {}
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                name = entry.name
                if CONFLICT_MARK in name and is_conflict_copy(name):
                    copied = name.partition(COPY_OF)[0] + ".json"
                    by_file.setdefault(copied, []).append(name)
    except OSError:
        return {}
    if time.time_ns() - changed > RACY_NS:
        _COPIES[folder] = (changed, by_file)
    else:
        _COPIES.pop(folder, None)
    return by_file


def conflict_copies(project: Project, doc_id: str, annotator: str) -> list[ConflictCopy]:
    """``annotator``'s conflict copies of ``doc_id``, oldest first."""
    path = project.annotation_path(doc_id, annotator)
    start = f"{path.name}{CONFLICT_MARK}"
    names = sorted(_copies_in(path.parent).get(path.name, ()))
    found = []
    for name in names:
        copy = path.parent / name
        if not copy.is_file():
            continue
        machine, _, stamp = name[len(start):].rpartition("-")
        try:
            made: datetime | None = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            machine, made = name[len(start):], None
        found.append(ConflictCopy(copy, path, machine, made))
    return sorted(found, key=lambda c: (c.made or datetime.min.replace(tzinfo=UTC), c.copy.name))


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def keep_mine(project: Project, conflict: ConflictCopy, expected: str) -> Resolution:
    """Put the copy in place of the annotation file; the file as it was goes to ``.<copy>.theirs``.

    ``expected``: the fingerprint of the annotation file as the caller last read
    it; a file changed since is not overwritten (:class:`ConflictError`). A
    copy that is not an annotation file is refused (:class:`AnnotatorError`).
    """
    mine = conflict.copy.read_bytes()
    doc_id = conflict.path.name.removesuffix(".json")
    document = project.load_document(doc_id)
    parse_annotations(mine, document.text, source=str(conflict.copy), doc_id=doc_id,
                      labels=project.label_names)  # AnnotatorError: not one of ours
    before = _read(conflict.path)
    check_unchanged(conflict.path, expected)
    backup = conflict.copy.with_name(f".{conflict.copy.name}{KEPT_THEIRS}")
    if before is not None:
        atomic_write(backup, before, None)
    try:
        after = atomic_write(conflict.path, mine, expected)
    except AnnotatorError:  # changed meanwhile, or not writable: nothing was replaced
        if before is not None:
            backup.unlink(missing_ok=True)
        raise
    conflict.copy.unlink()
    log.info("conflict copy %s kept (keep mine) in place of %s; the replaced version is in %s",
             conflict.copy.name, conflict.path, backup if before is not None else "(none)")
    return Resolution(KEPT_MINE, conflict, mine, before, after, backup)


def take_theirs(project: Project, conflict: ConflictCopy) -> Resolution:
    """Set the copy aside (in ``.<copy>.discarded``); the annotation file stays as it is."""
    mine = conflict.copy.read_bytes()
    before = _read(conflict.path)
    backup = conflict.copy.with_name(f".{conflict.copy.name}{DISCARDED}")
    atomic_write(backup, mine, None)
    conflict.copy.unlink()
    log.info("conflict copy %s set aside (take theirs) in %s", conflict.copy.name, backup)
    after = fingerprint_bytes(before) if before is not None else ABSENT
    return Resolution(TOOK_THEIRS, conflict, mine, before, after, backup)


def undo_resolution(resolution: Resolution) -> None:
    """Put the copy back and, after keep mine, the annotation file as it was.

    Refused (:class:`ConflictError`, nothing changed) when the annotation file
    changed since the resolution, or a new copy took the old one's name.
    """
    conflict = resolution.conflict
    path = conflict.path
    if conflict.copy.exists():
        check_unchanged(conflict.copy, ABSENT)
    if resolution.choice == KEPT_MINE:
        if resolution.before is not None:
            atomic_write(path, resolution.before, resolution.after)
        else:
            with folder_lock(path.parent):
                check_unchanged(path, resolution.after)
                path.unlink()
    atomic_write(conflict.copy, resolution.mine, ABSENT)
    resolution.backup.unlink(missing_ok=True)
    log.info("undid %s on %s: the conflict copy %s is back", resolution.choice, path,
             conflict.copy.name)
