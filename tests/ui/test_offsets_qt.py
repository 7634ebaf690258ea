"""QtOffsets against a real QTextDocument: every character lands where Qt put it."""

from __future__ import annotations

from hypothesis import given, settings
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from annotator.core.offsets import QtOffsets
from tests.strategies import texts

PARAGRAPH_BREAK = "\u2029"


def qt_char(ch: str) -> str:
    """What QTextDocument.characterAt shows for a stored character."""
    if ch in "\r\n\u2029":
        return PARAGRAPH_BREAK
    if ord(ch) > 0xFFFF:  # first UTF-16 unit
        return chr(0xD800 + ((ord(ch) - 0x10000) >> 10))
    return ch


@settings(max_examples=200, deadline=None)
@given(texts)
def test_positions_match_qtextdocument(qapp: QApplication, text: str) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    m = QtOffsets(text)
    assert m.qt_length == doc.characterCount() - 1
    for offset, ch in enumerate(text):
        if (offset == 0 and ch == "\ufeff") or (ch == "\n" and text[offset - 1:offset] == "\r"):
            continue  # Qt has no position for these
        position = m.to_qt(offset)
        assert doc.characterAt(position) == qt_char(ch), (offset, position)
        assert m.from_qt(position) == offset
