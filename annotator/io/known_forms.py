"""The forms an annotator already labelled: the normalised texts of their own spans and gold's.

Clitic-aware snapping (:mod:`annotator.core.snapping`) cuts a proclitic off a
sloppy selection when what remains is a *known form*. Known forms come from
one person's own files (``annotations/<name>/``) and from ``gold/``, never
from another annotator's work, so no one's choices leak into someone else's
spans. :class:`KnownForms` reads those files cheaply (JSON only, no checks
against the text) and keeps what each held by modification time and size,
so reading them again when a document opens re-parses only the files that
changed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, KeysView, Mapping
from dataclasses import dataclass
from pathlib import Path

from annotator.core.arabic import known_form
from annotator.core.errors import AnnotatorError
from annotator.core.project import GOLD, Project
from annotator.core.safe_files import read_regular_file
from annotator.io.jsonfile import parse_json_bytes

_Stamp = tuple[int, int]  # modification time (ns), size


def span_forms(data: bytes, source: str) -> frozenset[str]:
    """The normalised ``text`` of every span of an annotation file's bytes (empty if unreadable)."""
    try:
        raw = parse_json_bytes(data, source)
    except AnnotatorError:
        return frozenset()
    spans = raw.get("spans") if isinstance(raw, dict) else None
    if not isinstance(spans, list):
        return frozenset()
    forms = {known_form(span["text"]) for span in spans
             if isinstance(span, dict) and isinstance(span.get("text"), str)}
    forms.discard("")
    return frozenset(forms)


FileEntry = tuple[_Stamp, frozenset[str]]


def read_entry(path: Path, root: Path, kept: FileEntry | None = None) -> FileEntry | None:
    """``path``'s stamp and forms, re-parsed only if its stamp differs from ``kept``'s;
    None if unreadable (gone, a link out of the project, not a file)."""
    try:
        info = path.stat()
    except OSError:
        return None
    stamp = (info.st_mtime_ns, info.st_size)
    if kept is not None and kept[0] == stamp:
        return kept
    try:
        data = read_regular_file(path, root)
    except (OSError, AnnotatorError):
        return None
    return stamp, span_forms(data, str(path))


@dataclass(frozen=True)
class Scan:
    """The files of one person and gold, each with what it held, and the forms counted."""

    files: dict[Path, FileEntry]
    counts: Counter[str]


def scan(project: Project, person: str, leave_out: Path | None,
         previous: Mapping[Path, FileEntry], pause: Callable[[], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> Scan:
    """Read ``person``'s files and gold's, re-parsing only those whose stamps differ from
    ``previous`` (never changed here: safe to run on a worker while others read it).

    ``pause`` is called between files (a worker waits there while the window is busy);
    ``cancelled`` stops the scan early (what it found is then incomplete).
    """
    files: dict[Path, FileEntry] = {}
    counts: Counter[str] = Counter()
    for folder in KnownForms.folders(project, person):
        try:
            with os.scandir(folder) as listing:
                names = [entry.path for entry in listing
                         if not entry.name.startswith(".") and entry.name.endswith(".json")]
        except OSError:  # no such folder yet, or a bad annotator name
            continue
        for name in names:
            if cancelled is not None and cancelled():
                return Scan(files, counts)
            if pause is not None:
                pause()
            path = Path(name)
            if path == leave_out:
                continue
            entry = read_entry(path, project.root, previous.get(path))
            if entry is not None:
                files[path] = entry
                counts.update(entry[1])
    return Scan(files, counts)


class KnownForms:
    """One person's known forms in one project, re-read file by file when files change.

    The forms are counted over the files (a form stays known while any file has
    it), so a changed file costs only its own forms, and switching the file left
    out (the open document) costs two files, not a scan of the folder.
    """

    def __init__(self) -> None:
        self._files: dict[Path, FileEntry] = {}
        self._counts: Counter[str] = Counter()
        self._left_out: Path | None = None
        self._root: Path | None = None

    @property
    def forms(self) -> KeysView[str]:
        """Every known form (a live view: no copy)."""
        return self._counts.keys()

    @staticmethod
    def folders(project: Project, person: str) -> list[Path]:
        folders = [project.gold_dir]
        if person != GOLD:
            try:
                folders.insert(0, project.annotator_dir(person))
            except AnnotatorError:  # a name no folder can have: no files
                return folders
        return folders

    def _set(self, path: Path, entry: FileEntry | None) -> None:
        """Put ``path``'s forms in place of what it held (None: it holds nothing now)."""
        old = self._files.pop(path, None)
        if old is not None:
            self._counts.subtract(old[1])
            for form in old[1]:
                if self._counts[form] <= 0:
                    del self._counts[form]
        if entry is not None:
            self._files[path] = entry
            self._counts.update(entry[1])

    def _read(self, path: Path, root: Path) -> FileEntry | None:
        return read_entry(path, root, self._files.get(path))

    def refresh(self, project: Project, person: str,
                leave_out: Path | None = None) -> frozenset[str]:
        """Read ``person``'s files and gold's again where they changed; all their forms.

        ``leave_out``: a file whose spans the caller follows itself (the open one).
        """
        self.adopt(scan(project, person, leave_out, self._files), project.root, leave_out)
        return frozenset(self._counts)

    def adopt(self, scanned: Scan, root: Path, leave_out: Path | None) -> None:
        """Take what :func:`scan` found (made from this object's files, on any thread)."""
        self._files, self._counts = scanned.files, scanned.counts
        self._left_out, self._root = leave_out, root

    @property
    def files(self) -> Mapping[Path, FileEntry]:
        """What each file held when last read (for :func:`scan` on another thread)."""
        return self._files

    def switch(self, leave_out: Path | None) -> None:
        """Another file is left out (another document opened): two files change, no scan.

        The file left out before comes back (read again if it changed); the new one
        goes. Call :meth:`refresh` for changes made behind the window's back.
        """
        if leave_out == self._left_out or self._root is None:
            return
        previous, self._left_out = self._left_out, leave_out
        if previous is not None and previous.exists():
            self._set(previous, self._read(previous, self._root))
        if leave_out is not None:
            self._set(leave_out, None)
