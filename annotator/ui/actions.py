"""Every command of the window, declared once: name, text, shortcuts, icon, menu, toolbar.

Menus, the toolbar, the label palette and the keyboard shortcuts are all built
from this registry, so a command has one definition and one place to change
its shortcut (users can override shortcuts in settings under
``shortcuts/<name>``). Label actions are generated from the project's schema
(``label.<name>``, keyed by each label's ``key``). Later features (export and
import dialogs, review mode) add their entries to :data:`ACTIONS` and connect
a handler by name.

Texts and tips are English source strings marked with ``QT_TRANSLATE_NOOP``
(context ``Actions``; menu titles: ``Menus``) and translated when the actions
are built, so the table stays data and ``pyside6-lupdate`` finds every string.
Names and shortcuts are never translated; neither are label names (project
data). View > Language chooses the interface language for the next start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionMenuItem,
    QToolBar,
    QWidget,
)

from annotator.core.project import Label
from annotator.ui import settings as keys
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.icons import theme_icon
from annotator.ui.settings import Settings

LRI, PDI = "\u2066", "\u2069"  # a left-to-right isolate, and its end


def translate(text: str) -> str:
    """An action's text or tip in the interface language (context ``Actions``)."""
    return QCoreApplication.translate("Actions", text)


def keys_text(sequences: Iterable[QKeySequence]) -> str:
    """Shortcuts as one left-to-right run: in an Arabic line "Ctrl+=" would read "=+Ctrl"."""
    shown = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
    return f"{LRI}{shown}{PDI}"


class MenuStyle(QProxyStyle):
    """Draws a menu entry's shortcut as one left-to-right run (for right-to-left menus).

    A right-to-left menu lays each entry's shortcut out right to left, so
    "Ctrl+=" showed as "=+Ctrl"; the shortcut column is isolated as a
    left-to-right run before the style draws it. Nothing else is changed.
    """

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_MenuItem \
                and isinstance(option, QStyleOptionMenuItem) and "\t" in option.text:
            text, shortcut = option.text.split("\t", 1)
            option = QStyleOptionMenuItem(option)
            option.text = f"{text}\t{LRI}{shortcut}{PDI}"
        super().drawControl(element, option, painter, widget)


_menu_style: list[MenuStyle] = []  # one for the application's lifetime


def menu_style(menu: QMenu) -> None:
    """In a right-to-left interface, give ``menu`` the :class:`MenuStyle`."""
    if not QGuiApplication.isRightToLeft():
        return
    if not _menu_style:
        style = MenuStyle()
        style.setParent(QCoreApplication.instance())
        _menu_style.append(style)
    menu.setStyle(_menu_style[0])


@dataclass(frozen=True)
class ActionSpec:
    """One command.

    ``text``, ``tip`` and ``icon_text`` are English, marked for translation and
    translated when the action is built (``translated=False``: shown as they are,
    e.g. a label's name). ``icon`` is a freedesktop icon name, from the desktop's
    theme or else from Annotator's own SVG theme (:mod:`annotator.ui.icons`).
    ``icon_text`` is the short text shown beside the icon on the toolbar
    (default: ``text`` without ``&``/``…``).
    """

    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    menu: str | None = None
    toolbar: bool = False
    icon: str | None = None
    checkable: bool = False
    tip: str = ""
    icon_text: str = ""
    context: str = "window"  # "view": only while the article view or span table has focus
    submenu: bool = False  # the action opens a menu, filled by its owner: see submenu()
    translated: bool = True
    # the action whose keys this one also uses: exactly one of the two is enabled at a
    # time (their owners see to it; Qt ignores a disabled action's shortcut)
    shares_keys: str | None = None


