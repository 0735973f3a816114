"""Opening a patient's record fast: the newest photos and their thumbnails first, the rest after.

The first DB job loads the record with only its newest photos (audited as
PATIENT_VIEWED), decrypts their thumbnails in one session and has them
decoded and scaled to tile size on the image pool. The complete photo list
follows in a second job once the first screenful has been painted, so that
its query never competes with that paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.thumbnails import ThumbnailCache, decode_image
from pixiodoc_desktop.gui.widgets.timeline_view import TimelineView, tile_image
from pixiodoc_desktop.gui.workers import DbOperation

FIRST_PAGE = 32  # photos loaded before the first paint
PREFETCH = 14  # thumbnails decrypted with them: about a screenful (the loader fetches more)
REST_DELAY_MS = 400  # the rest of a large record loads after the first paint, at the latest


class RecordLoader(QObject):
    """Emits `loaded(record, fresh)`: fresh for a newly opened record, not for a refresh."""

    loaded = Signal(object, bool)

    def __init__(
        self,
        ctx: GuiContext,
        cache: ThumbnailCache,
        view: TimelineView,
        current: Callable[[], PatientRecord | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cache = cache
        self.view = view
        self.current = current

    def open(self, patient_id: str) -> None:
        session, cache, images = self.ctx.session, self.cache, self.ctx.images
        ratio = self.view.devicePixelRatioF()

        def decode(item: tuple[str, bytes]) -> tuple[str, QImage] | None:
            try:
                image = decode_image(item[1])
            except PixioDocError:
                return None  # the thumbnail loader tries again and reports it
            return item[0], tile_image(image, ratio)

        def head() -> tuple[PatientRecord, dict[str, QImage]]:
            record, thumbnails = session.open_timeline(
                patient_id, first=FIRST_PAGE, thumbnails=PREFETCH
            )
            tiles: dict[str, QImage] = {}
            for done in images.map(decode, list(thumbnails.items())):
                if done is not None:  # cached at the size the timeline draws it
                    cache.put(done[0], done[1])
                    tiles[done[0]] = done[1]
            return record, tiles

        def rest() -> None:
            if not self.ctx.worker.running():
                return  # the window shut down before the delayed rest of the record was due
            record = self.current()
            if record is not None and record.patient.id == patient_id and not record.complete:
                self.refresh(patient_id)

        def shown(result: tuple[PatientRecord, dict[str, QImage]]) -> None:
            record, tiles = result
            self.loaded.emit(record, True)
            self.view.prime(tiles)
            if not record.complete:
                self.view.screenful_painted.connect(rest, Qt.ConnectionType.SingleShotConnection)
                QTimer.singleShot(REST_DELAY_MS, rest)

        DbOperation(head).success(shown).run(self.ctx.worker)

    def refresh(self, patient_id: str) -> None:
        """The whole record again (after an edit or import); not audited as a new view."""
        session = self.ctx.session
        DbOperation(lambda: session.patient_record(patient_id, audited=False)).success(
            lambda record: self.loaded.emit(record, False)
        ).run(self.ctx.worker)
