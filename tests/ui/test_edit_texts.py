"""What the undo history says of an edit reads in the interface language, never in core English.

Every edit type of :mod:`annotator.core` has words in :mod:`annotator.ui.edit_texts`
(a new edit cannot silently stay English); each phrase is the one for what the edit
changed (by code, never by English text) and reads as its template translated in the
``Edits`` context with the project's names filled in untranslated; the window's undo
commands carry those words, with a translator installed too; an unknown edit reads as
its own description.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import annotator.core
from annotator.core.annotations import AnnotationSet, RejectedSuggestion
from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Batch,
    Changes,
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
    relabel,
    remove_span,
)
from annotator.core.project import Project
from annotator.core.spans import STATUSES, Relation, Span
from annotator.core.suggestion_edits import AcceptSuggestion, RejectSuggestion
from annotator.ui.edit_texts import (
    BATCH_TEXTS,
    CONTEXT,
    OWN_TEXT,
    PHRASES,
    UNTITLED,
    batch_text,
    edit_text,
    phrase_for,
    titled,
)
from annotator.ui.main_window import MainWindow
from annotator.ui.models.documents import STATUS_TEXT
from annotator.ui.undo import EditCommand
from tests.ui.conftest import VISIT
from tests.ui.test_window_suggestions import write_suggestions

MARK = "⟪ع⟫ "  # what the test translator puts before every text of the Edits context
REPO = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

# long enough to be shortened, with line breaks the short form folds
LONG = "قدّم الحاكم\nللزعيم سترةً واقية من الرصاص في المحطة"
KIM = Span("T1", 0, 3, "person", "كيم")
GIFT = Span("T2", 10, 10 + len(LONG), "gift", LONG, note="هدية")
GIVER = Relation("R1", "giver", "T1", "T2")


def core_edit_types() -> list[type[Any]]:
    """Every class of annotator.core that is an edit: description, changes, apply, inverse."""
    found = []
    for module_info in pkgutil.iter_modules(annotator.core.__path__):
        module = importlib.import_module(f"annotator.core.{module_info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and not getattr(cls, "_is_protocol", False) \
                    and all(hasattr(cls, a) for a in ("description", "changes", "apply",
                                                       "inverse")):
                found.append(cls)
    return found


def sample_edits() -> list[Edit]:
    """Edits of every type, reading every phrase (inverses included)."""
    relabelled = ReplaceSpan(KIM, KIM.with_changes(label="place"))
    accepted = AcceptSuggestion(GIFT.with_changes(extra={"origin": "gazetteer"}))
    rejected = RejectSuggestion(RejectedSuggestion(0, 3, "person", "gazetteer"))
    edits: list[Edit] = [
        AddSpan(KIM), RemoveSpan(KIM), RemoveSpan(GIFT, (GIVER,)),
        RemoveSpan(KIM, (GIVER, Relation("R2", "met", "T1", "T3"))),
        relabelled,
        ReplaceSpan(GIFT, GIFT.with_changes(start=11, text=LONG[1:])),
        ReplaceSpan(GIFT, GIFT.with_changes(note=None)),
        ReplaceSpan(GIFT, GIFT.with_changes(attributes={"kind": "armour"})),
        ReplaceSpan(GIFT, GIFT.with_changes(extra={"origin": "model"})),
        SetStatus("new", "in_progress"), SetStatus("in_progress", "done"),
        AddRelation(GIVER), RemoveRelation(GIVER),
        ReplaceRelation(GIVER, Relation("R1", "receiver", "T1", "T2")),
        ReplaceRelation(GIVER, Relation("R1", "giver", "T2", "T1")),
        ReplaceRelation(GIVER, Relation("R1", "giver", "T1", "T2", {"note": "بحسب الوكالة"})),
        ReplaceRelation(GIVER, Relation("R1", "giver", "T1", "T2", {"confidence": "low"})),
        PlaceUnplaced(0, KIM, KIM.with_changes(start=40, end=43)),
        SetAside(0, KIM, KIM.with_changes(start=40, end=43)),
        DiscardUnplaced(1, GIFT, (GIVER,)), KeepUnplaced(1, GIFT),
        accepted, accepted.inverse(), rejected, rejected.inverse(),
        Batch((AddSpan(KIM),)), Batch((AddSpan(KIM),), "كلمة من الواجهة"),
    ]
    return [*edits, relabelled.inverse(), AddSpan(KIM).inverse()]


def expected(edit: Edit) -> str:
    """The text ``edit`` must read as: its phrase's template, translated, filled in."""
    phrase = phrase_for(edit)
    assert phrase is not None, type(edit)
    count = phrase.count(edit) if phrase.count else -1
    words = phrase.words(count) if callable(phrase.words) else \
        QCoreApplication.translate(CONTEXT, phrase.words)
    return words.format(**phrase.fields(edit))


