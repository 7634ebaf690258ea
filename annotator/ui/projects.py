"""File > Open project… and File > Recent projects: the window moves to another project.

- The folder is checked with :func:`annotator.io.project_file.open_project`
  *before* anything changes, so choosing a folder that is not a project (or
  whose ``project.json`` is broken) only says why, naming the folder and each
  problem, and the window stays where it was.
- The open document is then saved the usual way (a conflict or a failed write
  asks first, as when switching documents); review mode is left first.
- The workspace then shows the new project
  (:meth:`~annotator.ui.workspace.Workspace.switch_project`): its labels
  (actions, palette, menus), its document list, the document last opened in
  it. Undo histories of the old project are dropped (they describe its files,
  not these).
- Projects opened are remembered, newest first, in the ``recent/projects``
  setting (:data:`annotator.ui.settings.RECENT_PROJECTS`), and listed in the
  submenu; one that no longer opens is dropped from the list when chosen.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from annotator.core.errors import AnnotatorError
from annotator.io.project_file import open_project
from annotator.ui import settings as keys
from annotator.ui.feedback import Feedback
from annotator.ui.settings import Settings
from annotator.ui.workspace import OK, Workspace

log = logging.getLogger(__name__)

RECENT_LIMIT = 8
MESSAGE_MS = 6000


class ProjectSwitching(QObject):
    """Open project… and the Recent projects submenu (``menu``), for one workspace."""

    def __init__(self, workspace: Workspace, feedback: Feedback, settings: Settings,
                 menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.feedback = feedback
        self.settings = settings
        self.menu = menu
        self.menu.aboutToShow.connect(self.fill_recent)
        self.remember(workspace.project.root)

    # -- the list --------------------------------------------------------------------
    def recent(self) -> list[str]:
        paths: tuple[str, ...] = self.settings.get(keys.RECENT_PROJECTS)
        return list(paths)

    def _store(self, paths: list[str]) -> None:
        self.settings.set(keys.RECENT_PROJECTS, tuple(paths[:RECENT_LIMIT]))
        self.fill_recent()

    def remember(self, root: Path) -> None:
        path = str(Path(root).resolve())
        self._store([path, *(p for p in self.recent() if p != path)])

    def forget(self, path: str) -> None:
        self._store([p for p in self.recent() if p != path])

    def fill_recent(self) -> None:
        """The submenu: every remembered project but the open one, then "Clear the list".

        Entries are named ``recent-project`` (their data: the folder),
        ``recent-none`` and ``recent-clear``.
        """
        self.menu.clear()
        current = str(self.workspace.project.root.resolve())
        others = [p for p in self.recent() if p != current]
        for path in others:
            action = self.menu.addAction(f"{Path(path).name}  —  {path}")
            action.setObjectName("recent-project")
            action.setData(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open(Path(p)))
        if not others:
            none = self.menu.addAction(self.tr("No other recent projects"))
            none.setObjectName("recent-none")
            none.setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction(self.tr("Clear the list"))
        clear.setObjectName("recent-clear")
        clear.setEnabled(bool(others))
        clear.triggered.connect(lambda: self._store([current]))

    # -- opening -----------------------------------------------------------------------
    def open_dialog(self) -> None:
        path = self.feedback.choose_folder(self.tr("Open project"),
                                           str(self.workspace.project.root.parent))
        if path:
            self.open(Path(path))

    def open(self, root: Path) -> bool:
        """Show the project at ``root``; False if the workspace stayed where it was."""
        ws = self.workspace
        try:
            project = open_project(root)
        except AnnotatorError as exc:
            log.warning("cannot open project %s: %s", root, exc)
            recent = str(root.resolve()) in self.recent()
            if recent:
                self.forget(str(root.resolve()))
            text = self.tr("{folder} cannot be opened as a project:\n\n{problems}\n\nA project "
                           "folder holds project.json and a documents/ folder of .txt files "
                           "('annotator init' makes one).").format(
                folder=root, problems="\n".join(f"• {p}" for p in exc.problems))
            if recent:
                text += "\n\n" + self.tr("It was removed from the recent projects.")
            self.feedback.ask("open-project-failed", self.tr("Cannot open project"), text,
                              [(OK, self.tr("OK"))])
            return False
        if project.root.resolve() == ws.project.root.resolve():
            self.feedback.say(self.tr("{name} is already open").format(name=project.name),
                              MESSAGE_MS, "already-open")
            return True
        if not ws.switch_project(project):
            return False
        self.remember(project.root)
        if ws.current_doc_id is None:
            self.feedback.say(self.tr("{name} has no documents yet").format(name=project.name),
                              MESSAGE_MS, "no-documents")
        return True
