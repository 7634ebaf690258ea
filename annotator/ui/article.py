"""The centre of the window: the article view under its banners, or why a document cannot open.

:class:`ArticleArea` lays out the conflict banner and the file banner above a
stack holding the :class:`~annotator.ui.widgets.article_view.ArticleView` and
the page shown instead when a document cannot be opened (with the broken
banner). It follows the workspace: an opened document's text goes into the
view with its spans highlighted, the cursor at the start and the keyboard
focus on the text; a document that cannot be opened shows the broken page;
no document, an empty view. A document comes back where it was left in this
window (cursor and scroll). A big document's text is shown while its spans are
read (``document_loading``), then its spans join it where the user has scrolled.
What the banners say is decided elsewhere
(:mod:`annotator.ui.files`). Once a document is shown it says so
(``document_shown``), for what refines the view further (review mode).

The view's own settings live here too: its font size (zoom, remembered) and
whether selections snap to whole words (remembered).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from annotator.ui import settings as keys
from annotator.ui.fonts import article_font
from annotator.ui.settings import Settings
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.banner import MessageBanner
from annotator.ui.widgets.decorations import SpanDecorations
from annotator.ui.workspace import Workspace


class ArticleArea(QWidget):
    """Banners over the article view, or the broken page; follows ``workspace``."""

    document_shown = Signal(str)  # the document's text and spans are in the view

    def __init__(self, workspace: Workspace, view: ArticleView, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view = view
        self.settings = settings
        view.setFont(article_font(settings.get(keys.FONT_SIZE)))
        view.snap_words = settings.get(keys.SNAP_TO_WORDS)
        view.zoom_requested.connect(self.zoom)
        self.conflict_banner = MessageBanner("conflict-banner")
        self.file_banner = MessageBanner("file-banner")
        self.broken_banner = MessageBanner("broken-banner")
        self.broken_page = QWidget()
        broken_layout = QVBoxLayout(self.broken_page)
        broken_layout.setContentsMargins(0, 0, 0, 0)
        broken_layout.addWidget(self.broken_banner)
        broken_layout.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.setObjectName("view-stack")
        self.stack.addWidget(view)
        self.stack.addWidget(self.broken_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.file_banner)
        layout.addWidget(self.stack, 1)
        self._shown: str | None = None  # the document whose text the view holds
        # where each document left in this window was read: (cursor offset, scroll value)
        self._places: dict[str, tuple[int, int]] = {}
        workspace.document_loading.connect(self._show_text)
        workspace.document_opened.connect(self._show)
        workspace.document_failed.connect(self._show_broken)
        workspace.document_closed.connect(self._clear)
        workspace.project_changed.connect(lambda _project: self._places.clear())

    def _show(self, doc_id: str) -> None:
        session = self.workspace.session
        if session is None:
            return
        self.stack.setCurrentWidget(self.view)
        shown_already = self.view.text is session.text  # shown while its spans were read
        if not shown_already:
            self._put_text(doc_id, session.text)
        self.view.set_provider(SpanDecorations(session.aset, self.workspace.colors))
        self.document_shown.emit(doc_id)

    def _show_text(self, doc_id: str) -> None:
        loading = self.workspace.loading
        if loading is None:
            return
        self.stack.setCurrentWidget(self.view)
        self._put_text(doc_id, loading.document.text)
        self.view.set_provider(None)

    def _put_text(self, doc_id: str, text: str) -> None:
        """Show ``text``, at the place where ``doc_id`` was left (else at its start)."""
        self._remember_place()
        self.view.set_text(text)
        self._shown = doc_id
        offset, scrolled = self._places.get(doc_id, (0, 0))
        self.view.set_cursor_offset(min(offset, len(text)))
        self.view.verticalScrollBar().setValue(scrolled)
        self.view.setFocus()

    def _remember_place(self) -> None:
        if self._shown is not None:
            self._places[self._shown] = (self.view.cursor_offset(),
                                         self.view.verticalScrollBar().value())
            self._shown = None

    def _show_broken(self, *_args: object) -> None:
        self._remember_place()
        self.view.set_text("")
        self.stack.setCurrentWidget(self.broken_page)

    def _clear(self) -> None:
        self._remember_place()
        self.view.set_text("")
        self.stack.setCurrentWidget(self.view)

    def set_snap(self, on: bool) -> None:
        """Snap selections to whole words (or not), from now on and next time."""
        self.view.snap_words = bool(on)
        self.settings.set(keys.SNAP_TO_WORDS, bool(on))

    def zoom(self, step: int) -> None:
        """Bigger (+1), smaller (-1) or default (0) text; remembered."""
        size = self.settings.get(keys.FONT_SIZE)
        size = keys.FONT_SIZE.default if step == 0 else size + step
        size = max(keys.MIN_FONT_SIZE, min(keys.MAX_FONT_SIZE, size))
        self.settings.set(keys.FONT_SIZE, size)
        self.view.set_font_size(size)
