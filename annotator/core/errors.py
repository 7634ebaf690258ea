"""Problems and errors that carry their context (file, span, field, position).

Every message the core and the readers produce goes through :class:`Problem`
with a stable ``code``, so the command line can print it, ``--json`` can emit
it, and tests can assert on the code instead of on wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Problem codes, declared once. Keys are the codes; values say what they mean.
CODES: dict[str, str] = {
    "invalid-utf8": "a file is not valid UTF-8",
    "malformed-json": "a file is not valid JSON",
    "bad-format": "the 'format' or 'version' key is missing or unknown",
    "bad-field": "a key is missing or has the wrong type",
    "bad-name": "a document id or annotator name is not allowed",
    "doc-mismatch": "the file names another document or annotator than its path",
    "missing-document": "the annotated document does not exist",
    "bad-status": "status is not one of new, in_progress, done",
    "bad-length": "document.length differs from the text's length",
    "stale": "document.sha256 differs from the current text",
    "out-of-range": "a span's offsets fall outside the text",
    "reversed": "a span's start is not before its end",
    "wrong-text": "a span's text differs from the text at its offsets",
    "unknown-label": "a span's label is not a label of the project",
    "duplicate-id": "two spans or relations share an id",
    "duplicate-span": "two spans share start, end and label",
    "dangling-relation": "a relation points to a span that does not exist",
    "bad-relation": "a relation's type is not the project's, or its ends' labels do not fit",
    "bad-attribute": "a span's attribute name or value is not in its label's attribute schema",
    "unplaced-span": "a span of a stale file could not be found in the new text",
    "bad-project": "project.json is invalid",
    "conflict": "the file changed on disk since it was read",
    # exports and imports (annotator.io.exporting / annotator.io.importing)
    "no-gold": "a document has annotations but no gold file, and no annotator was chosen",
    "no-documents": "no document matches what was asked to export or import",
    "bad-output": "the output folder cannot be used (not empty, or inside the project)",
    "missing-dependency": "a format needs an optional package that is not installed",
    "bad-input": "a file to import is malformed",
    "wrong-format": "a file to import is in another format than the one chosen",
    "duplicate-relation": "two relations share type, from and to",
    "unsupported": "the input holds something Annotator cannot represent",
    "text-differs": "an imported document's text differs from the project's document",
    "utf16-offsets": "a span's offsets fit the text only when counted in UTF-16 code units",
    "target-exists": "the annotation file to import into already holds spans",
    "write-failed": "a file could not be written (disk full, no permission, ...)",
    "interrupted": "an earlier import was interrupted and has been finished or undone",
    "sync-refused": "git sync cannot start or git failed; nothing was changed",
    "pending-conflict": "a local version kept beside an annotation file by a sync conflict",
    # hostile or broken input the readers refuse (annotator.io.jsonfile, core.safe_files)
    "bad-number": "a number is not finite (NaN, Infinity, 1e999) or an integer has too many "
                  "digits",
    "bad-string": "a string is not valid Unicode (it holds a lone surrogate)",
    "too-deep": "JSON nested too deeply",
    "outside-project": "a path (a symbolic link) resolves outside the project folder",
    "not-regular": "a project entry is not a regular file or folder (a FIFO, a socket, a "
                   "folder where a file belongs, a broken link)",
    "unreadable": "a file or folder of the project cannot be read (permissions, I/O error)",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with everything needed to find it."""

    code: str
    message: str
    file: str | None = None
    span: str | None = None
    field: str | None = None
    # The option of the import or export that acts on this problem, by its name in
    # ImportOptions/ExportOptions (e.g. "add_labels", "utf16_offsets"); the message
    # describes the remedy in words, and each front end names the option its way
    # (the command line as a flag, the window's dialogs as a field), never the message.
    hint: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.span:
            kind = "relation" if self.code == "dangling-relation" or (
                self.span[:1] == "R" and self.span[1:].isdigit()) else "span"
            where += f": {kind} {self.span}"
        if self.field and not self.message.startswith((self.field, f"'{self.field}'")):
            where += f": {self.field}"
        return f"{where}: {self.message} [{self.code}]"

    def to_json(self) -> dict[str, Any]:
        """The shape used by ``annotator validate --json``."""
        return {"file": self.file, "code": self.code, "message": self.message, "span": self.span}


class AnnotatorError(Exception):
    """Base of every error Annotator raises on bad input; carries its problems."""

    def __init__(self, problem: Problem, *more: Problem) -> None:
        self.problems: tuple[Problem, ...] = (problem, *more)
        super().__init__(str(problem) if not more else "\n".join(map(str, self.problems)))

    @property
    def problem(self) -> Problem:
        return self.problems[0]


class PathError(AnnotatorError):
    """A path the user named cannot be used (the command line exits 2)."""


class MissingPathError(PathError):
    """A file or folder the user named does not exist or is not what it must be."""


class OutputRefusedError(PathError):
    """An output path would overwrite project data or a file not made by us; nothing written."""


class WriteError(PathError):
    """A file could not be written (full disk, permissions); the old file is untouched."""


class EditError(AnnotatorError):
    """An edit would break an invariant of the annotation set."""


class ConflictError(AnnotatorError):
    """A file changed on disk since it was read; writing would overwrite someone's work."""
