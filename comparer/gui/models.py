"""Qt models over the findings rows: a table model and a filtering, searching proxy.

Custom roles are declared once, in :class:`Roles`; the proxy and the views read them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from enum import IntEnum
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from comparer.gui.palette import kind_label, kind_style, relation_colour
from comparer.gui.rows import Row

Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    """Custom data roles of the findings model."""

    KIND = Qt.ItemDataRole.UserRole + 1
    RELATION = Qt.ItemDataRole.UserRole + 2
    LINK_ID = Qt.ItemDataRole.UserRole + 3
    ROW = Qt.ItemDataRole.UserRole + 4
    SORT = Qt.ItemDataRole.UserRole + 5
    SEARCH = Qt.ItemDataRole.UserRole + 6
    MINOR = Qt.ItemDataRole.UserRole + 7
    SOURCES = Qt.ItemDataRole.UserRole + 8


COLUMNS = ("Kind", "Value A", "Value B", "Excerpt A", "Excerpt B", "Score", "Relation", "Label")
COL_KIND, COL_VALUE_A, COL_VALUE_B, COL_EXCERPT_A, COL_EXCERPT_B, COL_SCORE, COL_RELATION, COL_LABEL = range(
    8
)
_TEXT_COLUMNS = (COL_VALUE_A, COL_VALUE_B, COL_EXCERPT_A, COL_EXCERPT_B, COL_LABEL)


def label_text(row: Row, labels: Mapping[str, str]) -> str:
    """What the Label column says for a row: its link's label; for a finding seen on several links,
    the labels given and how many of its links have one ("agree (2 of 3)")."""
    given = [labels[lk] for lk in row.link_ids if lk in labels]
    if not given:
        return ""
    named = ", ".join(dict.fromkeys(given))
    return named if len(row.link_ids) == 1 else f"{named} ({len(given)} of {len(row.link_ids)})"


def _display(row: Row, column: int, labels: Mapping[str, str] = MappingProxyType({})) -> str:
    if column == COL_LABEL:
        return label_text(row, labels)
    if column == COL_KIND:
        return kind_label(row.kind) if row.kind else "— linked, nothing to flag"
    if column in (COL_VALUE_A, COL_VALUE_B):
        return row.values[column - COL_VALUE_A]
    if column in (COL_EXCERPT_A, COL_EXCERPT_B):
        return row.excerpts[column - COL_EXCERPT_A]
    if column == COL_SCORE:
        return "" if row.score is None else f"{row.score:.0f}"
    return row.relation


def search_text(row: Row) -> str:
    """What the search box looks in: the row's kind, relation, values, excerpts and explanation."""
    return " ".join([row.kind, row.relation, *row.values, *row.excerpts, row.explanation]).lower()


