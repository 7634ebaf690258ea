"""Link mode: making a relation from the keyboard or with the mouse.

Keyboard (``Ctrl+R`` with a span selected, or "Link to…" in its context menu):

1. *Target.* The nearest span after the source that a relation type can reach
   is proposed, with a dashed arc to it. ``←``/``→`` go to the next span on
   screen that way (in a right-to-left paragraph ``←`` is later in the text),
   ``↓``/``↑`` and ``Tab``/``Shift+Tab`` to the next/previous in the text;
   typing letters goes to the nearest span whose text holds them (normalised
   Arabic: hamza forms, tashkeel and tatweel do not matter). ``Enter`` chooses.
2. *Type.* Only the types whose ends fit the two spans' labels are offered,
   in the status line with their keys; the key makes the relation (or the
   arrows move the bracketed choice and ``Enter`` makes it: this works with
   any keyboard layout). ``Backspace`` goes back to choosing the target. ``Escape`` cancels at any
   time. Changing a relation's type uses the same second step.

Mouse: ``Ctrl`` + drag from a span to another, or, in link mode, a click on
the target; the fitting types then pop up in a menu under the mouse.

A type that already links the same two spans the same way is never offered.
While link mode is on, its instructions are also shown whole in a tooltip-like
hint over the view (:class:`LinkHint`, object name ``link-hint``): the status
line's permanent fields would cut them. Span texts and label names in messages
are isolated (FSI … PDI, :func:`isolated`), so Arabic ends keep their order in
a left-to-right line and Latin ones in a right-to-left line.

While link mode is on, keys without ``Ctrl``/``Alt`` go to it before any
shortcut (a label key like ``1`` or a relation key like ``g`` must not label
anything). Nothing here changes annotations: the relation is handed to
``made`` (or ``retyped``) and pushed as a core edit by the caller.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QWidget

from annotator.core.arabic import normalized
from annotator.core.relation_schema import RelationType, by_key, fitting, from_source
from annotator.core.spans import Span
from annotator.ui.feedback import Feedback
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.decorations import Decoration
from annotator.ui.widgets.relation_arcs import Arc, RelationArcs

PREVIEW_COLOR = "#444444"
TARGET_OVERLAY = "link-target"
PROMPT_MS = 0  # the prompt stays until the next message
HINT_MARGIN = 8  # between the hint and the view's edges


def isolated(text: str) -> str:
    """``text`` in its own direction inside any line (FSI … PDI)."""
    return f"\u2068{text}\u2069"


def arrow() -> str:
    """The arrow from a source to a target as the interface reads: → or, right to left, ←."""
    return "←" if QGuiApplication.isRightToLeft() else "→"


def relation_text(relation_type: str, source: str, target: str) -> str:
    """``giver: “ساعة” → “الرئيس”`` (``←`` right to left), each part isolated: how every
    message names a relation (context ``Relations``)."""
    return QCoreApplication.translate("Relations", "{type}: “{source}” {arrow} “{target}”").format(
        type=isolated(relation_type), source=isolated(source), arrow=arrow(),
        target=isolated(target))


_WATCHED = frozenset({QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress,
                      QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                      QEvent.Type.MouseButtonRelease, QEvent.Type.Resize})


class Step(enum.Enum):
    TARGET = "target"
    TYPE = "type"


@dataclass
class LinkState:
    """Where link mode is: the source, the spans it may reach and the one proposed."""

    source: Span
    candidates: list[Span]
    index: int = 0
    step: Step = Step.TARGET
    typed: str = ""
    retype: str | None = None  # the relation whose type is being changed
    types: list[RelationType] = field(default_factory=list)  # offered in the type step
    type_index: int = 0  # the type Enter chooses (arrows move it: any keyboard layout)

    @property
    def target(self) -> Span | None:
        return self.candidates[self.index] if self.candidates else None


class _TargetOverlay:
    """Boxes the proposed target in the article view."""

    def __init__(self, span: Span) -> None:
        self.span = span

    def decorations(self, start: int, end: int) -> list[Decoration]:
        if self.span.end <= start or end <= self.span.start:
            return []
        return [Decoration(self.span.start, self.span.end, PREVIEW_COLOR, fill=False,
                           underline=False, outline=True)]


def type_menu_text(relation_type: RelationType) -> str:
    """A type's menu entry: its key as the mnemonic when the name holds it, and shown."""
    name = relation_type.name.replace("&", "&&")
    key = relation_type.key
    if key and key.lower() in name.lower():
        at = name.lower().index(key.lower())
        name = f"{name[:at]}&{name[at:]}"
    return f"{name}\t{key}" if key else name


