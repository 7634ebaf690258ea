"""Projects: a folder of documents, a label schema, and one annotation file per annotator.

The layout is the format spec's section 2::

    <project>/project.json
    <project>/documents/<doc_id>.txt
    <project>/annotations/<annotator>/<doc_id>.json
    <project>/gold/<doc_id>.json

This module knows the layout and the schema; reading and writing the files is
:mod:`annotator.io`'s job. It also holds the naming rules: :func:`name_problem`
for document ids and annotator names (they become file and folder names),
:func:`label_name_problem` for labels, attributes and relation types,
:func:`key_problem` for shortcut keys. :meth:`Project.document_path` and
:meth:`Project.annotation_path` refuse a name breaking the rules
(``bad-name``), so no value makes a path outside the project.

The listings (:meth:`Project.doc_ids`, :meth:`Project.annotators`,
:meth:`Project.annotated_doc_ids`) skip names starting with ``.`` silently
(temporary files, locks) and skip, without a word, names breaking the rules,
entries that are not regular files (or folders, for annotators) and symbolic
links leading outside the project; :meth:`Project.listing_problems` says what
was skipped, for ``validate`` and exports to report.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.document import Document
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.safe_files import kind_of, outside_problem

GOLD = "gold"
PROJECT_FILE = "project.json"

_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")


@dataclass(frozen=True)
class Label:
    """A label of the schema: its name, highlight colour and one-key shortcut."""

    name: str
    color: str
    key: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


DEFAULT_LABELS: tuple[Label, ...] = (
    Label("entity", "#1f77b4", "1"),
    Label("gift", "#2ca02c", "2"),
    Label("meeting", "#d62728", "3"),
)

# The relation types of a project without project.json (FORMAT.md section 2), which
# `init` writes explicitly: name, the labels its source may have, its target's.
DEFAULT_RELATION_TYPES: tuple[dict[str, Any], ...] = (
    {"name": "giver", "from": ["gift"], "to": ["entity"], "color": "#8c564b", "key": "g"},
    {"name": "recipient", "from": ["gift"], "to": ["entity"], "color": "#e377c2", "key": "r"},
    {"name": "participant", "from": ["meeting"], "to": ["entity"], "color": "#17becf",
     "key": "p"},
    {"name": "place", "from": ["meeting"], "to": ["entity"], "color": "#bcbd22", "key": "l"},
    {"name": "time", "from": ["gift", "meeting"], "to": ["entity"], "color": "#7f7f7f",
     "key": "t"},
)

RelationTypes = dict[str, tuple[frozenset[str], frozenset[str]]]

# Colours given to labels that a project adds without choosing one.
PALETTE: tuple[str, ...] = ("#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e",
                            "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")


# Keys given, in order, to labels that a project adds without choosing one.
LABEL_KEYS = "1234567890"


def added_labels(existing: tuple[Label, ...], names: list[str]) -> tuple[Label, ...]:
    """New labels for ``names``: the next palette colours and the next free digit keys."""
    used = {label.key for label in existing}
    keys = iter(k for k in LABEL_KEYS if k not in used)
    return tuple(Label(name, PALETTE[(len(existing) + i) % len(PALETTE)], next(keys, None))
                 for i, name in enumerate(names))


def is_color(value: str) -> bool:
    return bool(_COLOR.match(value))


# Characters no file name may hold on some platform a team shares a project from.
_FORBIDDEN = frozenset('/\\:*?"<>|')
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                       *(f"LPT{i}" for i in range(1, 10))})
MAX_NAME_BYTES = 150
MAX_LABEL_NAME = 64


def _shown(name: str) -> str:
    """``name`` for a message: quoted, escapes for the invisible, cut when long."""
    return repr(name if len(name) <= 60 else name[:60] + "…")


def _invisible(ch: str) -> bool:
    """Control or format characters (Unicode categories Cc, Cf)."""
    return unicodedata.category(ch) in ("Cc", "Cf")


# An ASCII name that is certainly fine: none of the forbidden characters, no control
# character, not starting with a dot or a space, not ending with one (the length and the
# reserved names are checked beside it). Most ids are such names: a listing of 100,000
# documents checks them in a few milliseconds instead of most of a second.
_PLAIN_ASCII = re.compile(r'[^\x00-\x1f\x7f/\\:*?"<>|. ]'
                          r'(?:[^\x00-\x1f\x7f/\\:*?"<>|]*[^\x00-\x1f\x7f/\\:*?"<>|. ])?')


def _plainly_fine(name: str) -> bool:
    """Whether ``name`` passes every rule of :func:`name_problem`, decided quickly for the
    common case (False also when it would need the full check)."""
    if not (name.isascii() and len(name) <= MAX_NAME_BYTES and _PLAIN_ASCII.fullmatch(name)):
        return False
    base = name.split(".", 1)[0]
    return not (3 <= len(base) <= 4 and base.upper() in _RESERVED)


def name_problem(name: str, what: str = "name") -> str | None:
    """Why ``name`` cannot be a document id or annotator name, or None when it can.

    The rules of the format spec, section 2: at most 150 bytes in UTF-8; none
    of ``/ \\ : * ? " < > |``; no control or format character (Cc, Cf); no
    leading or trailing space or dot (so not ``.`` or ``..``); not starting
    with ``.``; not a Windows reserved name (``CON``, ``PRN``, ``AUX``,
    ``NUL``, ``COM1``-``COM9``, ``LPT1``-``LPT9``, any case, with or without
    an extension). Arabic and every other script are welcome.

    >>> name_problem("كيم-في-روسيا") is None
    True
    >>> name_problem("con.txt", "document id")
    "document id 'con.txt' is a reserved name on Windows"
    """
    if _plainly_fine(name):
        return None
    return _name_problem(name, what)


@functools.lru_cache(maxsize=1 << 16)  # pure; a project's names are checked again and again
def _name_problem(name: str, what: str) -> str | None:
    """:func:`name_problem`, every rule checked one by one."""
    if not name:
        return f"{what} is empty"
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        return (f"{what} {_shown(name)} is not valid Unicode (a file name that is not valid "
                "UTF-8?)")
    size = len(name.encode("utf-8"))
    if size > MAX_NAME_BYTES:
        return f"{what} {_shown(name)} is {size} bytes long in UTF-8 (at most {MAX_NAME_BYTES})"
    bad = sorted({ch for ch in name if ch in _FORBIDDEN})
    if bad:
        return f"{what} {_shown(name)} contains {' '.join(bad)}, not allowed in file names"
    invisible = next((ch for ch in name if _invisible(ch)), None)
    if invisible is not None:
        return (f"{what} {_shown(name)} contains the control or format character "
                f"U+{ord(invisible):04X}")
    if name.startswith("."):
        return f"{what} {_shown(name)} starts with '.'"
    if name[0] == " " or name[-1] in " .":
        return f"{what} {_shown(name)} starts or ends with a space or a dot"
    base = name.split(".", 1)[0]
    if base.isascii() and base.upper() in _RESERVED:
        return f"{what} {_shown(name)} is a reserved name on Windows"
    return None


def label_name_problem(name: str, what: str = "label") -> str | None:
    """Why ``name`` cannot name a label, attribute or relation type, or None when it can.

    1 to 64 characters, no white space, no control or format character (they
    end up in CoNLL columns and brat lines).

    >>> label_name_problem("مسيّرة") is None
    True
    >>> label_name_problem("gift card", "label")
    "label 'gift card' contains white space"
    """
    if not name:
        return f"{what} name is empty"
    if len(name) > MAX_LABEL_NAME:
        return f"{what} {_shown(name)} is {len(name)} characters long (at most {MAX_LABEL_NAME})"
    if any(ch.isspace() for ch in name):
        return f"{what} {_shown(name)} contains white space"
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        return f"{what} {_shown(name)} is not valid Unicode"
    invisible = next((ch for ch in name if _invisible(ch)), None)
    if invisible is not None:
        return (f"{what} {_shown(name)} contains the control or format character "
                f"U+{ord(invisible):04X}")
    return None


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be a label's or relation type's shortcut key, or None.

    A key is one printable character that is not a space.
    """
    if len(key) != 1:
        return f"key {_shown(key)} must be one character"
    if not key.isprintable() or key.isspace():
        return f"key {_shown(key)} must be a printable character that is not a space"
    return None


