"""The Arabic interface: the translation keeps up with the code, and the window speaks it.

- ``resources/i18n/annotator_ar.ts`` holds every string ``pyside6-lupdate``
  finds in ``annotator/ui``, each translated (none unfinished), with the
  source's ``{placeholders}`` and its ``&`` mnemonic; the committed
  ``annotator_ar.qm`` is what ``pyside6-lrelease`` makes of it
  (``tools/update_translations.sh`` does both).
- With Arabic installed the window is mirrored, its menus and actions read as
  the ``.ts`` says (looked up by object and action names, never by English
  text), label names stay as the project spells them, and the article view
  still aligns each paragraph to its own direction.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QDockWidget,
    QMenu,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from annotator.cli import open_cmd
from annotator.core.document import strong_direction
from annotator.resources_path import resource_path
from annotator.ui import settings as keys
from annotator.ui.actions import ACTIONS, MENU_NAMES, MENUS, MenuStyle
from annotator.ui.app import choose_language, install_language, system_language
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.widgets.article_view import LTR_ALIGN, RTL_ALIGN

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "annotator" / "ui"
TS = resource_path("i18n/annotator_ar.ts")
QM = resource_path("i18n/annotator_ar.qm")
BIN = Path(sys.executable).parent
LUPDATE, LRELEASE = BIN / "pyside6-lupdate", BIN / "pyside6-lrelease"
PLACEHOLDER = re.compile(r"\{(\w*)\}")
# placeholders holding ids, paths and names, often Latin with neutral edges ("/tmp/…",
# "01-kim…"): an Arabic translation sets them in a first-strong isolate (U+2068 … U+2069),
# else a right-to-left line moves their edges ("tmp/x.json/")
ISOLATED = {"path", "file", "folder", "doc", "doc_id", "project", "name", "annotator"}

Key = tuple[str, str, str]  # context, source, disambiguation


def messages(ts: Path) -> dict[Key, ET.Element]:
    """Every message of a .ts file by (context, source, comment)."""
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def translations() -> dict[tuple[str, str], str]:
    """(context, source) -> the Arabic text, from the committed .ts."""
    return {(c, s): m.findtext("translation") or "" for (c, s, _), m in messages(TS).items()}


def lupdate(target: Path) -> None:
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([str(LUPDATE), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "ar", *sources,
                    "-ts", str(target)], check=True, capture_output=True, timeout=120)


needs_tools = pytest.mark.skipif(not (LUPDATE.exists() and LRELEASE.exists()),
                                 reason="pyside6-lupdate/lrelease not installed")


# -- the translation file keeps up with the code ------------------------------------
@needs_tools
def test_the_ts_has_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate(fresh)
    found = messages(fresh)
    assert len(found) > 200, "lupdate found almost nothing: is it reading annotator/ui?"
    missing = sorted(set(found) - set(messages(TS)))
    assert not missing, (f"{len(missing)} string(s) of the code are not in {TS.name}; run "
                         f"tools/update_translations.sh and translate them: {missing[:10]}")


def test_every_message_is_translated_keeping_placeholders_and_mnemonics() -> None:
    found = messages(TS)
    assert found
    for (context, source, _), message in found.items():
        element = message.find("translation")
        assert element is not None, (context, source)
        assert element.get("type") is None, f"{context}: {source!r} is {element.get('type')}"
        # plurals (%n): Arabic has six forms (zero, one, two, few, many, other), all needed
        forms = [f.text or "" for f in element.iter("numerusform")] \
            if message.get("numerus") == "yes" else [element.text or ""]
        assert len(forms) == (6 if message.get("numerus") == "yes" else 1), (context, source)
        for text in forms:
            assert text.strip(), f"{context}: {source!r} has no translation"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), \
                f"{context}: {source!r} -> {text!r}: the placeholders differ"
            assert text.count("&") == source.count("&") <= 1, \
                f"{context}: {source!r} -> {text!r}: one & (the mnemonic) when the source has one"
            for name in set(PLACEHOLDER.findall(text)) & ISOLATED:
                assert f"\u2068{{{name}}}\u2069" in text, \
                    f"{context}: {source!r} -> {text!r}: isolate {{{name}}} (U+2068 … U+2069)"


@needs_tools
def test_the_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "annotator_ar.qm"
    subprocess.run([str(LRELEASE), "-nounfinished", "-removeidentical", str(TS), "-qm",
                    str(compiled)], check=True, capture_output=True, timeout=60)
    assert QM.read_bytes() == compiled.read_bytes(), \
        f"{QM.name} is older than {TS.name}: run tools/update_translations.sh"


def _text_argument(call: ast.Call) -> ast.expr | None:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else \
        call.func.id if isinstance(call.func, ast.Name) else ""
    if name == "tr" and isinstance(call.func, ast.Attribute) and call.args:
        return call.args[0]  # self.tr(text)
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
        return call.args[1]  # translate("Context", text)
    return None


def test_translated_texts_are_never_built_before_the_lookup() -> None:
    """An f-string or a concatenation inside tr() is looked up as built: never found."""
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                text = _text_argument(node)
                assert not isinstance(text, ast.JoinedStr | ast.BinOp), \
                    f"{path.relative_to(REPO)}:{node.lineno}: format after translating"


# -- choosing the language -----------------------------------------------------------
def test_the_language_is_the_option_else_the_setting_else_the_systems(tmp_path: Path) -> None:
    settings = Settings.at(str(tmp_path / "s.ini"))
    assert choose_language(settings, None, lambda: "ar") == "ar"
    assert choose_language(settings, None, lambda: "en") == "en"
    settings.set(keys.LANGUAGE, "en")
    assert choose_language(settings, None, lambda: "ar") == "en"
    assert choose_language(settings, "ar", lambda: "en") == "ar"  # --lang, for one run
    assert settings.get(keys.LANGUAGE) == "en"
    settings.set(keys.LANGUAGE, "xx")  # unreadable: the system's
    assert choose_language(settings, None, lambda: "ar") == "ar"


def test_the_systems_language_is_its_first_one_we_speak() -> None:
    assert system_language(["ar-EG", "ar", "en-US"]) == "ar"
    assert system_language(["fr-FR", "ar_MA"]) == "ar"
    assert system_language(["de-DE", "en-GB", "ar"]) == "en"
    assert system_language(["fr-FR"]) == "en"
    assert system_language([]) == "en"


def test_the_command_line_offers_the_languages_of_the_settings() -> None:
    assert tuple(open_cmd.LANGUAGES) == tuple(keys.LANGUAGES)


def test_a_language_without_a_translation_stays_english_left_to_right(qapp: QApplication) -> None:
    try:
        assert not install_language("xx", qapp)
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert QCoreApplication.translate("Menus", "&File") == "&File"
    finally:
        install_language("en", qapp)


# -- the window in Arabic --------------------------------------------------------------
@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[dict[tuple[str, str], str]]:
    assert install_language("ar", qapp)
    try:
        yield translations()
    finally:
        install_language("en", qapp)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_arabic_window_is_mirrored_and_speaks_arabic(
        arabic: dict[tuple[str, str], str], make_window: Callable[..., MainWindow],
        qapp: QApplication) -> None:
    window = make_window()
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for dock in window.findChildren(QDockWidget):
        assert dock.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert strong_direction(dock.windowTitle()) == "rtl", dock.objectName()
    menus = {m.objectName(): m for m in window.menuBar().findChildren(QMenu)}
    for source in MENUS:
        menu = menus[MENU_NAMES[source]]
        assert menu.title() == arabic["Menus", source] != source, source
        assert isinstance(menu.style(), MenuStyle)  # shortcuts drawn left to right
    for spec in ACTIONS:
        action = window.registry[spec.name]
        assert action.text() == arabic["Actions", spec.text] != spec.text, spec.name
        if spec.tip:
            assert action.toolTip().startswith(arabic["Actions", spec.tip]), spec.name
    for label in window.workspace.project.labels:  # project data: never translated
        assert window.registry[f"label.{label.name}"].text() == label.name
    headers = [window.spans.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(window.spans.model.columnCount())]
    assert headers == [arabic["SpanTableModel", h] for h in window.spans.model.HEADERS]
    assert qapp.applicationDisplayName() == arabic["App", "Annotator"]


def test_the_article_view_keeps_each_paragraphs_own_alignment_in_arabic(
        arabic: dict[tuple[str, str], str], make_window: Callable[..., MainWindow],
        qtbot: QtBot) -> None:
    window = make_window("a-visit")
    view = window.view
    view.viewport().repaint()  # lays out and aligns the paragraphs on screen
    width = view.viewport().width()
    block = view.document().firstBlock()
    seen = set()
    while block.isValid():
        start, end = view.block_range(block)
        direction = strong_direction(view.text, start, end)
        layout = block.layout()
        line = layout.lineAt(0)
        rect = line.naturalTextRect()
        if direction == "ltr":  # the English paragraph: left-aligned, read left to right
            assert layout.textOption().alignment() == LTR_ALIGN
            assert rect.left() < 10 and rect.right() < width - 50
            assert layout.textOption().textDirection() != Qt.LayoutDirection.RightToLeft
        else:
            assert layout.textOption().alignment() == RTL_ALIGN
            assert rect.right() > width - 20
        seen.add(direction)
        block = block.next()
    assert seen == {"rtl", "ltr"}


def test_choosing_a_language_is_saved_and_takes_effect_on_restart(
        make_window: Callable[..., MainWindow], settings: Settings, qtbot: QtBot) -> None:
    window = make_window()
    menu = window.registry.submenu("view.language")
    names = {a.objectName() for a in menu.actions()}
    assert names == {"language.system", "language.ar", "language.en"}
    assert window.registry.languages[""].isChecked()  # nothing chosen: the system's
    assert window.registry.languages["ar"].text() == keys.LANGUAGES["ar"]  # its own name
    save_text = window.registry["file.save"].text()
    window.registry.languages["ar"].trigger()
    assert settings.get(keys.LANGUAGE) == "ar"
    assert window.registry.languages["ar"].isChecked()
    box = window.findChild(QMessageBox, "language-restart")
    assert box is not None and box.isVisible()  # says: on the next start
    assert window.registry["file.save"].text() == save_text  # this window keeps its language
    box.close()
    window.registry.languages[""].trigger()
    assert settings.get(keys.LANGUAGE) == ""


@pytest.mark.skipif(not (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
                         / "qtbase_ar.qm").exists(), reason="Qt ships no qtbase_ar.qm here")
def test_qts_own_buttons_are_arabic_too(arabic: dict[tuple[str, str], str],
                                        qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    for button in buttons.buttons():
        assert strong_direction(button.text().replace("&", "")) == "rtl", button.text()


def test_the_update_script_runs_lupdate_then_lrelease() -> None:
    script = (REPO / "tools" / "update_translations.sh").read_text(encoding="utf-8")
    assert script.index("pyside6-lupdate") < script.index("pyside6-lrelease")
    assert "-no-obsolete" in script and "annotator/ui" in script
    assert shutil.which("bash")
