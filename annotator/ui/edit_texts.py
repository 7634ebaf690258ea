"""The words of an edit in the interface language: what the undo history shows of it.

Core edits (:mod:`annotator.core.edits`, :mod:`annotator.core.suggestion_edits`) are
standard library only, so their ``description`` is English, for scripts and logs.
The window shows :func:`edit_text` instead, made from :data:`PHRASES`: for each edit
type its templates (``QT_TRANSLATE_NOOP("Edits", …)``, translated when shown), each
with how its fields come from the edit and, where an edit reads several ways (a span
relabelled, resized, its note or its attributes edited), when it applies; the first
that applies is used, chosen as the core description chooses.

A text that counts (``%n``) needs Arabic's plural forms, and ``pyside6-lupdate`` makes
a plural message only of ``self.tr(text, "", n)``: those few live in :class:`Edits`,
one method each, still in the ``Edits`` context.

Label names, relation types and span texts are the project's data, never translated
(an Arabic translation sets ``{label}``, ``{text}``, ``{type}`` … in first-strong
isolates, U+2068 … U+2069); span texts are shortened as the core shortens them, and
a status reads as the document list shows it
(:data:`~annotator.ui.models.documents.STATUS_TEXT`).

A :class:`~annotator.core.edits.Batch` reads as its own text (:data:`OWN_TEXT`):
whoever makes one in the window gives it words from here (:func:`batch_text`, and
:func:`titled` for a batch a core function made). An edit type missing from the
table reads as its English description; a test holds every core edit type to an
entry, so a new edit cannot silently stay English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Batch,
    DiscardUnplaced,
    Edit,
    KeepUnplaced,
    PlaceUnplaced,
    RemoveRelation,
    RemoveSpan,
    ReplaceRelation,
    ReplaceSpan,
    SetAside,
    SetStatus,
    relation_note,
    short,
)
from annotator.core.spans import Span
from annotator.core.suggestion_edits import (
    AcceptSuggestion,
    RejectSuggestion,
    _Unaccept,
    _Unreject,
)
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.documents import STATUS_TEXT

CONTEXT = "Edits"


class Edits:
    """The edit texts that count (``%n``), translated with plural forms for ``n``.

    ``pyside6-lupdate`` makes a plural message only of ``self.tr(text, "", n)``; this
    ``tr`` looks the text up in the ``Edits`` context, as the rest of the module does.
    """

    @staticmethod
    def tr(text: str, disambiguation: str, n: int) -> str:
        return QCoreApplication.translate(CONTEXT, text, disambiguation or None, n)

    def delete_span_and_relations(self, n: int) -> str:
        return self.tr("Delete {label} “{text}” and %n relation(s)", "", n)

    def accept_suggestions(self, n: int) -> str:
        return self.tr("Accept %n suggestion(s)", "", n)

    def reject_suggestions(self, n: int) -> str:
        return self.tr("Reject %n suggestion(s)", "", n)

    def accept_agreed(self, n: int) -> str:
        return self.tr("Accept %n agreed span(s)", "", n)


_COUNTED = Edits()

# a text marked QT_TRANSLATE_NOOP("Edits", …), or one of Edits's counted texts
Words = str | Callable[[int], str]
Fields = Callable[[Any], Mapping[str, object]]


def translated(words: Words, count: int = -1) -> str:
    """``words`` in the interface language (a counted text for ``count``)."""
    return words(count) if callable(words) else QCoreApplication.translate(CONTEXT, words)


def _always(_edit: Any) -> bool:
    return True


@dataclasses.dataclass(frozen=True)
class Phrase:
    """One way of putting an edit in words, named by ``code`` (what tests look for).

    ``words`` is its template (see :data:`Words`; a counted one takes its number
    from ``count``); ``fields`` fills its ``{placeholders}`` from the edit; ``when``
    says whether it fits the edit.
    """

    code: str
    words: Words
    fields: Fields
    when: Callable[[Any], bool] = _always
    count: Callable[[Any], int] | None = None

    def text(self, edit: Any) -> str:
        """The words for ``edit``, in the interface language."""
        count = -1 if self.count is None else self.count(edit)
        return translated(self.words, count).format(**self.fields(edit))


def _span(span: Span) -> dict[str, object]:
    return {"label": span.label, "text": short(span.text)}


# -- the fields of each kind of edit -----------------------------------------------------
def _its_span(edit: Any) -> dict[str, object]:
    return _span(edit.span)


def _new_span(edit: ReplaceSpan) -> dict[str, object]:
    return _span(edit.new)


def _placed(edit: PlaceUnplaced) -> dict[str, object]:
    return _span(edit.placed)


def _kept(edit: SetAside) -> dict[str, object]:
    return _span(edit.kept)


def _relation_type(edit: Any) -> dict[str, object]:
    return {"type": edit.relation.type}


def _new_type(edit: ReplaceRelation) -> dict[str, object]:
    return {"type": edit.new.type}


def _both_types(edit: ReplaceRelation) -> dict[str, object]:
    return {"old_type": edit.old.type, "new_type": edit.new.type}


def _status(edit: SetStatus) -> dict[str, object]:
    return {"status": STATUS_TEXT.get(edit.new, edit.new)}


def _rejected_label(edit: Any) -> dict[str, object]:
    return {"label": edit.item.label}


# -- what changed (as the core descriptions tell) ------------------------------------------
def _relabelled(edit: ReplaceSpan) -> bool:
    return edit.old.label != edit.new.label and edit.old.key[:2] == edit.new.key[:2]


def _resized(edit: ReplaceSpan) -> bool:
    return (edit.old.start, edit.old.end) != (edit.new.start, edit.new.end)


def _span_note_changed(edit: ReplaceSpan) -> bool:
    return edit.old.note != edit.new.note


def _attributes_changed(edit: ReplaceSpan) -> bool:
    return edit.old.attributes != edit.new.attributes


def _with_relations(edit: RemoveSpan) -> bool:
    return bool(edit.relations)


def _relation_count(edit: RemoveSpan) -> int:
    return len(edit.relations)


def _retyped(edit: ReplaceRelation) -> bool:
    return edit.old.type != edit.new.type


def _reversed(edit: ReplaceRelation) -> bool:
    return (edit.old.source, edit.old.target) != (edit.new.source, edit.new.target)


def _relation_note_changed(edit: ReplaceRelation) -> bool:
    return relation_note(edit.old) != relation_note(edit.new)


_ACCEPT = Phrase("accept-suggestion", QT_TRANSLATE_NOOP("Edits", "Accept {label} “{text}”"),
                 _its_span)
_REJECT = Phrase("reject-suggestion", QT_TRANSLATE_NOOP("Edits", "Reject {label} suggestion"),
                 _rejected_label)

# every edit type's phrases; the first whose ``when`` holds is used
PHRASES: dict[type[Any], tuple[Phrase, ...]] = {
    AddSpan: (
        Phrase("add-span", QT_TRANSLATE_NOOP("Edits", "Add {label} “{text}”"), _its_span),),
    RemoveSpan: (
        Phrase("delete-span-and-relations", _COUNTED.delete_span_and_relations, _its_span,
               _with_relations, _relation_count),
        Phrase("delete-span", QT_TRANSLATE_NOOP("Edits", "Delete {label} “{text}”"),
               _its_span),
    ),
    ReplaceSpan: (
        Phrase("relabel-span", QT_TRANSLATE_NOOP("Edits", "Relabel “{text}” as {label}"),
               _new_span, _relabelled),
        Phrase("resize-span", QT_TRANSLATE_NOOP("Edits", "Resize {label} “{text}”"),
               _new_span, _resized),
        Phrase("edit-span-note", QT_TRANSLATE_NOOP("Edits", "Edit the note of {label} “{text}”"),
               _new_span, _span_note_changed),
        Phrase("edit-span-attributes",
               QT_TRANSLATE_NOOP("Edits", "Edit the attributes of {label} “{text}”"),
               _new_span, _attributes_changed),
        Phrase("edit-span", QT_TRANSLATE_NOOP("Edits", "Edit {label} “{text}”"), _new_span),
    ),
    SetStatus: (Phrase("mark-status", QT_TRANSLATE_NOOP("Edits", "Mark {status}"), _status),),
    AddRelation: (
        Phrase("add-relation", QT_TRANSLATE_NOOP("Edits", "Add relation {type}"),
               _relation_type),),
    RemoveRelation: (
        Phrase("delete-relation", QT_TRANSLATE_NOOP("Edits", "Delete relation {type}"),
               _relation_type),),
    ReplaceRelation: (
        Phrase("retype-relation",
               QT_TRANSLATE_NOOP("Edits", "Change relation {old_type} to {new_type}"),
               _both_types, _retyped),
        Phrase("reverse-relation", QT_TRANSLATE_NOOP("Edits", "Reverse relation {type}"),
               _new_type, _reversed),
        Phrase("edit-relation-note",
               QT_TRANSLATE_NOOP("Edits", "Edit the note of relation {type}"),
               _new_type, _relation_note_changed),
        Phrase("edit-relation", QT_TRANSLATE_NOOP("Edits", "Edit relation {type}"), _new_type),
    ),
    PlaceUnplaced: (
        Phrase("place-unplaced", QT_TRANSLATE_NOOP("Edits", "Place {label} “{text}”"),
               _placed),),
    SetAside: (
        Phrase("set-aside", QT_TRANSLATE_NOOP("Edits", "Set aside {label} “{text}”"), _kept),),
    DiscardUnplaced: (
        Phrase("discard-unplaced", QT_TRANSLATE_NOOP("Edits", "Discard {label} “{text}”"),
               _its_span),),
    KeepUnplaced: (
        Phrase("keep-unplaced", QT_TRANSLATE_NOOP("Edits", "Keep {label} “{text}” aside"),
               _its_span),),
    AcceptSuggestion: (_ACCEPT,),
    _Unaccept: (_ACCEPT,),  # an inverse reads as the edit it undoes, as in the core
    RejectSuggestion: (_REJECT,),
    _Unreject: (_REJECT,),
}

# edit types that carry their own words, given (translated) by whoever makes them
OWN_TEXT: frozenset[type[Any]] = frozenset({Batch})
UNTITLED = Batch(()).text  # the text of a batch made without words
_UNTITLED_TEXT = QT_TRANSLATE_NOOP("Edits", "Edit")


def phrase_for(edit: Edit) -> Phrase | None:
    """The phrase ``edit`` reads as; None for an edit with its own text or of unknown type."""
    return next((p for p in PHRASES.get(type(edit), ()) if p.when(edit)), None)


def edit_text(edit: Edit) -> str:
    """What ``edit`` is, in the interface language (its English description if unknown)."""
    if type(edit) in OWN_TEXT:
        own = edit.description
        return translated(_UNTITLED_TEXT) if own == UNTITLED else own
    phrase = phrase_for(edit)
    return edit.description if phrase is None else phrase.text(edit)


# -- the words of batches the window makes ---------------------------------------------------
BatchKind = Literal["accept-suggestions", "reject-suggestions", "accept-agreed", "label-all"]
BATCH_TEXTS: dict[BatchKind, Words] = {
    "accept-suggestions": _COUNTED.accept_suggestions,
    "reject-suggestions": _COUNTED.reject_suggestions,
    "accept-agreed": _COUNTED.accept_agreed,
    "label-all": QT_TRANSLATE_NOOP("Edits", "Label all “{query}” as {label}"),
}


def batch_text(kind: BatchKind, count: int = -1, **fields: object) -> str:
    """The words of a batch of ``kind``, in the interface language (``count`` fills ``%n``)."""
    return translated(BATCH_TEXTS[kind], count).format(**fields)


def titled(batch: Batch, text: str) -> Batch:
    """``batch`` with the words ``text`` (for a batch a core function made in English)."""
    return dataclasses.replace(batch, text=text)
