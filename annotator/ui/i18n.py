"""Marking texts for translation in tables of data, with a type checkers understand.

``pyside6-lupdate`` collects ``QT_TRANSLATE_NOOP("Context", "text")`` wherever it
is written, whatever it was imported from; PySide6's own ``QT_TRANSLATE_NOOP``
is typed as returning ``object``, so tables of marked texts would not type as
``str``. This one returns the text itself, typed; translate it where it is
shown with ``QCoreApplication.translate("Context", text)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged (English).

    >>> QT_TRANSLATE_NOOP("Menus", "&File")
    '&File'
    """
    return text
