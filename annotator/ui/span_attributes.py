"""The Attributes panel: the selected span's attributes, changed through the undo stack.

:class:`SpanAttributes` follows the workspace (documents opened and closed,
spans changed, labels reloaded) and the view's selected span, and shows that
span in an :class:`~annotator.ui.widgets.attributes_editor.AttributesEditor`
with the attribute schema of its label. A value chosen there becomes
:func:`annotator.core.edits.set_attributes`, pushed like every other span
edit (:meth:`annotator.ui.annotate.Annotating.push`): one undo step per value,
a document marked done is reopened. ``span.attributes`` (F4) focuses it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from annotator.core.attribute_schema import attribute_schema
from annotator.core.edits import set_attributes
from annotator.ui.annotate import Annotating
from annotator.ui.feedback import Feedback
from annotator.ui.tables import SpanList
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.attributes_editor import AttributesEditor
from annotator.ui.workspace import Workspace

MESSAGE_MS = 6000


class SpanAttributes(QObject):
    """The editor (``editor``) of the selected span's attributes, for one window."""

    def __init__(self, workspace: Workspace, view: ArticleView, spans: SpanList,
                 annotating: Annotating, feedback: Feedback,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.view = view
        self.annotating = annotating
        self.feedback = feedback
        self.editor = AttributesEditor()
        self.dock: QDockWidget | None = None  # set by the window once docked
        view.selected_key_changed.connect(self.refresh)  # a click in the text
        # a selection made by a command (Alt+↓, a new span) shows as the table's current row
        spans.table.selectionModel().currentRowChanged.connect(self.refresh)
        for signal in (ws.spans_changed, ws.document_opened, ws.document_closed,
                       ws.document_failed, ws.labels_changed, ws.project_changed):
            signal.connect(self.refresh)
        self.editor.value_chosen.connect(self.choose)
        self.editor.leave_requested.connect(view.setFocus)

    def refresh(self, *_args: object) -> None:
        session = self.workspace.session
        span_id = self.view.selected_key
        span = session.aset.get(span_id) if session is not None and span_id else None
        declared = attribute_schema(self.workspace.project).get(span.label) \
            if span is not None else None
        self.editor.show_span(span, declared)

    def choose(self, span_id: str, name: str, value: str | None) -> None:
        """Give the span ``value`` for attribute ``name`` (None: remove it), as one edit."""
        session = self.workspace.session
        if session is None or span_id not in session.aset:
            return
        span = session.aset.span(span_id)
        attributes = dict(span.attributes or {})
        if value is None:
            attributes.pop(name, None)
        else:
            attributes[name] = value
        if attributes == dict(span.attributes or {}):
            return
        self.annotating.push(set_attributes(session.aset, span_id, attributes))
        self.refresh()

    def focus(self) -> None:
        """F4: show the panel and put the focus on the first attribute of the selected span."""
        session = self.workspace.session
        span_id = self.view.selected_key
        if session is None and self.workspace.say_if_reading():
            return
        if session is None or span_id is None or span_id not in session.aset:
            self.feedback.say(self.tr("No span selected: click a span, or use Alt+↓ / Alt+↑"),
                              MESSAGE_MS, "no-span-selected")
            return
        self.refresh()
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()
        if not self.editor.focus_first():
            label = session.aset.span(span_id).label
            self.feedback.say(self.tr("{label} has no attributes (Project > Labels and "
                                      "relations… adds some)").format(label=label),
                              MESSAGE_MS, "no-attributes")
