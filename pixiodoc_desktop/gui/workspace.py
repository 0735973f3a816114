"""The workspace behind the unlock screen: patients, the timeline, and the record's tabs.

`Workspace` is the splitter of the three panels (the patient list, the
timeline, the details and body map as tabs) with the links among them, the
photo viewer they open and the thumbnails they draw; it shows one record in
all of them at once. The main window decides which record that is. Strings
keep the "MainWindow" translation context, where they have always lived.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from pixiodoc_desktop.clinic.records.photos import ImageSize
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.ondemand_images import fetching_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.side_windows import place_on_parent_screen
from pixiodoc_desktop.gui.thumbnails import ThumbnailCache, ThumbnailLoader
from pixiodoc_desktop.gui.views.body_map_panel import BodyMapPanel
from pixiodoc_desktop.gui.views.details import DetailsPanel
from pixiodoc_desktop.gui.views.patients import PatientPanel
from pixiodoc_desktop.gui.views.timeline import TimelinePanel
from pixiodoc_desktop.gui.views.viewer import ViewerWindow
from pixiodoc_desktop.gui.widgets.timeline_view import tile_image


def vault_thumbnails(ctx: GuiContext, parent: QObject) -> ThumbnailLoader:
    """Thumbnails read from the vault on the DB worker, cached as the settings say; those
    still in the clinic's bucket (images on demand) are fetched on the network pool."""

    def fetch(photo_id: str) -> bytes:
        services, actor = ctx.session.require()
        return services.photos.image(actor, photo_id, ImageSize.THUMBNAIL)

    def submit(job: Any, on_done: Any, on_error: Any) -> None:
        ctx.worker.submit(job, on_done, on_error)

    return ThumbnailLoader(
        fetch,
        ThumbnailCache.for_settings(ctx.settings),
        submit=submit,
        parent=parent,
        from_bucket=ctx.bucket.fetch if ctx.bucket is not None else None,
    )


class Workspace(QSplitter):
    """The patient list, the timeline and the record's tabs side by side.

    `window` parents the photo viewer (so that locking finds and clears it).
    """

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        thumbnails: ThumbnailLoader,
        window: QWidget,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("Workspace")
        self.ctx = ctx
        self._state = state
        self._window = window
        self.thumbnails = thumbnails
        self.viewer: ViewerWindow | None = None
        self.patients = PatientPanel(ctx)
        self.timeline = TimelinePanel(thumbnails.thumbnail, thumbnails.request)
        self.details = DetailsPanel()
        self.body_map = BodyMapPanel(ctx, state)
        self.record_tabs = QTabWidget()
        self.record_tabs.setObjectName("recordTabs")
        self.record_tabs.addTab(self.details, QCoreApplication.translate("MainWindow", "Details"))
        self.record_tabs.addTab(self.body_map, QCoreApplication.translate("MainWindow", "Body map"))
        self.addWidget(self.patients)
        self.addWidget(self.timeline)
        self.addWidget(self.record_tabs)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.timeline.timeline.photo_selected.connect(self.details.show_photo)
        self.timeline.timeline.photo_activated.connect(self.open_viewer)
        self.details.open_viewer_requested.connect(self.open_selected)
        self.body_map.map.site_chosen.connect(self.timeline.show_site)
        self.body_map.map.lesion_chosen.connect(self.timeline.show_lesion)
        thumbnails.thumbnailReady.connect(self._keep_tile_size)
        thumbnails.thumbnailReady.connect(self.timeline.timeline.thumbnail_ready)
        thumbnails.thumbnailFetching.connect(
            lambda photo_id: self.timeline.timeline.set_note(photo_id, fetching_text())
        )
        thumbnails.thumbnailFailed.connect(self.timeline.timeline.set_note)

    def fit(self, width: int) -> None:
        """The list and the tabs at their usual widths, the timeline takes the rest."""
        self.setSizes([280, width - 280 - 330, 330])

    def show_record(self, record: PatientRecord, *, fresh: bool, same: bool) -> None:
        """Show `record` in the timeline and details; a refresh (`same`, not `fresh`) keeps
        the photo selected, else the first photo is."""
        selected = self.timeline.timeline.selected() if same and not fresh else None
        if fresh:  # shown again: thumbnails that could not be fetched are tried again
            self.thumbnails.retry_failed()
        self.timeline.show_record(record, refresh=same and not fresh)
        photos = self.timeline.timeline.photos()
        if selected is None and photos:
            selected = photos[0].id
        self.timeline.timeline.select(selected, emit=False)
        self.details.show_record(record, selected)
        self.patients.note_recent(record.patient)

    def retry_images(self, outcome: object = None) -> None:
        """A sync round went through: fetch what could not be fetched before, if in view."""
        if isinstance(outcome, Exception):
            return  # the round did not reach the bucket either
        if self.ctx.bucket is not None:
            self.ctx.bucket.retry()
        if self.thumbnails.retry_failed():
            self.timeline.timeline.request_visible()

    def show_no_record(self) -> None:
        self.timeline.show_record(None)
        self.details.show_record(None)

    # --- photos: the viewer and the thumbnails' size ---------------------------------------

    def _keep_tile_size(self, photo_id: str) -> None:
        """Cache thumbnails at the size the timeline draws them: half the memory."""
        cache = self.thumbnails.cache
        image = cache.get(photo_id)
        if image is not None:
            tile = tile_image(image, self.timeline.timeline.devicePixelRatioF())
            if tile.sizeInBytes() < image.sizeInBytes():
                cache.put(photo_id, tile)

    def open_selected(self) -> None:
        selected = self.timeline.timeline.selected()
        if selected is not None:
            self.open_viewer(selected)

    def open_viewer(self, photo_id: str) -> None:
        if self.viewer is None:
            self.viewer = ViewerWindow(self.ctx, self._window)
            self.viewer.viewer.currentChanged.connect(self._viewer_moved)
            place_on_parent_screen(self.viewer, self._window)  # 1100x800 is taller than a laptop
        record = self._state.record
        opinions = record.opinions if record is not None else ()
        self.viewer.show_photos(self.timeline.timeline.photos(), photo_id, opinions)

    def _viewer_moved(self, photo_id: str) -> None:
        if photo_id:
            self.timeline.timeline.select(photo_id)

    def hide_viewer(self) -> None:
        if self.viewer is not None:
            self.viewer.clear()
            self.viewer.hide()

    def shut_viewer(self) -> None:
        if self.viewer is not None:
            self.viewer.clear()
            self.viewer.viewer.shutdown()