class FindingsModel(QAbstractTableModel):
    """One row per :class:`Row`; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._side_names = ("A", "B")
        self._labels: Mapping[str, str] = {}

    def set_labels(self, labels: Mapping[str, str]) -> None:
        """The annotator's label of each link (by link id), shown in the Label column."""
        self._labels = dict(labels)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_LABEL),
                self.index(len(self._rows) - 1, COL_LABEL),
                [Qt.ItemDataRole.DisplayRole],
            )

    def set_side_names(self, a: str, b: str) -> None:
        """Name the value and excerpt columns after the two accounts the list compares."""
        if (a, b) == self._side_names:
            return  # the header would be laid out again for nothing
        self._side_names = (a, b)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_VALUE_A, COL_EXCERPT_B)

    def column_name(self, section: int) -> str:
        """The header of a column, with the accounts' names in the value and excerpt columns."""
        a, b = self._side_names
        names = {COL_VALUE_A: a, COL_VALUE_B: b, COL_EXCERPT_A: f"Excerpt {a}", COL_EXCERPT_B: f"Excerpt {b}"}
        return names.get(section, COLUMNS[section])

    def set_rows(self, rows: list[Row], *, side_names: tuple[str, str] | None = None) -> None:
        """Replace every row (and, with ``side_names``, the accounts the columns are named after:
        set in the same reset, the header is not worked out twice)."""
        self.beginResetModel()
        self._rows = list(rows)
        if side_names is not None:
            self._side_names = side_names
        self.endResetModel()

    @property
    def side_names(self) -> tuple[str, str]:
        """The names of the two accounts the value and excerpt columns are named after."""
        return self._side_names

    def row_at(self, row: int) -> Row:
        """The data of one row."""
        return self._rows[row]

    def rows(self) -> list[Row]:
        """All rows, in model order."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return self.column_name(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col, self._labels)
        if role == Qt.ItemDataRole.ToolTipRole:
            full = _display(row, col, self._labels) if col in _TEXT_COLUMNS else ""
            head = f"{full}\n\n" if full else ""  # the whole value or excerpt when the cell cuts it
            return f"{head}{kind_label(row.kind) or row.relation}\n{row.explanation}"
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_KIND and row.kind:
            return QColor(kind_style(row.kind).colour)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_RELATION and row.relation:
            return relation_colour(row.relation)
        if role == Roles.KIND:
            return row.kind
        if role == Roles.RELATION:
            return row.relation
        if role == Roles.LINK_ID:
            return row.link_id or ""
        if role == Roles.ROW:
            return row
        if role == Roles.MINOR:
            return row.minor
        if role == Roles.SOURCES:
            return row.sources
        if role == Roles.SORT:
            return (
                (-1.0 if row.score is None else row.score)
                if col == COL_SCORE
                else _display(row, col, self._labels).lower()
            )
        if role == Roles.SEARCH:
            return search_text(row)
        return None


class FindingsFilter(QSortFilterProxyModel):
    """Filters rows by kind, relation and a search text; sorts by :attr:`Roles.SORT`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds: frozenset[str] | None = None
        self._relations: frozenset[str] | None = None
        self._search = ""
        self._show_all = False
        self._pair: frozenset[str] | None = None
        self.setSortRole(Roles.SORT)

    def set_filters(
        self,
        *,
        kinds: Collection[str] | None,
        relations: Collection[str] | None,
        search: str,
        show_all: bool,
        pair: Collection[str] | None,
        refilter: bool = True,
    ) -> None:
        """Set every filter at once, refiltering the rows once (``refilter=False``: not now, the
        source model is about to be reset and the rows are filtered then)."""

        def change() -> None:
            self._kinds = None if kinds is None else frozenset(kinds)
            self._relations = None if relations is None else frozenset(relations)
            self._search = search.strip().lower()
            self._show_all = bool(show_all)
            self._pair = None if pair is None else frozenset(pair)

        if refilter:
            self._refilter(change)
        else:
            change()

    def set_show_all(self, show_all: bool) -> None:
        """Also show low-confidence findings and weak (``related``) links with nothing to flag."""
        self._refilter(lambda: setattr(self, "_show_all", bool(show_all)))

    def set_pair(self, pair: Collection[str] | None) -> None:
        """Show only rows between these two sources (and claims only one of them makes); ``None``: all."""
        value = None if pair is None else frozenset(pair)
        self._refilter(lambda: setattr(self, "_pair", value))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+: invalidateRowsFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_kinds(self, kinds: Collection[str] | None) -> None:
        """Show only these kinds (``""`` names quiet links); ``None`` shows all."""
        value = None if kinds is None else frozenset(kinds)
        self._refilter(lambda: setattr(self, "_kinds", value))

    def set_relations(self, relations: Collection[str] | None) -> None:
        """Show only rows whose link has one of these relations (rows without a link fail); ``None``: all."""
        value = None if relations is None else frozenset(relations)
        self._refilter(lambda: setattr(self, "_relations", value))

    def set_search(self, text: str) -> None:
        """Show only rows whose text contains every word of ``text`` (case-insensitive)."""
        value = text.strip().lower()
        self._refilter(lambda: setattr(self, "_search", value))

    def accepts(self, row: Row) -> bool:
        """True when the filters let ``row`` through (plain Python: no Qt call)."""
        if not self._passes(row.kind, row.relation, row.minor, row.sources):
            return False
        return not self._search or all(word in search_text(row) for word in self._search.split())

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        # Reads the row itself rather than one Qt data() call per role: a long comparison has
        # thousands of rows and each toggle refilters them all on the GUI thread.
        model = self.sourceModel()
        if isinstance(model, FindingsModel):
            return self.accepts(model.row_at(source_row))
        index = model.index(source_row, 0, source_parent)
        kind, relation = model.data(index, Roles.KIND), model.data(index, Roles.RELATION)
        minor, sources = model.data(index, Roles.MINOR), model.data(index, Roles.SOURCES)
        if not self._passes(kind, relation, minor, sources):
            return False
        if self._search:
            haystack = model.data(model.index(source_row, 0, source_parent), Roles.SEARCH)
            return all(word in haystack for word in self._search.split())
        return True

    def _passes(self, kind: str, relation: str, minor: bool, sources: Collection[str]) -> bool:
        if self._kinds is not None and kind not in self._kinds:
            return False
        if self._relations is not None and relation not in self._relations:
            return False
        if not self._show_all and minor:
            return False
        if self._pair is not None:
            named = {s for s in sources if s}
            if not named or not named <= self._pair:
                return False
        return True