FILE = QT_TRANSLATE_NOOP("Menus", "&File")
EDIT = QT_TRANSLATE_NOOP("Menus", "&Edit")
ANNOTATE = QT_TRANSLATE_NOOP("Menus", "&Annotate")
DOCUMENT = QT_TRANSLATE_NOOP("Menus", "&Document")
PROJECT = QT_TRANSLATE_NOOP("Menus", "&Project")
REVIEW = QT_TRANSLATE_NOOP("Menus", "&Review")
VIEW = QT_TRANSLATE_NOOP("Menus", "&View")
HELP = QT_TRANSLATE_NOOP("Menus", "&Help")
MENUS: tuple[str, ...] = (FILE, EDIT, ANNOTATE, DOCUMENT, PROJECT, REVIEW, VIEW, HELP)
# the object name of each menu, for code and tests that look a menu up
MENU_NAMES: dict[str, str] = {FILE: "file-menu", EDIT: "edit-menu", ANNOTATE: "annotate-menu",
                              DOCUMENT: "document-menu", PROJECT: "project-menu",
                              REVIEW: "review-menu",
                              VIEW: "view-menu", HELP: "help-menu"}

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.open_project", QT_TRANSLATE_NOOP("Actions", "&Open project…"),
               ("Ctrl+O",), FILE, icon="document-open",
               tip=QT_TRANSLATE_NOOP("Actions", "Open another project folder (the current "
                                                "document is saved first)")),
    ActionSpec("file.recent", QT_TRANSLATE_NOOP("Actions", "&Recent projects"), (), FILE,
               icon="document-open-recent", submenu=True),
    ActionSpec("file.save", QT_TRANSLATE_NOOP("Actions", "&Save"), ("Ctrl+S",), FILE, True,
               "document-save",
               tip=QT_TRANSLATE_NOOP("Actions", "Save now (changes are also saved "
                                                "automatically)")),
    ActionSpec("file.export", QT_TRANSLATE_NOOP("Actions", "&Export…"), ("Ctrl+Shift+E",), FILE,
               icon="document-export",
               tip=QT_TRANSLATE_NOOP("Actions", "Write the project's annotations as training "
                                                "data (jsonl, conll, brat, spacy, hf)")),
    ActionSpec("file.import", QT_TRANSLATE_NOOP("Actions", "&Import…"), ("Ctrl+Shift+I",), FILE,
               icon="document-import",
               tip=QT_TRANSLATE_NOOP("Actions", "Bring in annotations from brat, doccano, "
                                                "Label Studio or a jsonl export")),
    ActionSpec("file.sync", QT_TRANSLATE_NOOP("Actions", "S&ync with the team"),
               ("Ctrl+Shift+S",), FILE, icon="view-refresh",
               tip=QT_TRANSLATE_NOOP("Actions", "Send your annotation files through git and "
                                                "receive the team's (the document is saved "
                                                "first)")),
    ActionSpec("file.sync_options", QT_TRANSLATE_NOOP("Actions", "Sync a&utomatically"), (),
               FILE, submenu=True),
    ActionSpec("file.quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",), FILE,
               icon="application-exit"),
    ActionSpec("edit.undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), ("Ctrl+Z",), EDIT, True,
               "edit-undo",
               tip=QT_TRANSLATE_NOOP("Actions", "Undo the last change to this document's "
                                                "spans")),
    ActionSpec("edit.redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"),
               EDIT, True, "edit-redo",
               tip=QT_TRANSLATE_NOOP("Actions", "Redo the change just undone")),
    ActionSpec("find.open", QT_TRANSLATE_NOOP("Actions", "&Find…"), ("Ctrl+F",), EDIT,
               icon="edit-find",
               tip=QT_TRANSLATE_NOOP("Actions", "Find a word in this document: normalised "
                                                "Arabic, proclitics allowed")),
    ActionSpec("find.next", QT_TRANSLATE_NOOP("Actions", "Find &next"), ("F3",), EDIT,
               tip=QT_TRANSLATE_NOOP("Actions", "Select the next match")),
    ActionSpec("find.previous", QT_TRANSLATE_NOOP("Actions", "Find pre&vious"), ("Shift+F3",),
               EDIT, tip=QT_TRANSLATE_NOOP("Actions", "Select the previous match")),
    ActionSpec("find.label_all", QT_TRANSLATE_NOOP("Actions", "&Label all matches…"), (), EDIT,
               tip=QT_TRANSLATE_NOOP("Actions", "Label every match in this document or in the "
                                                "whole project, after a preview")),
    ActionSpec("span.delete", QT_TRANSLATE_NOOP("Actions", "&Delete span"),
               ("Delete", "Backspace"), ANNOTATE, True, "edit-delete",
               tip=QT_TRANSLATE_NOOP("Actions", "Delete the selected span"), context="view"),
    ActionSpec("span.note", QT_TRANSLATE_NOOP("Actions", "Edit &note…"), ("F2",), ANNOTATE,
               icon="document-edit"),
    ActionSpec("span.attributes", QT_TRANSLATE_NOOP("Actions", "Edit a&ttributes"), ("F4",),
               ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Go to the selected span's attributes (Tab "
                                                "between them, type to choose a value, "
                                                "Escape back to the text)")),
    ActionSpec("span.next", QT_TRANSLATE_NOOP("Actions", "Ne&xt span"), ("Alt+Down",), ANNOTATE,
               context="view"),
    ActionSpec("span.previous", QT_TRANSLATE_NOOP("Actions", "Pre&vious span"), ("Alt+Up",),
               ANNOTATE, context="view"),
    ActionSpec("span.start_left", QT_TRANSLATE_NOOP("Actions", "Move span start left"),
               ("Alt+Shift+Left",), ANNOTATE, context="view"),
    ActionSpec("span.start_right", QT_TRANSLATE_NOOP("Actions", "Move span start right"),
               ("Alt+Shift+Right",), ANNOTATE, context="view"),
    ActionSpec("span.end_left", QT_TRANSLATE_NOOP("Actions", "Move span end left"),
               ("Alt+Left",), ANNOTATE, context="view"),
    ActionSpec("span.end_right", QT_TRANSLATE_NOOP("Actions", "Move span end right"),
               ("Alt+Right",), ANNOTATE, context="view"),
    ActionSpec("span.deselect", QT_TRANSLATE_NOOP("Actions", "Clear selection"), ("Escape",),
               ANNOTATE, context="view"),
    ActionSpec("span.clitic", QT_TRANSLATE_NOOP("Actions", "Shed or restore &proclitic"),
               ("Ctrl+Shift+X",), ANNOTATE, context="view",
               tip=QT_TRANSLATE_NOOP("Actions", "Take the proclitic (و ف ب ك ل س) off the "
                                                "start of the selected span, or give it back")),
    # relations (annotator.ui.relations): not plain letters, which may be label keys
    ActionSpec("relation.start", QT_TRANSLATE_NOOP("Actions", "&Link to…"), ("Ctrl+R",),
               ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Link the selected span to another: arrows "
                                                "or typing choose the target, Enter, then "
                                                "the relation type's key; Escape cancels")),
    ActionSpec("relation.type", QT_TRANSLATE_NOOP("Actions", "Change relation &type…"),
               ("Ctrl+Shift+T",), ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Give the chosen relation another type "
                                                "(press the type's key)")),
    ActionSpec("relation.reverse", QT_TRANSLATE_NOOP("Actions", "Re&verse relation"),
               ("Ctrl+Shift+D",), ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Swap the chosen relation's ends")),
    ActionSpec("relation.note", QT_TRANSLATE_NOOP("Actions", "Edit relation n&ote…"),
               ("Shift+F2",), ANNOTATE),
    ActionSpec("relation.delete", QT_TRANSLATE_NOOP("Actions", "Delete re&lation"),
               ("Shift+Delete",), ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Delete the chosen relation")),
    ActionSpec("relation.next", QT_TRANSLATE_NOOP("Actions", "Next relation"),
               ("Alt+PgDown",), ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Choose the next relation of the selected "
                                                "span (of the document, if none is "
                                                "selected)")),
    ActionSpec("relation.previous", QT_TRANSLATE_NOOP("Actions", "Previous relation"),
               ("Alt+PgUp",), ANNOTATE),
    # not Ctrl+W (closes a window elsewhere), not Alt+Shift (switches keyboard layouts)
    ActionSpec("annotate.snap", QT_TRANSLATE_NOOP("Actions", "Snap to &words"), ("F9",),
               ANNOTATE, True, checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Widen selections to whole words and drop "
                                                "spaces and punctuation at the edges")),
    # suggestions (annotator/ui/suggesting.py): Backspace and Delete reject the suggestion
    # at the cursor while no span is selected (span.delete is disabled meanwhile)
    ActionSpec("suggestion.accept", QT_TRANSLATE_NOOP("Actions", "&Accept suggestion"),
               ("Return", "Enter"), ANNOTATE, context="view",
               tip=QT_TRANSLATE_NOOP("Actions", "Make the suggestion at the cursor a span, "
                                                "then go to the next suggestion")),
    ActionSpec("suggestion.reject", QT_TRANSLATE_NOOP("Actions", "Re&ject suggestion"),
               ("Backspace", "Delete"), ANNOTATE, context="view", shares_keys="span.delete",
               tip=QT_TRANSLATE_NOOP("Actions", "Never offer the suggestion at the cursor "
                                                "again, then go to the next suggestion")),
    ActionSpec("suggestion.accept_all", QT_TRANSLATE_NOOP("Actions", "Accept all suggestions "
                                                                     "in this document"),
               ("Ctrl+Shift+Return",), ANNOTATE, context="view",
               tip=QT_TRANSLATE_NOOP("Actions", "Make every suggestion shown a span (one undo "
                                                "step)")),
    ActionSpec("suggestion.reject_all", QT_TRANSLATE_NOOP("Actions", "Reject all suggestions "
                                                                     "in this document"),
               ("Ctrl+Shift+Backspace",), ANNOTATE, context="view",
               tip=QT_TRANSLATE_NOOP("Actions", "Never offer the suggestions shown again (one "
                                                "undo step)")),
    ActionSpec("suggestion.next", QT_TRANSLATE_NOOP("Actions", "Next s&uggestion"), ("F7",),
               ANNOTATE, tip=QT_TRANSLATE_NOOP("Actions", "Put the cursor on the next "
                                                          "suggestion")),
    ActionSpec("suggestion.previous", QT_TRANSLATE_NOOP("Actions", "Previous su&ggestion"),
               ("Shift+F7",), ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Put the cursor on the previous suggestion")),
    ActionSpec("annotate.suggest", QT_TRANSLATE_NOOP("Actions", "&Suggest…"), (), ANNOTATE,
               tip=QT_TRANSLATE_NOOP("Actions", "Make suggestions from the spans labelled so "
                                                "far (in gold and in files marked done), or "
                                                "with a trained model")),
    ActionSpec("doc.previous", QT_TRANSLATE_NOOP("Actions", "&Previous document"),
               ("Ctrl+PgUp",), DOCUMENT, True, "go-up",
               tip=QT_TRANSLATE_NOOP("Actions", "Open the document above in the list")),
    ActionSpec("doc.next", QT_TRANSLATE_NOOP("Actions", "&Next document"), ("Ctrl+PgDown",),
               DOCUMENT, True, "go-down",
               tip=QT_TRANSLATE_NOOP("Actions", "Open the document below in the list")),
    ActionSpec("doc.done", QT_TRANSLATE_NOOP("Actions", "Mark &done"),
               ("Ctrl+Return", "Ctrl+Enter"), DOCUMENT, True, "emblem-ok",
               tip=QT_TRANSLATE_NOOP("Actions", "Mark this document done (again to mark it in "
                                                "progress)")),
    ActionSpec("doc.assigned_only", QT_TRANSLATE_NOOP("Actions", "Only documents &assigned "
                                                                 "to me"), (), DOCUMENT,
               checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "List only the documents project.json assigns "
                                                "to you")),
    ActionSpec("project.schema", QT_TRANSLATE_NOOP("Actions", "&Labels and relations…"), (),
               PROJECT,
               tip=QT_TRANSLATE_NOOP("Actions", "Add, rename, recolour or rekey labels, their "
                                                "attributes and relation types (a rename "
                                                "changes every file that uses the name)")),
    ActionSpec("project.team_status", QT_TRANSLATE_NOOP("Actions", "&Team status…"), (),
               PROJECT,
               tip=QT_TRANSLATE_NOOP("Actions", "Each annotator's progress on their assigned "
                                                "documents, and their agreement where two "
                                                "annotated the same")),
    ActionSpec("view.zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &in"), ("Ctrl+=", "Ctrl++"),
               VIEW, icon="zoom-in"),
    ActionSpec("view.zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &out"), ("Ctrl+-",), VIEW,
               icon="zoom-out"),
    ActionSpec("view.zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Reset zoom"), ("Ctrl+0",),
               VIEW, icon="zoom-original"),
    ActionSpec("view.focus_text", QT_TRANSLATE_NOOP("Actions", "Focus the &text"), ("F6",),
               VIEW),
    ActionSpec("view.label_names", QT_TRANSLATE_NOOP("Actions", "Show &label names"),
               ("Ctrl+Shift+L",), VIEW, checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Write each span's label small above its "
                                                "first letter")),
    ActionSpec("view.suggestions", QT_TRANSLATE_NOOP("Actions", "Show s&uggestions"), (), VIEW,
               checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Draw machine suggestions as dashed boxes in "
                                                "their label's colour")),
    ActionSpec("view.relations", QT_TRANSLATE_NOOP("Actions", "Show &relations"),
               ("Ctrl+Shift+K",), VIEW, checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Draw relations as labelled arcs above the "
                                                "lines")),
    ActionSpec("view.panels", QT_TRANSLATE_NOOP("Actions", "&Panels"), (), VIEW, submenu=True),
    ActionSpec("view.language", QT_TRANSLATE_NOOP("Actions", "&Language"), (), VIEW,
               icon="preferences-desktop-locale", submenu=True),
    ActionSpec("review.mode", QT_TRANSLATE_NOOP("Actions", "&Review mode"), ("Ctrl+Shift+R",),
               REVIEW, True, "edit-find-replace", checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Compare annotators on this document and "
                                                "settle the gold version")),
    ActionSpec("review.next", QT_TRANSLATE_NOOP("Actions", "&Next difference"), ("F8",), REVIEW),
    ActionSpec("review.previous", QT_TRANSLATE_NOOP("Actions", "&Previous difference"),
               ("Shift+F8",), REVIEW),
    ActionSpec("review.accept_a", QT_TRANSLATE_NOOP("Actions", "Accept &A"), ("Ctrl+1",), REVIEW,
               tip=QT_TRANSLATE_NOOP("Actions", "Gold takes A's version of the selected "
                                                "difference")),
    ActionSpec("review.accept_b", QT_TRANSLATE_NOOP("Actions", "Accept &B"), ("Ctrl+2",), REVIEW,
               tip=QT_TRANSLATE_NOOP("Actions", "Gold takes B's version of the selected "
                                                "difference")),
    ActionSpec("review.accept_both", QT_TRANSLATE_NOOP("Actions", "Accept b&oth"), ("Ctrl+3",),
               REVIEW,
               tip=QT_TRANSLATE_NOOP("Actions", "Gold takes both versions of the selected "
                                                "difference")),
    ActionSpec("review.reject", QT_TRANSLATE_NOOP("Actions", "Re&ject"), ("Ctrl+Delete",),
               REVIEW,
               tip=QT_TRANSLATE_NOOP("Actions", "Gold takes neither version of the selected "
                                                "difference")),
    ActionSpec("review.edit", QT_TRANSLATE_NOOP("Actions", "&Edit in gold"), ("Ctrl+4",), REVIEW,
               tip=QT_TRANSLATE_NOOP("Actions", "Select the difference's gold span (A's "
                                                "copied in if gold has none) to relabel it, "
                                                "move its ends or write a note")),
    ActionSpec("review.accept_agreed", QT_TRANSLATE_NOOP("Actions", "Accept all a&greed"),
               ("Ctrl+Shift+A",), REVIEW,
               tip=QT_TRANSLATE_NOOP("Actions", "Add to gold every span all compared "
                                                "annotators marked identically (one undo "
                                                "step)")),
    ActionSpec("help.shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), ("F1",),
               HELP, icon="help-contents",
               tip=QT_TRANSLATE_NOOP("Actions", "Every command and its keys")),
    ActionSpec("help.about", QT_TRANSLATE_NOOP("Actions", "&About Annotator"), (), HELP),
)

