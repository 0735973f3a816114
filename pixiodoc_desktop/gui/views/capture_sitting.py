"""The photos of one sitting at the capture screen: each shot stored on the DB worker
(one frame, or the sharpest of a burst), the last one discarded on request, and the
tethered camera's arrivals counted alongside."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pixiodoc_desktop.capture.profiles import DeviceProfile
from pixiodoc_desktop.capture.sources import Frame
from pixiodoc_desktop.capture.still import StillResult, take_best_of, take_still
from pixiodoc_desktop.clinic.records.photos import CaptureContext, PhotoSummary
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.workers import DbOperation


class SittingPhotos(QObject):
    """What this sitting added to one patient's record; every change is announced as
    the patient's photos having changed, even after the screen was closed."""

    stored = Signal(object)  # StillResult
    discarded = Signal(str)  # photo id

    def __init__(self, ctx: GuiContext, patient_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.photos: list[PhotoSummary] = []
        self.last_result: StillResult | None = None
        self.last_burst: list[Frame] = []

    def store(
        self,
        frames: list[Frame],
        context: CaptureContext,
        profile: DeviceProfile | None,
        device_name: str,
    ) -> None:
        """Store one frame, or the sharpest of a burst, into `context`."""
        session = self.ctx.session
        self.last_burst = list(frames)

        def job() -> StillResult:
            services, actor = session.require()
            if len(frames) == 1:
                return take_still(
                    services.photos,
                    actor,
                    frames[0],
                    context,
                    device_name=device_name,
                    profile=profile,
                )
            return take_best_of(
                services.photos, actor, frames, context, device_name=device_name, profile=profile
            )

        DbOperation(job).success(self._stored).run(self.ctx.worker)

    def _stored(self, result: StillResult) -> None:
        self.last_result = result
        if not result.duplicate:
            self.photos.append(result.photo)
        self.ctx.changes.photos_changed.emit(self.patient_id)
        self.stored.emit(result)

    def discard_last(self) -> None:
        """Remove the photo just taken (it stays recoverable as a tombstone)."""
        if not self.photos:
            return
        photo = self.photos[-1]
        session = self.ctx.session

        def job() -> str:
            services, actor = session.require()
            services.photos.delete(actor, photo.id)
            return photo.id

        DbOperation(job).success(self._discarded).run(self.ctx.worker)

    def _discarded(self, photo_id: str) -> None:
        self.photos = [p for p in self.photos if p.id != photo_id]
        self.ctx.changes.photos_changed.emit(self.patient_id)
        self.discarded.emit(photo_id)

    def add(self, photo: PhotoSummary) -> None:
        """A photo that arrived another way (the hot folder), counted once."""
        if all(p.id != photo.id for p in self.photos):
            self.photos.append(photo)
