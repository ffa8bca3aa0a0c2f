"""One read-only pane per source: a header and the source text, with marks painted over it.

The text is set once and never rewritten: roles (headings, boilerplate) are
character formats on the document, and findings, links and the current link are
``QTextEdit.ExtraSelection``s built from spans, set together in draw order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QHelpEvent, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from comparer.core.engine.model import Claim, Source, Span
from comparer.gui.marks import Mark
from comparer.gui.overview import Band, Overview, overview_bands
from comparer.gui.palette import current_format, linked_format, mark_format, student_format


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "'’-"


def snap_to_words(text: str, span: Span) -> Span | None:
    """``span`` grown to the whole words it touches and trimmed of spaces and punctuation at its
    ends; ``None`` when it holds no word at all."""
    start, end = max(0, span.start), min(len(text), span.end)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if start >= end:
        return None
    while start > 0 and _is_word(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word(text[end]):
        end += 1
    while start < end and not text[start].isalnum():  # a dash or apostrophe the growing took in
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Span(start, end)


def header_text(source: Source) -> str:
    """The pane header: title, then outlet · date · id."""
    title = source.title or source.path.rsplit("/", 1)[-1]
    parts = [
        source.outlet or "outlet unknown",
        source.published.isoformat() if source.published else "date unknown",
    ]
    parts.append(f"source {source.id}")
    return f"{title}\n{' · '.join(parts)}"


class SourceView(QTextEdit):
    """The text of one source; reports clicks on claims and shows tooltips for marks.

    ``menu_requested(menu, pos)`` is emitted before the context menu opens, with the menu and the
    character under the mouse, so that others can add commands to it.
    """

    claim_clicked = Signal(str)
    blank_clicked = Signal()
    menu_requested = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._claims: list[Claim] = []
        self._starts: list[int] = []
        self._marks: list[Mark] = []
        self._press: QPoint | None = None
        self.viewport().installEventFilter(self)

    def set_claims(self, claims: list[Claim]) -> None:
        """The claims of this source (sorted by start), for clicks and positions."""
        self._claims = sorted(claims, key=lambda c: c.start)
        self._starts = [c.start for c in self._claims]

    def set_marks(self, marks: list[Mark]) -> None:
        """The marks the tooltips describe."""
        self._marks = marks

    def claim_at_position(self, pos: int) -> Claim | None:
        """The claim covering character ``pos``, if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self._claims[i].start <= pos < self._claims[i].end:
            return self._claims[i]
        return None

    def span_rect(self, span: Span) -> QRect:
        """Viewport rectangle covering the lines of ``span`` (top of its start to bottom of its end)."""
        cur = QTextCursor(self.document())
        cur.setPosition(min(span.start, self.document().characterCount() - 1))
        top = self.cursorRect(cur)
        cur.setPosition(min(max(span.start, span.end - 1), self.document().characterCount() - 1))
        bottom = self.cursorRect(cur)
        return QRect(0, top.top(), self.viewport().width(), max(1, bottom.bottom() - top.top()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                self._show_tip(event)
                return True
            if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._press = event.position().toPoint()
            elif event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
                self._on_release(event)
        return super().eventFilter(watched, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        scrolled = event.pos() + QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(scrolled)  # document coordinates
        self.menu_requested.emit(menu, self.cursorForPosition(event.pos()).position())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _show_tip(self, event: QHelpEvent) -> None:
        pos = self.cursorForPosition(event.pos()).position()
        tips = list(dict.fromkeys(m.tooltip for m in self._marks if m.span.start <= pos < m.span.end))
        if tips:
            QToolTip.showText(event.globalPos(), "\n\n".join(tips), self.viewport())
        else:
            QToolTip.hideText()

    def _on_release(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if (
            self._press is None
            or (point - self._press).manhattanLength() > 4
            or self.textCursor().hasSelection()
        ):
            return  # a drag that selected text, not a click
        claim = self.claim_at_position(self.cursorForPosition(point).position())
        if claim is not None:
            self.claim_clicked.emit(claim.id)
        else:
            self.blank_clicked.emit()  # between claims, past the text: nothing is selected


def _role_spans(claims: Iterable[Claim]) -> tuple[tuple[int, int, str], ...]:
    """Where the text is a heading or boilerplate: the ranges its formats depend on."""
    return tuple(sorted((c.start, c.end, c.role) for c in claims if c.role != "body"))


WINDOWED_ABOVE = 600  # marks: above this many, only those near the view are set


class SpanWindow:
    """Finds which of many spans reach into a stretch of the text, without looking at each one."""

    def __init__(self, spans: Iterable[Span]) -> None:
        listed = list(spans)
        self._order = sorted(range(len(listed)), key=lambda i: listed[i].start)
        self._starts = [listed[i].start for i in self._order]
        self._longest = max((s.end - s.start for s in listed), default=0)

    def within(self, lo: int, hi: int) -> list[int]:
        """Indices (in the order given) of the spans that end at or after ``lo`` and start by ``hi``."""
        first = bisect.bisect_left(self._starts, lo - self._longest)
        last = bisect.bisect_right(self._starts, hi)
        return sorted(self._order[first:last])


class LayoutTurns(QObject):
    """Lets the text layout of one pane at a time take a step per turn of the event loop.

    Qt lays out a long text in steps on a timer, each twice as long as the one before (up to
    200,000 characters); two panes opened together step together, and their two longest steps in
    one turn stopped the window for twice as long. Installed as an event filter on each pane's
    document layout: a step asked for while another pane's has just been taken waits for that
    layout's next tick (its timer keeps running until the text is laid out).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stepped = False

    def follow(self, pane: SourcePane) -> None:
        """Take turns with this pane's layout."""
        pane.view.document().documentLayout().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Timer:
            return False
        if self._stepped:
            return True  # another layout stepped this turn: this one steps at its next tick
        self._stepped = True
        QTimer.singleShot(0, self, self._next_turn)
        return False

    def _next_turn(self) -> None:
        self._stepped = False


class SourcePane(QWidget):
    """Header plus :class:`SourceView` for one source. ``selected_span()`` serves annotation tools.

    ``menu_requested(menu, pos)`` passes on the view's context menu; ``header_clicked()`` is a click
    on the header.
    """

    claim_clicked = Signal(str)
    blank_clicked = Signal()
    menu_requested = Signal(object, int)
    header_clicked = Signal()

    def __init__(self, source: Source, claims: list[Claim], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.header = QLabel(header_text(source), self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setAccessibleName(f"Header of source {source.id}")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.installEventFilter(self)
        self.view = SourceView(self)
        self.view.setAccessibleName(f"Text of {source.label}")
        self.view.setAccessibleDescription("Read-only source text; findings are underlined, click a claim")
        self.view.setPlainText(source.text)
        self.view.set_claims(claims)
        self.view.claim_clicked.connect(self.claim_clicked)
        self.view.blank_clicked.connect(self.blank_clicked)
        self.view.menu_requested.connect(self.menu_requested)
        self._claims = {c.id: c for c in claims}
        self._dark = False
        self._current: tuple[Span, ...] = ()
        self._student: tuple[Span, ...] = ()  # a student's marks (classroom), drawn on top
        self._marks: list[Mark] = []
        self._linked: list[tuple[Span, str]] = []
        self._marks_window = SpanWindow(())
        self._linked_window = SpanWindow(())
        self._painted = (0, 0)
        self._roles: tuple[tuple[int, int, str], ...] = ()  # the headings and boilerplate formatted
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        self.overview = Overview(self.view.verticalScrollBar(), self)
        self.overview.jumped.connect(self.jump_to)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.view, 1)
        row.addWidget(self.overview)
        layout.addLayout(row, 1)
        self._format_roles(claims)

    def refresh(self, source: Source, claims: list[Claim]) -> None:
        """The same text with new source details and claims: keeps the document and its layout."""
        self.source = source
        self.header.setText(header_text(source))
        self.view.set_claims(claims)
        self._claims = {c.id: c for c in claims}
        if _role_spans(claims) == self._roles:
            return  # the same headings and boilerplate: formatting a long text again would stall
        if self._roles:
            cursor = QTextCursor(self.view.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
        self._format_roles(claims)

    def _format_roles(self, claims: Iterable[Claim]) -> None:
        claims = list(claims)
        self._roles = _role_spans(claims)
        heading, boiler = QTextCharFormat(), QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        boiler.setForeground(self.palette().placeholderText())
        cursor = QTextCursor(self.view.document())
        for claim in claims:
            if claim.role == "body":
                continue
            cursor.setPosition(claim.start)
            cursor.setPosition(claim.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(heading if claim.role == "heading" else boiler)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.header
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.header_clicked.emit()
        return super().eventFilter(watched, event)

    def claim(self, claim_id: str) -> Claim | None:
        """A claim of this pane's source."""
        return self._claims.get(claim_id)

    def set_font_size(self, points: int) -> None:
        """Text size of the source text."""
        font = self.view.font()
        font.setPointSize(points)
        self.view.setFont(font)
        self.view.document().setDefaultFont(font)

    def set_marks(
        self,
        marks: list[Mark],
        linked: list[tuple[Span, str]],
        *,
        dark: bool,
        bands: list[Band] | None = None,
    ) -> None:
        """Paint finding marks and the faint backgrounds of linked claims (``(span, relation)``);
        ``bands`` is the overview of them when it was drawn up already."""
        self._marks, self._linked, self._dark = marks, linked, dark
        self._marks_window = SpanWindow(m.span for m in marks)
        self._linked_window = SpanWindow(span for span, _rel in linked)
        self.view.set_marks(marks)
        if bands is None:
            bands = overview_bands(len(self.source.text), marks, linked)
        self.overview.set_bands(bands)
        self._repaint()

    def jump_to(self, fraction: float) -> None:
        """Show the point ``fraction`` of the way through the account, centred."""
        length = len(self.source.text)
        pos = min(max(0, int(fraction * length)), max(0, length - 1))
        self.scroll_to_span(Span(pos, pos + 1), fraction=0.5)

    def set_current(self, spans: tuple[Span, ...]) -> None:
        """Highlight the claims of the current link (empty: none)."""
        self._current = spans
        self._repaint()

    def set_student_marks(self, spans: Iterable[Span]) -> None:
        """Draw a student's marks (classroom) over the text; empty: none."""
        new = tuple(spans)
        if new == self._student:
            return  # painting a long account's marks again costs a layout query per mark
        self._student = new
        self._repaint()

    def student_spans(self) -> tuple[Span, ...]:
        """The student's marks drawn in this pane."""
        return self._student

    def current_spans(self) -> tuple[Span, ...]:
        """Spans highlighted as the current link."""
        return self._current

    def selected_span(self) -> Span | None:
        """The user's text selection, else the current claim, else ``None``."""
        return self.text_selection() or (self._current[0] if self._current else None)

    def text_selection(self) -> Span | None:
        """What the user selected with the mouse or keyboard, grown to whole words (``None`` when
        nothing, or only spaces and punctuation, is selected)."""
        cur = self.view.textCursor()
        if not cur.hasSelection():
            return None
        return snap_to_words(self.source.text, Span(cur.selectionStart(), cur.selectionEnd()))

    def extra_selection_spans(self) -> list[Span]:
        """Spans of every extra selection set on the view, in draw order."""
        return [Span(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.view.extraSelections()]

    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.view.document())
        end = min(span.end, self.view.document().characterCount() - 1)
        cur.setPosition(min(span.start, end))
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format = fmt
        return sel

    def _repaint(self) -> None:
        # Draw order: linked-claim tint, current link, then finding marks on top so underlines stay visible.
        # A long account has thousands of marks and placing each costs a layout query: then only
        # those within a screen of the view are set, and scrolling out of that stretch sets them again.
        many = len(self._linked) + len(self._marks) > WINDOWED_ABOVE
        lo, hi = self._painted = self._paint_window() if many else (0, len(self.source.text) + 1)
        linked_formats: dict[str, QTextCharFormat] = {}
        mark_formats: dict[str, QTextCharFormat] = {}
        selections = []
        for i in self._linked_window.within(lo, hi):
            span, rel = self._linked[i]
            if rel not in linked_formats:
                linked_formats[rel] = linked_format(rel, dark=self._dark)
            selections.append(self._selection(span, linked_formats[rel]))
        selections += [self._selection(span, current_format(dark=self._dark)) for span in self._current]
        for i in self._marks_window.within(lo, hi):
            mark = self._marks[i]
            if mark.kind not in mark_formats:
                mark_formats[mark.kind] = mark_format(mark.kind, dark=self._dark)
            selections.append(self._selection(mark.span, mark_formats[mark.kind]))
        if self._student:
            student = student_format(dark=self._dark)
            selections += [self._selection(span, student) for span in self._student]
        self.view.setExtraSelections(selections)

    def _paint_window(self) -> tuple[int, int]:
        viewport = self.view.viewport()
        top = self.view.cursorForPosition(viewport.rect().topLeft()).position()
        bottom = self.view.cursorForPosition(viewport.rect().bottomRight()).position()
        screen = max(bottom - top, 1)
        return max(0, top - screen), bottom + screen

    def _on_scrolled(self) -> None:
        if len(self._linked) + len(self._marks) <= WINDOWED_ABOVE:
            return
        viewport = self.view.viewport()
        top = self.view.cursorForPosition(viewport.rect().topLeft()).position()
        bottom = self.view.cursorForPosition(viewport.rect().bottomRight()).position()
        lo, hi = self._painted
        if top < lo or bottom > hi:
            self._repaint()

    def scroll_to_span(self, span: Span, *, fraction: float = 0.35) -> None:
        """Scroll so the span's top sits ``fraction`` of the way down the view."""
        rect = self.view.span_rect(span)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - int(self.view.viewport().height() * fraction))

    def block_y(self, pos: int) -> int:
        """Document y of the top of the paragraph holding character ``pos`` (cheap: no line layout)."""
        doc = self.view.document()
        return round(doc.documentLayout().blockBoundingRect(doc.findBlock(pos)).top())

    def block_tops(self) -> tuple[list[int], list[int]]:
        """Where each paragraph starts (character position) and its document y, in order: one pass
        over the paragraphs, for callers that need the height of thousands of positions."""
        doc = self.view.document()
        layout = doc.documentLayout()
        starts: list[int] = []
        tops: list[int] = []
        block = doc.begin()
        while block.isValid():
            starts.append(block.position())
            tops.append(round(layout.blockBoundingRect(block).top()))
            block = block.next()
        return starts, tops

    def doc_y(self, pos: int) -> int:
        """Document y (pixels from the top of the text) of character ``pos``."""
        return self.view.span_rect(Span(pos, pos + 1)).top() + self.view.verticalScrollBar().value()
