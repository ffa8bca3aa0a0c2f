"""The findings list: filters (kind, relation, search) over a sortable table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from comparer.core.engine.model import RELATIONS, Source
from comparer.gui.models import (
    COL_EXCERPT_A,
    COL_EXCERPT_B,
    COL_KIND,
    COL_LABEL,
    COL_RELATION,
    COL_SCORE,
    COLUMNS,
    FindingsFilter,
    FindingsModel,
    Roles,
)
from comparer.gui.palette import MARK_KINDS, kind_label
from comparer.gui.rows import Row


def account_name(source: Source) -> str:
    """How the list names an account: its outlet, else its id."""
    return source.outlet or source.id


FITTED = (COL_KIND, COL_SCORE, COL_RELATION)  # columns as wide as their widest value
# What each fitted column's text depends on: the rows with different values are measured.
_SHOWN_BY: dict[int, Callable[[Row], object]] = {
    COL_KIND: lambda row: row.kind,
    COL_SCORE: lambda row: "" if row.score is None else f"{row.score:.0f}",
    COL_RELATION: lambda row: row.relation,
}
NARROW = 640  # pixels: below this width the excerpt columns are hidden
QUIET = ""  # the kind of rows for links with nothing to flag
ALL = "*"  # combo data meaning "no restriction" (not None: see _apply_filters)


class FindingsPanel(QWidget):
    """Table of findings with filters. Emits ``row_selected`` with the :class:`Row` (or ``None``)."""

    row_selected = Signal(object)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._allowed: frozenset[str] = frozenset((*MARK_KINDS, QUIET))

        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName("Show kind")
        self.kind_box.setToolTip("Show one kind of finding")
        self.kind_box.addItem("All kinds", ALL)
        self.kind_box.addItem("Linked, nothing to flag", QUIET)
        for kind in MARK_KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.relation_box = QComboBox(self)
        self.relation_box.setAccessibleName("Show relation")
        self.relation_box.setToolTip("Show links of one relation")
        self.relation_box.addItem("All relations", ALL)
        for rel in RELATIONS:
            self.relation_box.addItem(rel, rel)
        for box in (self.kind_box, self.relation_box):  # sized to a short entry, not the longest one
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(7)
        self.search = QLineEdit(self)
        self.search.setMinimumWidth(80)
        self.search.setPlaceholderText("Search findings…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search findings")
        self.count = QLabel(self)
        self.count.setAccessibleName("Number of findings shown")
        self.show_all = QCheckBox("Show &all", self)
        self.show_all.setToolTip("Also show unsure findings and weakly related links with nothing to flag")
        self.show_all.setAccessibleName("Show all findings")
        self.pair_box = QComboBox(self)
        self.pair_box.setAccessibleName("Accounts compared")
        self.pair_box.setToolTip("Which two accounts the list compares")
        self.pair_box.addItem("All accounts", ALL)
        self.pair_box.hide()  # shown when there are three or more accounts
        self._pairs: dict[str, tuple[Source, Source]] = {}
        self._sources: list[Source] = []

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Findings")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # reading order first
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Kind, score and relation are short and fit their contents; the values and excerpts share
        # what is left, so no column is squeezed to nothing and no horizontal scroll bar is needed.
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        # Fitted by _fit_columns to the different values they show, not by Qt measuring hundreds
        # of cells each time the rows or filters change.
        for col in range(len(COLUMNS)):
            mode = QHeaderView.ResizeMode.Fixed if col in FITTED else QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(col, mode)

        # The label column is narrow and fixed (a label is a word; "agree (2 of 3)" is elided, its
        # tooltip has it whole), so a narrow window keeps no horizontal scroll bar.
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_LABEL, 76)
        self.table.setColumnHidden(COL_LABEL, True)  # shown while a project is open
        bar = QHBoxLayout()
        self._bar_labels: list[QLabel] = []
        for label, widget in (("&Kind:", self.kind_box), ("&Relation:", self.relation_box)):
            lab = QLabel(label, self)
            lab.setBuddy(widget)
            self._bar_labels.append(lab)
            bar.addWidget(lab)
            bar.addWidget(widget)
        bar.addWidget(self.pair_box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_all)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.kind_box.currentIndexChanged.connect(self._apply_filters)
        self.relation_box.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        self.show_all.toggled.connect(self._apply_filters)
        self.pair_box.currentIndexChanged.connect(self._apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._apply_filters()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Too narrow for six readable columns: drop the excerpts (the detail panel shows both passages).
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW
        for col in (COL_EXCERPT_A, COL_EXCERPT_B):
            self.table.setColumnHidden(col, narrow)
        # With a project's Label column as well, the score (also in the detail panel) gives way too.
        self.table.setColumnHidden(COL_SCORE, narrow and not self.table.isColumnHidden(COL_LABEL))
        for lab in self._bar_labels:  # the combos say what they filter (tooltip, accessible name)
            lab.setVisible(not narrow)

    def set_sources(self, sources: Sequence[Source]) -> None:
        """The accounts the rows come from: names the columns; with three or more, a pair can be chosen."""
        self._take_sources(sources)
        self._apply_filters()

    def show_comparison(self, rows: list[Row], sources: Sequence[Source]) -> None:
        """Show a new comparison's rows and accounts (:meth:`set_rows` and :meth:`set_sources` in
        one): the filters and column names are set first and the rows filtered once, in the
        model's reset, instead of a refilter and a header layout for each."""
        self._take_sources(sources)
        self._apply_filters(rows=rows)
        self.row_selected.emit(None)

    def _take_sources(self, sources: Sequence[Source]) -> None:
        self._sources = list(sources)
        self._pairs = {
            f"{a.id}|{b.id}": (a, b) for i, a in enumerate(sources) for b in list(sources)[i + 1 :]
        }
        self.pair_box.blockSignals(True)
        self.pair_box.clear()
        self.pair_box.addItem("All accounts", ALL)
        for key, (a, b) in self._pairs.items():
            self.pair_box.addItem(f"{account_name(a)} ↔ {account_name(b)}", key)
        self.pair_box.blockSignals(False)
        self.pair_box.setVisible(len(sources) > 2)

    def choose_pair(self, a: str, b: str) -> None:
        """Compare only accounts ``a`` and ``b`` in the list."""
        for key in (f"{a}|{b}", f"{b}|{a}"):
            i = self.pair_box.findData(key)
            if i >= 0:
                self.pair_box.setCurrentIndex(i)

    def _side_names(self) -> tuple[str, str]:
        pair = self._pairs.get(str(self.pair_box.currentData()))
        if pair is None and len(self._sources) == 2:
            pair = (self._sources[0], self._sources[1])
        return ("A", "B") if pair is None else (account_name(pair[0]), account_name(pair[1]))

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows (clears the selection)."""
        self.model.set_rows(rows)
        self._update_count()
        self.row_selected.emit(None)

    def set_labels(self, labels: Mapping[str, str] | None) -> None:
        """Show each link's label in the Label column (``None``: no project, the column is hidden)."""
        self.model.set_labels(labels or {})
        self.table.setColumnHidden(COL_LABEL, labels is None)
        self.table.setColumnHidden(COL_SCORE, labels is not None and self.width() < NARROW)

    def set_allowed_kinds(self, kinds: frozenset[str]) -> None:
        """Kinds the preferences allow (quiet links always allowed)."""
        self._allowed = frozenset((*kinds, QUIET))
        self._apply_filters()

    def _apply_filters(self, *, rows: list[Row] | None = None) -> None:
        # Combo data is never None: PySide6 6.12 on Python 3.11 loses a reference to None each time
        # an empty QVariant is handed back to Python.
        chosen = self.kind_box.currentData()
        rel = self.relation_box.currentData()
        pair = self._pairs.get(str(self.pair_box.currentData()))
        self.proxy.set_filters(
            kinds=self._allowed if chosen == ALL else self._allowed & {chosen},
            relations=None if rel == ALL else {rel},
            search=self.search.text(),
            show_all=self.show_all.isChecked(),
            pair=None if pair is None else (pair[0].id, pair[1].id),
            refilter=rows is None,
        )
        if rows is None:
            self.model.set_side_names(*self._side_names())
        else:  # new rows: filtered and named in the one reset
            self.model.set_rows(rows, side_names=self._side_names())
        self._fit_columns()
        self._update_count()
        self.filters_changed.emit()

    def _fit_columns(self) -> None:
        # As wide as the widest cell the filters let through, or the header: each different value
        # is measured once (a long comparison has thousands of rows but a few dozen values).
        header = self.table.horizontalHeader()
        shown = [(n, row) for n, row in enumerate(self.model.rows()) if self.proxy.accepts(row)]
        grid = 1 if self.table.showGrid() else 0
        for col in FITTED:
            first: dict[object, int] = {}
            what = _SHOWN_BY[col]  # the field a cell shows (cheaper than its text, as many values)
            for n, row in shown:
                first.setdefault(what(row), n)
            cells = (self.proxy.mapFromSource(self.model.index(n, col)) for n in first.values())
            widest = max((self.table.sizeHintForIndex(ix).width() + grid for ix in cells), default=0)
            width = max(widest, header.sectionSizeHint(col), header.minimumSectionSize())
            header.resizeSection(col, min(width, header.maximumSectionSize()))

    def _update_count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()}")

    def current_row(self) -> Row | None:
        """The row under the table's cursor."""
        index = self.table.currentIndex()
        return index.data(Roles.ROW) if index.isValid() else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.row_selected.emit(current.data(Roles.ROW) if current.isValid() else None)

    def clear_current(self) -> None:
        """Leave no row current or selected (``row_selected`` is emitted with ``None``)."""
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()

    def select_proxy_row(self, row: int) -> None:
        """Make the filtered row ``row`` current and selected."""
        index = self.proxy.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def step(self, delta: int) -> None:
        """Go to the next (``+1``) or previous (``-1``) visible row, wrapping around."""
        n = self.proxy.rowCount()
        if n == 0:
            return
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else n - 1)
        self.select_proxy_row(row % n)

    def step_conflict(self, delta: int) -> bool:
        """Go to the next (``+1``) or previous (``-1``) visible conflict, wrapping; False if none."""
        n = self.proxy.rowCount()
        current = self.table.currentIndex()
        start = current.row() if current.isValid() else (-1 if delta > 0 else n)
        for step in range(1, n + 1):
            r = (start + delta * step) % n
            row: Row = self.proxy.index(r, 0).data(Roles.ROW)
            if row.is_conflict:
                self.select_proxy_row(r)
                return True
        return False

    def select_where(self, *, link_id: str | None = None, key: str | None = None) -> bool:
        """Select the first visible row of this link (or with this key); False when none is visible."""
        for r in range(self.proxy.rowCount()):
            row: Row = self.proxy.index(r, 0).data(Roles.ROW)
            linked = link_id is not None and (row.link_id == link_id or link_id in row.link_ids)
            if linked or (key is not None and row.key == key):
                if self.table.currentIndex().row() != r:
                    self.select_proxy_row(r)
                return True
        return False

    def visible_rows(self) -> list[Row]:
        """Rows that pass the filters, in view order."""
        if self.proxy.sortColumn() < 0:  # unsorted: the model's order, filtered without a Qt call per row
            return [row for row in self.model.rows() if self.proxy.accepts(row)]
        return [self.proxy.index(r, 0).data(Roles.ROW) for r in range(self.proxy.rowCount())]
