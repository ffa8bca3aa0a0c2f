"""Tools › Preferences: edit a :class:`Preferences` value."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from comparer.gui.palette import MARK_KINDS, kind_label
from comparer.gui.settings import THEMES, Preferences


class PreferencesDialog(QDialog):
    """A form over the preferences; ``value()`` returns the edited copy."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences — comparer")
        self.min_score = QDoubleSpinBox(self)
        self.min_score.setRange(0, 100)
        self.min_score.setDecimals(0)
        self.min_score.setValue(prefs.min_score)
        self.min_score.setToolTip("Links scoring below this (0–100) are dropped; the comparison runs again")
        self.font_size = QSpinBox(self)
        self.font_size.setRange(6, 40)
        self.font_size.setValue(prefs.font_size)
        self.sync = QCheckBox("&Keep linked claims level while scrolling", self)
        self.sync.setChecked(prefs.sync_scroll)
        self.theme = QComboBox(self)
        for theme in THEMES:
            self.theme.addItem({"system": "Follow the system"}.get(theme, theme.capitalize()), theme)
        self.theme.setCurrentIndex(THEMES.index(prefs.theme))
        form = QFormLayout()
        form.addRow("&Minimum link score:", self.min_score)
        form.addRow("&Text size:", self.font_size)
        form.addRow("&Colours:", self.theme)
        form.addRow(self.sync)
        kinds_box = QGroupBox("Kinds to show", self)
        grid = QGridLayout(kinds_box)
        self.kind_checks: dict[str, QCheckBox] = {}
        for n, kind in enumerate(MARK_KINDS):
            check = QCheckBox(kind_label(kind), kinds_box)
            check.setChecked(kind in prefs.kinds_shown)
            grid.addWidget(check, n // 2, n % 2)
            self.kind_checks[kind] = check
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(kinds_box)
        layout.addWidget(buttons)

    def value(self) -> Preferences:
        """The preferences as edited."""
        return Preferences(
            min_score=float(self.min_score.value()),
            kinds_shown=frozenset(k for k, c in self.kind_checks.items() if c.isChecked()),
            font_size=int(self.font_size.value()),
            sync_scroll=self.sync.isChecked(),
            theme=self.theme.currentData(),
        )
