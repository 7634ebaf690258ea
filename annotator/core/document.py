"""Documents: the exact text annotators label, as the format spec defines it.

The text is the file's bytes decoded as UTF-8 with one leading BOM removed and
nothing else changed (``\\r\\n`` stays two characters, no normalization), so
that every offset we store points at the same characters in a user's pipeline.
Base direction follows the Unicode Bidirectional Algorithm's rules P2/P3: the
first strong character of a paragraph decides it. :meth:`Document.load` reads
only regular files (and, given the project folder, only inside it), through
:func:`annotator.core.safe_files.read_regular_file`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.safe_files import read_regular_file

Direction = Literal["rtl", "ltr"]

BOM = "\ufeff"
# Paragraph separators of the bidi algorithm (class B); \r\n counts as one.
_PARAGRAPH_BREAK = re.compile(r"\r\n|[\n\r\x1c-\x1e\x85\u2029]")


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the text encoded as UTF-8, as stored in ``document.sha256``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_text(data: bytes, source: str = "<bytes>") -> str:
    """Decode document bytes per the spec, refusing invalid UTF-8 with its byte offset.

    >>> decode_text("\\ufeffسلام\\r\\n".encode())
    'سلام\\r\\n'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise AnnotatorError(
            Problem(
                "invalid-utf8",
                f"not valid UTF-8 at byte {exc.start} (line {line}): {exc.reason}",
                file=source,
            )
        ) from None


def strong_direction(text: str, start: int = 0, end: int | None = None) -> Direction | None:
    """Direction of the first strong character in ``text[start:end]`` (bidi rule P2).

    Characters inside isolates (LRI/RLI/FSI ... PDI) are skipped as P2 requires.
    Returns ``None`` when the range holds no strong character.
    """
    depth = 0
    for ch in text[start:end]:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("LRI", "RLI", "FSI"):
            depth += 1
        elif bidi == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0:
            if bidi == "L":
                return "ltr"
            if bidi in ("R", "AL"):
                return "rtl"
    return None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's code-point range (without its break) and its base direction."""

    start: int
    end: int
    direction: Direction | None


@dataclass(frozen=True)
class Document:
    """One article: its id and exact text, with hash, length and directions derived."""

    id: str
    text: str
    path: Path | None = None

    @cached_property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def length(self) -> int:
        return len(self.text)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Paragraphs split at bidi paragraph separators, each with its own direction."""
        result: list[Paragraph] = []
        pos = 0
        for match in _PARAGRAPH_BREAK.finditer(self.text):
            direction = strong_direction(self.text, pos, match.start())
            result.append(Paragraph(pos, match.start(), direction))
            pos = match.end()
        result.append(Paragraph(pos, len(self.text), strong_direction(self.text, pos)))
        return tuple(result)

    @cached_property
    def direction(self) -> Direction:
        """Base direction of the whole document: its first strong character, else ``rtl``.

        Annotator is Arabic-first, so a document with no strong character at all
        (digits only, or empty) reads right-to-left.
        """
        return strong_direction(self.text) or "rtl"

    @classmethod
    def load(cls, path: str | Path, doc_id: str | None = None,
             root: str | Path | None = None) -> Document:
        """Read a document file; refuses invalid UTF-8 naming the file and byte offset.

        Only a regular file is read (a FIFO, a socket or a folder is refused with
        ``not-regular``, never waited on); with ``root``, only one that resolves
        inside that folder (else ``outside-project``). A file that cannot be
        read is ``missing-document``.
        """
        path = Path(path)
        try:
            data = read_regular_file(path, root)
        except OSError as exc:
            raise AnnotatorError(
                Problem("missing-document", f"cannot read document: {exc.strerror or exc}",
                        file=str(path))
            ) from None
        return cls(doc_id if doc_id is not None else path.stem, decode_text(data, str(path)), path)
