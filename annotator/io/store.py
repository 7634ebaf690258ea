"""Loading and saving one annotator's work on one document inside a project.

This is the single path the window and the commands use to touch annotation
files: it ties :mod:`standoff` to the project layout, remembers the fingerprint
of what was read, and saves atomically only if the file is still that one.
"""

from __future__ import annotations

import codecs
import itertools
import logging
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.document import Document, decode_text
from annotator.core.errors import AnnotatorError, ConflictError, Problem, WriteError
from annotator.core.project import Project, name_problem
from annotator.core.safe_files import outside_problem, read_regular_file
from annotator.core.spans import STATUSES, Status
from annotator.io.atomic import ABSENT, atomic_write, fingerprint_bytes
from annotator.io.jsonfile import parse_json_bytes
from annotator.io.standoff import (
    UNPLACED_KEY,
    ReadResult,
    parse_annotations,
    serialize_annotations,
)

log = logging.getLogger(__name__)


@dataclass
class Loaded:
    """An annotation set with what is needed to save it back safely."""

    document: Document
    result: ReadResult
    fingerprint: str  # of the file as read, or ABSENT

    @property
    def annotations(self) -> AnnotationSet:
        return self.result.annotations


def load(project: Project, doc_id: str, annotator: str, document: Document | None = None) -> Loaded:
    """Read ``annotator``'s file for ``doc_id``, or start an empty set if there is none."""
    document = document or project.load_document(doc_id)
    path = project.annotation_path(doc_id, annotator)
    try:
        data = read_regular_file(path, project.root)
    except FileNotFoundError:
        aset = AnnotationSet(doc_id, document.text, annotator, project.label_names)
        return Loaded(document, ReadResult(aset), ABSENT)
    result = parse_annotations(data, document.text, source=str(path), doc_id=doc_id,
                               annotator=annotator, labels=project.label_names,
                               relation_types=project.relation_types())
    return Loaded(document, result, fingerprint_bytes(data))


def stamped_bytes(aset: AnnotationSet, now: datetime | None = None) -> bytes:
    """The file's bytes, with ``modified`` set to ``now`` (default: the current time)."""
    aset.modified = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return serialize_annotations(aset)


def save(project: Project, aset: AnnotationSet, expected: str | None,
         now: datetime | None = None) -> str:
    """Write ``aset`` to its place; returns the new fingerprint.

    Raises :class:`~annotator.core.errors.ConflictError` when the file on disk is
    not the one whose fingerprint is ``expected`` (checked under the folder's
    lock), :class:`~annotator.core.errors.WriteError` when it cannot be written.
    """
    path = project.annotation_path(aset.doc_id, aset.annotator)
    outside = outside_problem(path.parent, project.root) if path.parent.exists() else None
    if outside is not None:  # a linked folder must not carry a save out of the project
        raise WriteError(outside)
    data = stamped_bytes(aset, now)
    try:
        new = atomic_write(path, data, expected)
    except ConflictError:
        log.warning("conflict: %s changed on disk since it was read; not saved", path)
        raise
    log.info("saved %s (%d spans)", path, len(aset))
    return new


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows: status and span count of one annotator's file."""

    doc_id: str
    status: Status
    spans: int
    exists: bool
    unplaced: int = 0  # spans a stale file kept aside (still to place or discard)


def summary(project: Project, doc_id: str, annotator: str) -> DocumentSummary:
    """Status and span count without checking the file against the text (cheap)."""
    path = project.annotation_path(doc_id, annotator)
    try:
        data = read_regular_file(path, project.root)
    except FileNotFoundError:
        return DocumentSummary(doc_id, "new", 0, False)
    except OSError as exc:
        raise AnnotatorError(Problem("malformed-json", f"cannot read: {exc.strerror or exc}",
                                     file=str(path))) from None
    return summary_of(data, str(path), doc_id)


def summary_of(data: bytes, source: str, doc_id: str) -> DocumentSummary:
    """:func:`summary` of an annotation file's bytes (``AnnotatorError`` when not JSON)."""
    raw = parse_json_bytes(data, source)
    status = raw.get("status") if isinstance(raw, dict) else None
    spans = raw.get("spans") if isinstance(raw, dict) else None
    unplaced = raw.get(UNPLACED_KEY) if isinstance(raw, dict) else None
    return DocumentSummary(doc_id, status if status in STATUSES else "in_progress",
                           len(spans) if isinstance(spans, list) else 0, True,
                           len(unplaced) if isinstance(unplaced, list) else 0)


# -- a document list's rows, and when to read them again -------------------------------
FileStamp = tuple[int, int, int, int]  # st_mtime_ns, st_ctime_ns, st_size, st_ino
RowStamp = tuple[FileStamp | None, FileStamp | None]  # the document's, the annotation file's
_unreadable = itertools.count(-1, -1)


def file_stamp(path: str) -> FileStamp | None:
    """What tells versions of a file apart without reading it; None when there is no file.

    A file replaced by a rename (every save of ours) has a new inode, one rewritten
    in place a new modification time or size. A file whose metadata cannot be read
    gets a stamp equal to no other, so it is read again at every look (and its
    problem said).
    """
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return (-1, -1, -1, next(_unreadable))
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_PLAIN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NO_FOLLOW
                | getattr(os, "O_CLOEXEC", 0))


