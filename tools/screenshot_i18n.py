"""Screenshots of the window's menus and dialogs in one language (run by screenshot_i18n.sh).

Drives the real window on an X server (Xvfb with openbox) through its objects,
not through keys, so that it works whatever the language's mnemonics are:
the View menu with its Language submenu, the message after choosing a
language, File > Export… after a CoNLL export with a split, and File > Import…
after a refused doccano import (UTF-16 offsets, an unknown label) for an
Arabic annotator name. Each shot is the whole screen, as a user sees it.

    python tools/screenshot_i18n.py WORK OUT LANG SUFFIX
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from annotator.io.exporting import ExportOptions
from annotator.io.importing import ImportOptions
from annotator.io.project_file import open_project
from annotator.ui.app import application, install_language
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.dialogs.import_dialog import ImportDialog
from annotator.ui.dialogs.run_dialog import RunDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def settle(seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(out: Path, name: str) -> None:
    settle()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(str(out / name))
    print(f"wrote {out / name}")


def run(dialog: RunDialog) -> None:
    """Press the dialog's main button and wait until the run has ended."""
    button = dialog.import_button if isinstance(dialog, ImportDialog) else \
        dialog.export_button  # type: ignore[attr-defined]
    button.click()
    for _ in range(500):
        settle(0.05)
        if not dialog.running:
            break


def main() -> int:
    work, out, language, suffix = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    app = application()
    install_language(language, app)
    settings = Settings.at(str(work / "settings.ini"))
    window = MainWindow(open_project(work / "project"), "amal", settings,
                        "01-kim-leaves-russia")
    window.move(0, 0)
    window.resize(1280, 870)
    window.show()
    window.activateWindow()
    settle(1.5)

    # 1. View > Language, open
    bar = window.menuBar()
    view = bar.findChild(QMenu, "view-menu")
    assert view is not None
    view.popup(bar.mapToGlobal(bar.actionGeometry(view.menuAction()).bottomLeft()))
    settle()
    languages = window.registry.submenu("view.language")
    view.setActiveAction(languages.menuAction())
    item = view.actionGeometry(languages.menuAction())
    languages.popup(view.mapToGlobal(QPoint(item.left() if app.isRightToLeft() else item.right(),
                                            item.top())))
    shoot(out, f"menu-language{suffix}.png")
    languages.close()
    view.close()

    # 2. the message after choosing the other language (the window keeps its own)
    other = "en" if language == "ar" else "ar"
    window.registry.languages[other].trigger()
    shoot(out, f"language-restart{suffix}.png")
    box = window.findChild(QMessageBox, "language-restart")
    if box is not None:
        box.close()

    # 3. File > Export…: amal's annotations as CoNLL with a split
    window.registry["file.export"].trigger()
    settle()
    export = window.findChild(ExportDialog)
    assert export is not None
    export.set_options(ExportOptions("conll", work / "export", "amal",
                                     split=(("train", 0.8), ("dev", 0.1), ("test", 0.1))))
    run(export)
    shoot(out, f"export-dialog{suffix}.png")
    export.close()
    settle()

    # 4. File > Import…: a doccano file with UTF-16 offsets and an unknown label, refused
    window.registry["file.import"].trigger()
    settle()
    imports = window.findChild(ImportDialog)
    assert imports is not None
    imports.set_options(ImportOptions("doccano", work / "doccano.jsonl", annotator="سلمى"))
    run(imports)
    shoot(out, f"import-dialog{suffix}.png")
    imports.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