class LinkHint(QLabel):
    """Link mode's instructions, whole, over the bottom (or top) edge of the view."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("link-hint")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setMargin(4)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.avoid_y: float | None = None
        self.hide()

    def show_text(self, text: str, avoid_y: float | None = None) -> None:
        """Show ``text``; at the view's top when ``avoid_y`` (viewport y) is in its lower half."""
        self.setText(text)
        # the interface's direction and font, not the article's (a child of the view)
        self.setLayoutDirection(QGuiApplication.layoutDirection())
        self.setFont(QGuiApplication.font())
        self.avoid_y = avoid_y
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        """Across the view, clear of the proposed target (``avoid_y``)."""
        view = self.parentWidget()
        assert view is not None
        width = max(50, view.width() - 2 * HINT_MARGIN - 16)  # clear of the scroll bar
        height = self.heightForWidth(width)
        lower = self.avoid_y is not None and self.avoid_y > view.height() / 2
        y = HINT_MARGIN if lower else view.height() - height - HINT_MARGIN - 4
        self.setGeometry(HINT_MARGIN, max(0, y), width, height)


class Linking(QObject):
    """The link-mode state machine over ``view``; speaks through ``feedback``."""

    made = Signal(str, str, str)  # source span id, target span id, type
    retyped = Signal(str, str)  # relation id, new type
    active_changed = Signal(bool)

    def __init__(self, view: ArticleView, arcs: RelationArcs, feedback: Feedback,
                 spans: Callable[[], list[Span]], span: Callable[[str], Span | None],
                 types: Callable[[], list[RelationType]],
                 parent: QObject | None = None,
                 linked: Callable[[str, str], set[str]] | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.arcs = arcs
        self.feedback = feedback
        self.spans = spans  # the open document's spans, in text order
        self.span = span  # one of them by id, or None
        self.types = types  # the relation types offered now
        self.linked = linked or (lambda _source, _target: set())  # types linking them already
        self.hint = LinkHint(view)
        self.state: LinkState | None = None
        self.menu: QMenu | None = None  # the types popped up for the mouse
        self._drag_from: Span | None = None
        self._viewport = view.viewport()  # kept: never asked of a view being destroyed
        view.installEventFilter(self)
        self._viewport.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.state is not None

    # -- starting and ending -----------------------------------------------------------
    def start(self, source: Span) -> bool:
        """Enter link mode from ``source``; False (and said why) when nothing can be linked."""
        reachable = from_source(self.types(), source.label)
        if not reachable:
            self.feedback.say(self.tr("No relation type starts at a span labelled {label}")
                              .format(label=isolated(source.label)), 6000, "no-relation-type")
            return False
        candidates = [s for s in self.spans() if s.id != source.id
                      and self.offered(reachable, source, s)]
        if not candidates:
            self.feedback.say(self.tr("No span that “{text}” can be linked to").format(
                text=isolated(source.text)), 6000, "no-link-target")
            return False
        after = [i for i, s in enumerate(candidates) if s.start >= source.start]
        pool = after or list(range(len(candidates)))
        index = min(pool, key=lambda i: abs(candidates[i].start - source.start))
        self.state = LinkState(source, candidates, index)
        self.active_changed.emit(True)
        self._show()
        return True

    def offered(self, types: list[RelationType], source: Span, target: Span,
                ) -> list[RelationType]:
        """The ``types`` that fit ``source`` → ``target`` and do not link them already."""
        taken = self.linked(source.id, target.id)
        return [t for t in fitting(types, source.label, target.label) if t.name not in taken]

    def start_retype(self, relation_id: str, source: Span, target: Span,
                     current: str) -> bool:
        """Choose a new type for a relation (the type step only)."""
        types = [t for t in self.offered(self.types(), source, target) if t.name != current]
        if not types:
            self.feedback.say(self.tr("No other relation type fits {source} → {target}").format(
                source=isolated(source.label), target=isolated(target.label)), 6000,
                "no-relation-type")
            return False
        self.state = LinkState(source, [target], 0, Step.TYPE, retype=relation_id,
                               types=types)
        self.active_changed.emit(True)
        self._show()
        return True

    def cancel(self, say: bool = True) -> None:
        if self.state is None:
            return
        self._end()
        if say:
            self.feedback.say(self.tr("Linking cancelled"), 3000, "link-cancelled")

    def _end(self) -> None:
        self.state = None
        self._drag_from = None
        if self.menu is not None:
            self.menu.close()
            self.menu = None
        self.view.set_overlay(TARGET_OVERLAY, None)
        self.arcs.set_preview(None)
        self.hint.hide()
        self.active_changed.emit(False)

    def choose_type(self, name: str) -> None:
        """Make the relation (or change the type) with the type ``name``."""
        state = self.state
        if state is None or state.target is None:
            return
        source, target, retype = state.source, state.target, state.retype
        self._end()
        if retype is not None:
            self.retyped.emit(retype, name)
        else:
            self.made.emit(source.id, target.id, name)

    def choose_target(self, target: Span) -> None:
        """Go to the type step with ``target`` (must be a candidate)."""
        state = self.state
        if state is None or target not in state.candidates:
            return
        state.index = state.candidates.index(target)
        state.step = Step.TYPE
        state.types = self.offered(self.types(), state.source, target)
        state.type_index = 0
        self._show()

    # -- showing -----------------------------------------------------------------------
    def _show(self) -> None:
        state = self.state
        if state is None or state.target is None:
            return
        source, target = state.source, state.target
        self.view.set_overlay(TARGET_OVERLAY, _TargetOverlay(target))
        name = "?" if state.step is Step.TARGET else "…"
        if state.retype is None:
            self.arcs.set_preview(Arc("", name, PREVIEW_COLOR, (source.start, source.end),
                                      (target.start, target.end), source.id, target.id))
        if not self.view.range_rects(target.start, target.end):
            self.view.set_cursor_offset(target.start)  # scrolls it into view
        if state.step is Step.TARGET:
            code, text = "link-target", self.tr(
                "Link “{source}” to “{target}”: arrows or typing choose another span, Enter "
                "chooses this one, Escape cancels").format(source=isolated(source.text),
                                                          target=isolated(target.text))
        else:
            offered = "   ".join(isolated(
                (f"[{t.key}: {t.name}]" if i == state.type_index else f"{t.key}: {t.name}")
                if t.key else t.name) for i, t in enumerate(state.types))
            code, text = "link-type", self.tr(
                "Relation type from “{source}” to “{target}”: {types} (a key, or arrows and "
                "Enter; Escape cancels)").format(source=isolated(source.text),
                                                 target=isolated(target.text), types=offered)
        self.feedback.say(text, PROMPT_MS, code)
        rects = self.view.range_rects(target.start, target.end)
        self.hint.show_text(text, rects[0].center().y() if rects else None)

    def pop_types(self, at: QPoint) -> QMenu:
        """The type step as a menu at ``at`` (global), for the mouse."""
        state = self.state
        assert state is not None
        menu = QMenu(self.view)
        menu.setObjectName("relation-type-menu")
        for relation_type in state.types:
            action = menu.addAction(type_menu_text(relation_type))
            action.setObjectName(f"relation-type.{relation_type.name}")
            action.triggered.connect(
                lambda _checked=False, name=relation_type.name: self.choose_type(name))
        menu.aboutToHide.connect(self._menu_hidden)
        self.menu = menu
        menu.popup(at)
        return menu

    def _menu_hidden(self) -> None:
        menu = self.menu
        if menu is not None and self.state is not None and self.state.step is Step.TYPE:
            # closed without a choice; a triggered action ends link mode right after this
            QTimer.singleShot(0, lambda: self._maybe_cancel(menu))

    def _maybe_cancel(self, menu: QMenu) -> None:
        if self.menu is menu:
            self.cancel()

    # -- keys ----------------------------------------------------------------------------
    def _move(self, step: int) -> None:
        state = self.state
        assert state is not None
        state.index = (state.index + step) % len(state.candidates)
        self._show()

    def _screen_step(self, key: int) -> int:
        """+1 (later in the text) or -1 for ←/→, by the direction of the proposed span."""
        state = self.state
        assert state is not None and state.target is not None
        rtl = self.view.direction_at(state.target.start) == "rtl"
        left = key == Qt.Key.Key_Left
        return 1 if left == rtl else -1

    def _type_to_find(self, typed: str) -> bool:
        state = self.state
        assert state is not None
        wanted = normalized(typed).casefold()
        matching = [i for i, s in enumerate(state.candidates)
                    if wanted in normalized(s.text).casefold()]
        if not matching:
            self.feedback.say(self.tr("No span to link to holds “{text}”").format(
                text=isolated(typed)),
                              4000, "no-link-target")
            return False
        state.typed = typed
        state.index = min(matching, key=lambda i: abs(state.candidates[i].start
                                                       - state.source.start))
        self._show()
        return True

    def key(self, event: QKeyEvent) -> bool:
        """Handle a key in link mode; True when it was link mode's."""
        state = self.state
        if state is None:
            return False
        key, text = event.key(), event.text()
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if state.step is Step.TARGET:
            return self._target_key(state, key, event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and state.types:
            self.choose_type(state.types[state.type_index % len(state.types)].name)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Right,
                     Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and state.types:
            back = key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab) or (
                key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
                and self._screen_step(key) < 0)
            state.type_index = (state.type_index + (-1 if back else 1)) % len(state.types)
            self._show()
        elif key == Qt.Key.Key_Backspace and state.retype is None:
            state.step = Step.TARGET
            self._show()
        elif text and text.isprintable():
            chosen = by_key(state.types, text)
            if chosen is None:
                self.feedback.say(self.tr("“{key}” is not the key of a type offered").format(
                    key=isolated(text)), 4000, "not-a-type-key")
            else:
                self.choose_type(chosen.name)
        return True

    def _target_key(self, state: LinkState, key: int, event: QKeyEvent) -> bool:
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and state.target is not None:
            self.choose_target(state.target)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._move(self._screen_step(key))
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._move(-1 if shift or key == Qt.Key.Key_Backtab else 1)
        elif key == Qt.Key.Key_Backspace:
            if state.typed:
                typed = state.typed[:-1]
                if typed:
                    self._type_to_find(typed)
                else:
                    state.typed = ""
        elif event.text() and event.text().isprintable() and not event.text().isspace():
            self._type_to_find(state.typed + event.text())
        return True

    # -- events --------------------------------------------------------------------------
    def _span_at(self, point: QPointF) -> Span | None:
        offset = self.view.char_at(point.toPoint())
        keys = [d.key for d in self.view.decorations_at(offset) if d.key is not None]
        return next((span for k in keys if (span := self.span(k)) is not None), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:  # (also: nothing is asked of a widget being destroyed)
            return False
        if kind == QEvent.Type.Resize:
            if watched is self.view and self.hint.isVisible():
                self.hint.place()
            return False
        if watched is self.view and self.state is not None and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)
            if kind == QEvent.Type.ShortcutOverride and (
                    plain or event.key() == Qt.Key.Key_Escape):
                event.accept()  # the key comes to the view as a key press, not a shortcut
                return True
            if kind == QEvent.Type.KeyPress and plain:
                return self.key(event)
            return False
        if watched is self._viewport and isinstance(event, QMouseEvent):
            return self._mouse(event)
        return False

    def _mouse(self, event: QMouseEvent) -> bool:
        kind = event.type()
        left = event.button() == Qt.MouseButton.LeftButton
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if kind == QEvent.Type.MouseButtonPress and left:
            span = self._span_at(event.position())
            state = self.state
            if state is not None and state.step is Step.TARGET and state.retype is None:
                if span is not None and span in state.candidates:
                    self.choose_target(span)
                    self.pop_types(event.globalPosition().toPoint())
                else:  # a click elsewhere ends link mode, and does nothing else
                    self.cancel()
                return True
            if ctrl and span is not None:
                self._drag_from = span
                return True
            return False
        if kind == QEvent.Type.MouseMove and self._drag_from is not None:
            source = self._drag_from
            span = self._span_at(event.position())
            if span is not None and span.id != source.id:
                self.arcs.set_preview(Arc("", "?", PREVIEW_COLOR, (source.start, source.end),
                                          (span.start, span.end), source.id, span.id))
            else:
                self.arcs.set_preview(None)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._drag_from is not None:
            source, self._drag_from = self._drag_from, None
            self.arcs.set_preview(None)
            target = self._span_at(event.position())
            if target is None or target.id == source.id:
                return True
            self.drop(source, target, event.globalPosition().toPoint())
            return True
        return False

    def drop(self, source: Span, target: Span, at: QPoint) -> QMenu | None:
        """A drag from ``source`` ended on ``target``: offer the fitting types under the mouse."""
        types = self.offered(self.types(), source, target)
        if not types:
            self.feedback.say(self.tr("No relation type goes from {source} to {target}")
                              .format(source=isolated(source.label),
                                      target=isolated(target.label)), 6000, "no-relation-type")
            return None
        self.state = LinkState(source, [target], 0, Step.TYPE, types=types)
        self.active_changed.emit(True)
        self._show()
        return self.pop_types(at)
