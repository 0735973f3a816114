"""The capture screen's overlay: the last visit's photo as a ghost over the live picture.

The ghost is the newest photo of an earlier visit showing the chosen lesion (or
body site), the same modality preferred; it lies over the live picture whole or
as edges, at a chosen opacity, with a grid if wanted, so that the framing of two
visits matches. Its image is read on the DB worker and prepared on the image pool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.body_series import POSE_PREFIX, pose_of
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, PhotoSummary
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.ondemand_images import fetching_text, submit_on
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.widgets.live_preview import LivePreview, ghost_images


def ghost_candidate(
    record: PatientRecord, context: CaptureContext, before: dt.date, modality: str
) -> PhotoSummary | None:
    """The newest photo of a visit before `before` showing the context's lesion (or body
    site), `modality` preferred; for a pose of a total-body series, that pose in the
    latest earlier series."""
    pose = next(
        (t.removeprefix(POSE_PREFIX) for t in context.tags if t.startswith(POSE_PREFIX)), None
    )
    if pose is not None:
        earlier = [p for p in record.photos if p.visit_date < before and pose_of(p) == pose]
        return max(
            earlier, key=lambda p: (p.visit_date, p.captured_at or dt.datetime.min), default=None
        )
    if context.lesion_id is None and context.body_site is None:
        return None
    matching = [
        p
        for p in record.photos
        if p.visit_date < before
        and (
            p.lesion_id == context.lesion_id
            if context.lesion_id is not None
            else p.body_site == context.body_site
        )
    ]
    if not matching:
        return None

    def key(photo: PhotoSummary) -> tuple[bool, dt.date, dt.datetime]:
        return (
            photo.modality == modality,
            photo.visit_date,
            photo.captured_at or dt.datetime.min,
        )

    newest_visit = max(p.visit_date for p in matching)
    last_visit = [p for p in matching if p.visit_date == newest_visit]
    return max(last_visit, key=key)


class GhostOverlayPanel(QGroupBox):
    """The overlay's switches, and the ghost it loads into `live`."""

    ghost_shown = Signal(str)  # photo id of the ghost ("" when none)

    def __init__(
        self,
        ctx: GuiContext,
        live: LivePreview,
        is_active: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Overlay"))
        self.ctx = ctx
        self.live = live
        self._is_active = is_active
        self._ghost_id: str | None = None
        self._ghost_wanted: str | None = None
        self._pose_names: tuple[tuple[str, str], ...] = ()
        box = QVBoxLayout(self)
        self.ghost_check = QCheckBox(self.tr("Ghost of the last visit's photo"))
        self.ghost_check.setAccessibleName(self.tr("Ghost of the last visit's photo"))
        self.ghost_check.setChecked(True)
        self.ghost_caption = QLabel()
        self.ghost_caption.setProperty("role", "muted")
        self.ghost_caption.setWordWrap(True)
        opacity_row = QHBoxLayout()
        self.opacity_label = QLabel(self.tr("Opacity"))
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setSingleStep(5)
        self.opacity_slider.setPageStep(10)
        self.opacity_slider.setValue(40)
        self.opacity_slider.setAccessibleName(self.tr("Ghost opacity"))
        self.opacity_label.setBuddy(self.opacity_slider)
        self.opacity_value = QLabel()
        self.opacity_value.setMinimumWidth(40)
        opacity_row.addWidget(self.opacity_label)
        opacity_row.addWidget(self.opacity_slider, 1)
        opacity_row.addWidget(self.opacity_value)
        self.edges_check = QCheckBox(self.tr("Edges only"))
        self.edges_check.setAccessibleName(self.tr("Edges only"))
        self.grid_check = QCheckBox(self.tr("Grid"))
        self.grid_check.setAccessibleName(self.tr("Grid"))
        box.addWidget(self.ghost_check)
        box.addWidget(self.ghost_caption)
        box.addLayout(opacity_row)
        box.addWidget(self.edges_check)
        box.addWidget(self.grid_check)
        self.ghost_check.toggled.connect(self.live.set_ghost_visible)
        self.opacity_slider.valueChanged.connect(self._opacity_changed)
        self.edges_check.toggled.connect(self.live.set_edges_only)
        self.grid_check.toggled.connect(self.live.set_grid)
        self.live.set_ghost_visible(True)
        self._opacity_changed(self.opacity_slider.value())

    def show_candidate(
        self,
        candidate: PhotoSummary | None,
        context: CaptureContext,
        pose_names: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Lay `candidate` over the live picture (loading it first), or say why there is none;
        `pose_names`: the clinic's own names of its series poses, for the caption."""
        self._pose_names = pose_names
        if candidate is None:
            self._ghost_id = None
            self._ghost_wanted = None
            self.live.set_ghost(None)
            self.ghost_caption.setText(
                self.tr("Choose a body site or lesion to see its last photo.")
                if context.body_site is None and context.lesion_id is None
                else self.tr("No photo of this site from an earlier visit.")
            )
            self.ghost_shown.emit("")
            return
        if candidate.id in (self._ghost_id, self._ghost_wanted):
            return
        self._ghost_wanted = candidate.id
        self.ghost_caption.setText(self.tr("Loading the last visit's photo…"))
        session = self.ctx.session
        photo_id = candidate.id

        def fetch() -> bytes:
            services, actor = session.require()
            return services.photos.image(actor, photo_id, ImageSize.SCREEN)

        def fetched(data: bytes) -> None:
            self.ctx.images.submit(
                lambda: ghost_images(data),
                lambda images: self._ghost_ready(candidate, images),
                lambda _exc: self._ghost_failed(photo_id),
            )

        def fetching() -> None:  # the last visit's photo is still in the clinic's bucket
            if self._ghost_wanted == photo_id:
                self.ghost_caption.setText(fetching_text())

        run = submit_on(self.ctx.bucket, self.ctx.worker)
        run(fetch, fetched, lambda _exc: self._ghost_failed(photo_id), fetching)

    def forget(self) -> None:
        """Hide the ghost (the workstation may be locking)."""
        self.live.set_ghost(None)
        self._ghost_id = None
        self._ghost_wanted = None

    def _ghost_ready(self, photo: PhotoSummary, images: tuple[QImage, QImage]) -> None:
        if photo.id != self._ghost_wanted or not self._is_active():
            return
        self._ghost_id = photo.id
        self._ghost_wanted = None
        self.live.set_ghost(*images)
        pose = pose_of(photo)  # a series photo shows a pose, not one body site
        where = (
            labels.body_site(photo.body_site)
            if pose is None
            else pose_label(pose, self._pose_names)
        )
        self.ghost_caption.setText(
            " · ".join((date_text(photo.visit_date), where, labels.modality(photo.modality)))
        )
        self.ghost_shown.emit(photo.id)

    def _ghost_failed(self, photo_id: str) -> None:
        if photo_id == self._ghost_wanted:
            self._ghost_wanted = None
            self.ghost_caption.setText(self.tr("The last visit's photo could not be opened."))

    def _opacity_changed(self, value: int) -> None:
        self.live.set_ghost_opacity(value / 100)
        self.opacity_value.setText(f"{value} %")
