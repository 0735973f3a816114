"""Choosing a body site by clicking the body map, beside the list that stays for the keyboard.

`site_field(combo)` puts a "Body map…" button after a body-site combo box (its items carry
the site codes as data); the button opens the map with the current site highlighted, and a
click on a region chooses that site in the combo and closes the map. Esc closes it with the
combo as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.body_outlines import BodyOutline
from pixiodoc_desktop.gui.widgets.body_map import BodyMap


class SiteOnMapDialog(QDialog):
    """The body map alone: a click on a region is the answer."""

    def __init__(
        self,
        current: str | None,
        outline: BodyOutline = BodyOutline.NEUTRAL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("siteOnMap")
        self.setWindowTitle(self.tr("Choose the body site"))
        self.chosen: str | None = None
        self.map = BodyMap()
        self.map.set_outline(outline)
        self.map.choose_site(current)
        hint = QLabel(self.tr("Click where the photo was taken."))
        hint.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.map, 1)
        self.map.site_chosen.connect(self._chose)
        self.resize(480, 600)

    def _chose(self, code: str) -> None:
        self.chosen = code
        self.accept()


class SiteField(QWidget):
    """A body-site combo box with a "Body map…" button after it."""

    def __init__(self, combo: QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = combo
        self.button = QPushButton(self.tr("Body map…"))
        self.button.setObjectName("siteOnMapButton")
        self.button.setToolTip(self.tr("Choose the body site by clicking the body map"))
        self.button.setAccessibleName(self.tr("Choose the body site on the body map"))
        self.dialog: SiteOnMapDialog | None = None
        # The patient's figure (their record's sex and age), set by the form that shows it.
        self.outline = BodyOutline.NEUTRAL
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(combo)  # the row's label (and its mnemonic) leads to the list
        self.button.clicked.connect(self.open_map)

    def open_map(self) -> None:
        self.dialog = SiteOnMapDialog(self.combo.currentData(), self.outline, self)
        self.dialog.accepted.connect(self._take)
        self.dialog.open()

    def _take(self) -> None:
        if self.dialog is None or self.dialog.chosen is None:
            return
        index = self.combo.findData(self.dialog.chosen)
        if index >= 0:
            self.combo.setCurrentIndex(index)


def site_field(combo: QComboBox) -> SiteField:
    return SiteField(combo)