class MarkedEdits(QTranslator):
    """A translator reading every text of the Edits context as MARK + the English;
    ``asked`` keeps what it was asked for there (source, count)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, int]] = []

    def translate(self, context: str, source: str, /, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if context != CONTEXT:
            return None
        self.asked.append((source, n))
        return MARK + source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[MarkedEdits]:
    translator = MarkedEdits()
    assert qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


# -- the table covers every edit ------------------------------------------------------------
def test_every_core_edit_type_has_words() -> None:
    types = core_edit_types()
    assert {AddSpan, ReplaceRelation, KeepUnplaced, Batch, AcceptSuggestion} <= set(types)
    missing = [t.__qualname__ for t in types if t not in PHRASES and t not in OWN_TEXT]
    assert not missing, f"give these edits words in annotator/ui/edit_texts.py: {missing}"
    assert {type(edit) for edit in sample_edits()} == set(types)  # the samples cover them


def test_every_phrase_is_reached_and_fills_its_template(qapp: QApplication) -> None:
    reached = {phrase.code for edit in sample_edits() if (phrase := phrase_for(edit))}
    codes = {phrase.code for phrases in PHRASES.values() for phrase in phrases}
    assert reached == codes
    for phrases in PHRASES.values():
        for phrase in phrases:
            assert callable(phrase.words) == (phrase.count is not None), phrase.code
            assert callable(phrase.words) or "%n" not in phrase.words, phrase.code
    for edit in sample_edits():
        text = edit_text(edit)
        assert text and "{" not in text and "%n" not in text, (edit, text)


# -- each edit reads as what it changed ------------------------------------------------------
@pytest.mark.parametrize(("edit", "code", "fields"), [
    (AddSpan(KIM), "add-span", {"label": "person", "text": "كيم"}),
    (RemoveSpan(KIM), "delete-span", {"label": "person", "text": "كيم"}),
    (ReplaceSpan(KIM, KIM.with_changes(label="place")), "relabel-span",
     {"label": "place", "text": "كيم"}),
    (ReplaceSpan(KIM, KIM.with_changes(end=2, text="كي", label="place")), "resize-span",
     {"label": "place", "text": "كي"}),
    (ReplaceSpan(KIM, KIM.with_changes(note="زعيم")), "edit-span-note",
     {"label": "person", "text": "كيم"}),
    (ReplaceSpan(KIM, KIM.with_changes(attributes={"role": "leader"})), "edit-span-attributes",
     {"label": "person", "text": "كيم"}),
    (ReplaceRelation(GIVER, Relation("R1", "receiver", "T2", "T1")), "retype-relation",
     {"old_type": "giver", "new_type": "receiver"}),
    (ReplaceRelation(GIVER, Relation("R1", "giver", "T2", "T1")), "reverse-relation",
     {"type": "giver"}),
    (ReplaceRelation(GIVER, Relation("R1", "giver", "T1", "T2", {"note": "ن"})),
     "edit-relation-note", {"type": "giver"}),
    (AddRelation(GIVER), "add-relation", {"type": "giver"}),
    (KeepUnplaced(0, KIM), "keep-unplaced", {"label": "person", "text": "كيم"}),
])
def test_an_edit_reads_as_the_phrase_of_what_changed_with_names_untranslated(
        marked: MarkedEdits, edit: Edit, code: str, fields: dict[str, str]) -> None:
    phrase = phrase_for(edit)
    assert phrase is not None and phrase.code == code
    text = edit_text(edit)
    assert isinstance(phrase.words, str)
    assert text == QCoreApplication.translate(CONTEXT, phrase.words).format(**fields)
    assert text.startswith(MARK) and text != edit.description
    for value in fields.values():  # label names, relation types, span texts stay as they are
        assert value in text


def test_span_texts_are_shortened_as_the_core_shortens_them(qapp: QApplication) -> None:
    text = edit_text(AddSpan(GIFT))
    short = " ".join(LONG.split())[:29] + "…"
    assert short in text and "\n" not in text
    assert short in AddSpan(GIFT).description  # the same short form as core's


def test_counts_are_plural_forms_and_statuses_read_as_the_document_list(
        marked: MarkedEdits) -> None:
    for relations in ((GIVER,), (GIVER, Relation("R2", "met", "T1", "T3"))):
        edit = RemoveSpan(KIM, relations)
        phrase = phrase_for(edit)
        assert phrase is not None and phrase.code == "delete-span-and-relations"
        marked.asked.clear()
        text = edit_text(edit)
        ((source, count),) = marked.asked  # one lookup, with the count for the plural form
        assert "%n" in source and count == len(relations)
        assert text == QCoreApplication.translate(CONTEXT, source, None, count).format(
            label="person", text="كيم")
        assert str(count) in text and text.startswith(MARK)
    for status in STATUSES:
        edit = SetStatus("new", status)
        assert edit_text(edit) == expected(edit)
        assert STATUS_TEXT[status] in edit_text(edit)


def test_batches_read_as_the_words_the_window_gave_them(marked: MarkedEdits) -> None:
    untitled = Batch((AddSpan(KIM),))
    assert untitled.text == UNTITLED
    assert edit_text(untitled) == QCoreApplication.translate(CONTEXT, "Edit")
    assert edit_text(untitled).startswith(MARK)
    marked.asked.clear()
    words = batch_text("accept-suggestions", 3)
    ((source, count),) = marked.asked
    assert "%n" in source and count == 3
    assert words == QCoreApplication.translate(CONTEXT, source, None, 3)
    assert words.startswith(MARK) and "3" in words and "%n" not in words
    named = titled(untitled, words)
    assert edit_text(named) == words and named.edits == untitled.edits
    assert edit_text(named.inverse()) == words  # undo keeps the words
    label_all = batch_text("label-all", query="كيم", label="person")
    template = BATCH_TEXTS["label-all"]
    assert isinstance(template, str)
    assert label_all == QCoreApplication.translate(CONTEXT, template).format(
        query="كيم", label="person")


# -- an edit the table does not know ---------------------------------------------------------
@dataclass(frozen=True)
class Unknown:
    """An edit of a type the table has never heard of."""

    @property
    def description(self) -> str:
        return "Do something new"

    @property
    def changes(self) -> Changes:
        return Changes()

    def apply(self, aset: AnnotationSet) -> None:
        pass

    def inverse(self) -> Edit:
        return self


class Target:
    def apply_edit(self, edit: Edit) -> None:
        pass


def test_an_unknown_edit_reads_as_its_description(marked: MarkedEdits) -> None:
    assert phrase_for(Unknown()) is None
    assert edit_text(Unknown()) == "Do something new"
    assert EditCommand(Target(), Unknown()).text() == "Do something new"


def test_an_undo_command_reads_as_its_edit(marked: MarkedEdits) -> None:
    for edit in sample_edits():
        command = EditCommand(Target(), edit)
        assert command.text() == edit_text(edit)
        if type(edit) not in OWN_TEXT:
            assert command.text().startswith(MARK)


# -- in the window ---------------------------------------------------------------------------
def test_the_windows_undo_history_speaks_the_interface_language(
        qtbot: QtBot, make_window: Callable[..., MainWindow], marked: MarkedEdits) -> None:
    window = make_window("a-visit")
    session = window.workspace.session
    assert session is not None
    start = VISIT.index("فلاديفوستوك")
    window.view.select_range(start, start + len("فلاديفوستوك"))
    qtbot.keyClick(window.view, "1")
    (span,) = session.aset.spans()
    stack = session.undo_stack
    # a new document's first span also marks it in progress: one step, the span's words
    assert stack.undoText() == expected(AddSpan(span)) and stack.undoText().startswith(MARK)
    other = min(label for label in window.workspace.project.label_names if label != span.label)
    relabelling = relabel(session.aset, span.id, other)
    assert window.annotating.push(relabelling)
    assert phrase_for(relabelling) in PHRASES[ReplaceSpan][:1]  # relabel, not edit
    assert stack.undoText() == expected(relabelling) and other in stack.undoText()
    assert window.annotating.push(remove_span(session.aset, span.id))
    stack.undo()
    assert stack.redoText() == expected(remove_span(session.aset, span.id))
    assert stack.redoText().startswith(MARK)


def test_accepting_all_suggestions_is_one_step_in_the_interface_language(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow],
        marked: MarkedEdits) -> None:
    write_suggestions(project)
    window = make_window()
    session = window.workspace.session
    assert session is not None
    window.registry["suggestion.accept_all"].trigger()
    accepted = len(session.aset)
    assert accepted == 4
    assert session.undo_stack.undoText() == batch_text("accept-suggestions", accepted)
    assert session.undo_stack.undoText().startswith(MARK)
    session.undo_stack.undo()
    window.registry["suggestion.reject_all"].trigger()
    assert session.undo_stack.undoText() == batch_text("reject-suggestions", 4)


# -- the translation tool finds every text, plurals as plurals ---------------------------------
@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
def test_lupdate_finds_every_text_in_the_edits_context_counted_ones_as_plurals(
        tmp_path: Path, marked: MarkedEdits) -> None:
    ts = tmp_path / "edits.ts"
    subprocess.run([str(LUPDATE), "-extensions", "py", "-locations", "none",
                    str(REPO / "annotator" / "ui" / "edit_texts.py"), "-ts", str(ts)],
                   check=True, capture_output=True, timeout=120)
    found = {message.findtext("source"): message.get("numerus") == "yes"
             for context in ET.parse(ts).getroot().iter("context")
             if context.findtext("name") == CONTEXT for message in context.iter("message")}
    words = [phrase.words for phrases in PHRASES.values() for phrase in phrases]
    words += [*BATCH_TEXTS.values(), "Edit"]
    marked.asked.clear()
    for counted in (w for w in words if callable(w)):
        counted(2)
    counted_sources = {source for source, _n in marked.asked}
    assert {source for source, plural in found.items() if plural} == counted_sources
    assert {source for source, plural in found.items() if not plural} == \
        {w for w in words if isinstance(w, str)}
    assert all("%n" in source for source in counted_sources)
