"""Starting the window: the Qt application, fonts, the sample project, the annotator's name.

``annotator`` with no arguments opens the bundled sample project. The package
is never written to: on first run the sample is copied into the user's data
folder (``<GenericDataLocation>/annotator/sample-project``, e.g.
``~/.local/share/annotator/sample-project``) and opened from there. Not
``AppDataLocation``: with the organization and the application both named
"Annotator" (which ``QSettings`` needs) that is ``.../Annotator/Annotator``; a
sample copied there by an earlier version is moved over once, with the work
in it. The
annotator's name is asked once and remembered in ``QSettings``;
``--annotator`` overrides it for one run (and is remembered if none was).

The interface language is ``--lang`` if given, else the one chosen in View >
Language (saved in settings), else the system's (Arabic when the system's
languages put Arabic before English, English otherwise). Arabic loads
``resources/i18n/annotator_ar.qm`` (compiled from ``annotator_ar.ts`` by
``tools/update_translations.sh``, and committed) and Qt's own ``qtbase_ar.qm``
for the standard dialogs' buttons, and mirrors the whole window
(``QApplication.setLayoutDirection``); the article view sets each paragraph's
direction itself, so it is the same in either language.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.cli import UsageError
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import name_problem
from annotator.io.project_file import open_project
from annotator.resources_path import resource_path
from annotator.ui import settings as keys
from annotator.ui.fonts import load_fonts
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.memory import map_big_blocks_apart
from annotator.ui.settings import Settings

log = logging.getLogger(__name__)

APP_NAME = "Annotator"  # QSettings' application and organization: never translated
ORG_NAME = "Annotator"
# the name the user sees (window titles, the first-run question), translated
DISPLAY_NAME = QT_TRANSLATE_NOOP("App", "Annotator")
DATA_FOLDER = "annotator"
SAMPLE_FOLDER = "sample-project"
TRANSLATIONS = "i18n"  # resources/i18n/annotator_<language>.qm

_translators: list[QTranslator] = []  # installed by install_language, removed by the next call


def application() -> QApplication:
    """The running ``QApplication`` (created if needed), named and with the fonts loaded."""
    map_big_blocks_apart()  # see annotator.ui.memory
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "annotator"])
    assert isinstance(app, QApplication), "a QCoreApplication without widgets is running"
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    # Wayland shells match the window to packaging/linux's desktop entry (and icon) by this
    app.setDesktopFileName("org.annotator.Annotator")
    app.setApplicationDisplayName(QCoreApplication.translate("App", DISPLAY_NAME))
    load_fonts()
    return app


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first of the system's interface languages that Annotator speaks; else English.

    ``ui_languages``: BCP 47 tags in order of preference (default: the system
    locale's, e.g. ``["ar-EG", "ar", "en-US"]``).
    """
    tags = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for tag in tags:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in keys.LANGUAGES:
            return code
    return "en"


def choose_language(settings: Settings, given: str | None = None,
                    system: Callable[[], str] = system_language) -> str:
    """``--lang`` if given, else the language chosen in View > Language, else the system's."""
    if given is not None:
        if given not in keys.LANGUAGES:
            raise UsageError(f"no interface language {given!r} (there are: "
                             f"{', '.join(keys.LANGUAGES)})")
        return given
    chosen = settings.get(keys.LANGUAGE)
    return chosen if chosen in keys.LANGUAGES else system()


def translation_file(language: str) -> Path:
    """Annotator's compiled translation into ``language`` (may not exist)."""
    return resource_path(f"{TRANSLATIONS}/annotator_{language}.qm")


def install_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Show the interface in ``language`` from now on, laid out in its direction.

    Widgets take their texts when they are built, so this is called before the
    window is. A language installed earlier is removed first (tests switch).
    Returns False, leaving the interface English and left to right, when the
    translation file is missing. Qt's own translation (``qtbase_<language>.qm``,
    the buttons of standard dialogs) is loaded when the Qt installation has it;
    without it those buttons stay English.
    """
    app = app or QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    _translators.clear()
    ok = True
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(translation_file(language))):
            app.installTranslator(ours)
            _translators.append(ours)
            qt = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", folder):
                app.installTranslator(qt)
                _translators.append(qt)
            else:
                log.info("Qt's %s translation is not in %s: standard buttons stay English",
                         language, folder)
        else:
            log.warning("no %s translation at %s: the interface stays English", language,
                        translation_file(language))
            ok = False
    direction = QLocale(language).textDirection() if ok else Qt.LayoutDirection.LeftToRight
    if isinstance(app, QApplication):
        app.setLayoutDirection(direction)
        app.setApplicationDisplayName(QCoreApplication.translate("App", DISPLAY_NAME))
    return ok


def data_dir() -> Path:
    """The app's own data folder, e.g. ``~/.local/share/annotator`` (one level, one name)."""
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation)
    if not location:
        raise AnnotatorError(Problem("bad-project", "no writable data folder for the sample"))
    return Path(location) / DATA_FOLDER


