"""The record's body-map panel: the open patient's lesions on the body map, and a new lesion
placed by clicking where it is.

It observes `SessionState` for the record on screen and lets go of it when the record
closes or the session locks. Creating the lesion goes through the lesion dialog (which runs
the service on the database worker); the panel only says where. A lesion chosen by its
marker shows in the lesion card below the map (lesion_card.py): its status, its size over
visits as a chart, its biopsies and excisions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.visits import MapPosition, MapView
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.lesion_card import LesionCard
from pixiodoc_desktop.gui.widgets.body_map import BodyMap
from pixiodoc_desktop.gui.widgets.body_map_pages import patient_outline


class BodyMapPanel(QWidget):
    new_lesion_at = Signal(object, str)  # MapPosition, body-site code

    def __init__(self, ctx: GuiContext, state: SessionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMapPanel")
        self.ctx = ctx
        self.state = state
        self.map = BodyMap()
        self.chosen = QLabel(self.tr("Click the body map where the lesion is."))
        self.chosen.setObjectName("bodyMapChosen")
        self.chosen.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New lesion here…"))
        self.new_button.setObjectName("bodyMapNewLesion")
        self.new_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.chosen, 1)
        row.addWidget(self.new_button)
        self.card = LesionCard(ctx, state)
        # The card scrolls when its history is longer than the room under the map (a
        # 768-high screen): a long histology is never cut, and the panel never grows.
        self.card_area = QScrollArea()
        self.card_area.setObjectName("lesionCardArea")
        self.card_area.setWidgetResizable(True)
        self.card_area.setFrameShape(QFrame.Shape.NoFrame)
        self.card_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_area.setWidget(self.card)
        layout = QVBoxLayout(self)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.card_area)
        layout.addLayout(row)
        self._place: tuple[MapPosition, str] | None = None
        self._lesion_id: str | None = None
        self.map.place_chosen.connect(self._chose)
        self.map.lesion_chosen.connect(self._chose_lesion)
        self.new_button.clicked.connect(self._new_lesion)
        state.record_shown.connect(self._show)
        state.patient_opened.connect(self._forget)
        state.patient_closed.connect(self._forget)
        state.locked.connect(self._forget)
        self._show()

    def _show(self, _patient_id: str = "") -> None:
        record = self.state.record
        self.map.set_outline(patient_outline(None if record is None else record.patient))
        self.map.set_lesions(() if record is None else record.lesions)
        self.new_button.setEnabled(record is not None and self._place is not None)
        self._show_lesion()

    def _show_lesion(self) -> None:
        record = self.state.record
        lesions = {} if record is None else {x.id: x for x in record.lesions}
        threshold = 1.0 if record is None else record.growth_threshold_mm
        self.card.show_lesion(lesions.get(self._lesion_id or ""), threshold)
        self.card_area.setVisible(self.card.lesion is not None)

    def _chose_lesion(self, lesion_id: str) -> None:
        self._lesion_id = lesion_id
        self._show_lesion()

    def _forget(self, _patient_id: str = "") -> None:
        self._place = None
        self._lesion_id = None
        self._show_lesion()
        self.map.choose_site(None)
        self.map.set_lesions(())
        self.chosen.setText(self.tr("Click the body map where the lesion is."))
        self.new_button.setEnabled(False)

    def _chose(self, view: str, x: float, y: float, code: str) -> None:
        self._place = (MapPosition(MapView(view), x, y), code)
        count = self.map.counts()[code]
        text = self.tr("Chosen: %1").replace("%1", labels.body_site(code))
        if count:
            text += " · " + self.tr("Lesions: %1").replace("%1", str(count))
        self.chosen.setText(text)
        self.new_button.setEnabled(self.state.record is not None)

    def _new_lesion(self) -> None:
        if self._place is not None and self.state.record is not None:
            self.new_lesion_at.emit(*self._place)
