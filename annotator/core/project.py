"""Projects: a folder of documents, a label schema, and one annotation file per annotator.

The layout is the format spec's section 2::

    <project>/project.json
    <project>/documents/<doc_id>.txt
    <project>/annotations/<annotator>/<doc_id>.json
    <project>/gold/<doc_id>.json

This module knows the layout and the schema; reading and writing the files is
:mod:`annotator.io`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.document import Document
from annotator.core.errors import Problem

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


def name_problem(name: str, what: str = "name") -> str | None:
    """Why ``name`` cannot be a document id or annotator name, or None when it can."""
    if not name:
        return f"{what} is empty"
    if len(name) > 200:
        return f"{what} is longer than 200 characters"
    if name.startswith("."):
        return f"{what} {name!r} starts with '.'"
    for bad in ("/", "\\", "\0"):
        if bad in name:
            return f"{what} {name!r} contains {bad!r}"
    return None


@dataclass
class Project:
    """A project folder and its schema; :func:`annotator.io.project_file.open_project` makes one."""

    root: Path
    name: str
    labels: tuple[Label, ...] = DEFAULT_LABELS
    extra: dict[str, Any] = field(default_factory=dict)
    # what opening it did first (an interrupted import finished or undone); never saved
    notices: tuple[Problem, ...] = field(default=(), compare=False)

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
        return self.documents_dir / f"{doc_id}.txt"

    def annotation_path(self, doc_id: str, annotator: str) -> Path:
        """Where ``annotator``'s file for ``doc_id`` lives (``gold`` has its own folder)."""
        if annotator == GOLD:
            return self.gold_dir / f"{doc_id}.json"
        return self.annotations_dir / annotator / f"{doc_id}.json"

    def doc_ids(self) -> list[str]:
        """Documents in id order (Python string order, as every export uses)."""
        if not self.documents_dir.is_dir():
            return []
        return sorted(p.stem for p in self.documents_dir.glob("*.txt")
                      if p.is_file() and name_problem(p.stem) is None)

    def annotators(self, include_gold: bool = False) -> list[str]:
        """Annotators with a folder under ``annotations/`` (and ``gold`` if asked and present)."""
        names = []
        if self.annotations_dir.is_dir():
            names = sorted(p.name for p in self.annotations_dir.iterdir()
                           if p.is_dir() and name_problem(p.name) is None)
        if include_gold and any(self.gold_dir.glob("*.json")):
            names.append(GOLD)
        return names

    def annotated_doc_ids(self, annotator: str) -> list[str]:
        """Documents that ``annotator`` has a file for."""
        folder = self.gold_dir if annotator == GOLD else self.annotations_dir / annotator
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.json") if p.is_file())

    def load_document(self, doc_id: str) -> Document:
        return Document.load(self.document_path(doc_id), doc_id)
