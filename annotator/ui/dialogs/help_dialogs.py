"""Help > Keyboard shortcuts (F1) and Help > About.

The shortcuts dialog is built from the window's
:class:`~annotator.ui.actions.ActionRegistry`: every command it holds (label
keys included, as the project defines them, and the user's overrides from
settings), its menu and its keys, so it can never disagree with what the keys
do. A filter line narrows the list by command, menu or key. Keys are set in a
left-to-right isolate, so ``Ctrl+Shift+X`` reads the same in the Arabic
interface.

About names the version of Annotator, of Qt and of PySide6 (what a bug
report needs) and the licences.
"""

from __future__ import annotations

import platform
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.ui.actions import ActionRegistry, keys_text
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.table import Index, RowTableModel
from annotator.ui.widgets.bidi_delegate import BidiDelegate

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the action's name (``span.delete``)


def _plain(text: str) -> str:
    """A menu or action text without its mnemonic ``&`` and trailing ``…``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class ShortcutsModel(RowTableModel):
    """One row per command of the registry: what it is called, its menu, its keys."""

    COL_COMMAND, COL_MENU, COL_KEYS = range(3)
    CONTEXT = "ShortcutsModel"
    HEADERS = (QT_TRANSLATE_NOOP("ShortcutsModel", "Command"),
               QT_TRANSLATE_NOOP("ShortcutsModel", "Menu"),
               QT_TRANSLATE_NOOP("ShortcutsModel", "Keys"))

    def __init__(self, registry: ActionRegistry, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []  # name, command, menu, keys
        for name, spec in registry.specs.items():
            if spec.submenu:
                continue
            action = registry[name]
            menu = _plain(QCoreApplication.translate("Menus", spec.menu)) if spec.menu else ""
            sequences = action.shortcuts()
            keys = keys_text(sequences) if sequences else ""
            self._rows.append((name, _plain(action.text()), menu, keys))

    def names(self) -> list[str]:
        return [row[0] for row in self._rows]

    def keys_of(self, name: str) -> str:
        """The keys shown for action ``name`` (portable text, without the isolate marks)."""
        for row in self._rows:
            if row[0] == name:
                return row[3].strip("\u2066\u2069")
        raise KeyError(name)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column() + 1]
        if role == NAME_ROLE:
            return row[0]
        return None


class ShortcutsDialog(QDialog):
    """Every command and its keys, filterable."""

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        self.model = ShortcutsModel(registry, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcuts-filter")
        self.filter.setPlaceholderText(self.tr("Filter by command, menu or key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("shortcuts-table")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(BidiDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ShortcutsModel.COL_COMMAND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ShortcutsModel.COL_MENU,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ShortcutsModel.COL_KEYS,
                                    QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("In the find bar: Enter and Shift+Enter step through the "
                              "matches, Escape closes it. Shortcuts can be changed in the "
                              "settings file, under [shortcuts]."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.filter.setFocus()

    def shown_names(self) -> list[str]:
        """Names of the actions listed now (after the filter)."""
        return [str(self.proxy.index(row, 0).data(NAME_ROLE))
                for row in range(self.proxy.rowCount())]


def versions() -> dict[str, str]:
    """What About shows: Annotator's, Qt's, PySide6's and Python's versions."""
    return {"annotator": __version__, "qt": qVersion(), "pyside6": PySide6.__version__,
            "python": platform.python_version()}


class AboutDialog(QDialog):
    """Annotator's version, the versions of Qt and PySide6 it runs on, and the licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("About Annotator"))
        found = versions()
        title = QLabel(self.tr("<b>Annotator</b> {version}").format(version=found["annotator"]))
        title.setObjectName("about-version")
        purpose = QLabel(self.tr("Label spans in Arabic news articles to make NLP training "
                                 "data."))
        purpose.setWordWrap(True)
        runtime = QLabel(self.tr("Qt {qt} · PySide6 {pyside6} · Python {python}").format(
            qt=found["qt"], pyside6=found["pyside6"], python=found["python"]))
        runtime.setObjectName("about-runtime")
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licence = QLabel(self.tr("Licence: MIT. The bundled fonts: SIL Open Font License 1.1. "
                                 "Qt and PySide6: LGPLv3."))
        licence.setObjectName("about-licence")
        licence.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, purpose, runtime, licence, buttons):
            layout.addWidget(widget)



class HelpDialogs(QObject):
    """Opens the Help menu's dialogs over ``window`` (one of each at a time, not modal)."""

    def __init__(self, registry: ActionRegistry, window: QWidget) -> None:
        super().__init__(window)
        self.registry = registry
        self.window = window
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        """The shortcuts as the registry holds them now (label keys change with projects)."""
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        dialog = self.shortcuts_dialog = ShortcutsDialog(self.registry, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget("shortcuts_dialog", dialog))
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        if self.about_dialog is None:
            dialog = self.about_dialog = AboutDialog(self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: self._forget("about_dialog", dialog))
        self.about_dialog.show()
        self.about_dialog.raise_()
        return self.about_dialog

    def _forget(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)
