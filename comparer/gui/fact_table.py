"""The fact table panel: one row per fact, one column per account, conflicting cells marked.

The rows are the engine's (``Comparison.facts``, also written by ``compare --format facts-csv``).
A click on a cell asks the session to select the cell's claim: the window then shows that passage
selected in its pane and scrolls it into view.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from comparer.core.engine.model import Comparison, FactCell, FactRow, Source
from comparer.gui.palette import OKABE_ITO
from comparer.gui.session import ComparisonSession

Index = QModelIndex | QPersistentModelIndex

FIT_ROWS_UP_TO = 400  # rows fitted to their wrapped text; beyond, measuring them would stall
CONFLICT_GLYPH = "≠"  # colour is never the only signal: a conflicting cell also carries this mark


class FactRoles(IntEnum):
    """Custom data roles of the fact table model."""

    CONFLICT = Qt.ItemDataRole.UserRole + 1  # bool: this cell (or, in the first column, the row) conflicts
    CLAIMS = Qt.ItemDataRole.UserRole + 2  # tuple of the claim ids the cell rests on
    SOURCE = Qt.ItemDataRole.UserRole + 3  # the account of the column ("" in the first column)


def account_name(source: Source) -> str:
    """How a column names its account: the outlet, else the id."""
    return source.outlet or source.id


def cell_text(cell: FactCell | None) -> str:
    """What a cell shows: the value, who it is credited to and the moment it is given for."""
    if cell is None:
        return ""
    parts = [cell.value]
    if cell.credited:
        parts.append(f"({cell.credited})")
    if cell.moment:
        parts.append(f"· {cell.moment}")
    text = " ".join(parts)
    return f"{CONFLICT_GLYPH} {text}" if cell.conflict else text


def fact_text(row: FactRow) -> str:
    """The first column: the fact, marked when the accounts conflict on it."""
    return f"{CONFLICT_GLYPH} {row.label}" if row.conflict else row.label


class FactTableModel(QAbstractTableModel):
    """The comparison's fact rows; column 0 names the fact, then one column per account."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._rows: tuple[FactRow, ...] = ()
        self._sources: tuple[Source, ...] = ()
        self._cells: list[dict[str, FactCell]] = []
        self._claim_text: dict[str, str] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show the fact table of ``comparison`` (empty for ``None``)."""
        self.beginResetModel()
        self._comparison = comparison
        self._rows = comparison.facts if comparison is not None else ()
        self._sources = comparison.sources if comparison is not None else ()
        self._cells = [{c.source: c for c in row.cells} for row in self._rows]
        self.endResetModel()

    def fact(self, row: int) -> FactRow:
        """The fact of one row."""
        return self._rows[row]

    def cell(self, index: Index) -> FactCell | None:
        """The cell at ``index`` (``None`` in the first column or where the account is silent)."""
        if not index.isValid() or index.column() == 0:
            return None
        source = self._sources[index.column() - 1]
        return self._cells[index.row()].get(source.id)

    def column_of(self, source_id: str) -> int:
        """The column of an account (-1 when there is none)."""
        ids = [s.id for s in self._sources]
        return ids.index(source_id) + 1 if source_id in ids else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 1 + len(self._sources)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return "Fact"
        if 0 < section <= len(self._sources):
            return account_name(self._sources[section - 1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, cell = self._rows[index.row()], self.cell(index)
        first = index.column() == 0
        conflict = row.conflict if first else bool(cell and cell.conflict)
        if role == Qt.ItemDataRole.DisplayRole:
            return fact_text(row) if first else cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, cell, first)
        if role == Qt.ItemDataRole.BackgroundRole and conflict:
            tint = QColor(OKABE_ITO["vermillion"])
            tint.setAlpha(60)
            return tint
        if role == Qt.ItemDataRole.FontRole and conflict:
            font = QFont()
            font.setBold(True)
            return font
        if role == FactRoles.CONFLICT:
            return conflict
        if role == FactRoles.CLAIMS:
            return tuple(cell.claims) if cell else ()
        if role == FactRoles.SOURCE:
            return "" if first else self._sources[index.column() - 1].id
        return None

    def _tooltip(self, row: FactRow, cell: FactCell | None, first: bool) -> str:
        if first:
            where = f" ({row.scope})" if row.scope else ""
            said = "The accounts conflict on it." if row.conflict else "The accounts do not conflict on it."
            return f"{row.label}{where}: {row.measure}. {said}"
        if cell is None:
            return "This account gives no figure for this fact."
        comparison = self._comparison
        passages = []
        if comparison is not None:
            for cid in cell.claims:
                try:
                    passages.append(" ".join(comparison.claim(cid).text.split()))
                except KeyError:
                    continue
        lines = [cell_text(cell)]
        if cell.conflict:
            lines.append("Conflicts with another account's figure.")
        lines.extend(f"“{p}”" for p in passages)
        lines.append("Click to show the passage in its pane.")
        return "\n".join(lines)


class FactTablePanel(QWidget):
    """The fact table as a panel; a click on a cell shows its passage in the account's pane."""

    def __init__(self, session: ComparisonSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Fact table")
        self.model = FactTableModel(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Facts and conflicts counted")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Facts across the accounts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.clicked.connect(self.show_cell)
        self.table.activated.connect(self.show_cell)  # Enter on a cell, for the keyboard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._stale = True  # the model is filled when the panel is first shown after a comparison
        session.comparisonChanged.connect(self._on_comparison)
        self._on_comparison(session.comparison)

    def _on_comparison(self, _comparison: object) -> None:
        # A hidden panel waits until it is shown: the window does not stop for a table nobody sees.
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Fill the table from the session's comparison."""
        self._stale = False
        comparison = self.session.comparison
        self.model.set_comparison(comparison)
        rows = self.model.rowCount()
        if rows <= FIT_ROWS_UP_TO:
            self.table.resizeRowsToContents()  # a credited figure wraps onto a second line
        conflicts = sum(1 for r in range(rows) if self.model.fact(r).conflict)
        if not isinstance(comparison, Comparison):
            self.summary.setText("Open two or more accounts to see the facts they state.")
        elif rows == 0:
            self.summary.setText("No fact is stated by two accounts.")
        else:
            facts = "fact" if rows == 1 else "facts"
            self.summary.setText(
                f"{rows} {facts}, {conflicts} in conflict ({CONFLICT_GLYPH}). "
                "Click a figure to see its passage."
            )

    def show_cell(self, index: QModelIndex) -> None:
        """Show the passage of the cell at ``index`` selected in its pane."""
        claims: Sequence[str] = index.data(FactRoles.CLAIMS) or ()
        if claims:
            self.session.select("claim", claims[0])

    def index_of(self, fact_id: str, source_id: str) -> QModelIndex:
        """The model index of one account's cell of one fact (invalid when there is none)."""
        column = self.model.column_of(source_id)
        for r in range(self.model.rowCount()):
            if self.model.fact(r).id == fact_id and column > 0:
                return self.model.index(r, column)
        return QModelIndex()
