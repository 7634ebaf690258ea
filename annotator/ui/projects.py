"""File > Open project… and File > Recent projects: the window moves to another project.

- The folder is checked with :func:`annotator.io.project_file.open_project`
  *before* anything changes, so choosing a folder that is not a project (or
  whose ``project.json`` is broken) only says why, naming the folder and each
  problem, and the window stays where it was.
- The open document is then saved the usual way (a conflict or a failed write
  asks first, as when switching documents); review mode is left first.
- The same window then shows the new project: its labels (actions, palette,
  menus), its document list, the document last opened in it. Undo histories
  of the old project are dropped (they describe its files, not these).
- Projects opened are remembered, newest first, in the ``recent/projects``
  setting (:data:`annotator.ui.settings.RECENT_PROJECTS`), and listed in the
  submenu; one that no longer opens is dropped from the list when chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.io.project_file import open_project
from annotator.ui import settings as keys
from annotator.ui.dialogs.transfer import refresh_labels

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RECENT_LIMIT = 8
MESSAGE_MS = 6000


def choose_folder(window: MainWindow, title: str, start: str) -> str | None:
    """Ask for a folder (the window's ``choose_folder``, which tests replace)."""
    path = QFileDialog.getExistingDirectory(window, title, start)
    return path or None


class ProjectSwitching:
    """The window's Open project… command and its Recent projects submenu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.registry.connect("file.open_project", self.open_dialog)
        self.menu = window.registry.submenu("file.recent")
        self.menu.aboutToShow.connect(self.fill_recent)
        self.remember(window.project.root)

    # -- the list --------------------------------------------------------------------
    def recent(self) -> list[str]:
        paths: tuple[str, ...] = self.window.settings.get(keys.RECENT_PROJECTS)
        return list(paths)

    def _store(self, paths: list[str]) -> None:
        self.window.settings.set(keys.RECENT_PROJECTS, tuple(paths[:RECENT_LIMIT]))
        self.fill_recent()

    def remember(self, root: Path) -> None:
        path = str(Path(root).resolve())
        self._store([path, *(p for p in self.recent() if p != path)])

    def forget(self, path: str) -> None:
        self._store([p for p in self.recent() if p != path])

    def fill_recent(self) -> None:
        """The submenu: every remembered project but the open one, then "Clear"."""
        self.menu.clear()
        current = str(self.window.project.root.resolve())
        others = [p for p in self.recent() if p != current]
        for path in others:
            action = self.menu.addAction(f"{Path(path).name}  —  {path}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open(Path(p)))
        if not others:
            self.menu.addAction("No other recent projects").setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction("Clear the list")
        clear.setEnabled(bool(others))
        clear.triggered.connect(lambda: self._store([current]))

    # -- opening -----------------------------------------------------------------------
    def open_dialog(self) -> None:
        w = self.window
        path = w.choose_folder("Open project", str(w.project.root.parent))
        if path:
            self.open(Path(path))

    def open(self, root: Path) -> bool:
        """Show the project at ``root`` in the window; False if it stayed where it was."""
        w = self.window
        try:
            project = open_project(root)
        except AnnotatorError as exc:
            recent = str(root.resolve()) in self.recent()
            if recent:
                self.forget(str(root.resolve()))
            w.ask("error", "Cannot open project",
                  f"{root} cannot be opened as a project:\n\n"
                  + "\n".join(f"• {p}" for p in exc.problems)
                  + "\n\nA project folder holds project.json and a documents/ folder of .txt "
                  "files ('annotator init' makes one)."
                  + ("\n\nIt was removed from the recent projects." if recent else ""), ["OK"])
            return False
        if project.root.resolve() == w.project.root.resolve():
            w.statusBar().showMessage(f"{project.name} is already open", MESSAGE_MS)
            return True
        if w.review.active:
            w.review.set_active(False)
            if w.review.active:
                return False
        if w.session is not None and not w.files.leave_current():
            return False
        self._show(project)
        return True

    def _show(self, project: Project) -> None:
        w = self.window
        w.close_document()
        w.undo_history.clear()
        w.project = project
        w.colors = {label.name: label.color for label in project.labels}
        refresh_labels(w)
        w.review.panel.set_label_colors(list(w.colors.values()))
        w.doc_model.project = project
        w.doc_model.reload()
        self.remember(project.root)
        if not w.open_first_document():
            w.statusBar().showMessage(f"{project.name} has no documents yet", MESSAGE_MS)
        w._update_title()
        w._update_status()
