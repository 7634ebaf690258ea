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
from pathlib import Path

from annotator.core.arabic import normalized
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
    forms = {normalized(span["text"]).strip() for span in spans
             if isinstance(span, dict) and isinstance(span.get("text"), str)}
    forms.discard("")
    return frozenset(forms)


class KnownForms:
    """One person's known forms in one project, re-read file by file when files change."""

    def __init__(self) -> None:
        self._files: dict[Path, tuple[_Stamp, frozenset[str]]] = {}
        self.forms: frozenset[str] = frozenset()

    @staticmethod
    def _folders(project: Project, person: str) -> list[Path]:
        folders = [project.gold_dir]
        if person != GOLD:
            try:
                folders.insert(0, project.annotator_dir(person))
            except AnnotatorError:  # a name no folder can have: no files
                return folders
        return folders

    def refresh(self, project: Project, person: str,
                leave_out: Path | None = None) -> frozenset[str]:
        """Read ``person``'s files and gold's again where they changed; all their forms.

        ``leave_out``: a file whose spans the caller follows itself (the open one).
        """
        seen: dict[Path, tuple[_Stamp, frozenset[str]]] = {}
        for folder in self._folders(project, person):
            try:
                entries = list(os.scandir(folder))
            except OSError:  # no such folder yet, or a bad annotator name
                continue
            for entry in entries:
                if entry.name.startswith(".") or not entry.name.endswith(".json"):
                    continue
                path = Path(entry.path)
                if path == leave_out:
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                stamp = (info.st_mtime_ns, info.st_size)
                kept = self._files.get(path)
                if kept is not None and kept[0] == stamp:
                    seen[path] = kept
                    continue
                try:
                    data = read_regular_file(path, project.root)
                except OSError:
                    continue
                except AnnotatorError:  # a link out of the project, not a regular file
                    continue
                seen[path] = (stamp, span_forms(data, str(path)))
        self._files = seen
        self.forms = frozenset().union(*(forms for _stamp, forms in seen.values()))
        return self.forms