# View > Language: "" follows the system; the others are settings.LANGUAGES, each
# listed by its own name, and named in the interface's language in the message.
SYSTEM_LANGUAGE = QT_TRANSLATE_NOOP("Actions", "&System language")
LANGUAGE_TIP = QT_TRANSLATE_NOOP("Actions", "Takes effect when Annotator is restarted")
RESTART_TITLE = QT_TRANSLATE_NOOP("Actions", "Language")
RESTART_TEXT = QT_TRANSLATE_NOOP("Actions", "The interface will be in {language} the next "
                                            "time Annotator starts.")
RESTART_SYSTEM = QT_TRANSLATE_NOOP("Actions", "The interface will follow the system's language "
                                              "the next time Annotator starts.")
LANGUAGE_NAMES = {"ar": QT_TRANSLATE_NOOP("Actions", "Arabic"),
                  "en": QT_TRANSLATE_NOOP("Actions", "English")}

# Arabic-Indic and Extended Arabic-Indic digits, so label keys 1, 2, 3 also work
# when the keyboard layout types ١ ٢ ٣ or ۱ ۲ ۳.
_DIGIT_TWINS = {str(d): (chr(0x0660 + d), chr(0x06F0 + d)) for d in range(10)}


def label_spec(label: Label) -> ActionSpec:
    keys_: tuple[str, ...] = ()
    if label.key:
        keys_ = (label.key, *_DIGIT_TWINS.get(label.key, ()))
    tip = QCoreApplication.translate(
        "Actions", "Label the selection as {label}, or relabel the selected span")
    return ActionSpec(f"label.{label.name}", label.name, keys_, ANNOTATE,
                      tip=tip.format(label=label.name), translated=False)