def read_plain(path: str) -> bytes | None:
    """The bytes of ``path`` if it is a regular file and not a symbolic link; None for
    anything else (no such file, a link, a FIFO...), which the caller then reads the careful
    way (:func:`~annotator.core.safe_files.read_regular_file`), saying what is wrong.

    Made for reading every file of a big project: one ``open`` (``O_NOFOLLOW``), one
    ``fstat``, one ``os.read`` of the size it gives, no file object.
    """
    if not _NO_FOLLOW:  # no way to refuse a link when opening: always the careful way
        return None
    try:
        fd = os.open(path, _PLAIN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        data = os.read(fd, info.st_size + 1)
        if len(data) <= info.st_size:  # the whole file (else it grew meanwhile: the rest)
            return data
        pieces = [data]
        while more := os.read(fd, 1 << 20):
            pieces.append(more)
        return b"".join(pieces)
    except OSError:
        return None
    finally:
        os.close(fd)


def reads_plain(folder: Path, root: Path) -> bool:
    """Whether the files of ``folder`` may be read with :func:`read_plain`: it does not lead
    outside ``root`` (or does not exist yet). Else they are read the careful way, which says
    where they lead."""
    return not folder.exists() or outside_problem(folder, root) is None


_PIECE = 1 << 20


def _check_utf8(data: bytes, source: str) -> None:
    """Raise what :func:`decode_text` raises when ``data`` is not UTF-8; a big text is
    checked a megabyte at a time, so a worker reading it lets the window's thread run
    between the pieces (one decode of 10 MB holds the interpreter for 20 ms)."""
    if len(data) <= _PIECE:
        decode_text(data, source)
        return
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), _PIECE):
            decoder.decode(data[start:start + _PIECE], final=start + _PIECE >= len(data))
    except UnicodeDecodeError:
        decode_text(data, source)  # raises, naming the byte offset in the whole file


@dataclass(frozen=True)
class ListEntry:
    """A row of a document list as read from disk: the summary, or why the document cannot
    be opened (``problem``), with the stamps of the files as they were before the read."""

    doc_id: str
    stamp: RowStamp
    summary: DocumentSummary | None
    problem: str | None = None


class ListReader:
    """Reads the rows of ``annotator``'s document list: their files' stamps and summaries.

    Made for looking at every row of a big project again and again: one ``stat``
    per file for a stamp, paths built without :class:`~pathlib.Path`, and a file
    that is a regular one, not a link, in a folder inside the project read with one
    ``open`` (``O_NOFOLLOW``); anything else is read the careful way
    (:meth:`Project.load_document`, :func:`summary`), which checks where links
    lead and refuses FIFOs, as every reader does. What a row shows is the same
    either way.
    """

    def __init__(self, project: Project, annotator: str) -> None:
        self.project = project
        self.annotator = annotator
        documents = project.documents_dir
        self._documents = os.path.join(documents, "")
        self._plain_documents = reads_plain(documents, project.root)
        self._annotations: str | None = None  # None: a name breaking the rules, no files
        self._plain_annotations = False
        if name_problem(annotator, "annotator name") is None:  # else each row says so
            folder = project.annotator_dir(annotator)
            self._annotations = os.path.join(folder, "")
            self._plain_annotations = reads_plain(folder, project.root)

    def stamp(self, doc_id: str) -> RowStamp:
        """The stamps of the row's text and annotation file, as they are now."""
        if name_problem(doc_id, "document id") is not None:  # never a path outside
            return (None, None)
        return (file_stamp(f"{self._documents}{doc_id}.txt"),
                file_stamp(f"{self._annotations}{doc_id}.json") if self._annotations else None)

    def entry(self, doc_id: str, stamp: RowStamp) -> ListEntry:
        """Read the row of ``doc_id``; ``stamp`` was taken before reading, so a change made
        during the read differs from it and is read again at the next look."""
        plain = name_problem(doc_id, "document id") is None
        try:
            path = f"{self._documents}{doc_id}.txt"
            text = read_plain(path) if plain and self._plain_documents else None
            if text is None:
                self.project.load_document(doc_id)  # a text that is not UTF-8 cannot be opened
            else:
                _check_utf8(text, path)
            path = f"{self._annotations}{doc_id}.json"
            data = read_plain(path) if plain and self._plain_annotations else None
            found = summary(self.project, doc_id, self.annotator) if data is None else (
                summary_of(data, path, doc_id))
        except AnnotatorError as exc:
            return ListEntry(doc_id, stamp, None, "\n".join(str(p) for p in exc.problems))
        return ListEntry(doc_id, stamp, found)


def list_entry(project: Project, doc_id: str, annotator: str, stamp: RowStamp) -> ListEntry:
    """The row of ``doc_id`` in ``annotator``'s document list (see :class:`ListReader`)."""
    return ListReader(project, annotator).entry(doc_id, stamp)
