"""Opening a patient's record fast: the newest photos and their thumbnails first, the rest after.

The first DB job loads the record with only its newest photos (audited as
PATIENT_VIEWED), decrypts their thumbnails in one session and has them
decoded and scaled to tile size on the image pool. The complete photo list
follows in a second job once the first screenful has been painted, so that
its query never competes with that paint.

Once the clinician has asked for another patient, a reload of the record still
on screen (the rest of a long timeline, a refresh after an edit) is not shown
any more: it would repaint the previous patient, and announce that record
again, while the one asked for is on its way (the worker runs jobs in order,
so such a reload can arrive just before it).
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
        self._asked: str | None = None  # the patient opened, until his record arrives

    def _still_wanted(self, patient_id: str) -> bool:
        """False when the clinician has asked for another patient since."""
        return self._asked is None or self._asked == patient_id

    def open(self, patient_id: str) -> None:
        self._asked = patient_id
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
            if self._asked == patient_id:
                self._asked = None
            self.loaded.emit(record, True)
            self.view.prime(tiles)
            if not record.complete:
                self.view.screenful_painted.connect(rest, Qt.ConnectionType.SingleShotConnection)
                QTimer.singleShot(REST_DELAY_MS, rest)

        def failed(error: Exception) -> None:
            if self._asked == patient_id:
                self._asked = None  # nothing is on its way: reloads of the one shown count again
            report = self.ctx.worker.default_failure
            if report is None:
                raise error
            report(error)

        DbOperation(head).success(shown).failure(failed).run(self.ctx.worker)

    def refresh(self, patient_id: str) -> None:
        """The whole record again (after an edit or import); not audited as a new view."""
        if not self._still_wanted(patient_id):
            return
        session = self.ctx.session

        def reloaded(record: PatientRecord) -> None:
            if self._still_wanted(patient_id):
                self.loaded.emit(record, False)

        DbOperation(lambda: session.patient_record(patient_id, audited=False)).success(
            reloaded
        ).run(self.ctx.worker)
