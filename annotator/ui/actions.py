"""Every command of the window, declared once: name, text, shortcuts, icon, menu, toolbar.

Menus, the toolbar, the label palette and the keyboard shortcuts are all built
from this registry, so a command has one definition and one place to change
its shortcut (users can override shortcuts in settings under
``shortcuts/<name>``). Label actions are generated from the project's schema
(``label.<name>``, keyed by each label's ``key``). Later features (export and
import dialogs, review mode) add their entries to :data:`ACTIONS` and connect
a handler by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QToolBar, QWidget

from annotator.core.project import Label
from annotator.ui.icons import drawn_icon
from annotator.ui.settings import Settings


@dataclass(frozen=True)
class ActionSpec:
    """One command.

    ``icon`` is a freedesktop theme name; ``fallback`` is used without a theme: a
    ``QStyle`` standard pixmap (``"SP_…"``) or an icon drawn in
    :mod:`annotator.ui.icons` (``"draw:…"``). ``icon_text`` is the short text
    shown beside the icon on the toolbar (default: ``text`` without ``&``/``…``).
    """

    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    menu: str | None = None
    toolbar: bool = False
    icon: str | None = None
    fallback: str | None = None
    checkable: bool = False
    tip: str = ""
    icon_text: str = ""
    context: str = "window"  # "view": only while the article view or span table has focus
    submenu: bool = False  # the action opens a menu, filled by its owner: see submenu()


FILE, EDIT, ANNOTATE, VIEW, DOCUMENT = "&File", "&Edit", "&Annotate", "&View", "&Document"
REVIEW = "&Review"
MENUS: tuple[str, ...] = (FILE, EDIT, ANNOTATE, DOCUMENT, REVIEW, VIEW)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.open_project", "&Open project…", ("Ctrl+O",), FILE, icon="document-open",
               fallback="SP_DirOpenIcon",
               tip="Open another project folder (the current document is saved first)"),
    ActionSpec("file.recent", "&Recent projects", (), FILE, icon="document-open-recent",
               submenu=True),
    ActionSpec("file.save", "&Save", ("Ctrl+S",), FILE, True, "document-save",
               "SP_DialogSaveButton", tip="Save now (changes are also saved automatically)"),
    ActionSpec("file.export", "&Export…", ("Ctrl+Shift+E",), FILE, icon="document-export",
               tip="Write the project's annotations as training data (jsonl, conll, brat, "
               "spacy, hf)"),
    ActionSpec("file.import", "&Import…", ("Ctrl+Shift+I",), FILE, icon="document-import",
               tip="Bring in annotations from brat, doccano, Label Studio or a jsonl export"),
    ActionSpec("file.quit", "&Quit", ("Ctrl+Q",), FILE, icon="application-exit"),
    ActionSpec("edit.undo", "&Undo", ("Ctrl+Z",), EDIT, True, "edit-undo", "draw:undo",
               tip="Undo the last change to this document's spans"),
    ActionSpec("edit.redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), EDIT, True, "edit-redo",
               "draw:redo", tip="Redo the change just undone"),
    ActionSpec("span.delete", "&Delete span", ("Delete", "Backspace"), ANNOTATE, True,
               "edit-delete", "SP_TrashIcon", tip="Delete the selected span", context="view"),
    ActionSpec("span.note", "Edit &note…", ("F2",), ANNOTATE, icon="document-edit"),
    ActionSpec("span.next", "Ne&xt span", ("Alt+Down",), ANNOTATE, context="view"),
    ActionSpec("span.previous", "Pre&vious span", ("Alt+Up",), ANNOTATE, context="view"),
    ActionSpec("span.start_left", "Move span start left", ("Alt+Shift+Left",), ANNOTATE,
               context="view"),
    ActionSpec("span.start_right", "Move span start right", ("Alt+Shift+Right",), ANNOTATE,
               context="view"),
    ActionSpec("span.end_left", "Move span end left", ("Alt+Left",), ANNOTATE, context="view"),
    ActionSpec("span.end_right", "Move span end right", ("Alt+Right",), ANNOTATE,
               context="view"),
    ActionSpec("span.deselect", "Clear selection", ("Escape",), ANNOTATE, context="view"),
    ActionSpec("annotate.snap", "Snap to &words", ("Ctrl+W",), ANNOTATE, True, checkable=True,
               tip="Widen selections to whole words and drop spaces and punctuation at the edges"),
    ActionSpec("doc.previous", "&Previous document", ("Ctrl+PgUp",), DOCUMENT, True,
               "go-up", "SP_ArrowUp", tip="Open the document above in the list"),
    ActionSpec("doc.next", "&Next document", ("Ctrl+PgDown",), DOCUMENT, True, "go-down",
               "SP_ArrowDown", tip="Open the document below in the list"),
    ActionSpec("doc.done", "Mark &done", ("Ctrl+Return", "Ctrl+Enter"), DOCUMENT, True,
               "emblem-ok", "SP_DialogApplyButton",
               tip="Mark this document done (again to mark it in progress)"),
    ActionSpec("view.zoom_in", "Zoom &in", ("Ctrl+=", "Ctrl++"), VIEW, icon="zoom-in"),
    ActionSpec("view.zoom_out", "Zoom &out", ("Ctrl+-",), VIEW, icon="zoom-out"),
    ActionSpec("view.zoom_reset", "&Reset zoom", ("Ctrl+0",), VIEW, icon="zoom-original"),
    ActionSpec("view.focus_text", "Focus the &text", ("F6",), VIEW),
    ActionSpec("review.mode", "&Review mode", ("Ctrl+Shift+R",), REVIEW, True,
               "edit-find-replace", "SP_FileDialogContentsView", checkable=True,
               tip="Compare annotators on this document and settle the gold version"),
    ActionSpec("review.next", "&Next difference", ("F8",), REVIEW),
    ActionSpec("review.previous", "&Previous difference", ("Shift+F8",), REVIEW),
    ActionSpec("review.accept_a", "Accept &A", ("Ctrl+1",), REVIEW,
               tip="Gold takes A's version of the selected difference"),
    ActionSpec("review.accept_b", "Accept &B", ("Ctrl+2",), REVIEW,
               tip="Gold takes B's version of the selected difference"),
    ActionSpec("review.accept_both", "Accept b&oth", ("Ctrl+3",), REVIEW,
               tip="Gold takes both versions of the selected difference"),
    ActionSpec("review.reject", "Re&ject", ("Ctrl+Delete",), REVIEW,
               tip="Gold takes neither version of the selected difference"),
    ActionSpec("review.edit", "&Edit in gold", ("Ctrl+4",), REVIEW,
               tip="Select the difference's gold span (A's copied in if gold has none) "
               "to relabel it, move its ends or write a note"),
    ActionSpec("review.accept_agreed", "Accept all a&greed", ("Ctrl+Shift+A",), REVIEW,
               tip="Add to gold every span all compared annotators marked identically "
               "(one undo step)"),
)

# Arabic-Indic and Extended Arabic-Indic digits, so label keys 1, 2, 3 also work
# when the keyboard layout types ١ ٢ ٣ or ۱ ۲ ۳.
_DIGIT_TWINS = {str(d): (chr(0x0660 + d), chr(0x06F0 + d)) for d in range(10)}


def label_spec(label: Label) -> ActionSpec:
    keys: tuple[str, ...] = ()
    if label.key:
        keys = (label.key, *_DIGIT_TWINS.get(label.key, ()))
    return ActionSpec(f"label.{label.name}", label.name, keys, ANNOTATE,
                      tip=f"Label the selection as {label.name}, or relabel the selected span")


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
        for spec in specs:
            self.add(spec)

    def add(self, spec: ActionSpec, icon: QIcon | None = None) -> QAction:
        if spec.name in self.actions:
            raise ValueError(f"action {spec.name!r} is declared twice")
        if spec.submenu:
            menu = QMenu(spec.text, self.window)
            menu.setObjectName(f"{spec.name}-menu")
            action = menu.menuAction()
            self.menus[spec.name] = menu
        else:
            action = QAction(spec.text, self.window)
        action.setObjectName(spec.name)
        action.setCheckable(spec.checkable)
        shortcuts = list(spec.shortcuts)
        if self.settings is not None:
            override = self.settings.shortcut_override(spec.name)
            if override is not None:
                shortcuts = override
        sequences = [QKeySequence(s) for s in shortcuts]
        action.setShortcuts(sequences)
        plain = spec.text.replace("&", "").rstrip("…")
        action.setIconText(spec.icon_text or plain)
        tip = spec.tip or plain
        if sequences:
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                             for s in sequences)
            tip = f"{tip} ({keys})"
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
        fallback = QIcon()
        if spec.fallback and spec.fallback.startswith("draw:"):
            fallback = drawn_icon(spec.fallback.removeprefix("draw:"))
        elif spec.fallback:
            pixmap = getattr(QStyle.StandardPixmap, spec.fallback)
            fallback = self.window.style().standardIcon(pixmap)
        if spec.icon:
            return QIcon.fromTheme(spec.icon, fallback)
        return fallback

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
        menus = {title: menubar.addMenu(title) for title in MENUS}
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
