"""Every remembered preference, declared once with its key, default, type and label.

``QSettings`` returns strings on some platforms and the right types on others;
reading through :class:`Settings` always gives the declared type and falls back
to the default when a stored value cannot be read. Tests hand in a
``QSettings`` over a temporary file so they never touch the user's settings.

Labels are marked for translation (context ``Settings``) and translated where
they are shown: ``QCoreApplication.translate("Settings", setting.label)``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from annotator.ui.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: where it is stored, its default, and what it is called."""

    key: str
    default: T
    label: str


ANNOTATOR = Setting("annotator/name", "", QT_TRANSLATE_NOOP("Settings", "Your annotator name"))
FONT_SIZE = Setting("view/font_size", 16.0, QT_TRANSLATE_NOOP("Settings", "Text size (points)"))
SNAP_TO_WORDS = Setting("annotate/snap_to_words", True,
                        QT_TRANSLATE_NOOP("Settings", "Snap selections to whole words"))
AUTOSAVE_MS = Setting("save/autosave_delay_ms", 800,
                      QT_TRANSLATE_NOOP("Settings", "Autosave delay after a change (ms)"))
GEOMETRY = Setting("window/geometry", b"", QT_TRANSLATE_NOOP("Settings", "Window geometry"))
WINDOW_STATE = Setting("window/state", b"", QT_TRANSLATE_NOOP("Settings", "Docks and toolbars"))
# A right-to-left window has its docks on the other sides: its layout is kept apart.
WINDOW_STATE_RTL = Setting("window/state_rtl", b"",
                           QT_TRANSLATE_NOOP("Settings", "Docks and toolbars (right to left)"))
RECENT_PROJECTS: Setting[tuple[str, ...]] = Setting(
    "recent/projects", (), QT_TRANSLATE_NOOP("Settings", "Recently opened projects (newest first)"))
# "" follows the system's language; otherwise one of LANGUAGES. Read once at start-up.
LANGUAGE = Setting("view/language", "",
                   QT_TRANSLATE_NOOP("Settings", "Language of the interface (after a restart)"))

# Team sync through git (File > Sync): every so many minutes (0: never), and when closing.
SYNC_EVERY_MINUTES = Setting("sync/every_minutes", 0, QT_TRANSLATE_NOOP(
    "Settings", "Sync with the team every so many minutes (0: only when asked)"))
SYNC_ON_CLOSE = Setting("sync/on_close", False,
                        QT_TRANSLATE_NOOP("Settings", "Sync with the team when closing"))
# The document list shows only the documents project.json assigns to the user.
ASSIGNED_ONLY = Setting("documents/assigned_only", False,
                        QT_TRANSLATE_NOOP("Settings", "List only the documents assigned to me"))
# View > Show suggestions: machine suggestions drawn as dashed boxes in the text.
SHOW_SUGGESTIONS = Setting("view/show_suggestions", True,
                           QT_TRANSLATE_NOOP("Settings", "Show machine suggestions in the text"))
# Annotate > Suggest… with a trained model: the model folder chosen last.
SUGGEST_MODEL = Setting("suggest/model_folder", "",
                        QT_TRANSLATE_NOOP("Settings", "Model folder last used for suggestions"))

ALL: tuple[Setting[Any], ...] = (ANNOTATOR, FONT_SIZE, SNAP_TO_WORDS, AUTOSAVE_MS, GEOMETRY,
                                 WINDOW_STATE, WINDOW_STATE_RTL, RECENT_PROJECTS, LANGUAGE,
                                 SYNC_EVERY_MINUTES, SYNC_ON_CLOSE, ASSIGNED_ONLY,
                                 SHOW_SUGGESTIONS, SUGGEST_MODEL)

# The interface languages, each named in itself (a reader of the other language still
# finds their own). English is the source language: it needs no translation file.
LANGUAGES: dict[str, str] = {"ar": "العربية", "en": "English"}

MIN_FONT_SIZE = 8.0
MAX_FONT_SIZE = 48.0


def _convert(value: Any, default: T) -> T:
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
        return bool(value)  # type: ignore[return-value]
    if isinstance(default, bytes):
        if isinstance(value, QByteArray):
            return bytes(value.data())  # type: ignore[return-value]
        if isinstance(value, bytes | bytearray):
            return bytes(value)  # type: ignore[return-value]
        return default
    if isinstance(default, tuple):  # a list of strings (INI gives a lone one as a string)
        if isinstance(value, str):
            return (value,) if value else ()  # type: ignore[return-value]
        if isinstance(value, list | tuple):
            return tuple(str(item) for item in value)  # type: ignore[return-value]
        return default
    if isinstance(default, int | float | str):
        return type(default)(value)
    return value  # type: ignore[no-any-return]


class Settings:
    """Typed access to a ``QSettings`` store."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    @classmethod
    def at(cls, path: str) -> Settings:
        """Settings kept in an INI file at ``path`` (tests, portable installs)."""
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, setting: Setting[T]) -> T:
        value = self.store.value(setting.key)
        if value is None:
            return setting.default
        try:
            return _convert(value, setting.default)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        stored: Any = QByteArray(value) if isinstance(value, bytes) else value
        if isinstance(value, tuple):
            stored = list(value)
        self.store.setValue(setting.key, stored)

    def sync(self) -> None:
        self.store.sync()

    # -- keyed preferences ---------------------------------------------------------
    @staticmethod
    def _project_key(project_root: str) -> str:
        return hashlib.sha1(project_root.encode("utf-8")).hexdigest()[:16]

    def last_document(self, project_root: str) -> str | None:
        value = self.store.value(f"projects/{self._project_key(project_root)}/last_document")
        return str(value) if value else None

    def set_last_document(self, project_root: str, doc_id: str) -> None:
        self.store.setValue(f"projects/{self._project_key(project_root)}/last_document", doc_id)

    def shortcut_override(self, action_name: str) -> list[str] | None:
        """The user's shortcuts for an action, or None for the declared defaults."""
        value = self.store.value(f"shortcuts/{action_name}")
        if value is None:
            return None
        if isinstance(value, str):
            return [part for part in value.split(";") if part] if value else []
        return [str(part) for part in value]