def _check_name(value: str, what: str) -> None:
    problem = name_problem(value, what)
    if problem is not None:
        raise AnnotatorError(Problem("bad-name", problem))


@functools.lru_cache(maxsize=256)
def _annotator_dir(root: Path, annotator: str) -> Path:
    """``root``'s folder of ``annotator``'s files (a path made once: every file read asks)."""
    _check_name(annotator, "annotator name")
    return root / GOLD if annotator == GOLD else root / "annotations" / annotator


@dataclass
class Project:
    """A project folder and its schema; :func:`annotator.io.project_file.open_project` makes one."""

    root: Path
    name: str
    labels: tuple[Label, ...] = DEFAULT_LABELS
    extra: dict[str, Any] = field(default_factory=dict)
    # what opening it did first (an interrupted import finished or undone); never saved
    notices: tuple[Problem, ...] = field(default=(), compare=False)
    # relation_types() of the list extra["relations"] held then (that list, the types)
    _relation_types: tuple[Any, RelationTypes | None] | None = field(
        default=None, init=False, compare=False, repr=False)

    def relation_types(self) -> RelationTypes | None:
        """Each relation type with the labels its ends may have; None: any type is accepted.

        None for a ``project.json`` without ``relations`` (made before relation
        types existed); a project without ``project.json`` has the defaults. Kept
        while ``extra["relations"]`` is the same list (every file read asks).
        """
        raw = self.extra.get("relations")
        kept = self._relation_types
        if kept is not None and kept[0] is raw:
            return kept[1]
        types = self._read_relation_types(raw)
        self._relation_types = (raw, types)
        return types

    @staticmethod
    def _read_relation_types(raw: Any) -> RelationTypes | None:
        if not isinstance(raw, list):
            return None
        types: RelationTypes = {}
        for item in raw:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                ends = [frozenset(v for v in item.get(k) or () if isinstance(v, str))
                        if isinstance(item.get(k), list) else frozenset() for k in ("from", "to")]
                types[item["name"]] = (ends[0], ends[1])
        return types

    @property
    def label_names(self) -> frozenset[str]:
        return frozenset(label.name for label in self.labels)

    def label(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name == name), None)

    @property
    def project_file(self) -> Path:
        return self.root / PROJECT_FILE

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    @property
    def annotations_dir(self) -> Path:
        return self.root / "annotations"

    @property
    def gold_dir(self) -> Path:
        return self.root / GOLD

    def document_path(self, doc_id: str) -> Path:
        """Where document ``doc_id`` lives; raises ``bad-name`` for an id breaking the rules."""
        _check_name(doc_id, "document id")
        return self.documents_dir / f"{doc_id}.txt"

    def annotation_path(self, doc_id: str, annotator: str) -> Path:
        """Where ``annotator``'s file for ``doc_id`` lives (``gold`` has its own folder).

        Raises :class:`AnnotatorError` (``bad-name``) when either name breaks the
        rules of :func:`name_problem`, so no value can make a path outside.
        """
        _check_name(doc_id, "document id")
        return self.annotator_dir(annotator) / f"{doc_id}.json"

    def annotator_dir(self, annotator: str) -> Path:
        """The folder of ``annotator``'s files (``gold/`` for gold); ``bad-name`` refused."""
        return _annotator_dir(self.root, annotator)

    # -- listings --------------------------------------------------------------
    # Entries whose names start with "." are not project data (temporary files,
    # locks) and are skipped silently; everything else that is skipped is said
    # by listing_problems().

    def _real_root(self) -> Path:
        return Path(os.path.realpath(self.root))

    def _scan(self, folder: Path, suffix: str | None, what: str,
              ) -> Iterator[tuple[str, Problem | None]]:
        """Each non-dot entry of ``folder`` as (name without ``suffix``, problem or None).

        ``suffix``: the files wanted (others are not project data: ignored);
        ``None``: folders wanted (every entry must be one).
        """
        real_root = self._real_root()
        real_folder = Path(os.path.realpath(folder))
        if not real_folder.is_relative_to(real_root):
            yield "", outside_problem(folder, self.root)
            return
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except FileNotFoundError:
            return
        except NotADirectoryError:
            yield "", Problem("not-regular", "is a file, not a folder", file=str(folder))
            return
        except OSError as exc:
            yield "", Problem("unreadable", f"cannot be listed: {exc.strerror}", file=str(folder))
            return
        wanted = [(entry.name[:-len(suffix)] if suffix else entry.name, entry)
                  for entry in entries if not entry.name.startswith(".")
                  and (suffix is None or entry.name.endswith(suffix))]
        wanted.sort(key=lambda pair: pair[0])  # in id order
        folder_wanted = suffix is None
        for stem, entry in wanted:
            # the common case without a system call: a plain name, and a regular file (or a
            # folder) by the type the listing already gave (not a link)
            if _plainly_fine(stem) and not entry.is_symlink() and (
                    entry.is_dir(follow_symlinks=False) if folder_wanted
                    else entry.is_file(follow_symlinks=False)) and not (
                    folder_wanted and stem == GOLD):
                yield stem, None
                continue
            yield stem, self._entry_problem(entry, Path(entry.path), stem, folder_wanted, what,
                                            real_root)

    def _entry_problem(self, entry: os.DirEntry[str], path: Path, stem: str, folder: bool,
                       what: str, real_root: Path) -> Problem | None:
        bad = name_problem(stem, what)
        if bad is not None:
            return Problem("bad-name", f"{bad}: skipped", file=str(path))
        try:
            if entry.is_symlink():
                if not Path(os.path.realpath(path)).is_relative_to(real_root):
                    return outside_problem(path, self.root)
                if not os.path.exists(path):
                    return Problem("not-regular", "is a broken symbolic link: skipped",
                                   file=str(path))
            mode = os.stat(path).st_mode
        except OSError as exc:
            return Problem("unreadable", f"cannot be read: {exc.strerror}", file=str(path))
        if folder and not stat.S_ISDIR(mode):
            return Problem("not-regular", f"is {kind_of(mode)}, not a folder: skipped",
                           file=str(path))
        if not folder and not stat.S_ISREG(mode):
            return Problem("not-regular", f"is {kind_of(mode)}, not a regular file: skipped",
                           file=str(path))
        if folder and stem == GOLD:
            return Problem("bad-name", f"annotator name {GOLD!r} is for adjudicated annotations, "
                           f"which live in {GOLD}/: skipped", file=str(path))
        return None

    def doc_ids(self) -> list[str]:
        """Documents in id order (Python string order, as every export uses).

        Only regular ``.txt`` files inside the project with a valid name; see
        :meth:`listing_problems` for what is skipped.
        """
        return [stem for stem, problem in self._scan(self.documents_dir, ".txt", "document id")
                if problem is None]

    def annotators(self, include_gold: bool = False) -> list[str]:
        """Annotators with a folder under ``annotations/`` (and ``gold`` if asked and present)."""
        names = [name for name, problem in self._scan(self.annotations_dir, None,
                                                      "annotator name") if problem is None]
        if include_gold and self.annotated_doc_ids(GOLD):
            names.append(GOLD)
        return names

    def annotated_doc_ids(self, annotator: str) -> list[str]:
        """Documents that ``annotator`` has a file for (``bad-name`` for a bad annotator name)."""
        return [stem for stem, problem in self._scan(self.annotator_dir(annotator), ".json",
                                                     "document id") if problem is None]

    def listing_problems(self) -> list[Problem]:
        """Everything the listings skip for a reason other than a leading dot.

        Documents, annotator folders, annotation files and gold files whose
        names break :func:`name_problem` (``bad-name``), symbolic links that
        lead outside the project (``outside-project``), entries that are not
        regular files or folders (``not-regular``: a FIFO, a socket, a folder
        named ``x.txt``, a broken link) and what cannot be read (``unreadable``).
        """
        problems = [p for _, p in self._scan(self.documents_dir, ".txt", "document id") if p]
        for name, problem in self._scan(self.annotations_dir, None, "annotator name"):
            if problem is not None:
                problems.append(problem)
            else:
                problems += [p for _, p in self._scan(self.annotations_dir / name, ".json",
                                                      "document id") if p]
        problems += [p for _, p in self._scan(self.gold_dir, ".json", "document id") if p]
        return problems

    def pending_conflicts(self) -> list[Problem]:
        """Local versions a sync conflict kept beside annotation files (``<id>.json.conflict-*``).

        Each waits for its annotator to keep it (keep mine) or delete it (take theirs).
        """
        folders = [self.gold_dir] + [self.annotations_dir / name for name in self.annotators()]
        found = []
        for folder in folders:
            try:
                names = sorted(e.name for e in os.scandir(folder) if ".json.conflict-" in e.name
                               and not e.name.startswith("."))
            except OSError:
                continue
            for name in names:
                doc_id = name.partition(".json.conflict-")[0]
                found.append(Problem("pending-conflict", f"a version of {doc_id!r} kept by a "
                                     "sync conflict (changed here and on the remote): open the "
                                     "document to keep it or take the remote's",
                                     file=str(folder / name)))
        return found

    def load_document(self, doc_id: str) -> Document:
        """Read document ``doc_id`` (a regular file inside the project; ``bad-name`` refused)."""
        return Document.load(self.document_path(doc_id), doc_id, root=self.root)