def legacy_sample() -> Path | None:
    """Where versions before this one copied the sample (``AppDataLocation``: doubled name)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / SAMPLE_FOLDER if location else None


def _move_legacy(legacy: Path, target: Path) -> Path:
    """Move an earlier copy of the sample (and the user's work in it) to ``target``.

    Returns where the sample now is: ``legacy`` itself if it cannot be moved.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        legacy.rename(target)
    except OSError:
        return legacy
    for folder in (legacy.parent, legacy.parent.parent):  # .../Annotator/Annotator, if empty
        try:
            folder.rmdir()
        except OSError:
            break
    return target


def sample_project(base: Path | None = None, legacy: Path | None = None) -> Path:
    """The user's copy of the sample project, copied from the package on first use.

    ``base``: the data folder (default :func:`data_dir`); ``legacy``: an earlier
    copy to move there instead of copying afresh (default :func:`legacy_sample`
    when ``base`` is not given).
    """
    if base is None:
        base, legacy = data_dir(), legacy or legacy_sample()
    target = base / SAMPLE_FOLDER
    if (target / "project.json").is_file():
        return target
    if legacy is not None and legacy != target and (legacy / "project.json").is_file() \
            and not target.exists():
        return _move_legacy(legacy, target)
    source = resource_path("sample")
    if not (source / "project.json").is_file():
        raise AnnotatorError(Problem("bad-project", "the sample project is missing from this "
                                     "installation", file=str(source)))
    target.parent.mkdir(parents=True, exist_ok=True)
    # Copy into a temporary folder first, so an interrupted copy never looks complete.
    staging = Path(tempfile.mkdtemp(prefix=".sample-", dir=target.parent))
    try:
        shutil.copytree(source, staging / "project",
                        ignore=shutil.ignore_patterns("__pycache__", "__init__.py", "*.pyc"))
        if target.exists():
            shutil.rmtree(target)
        (staging / "project").rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def name_dialog(prompt: str, existing: Sequence[str] = ()) -> QInputDialog:
    """The question for the annotator's name: a line, offering ``existing`` names to pick.

    The line starts empty, so a newcomer does not take someone else's name by
    pressing Enter; the names of the project's annotators are in its list.
    """
    dialog = QInputDialog()
    dialog.setObjectName("annotator-name")
    dialog.setWindowTitle(QCoreApplication.translate("App", DISPLAY_NAME))
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setLabelText(prompt)
    if existing:
        dialog.setComboBoxItems(list(existing))
        dialog.setComboBoxEditable(True)
    dialog.setTextValue("")
    return dialog


def ask_name(existing: Sequence[str] = ()) -> str | None:
    """Ask for the annotator's name until it is a valid one (None if cancelled).

    ``existing``: the project's annotators, offered to pick from.
    """
    prompt = QCoreApplication.translate("App", "Your name, as it will appear on your annotation "
                                               "files:") if not existing else \
        QCoreApplication.translate("App", "Your name, as it will appear on your annotation "
                                          "files (pick it if you already annotate this "
                                          "project):")
    while True:
        dialog = name_dialog(prompt, existing)
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        name = dialog.textValue()
        dialog.deleteLater()
        if not ok:
            return None
        name = name.strip()
        problem = name_problem(name, "the name")
        if problem is None:
            return name
        prompt = QCoreApplication.translate("App", "Please choose another name: {problem}.")
        prompt = prompt.format(problem=problem)


def resolve_annotator(settings: Settings, given: str | None,
                      ask: Callable[[], str | None] = ask_name) -> str | None:
    """``--annotator`` if given, else the remembered name, else ask once and remember."""
    if given is not None:
        problem = name_problem(given, "annotator name")
        if problem is not None:
            raise UsageError(problem)
        if not settings.get(keys.ANNOTATOR):
            settings.set(keys.ANNOTATOR, given)
        return given
    remembered = settings.get(keys.ANNOTATOR)
    if remembered and name_problem(remembered) is None:
        return remembered
    name = ask()
    if name is not None:
        settings.set(keys.ANNOTATOR, name)
    return name


def run_app(project: Path | str | None, annotator: str | None = None,
            doc_id: str | None = None, settings: Settings | None = None,
            language: str | None = None) -> int:
    """Open the window on ``project`` (default: the sample) and run until it closes.

    ``language``: ``--lang`` (``ar``/``en``), for this run only.
    """
    from annotator.ui.main_window import MainWindow

    app = application()
    settings = settings or Settings()
    install_language(choose_language(settings, language), app)
    root = Path(project) if project is not None else sample_project()
    opened = open_project(root)
    if doc_id is not None and doc_id not in opened.doc_ids():
        raise UsageError(f"no document {doc_id!r} in {root} (it has: "
                         f"{', '.join(opened.doc_ids()) or 'none'})")
    name = resolve_annotator(settings, annotator, lambda: ask_name(opened.annotators()))
    if name is None:
        print("annotator: no annotator name given; nothing opened", file=sys.stderr)
        return 1
    window = MainWindow(opened, name, settings, doc_id)
    window.show()
    return int(app.exec())