def color_icon(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ActionRegistry:
    """The window's ``QAction`` objects, by name, built from :data:`ACTIONS`."""

    def __init__(self, window: QWidget, settings: Settings | None = None,
                 specs: Iterable[ActionSpec] = ACTIONS) -> None:
        self.window = window
        self.settings = settings
        self.specs: dict[str, ActionSpec] = {}
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}  # of the submenu actions
        self.languages: dict[str, QAction] = {}  # View > Language, by code ("": the system's)
        for spec in specs:
            self.add(spec)
        if "view.language" in self.menus:
            self._fill_languages(self.menus["view.language"])

    def add(self, spec: ActionSpec, icon: QIcon | None = None) -> QAction:
        if spec.name in self.actions:
            raise ValueError(f"action {spec.name!r} is declared twice")
        text = translate(spec.text) if spec.translated else spec.text
        if spec.submenu:
            menu = QMenu(text, self.window)
            menu.setObjectName(f"{spec.name}-menu")
            action = menu.menuAction()
            self.menus[spec.name] = menu
        else:
            action = QAction(text, self.window)
        action.setObjectName(spec.name)
        action.setCheckable(spec.checkable)
        shortcuts = list(spec.shortcuts)
        if self.settings is not None:
            override = self.settings.shortcut_override(spec.name)
            if override is not None:
                shortcuts = override
        sequences = [QKeySequence(s) for s in shortcuts]
        action.setShortcuts(sequences)
        plain = text.replace("&", "").rstrip("…")
        icon_text = translate(spec.icon_text) if spec.icon_text and spec.translated \
            else spec.icon_text
        action.setIconText(icon_text or plain)
        tip = (translate(spec.tip) if spec.translated else spec.tip) if spec.tip else plain
        if sequences:
            tip = f"{tip} ({keys_text(sequences)})"
        action.setToolTip(tip)
        action.setIcon(icon if icon is not None else self._icon(spec))
        if spec.context == "view":
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.window.addAction(action)  # shortcuts work even when no menu shows the action
        self.specs[spec.name] = spec
        self.actions[spec.name] = action
        return action

    def remove(self, name: str) -> None:
        action = self.actions.pop(name)
        del self.specs[name]
        self.window.removeAction(action)
        action.deleteLater()

    def _icon(self, spec: ActionSpec) -> QIcon:
        return theme_icon(spec.icon) if spec.icon else QIcon()

    def submenu(self, name: str) -> QMenu:
        """The menu a ``submenu=True`` action opens; its owner fills it."""
        return self.menus[name]

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def __contains__(self, name: object) -> bool:
        return name in self.actions

    def connect(self, name: str, slot: Callable[..., object]) -> None:
        action = self.actions[name]
        if action.isCheckable():
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())

    def set_labels(self, labels: Iterable[Label]) -> list[QAction]:
        """Replace the label actions with one per label of the project's schema."""
        for name in [n for n in self.actions if n.startswith("label.")]:
            self.remove(name)
        return [self.add(label_spec(label), color_icon(label.color)) for label in labels]

    def view_actions(self) -> list[QAction]:
        """Actions whose shortcuts apply only where spans are shown (view, span table)."""
        return [self.actions[n] for n, spec in self.specs.items() if spec.context == "view"]

    def label_actions(self) -> list[QAction]:
        return [a for n, a in self.actions.items() if n.startswith("label.")]

    def build_menus(self, menubar: QMenuBar) -> None:
        menubar.clear()
        menus: dict[str, QMenu] = {}
        for title in MENUS:
            menu = menubar.addMenu(QCoreApplication.translate("Menus", title))
            menu.setObjectName(MENU_NAMES[title])
            menu_style(menu)
            menus[title] = menu
        for submenu in self.menus.values():
            menu_style(submenu)
        for name, spec in self.specs.items():
            if spec.menu is None:
                continue
            if name.startswith("label."):
                continue
            menus[spec.menu].addAction(self.actions[name])
        annotate = menus[ANNOTATE]
        existing = annotate.actions()
        if existing:
            annotate.insertActions(existing[0], self.label_actions())
            annotate.insertSeparator(existing[0])
        else:
            annotate.addActions(self.label_actions())

    def build_toolbar(self, toolbar: QToolBar) -> None:
        """Toolbar actions with their text beside the icon, a separator between menus."""
        toolbar.clear()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        group: str | None = None
        for name, spec in self.specs.items():
            if spec.toolbar:
                if group is not None and spec.menu != group:
                    toolbar.addSeparator()
                group = spec.menu
                toolbar.addAction(self.actions[name])

    # -- View > Language -----------------------------------------------------------
    def _fill_languages(self, menu: QMenu) -> None:
        """One checkable entry per language, and the system's; the choice is saved."""
        group = QActionGroup(menu)
        group.setExclusive(True)
        chosen = self.settings.get(keys.LANGUAGE) if self.settings is not None else ""
        for code in ("", *keys.LANGUAGES):
            text = keys.LANGUAGES.get(code) or translate(SYSTEM_LANGUAGE)
            action = QAction(text, menu)
            action.setObjectName(f"language.{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == (chosen if chosen in keys.LANGUAGES else ""))
            action.setToolTip(translate(LANGUAGE_TIP))
            action.setEnabled(self.settings is not None)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
            menu.addAction(action)
            self.languages[code] = action
        menu.setToolTipsVisible(True)

    def choose_language(self, code: str) -> QMessageBox | None:
        """Remember ``code`` ("": the system's) for the next start, and say so.

        The open window keeps its language: every text is set once, when it is
        built. Returns the (non-blocking) message shown, None if nothing changed.
        """
        if self.settings is None:
            return None
        self.languages[code].setChecked(True)
        if self.settings.get(keys.LANGUAGE) == code:
            return None
        self.settings.set(keys.LANGUAGE, code)
        self.settings.sync()
        text = translate(RESTART_TEXT).format(language=translate(LANGUAGE_NAMES[code])) \
            if code in LANGUAGE_NAMES else translate(RESTART_SYSTEM)
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 8000)
        box = QMessageBox(QMessageBox.Icon.Information, translate(RESTART_TITLE), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("language-restart")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
