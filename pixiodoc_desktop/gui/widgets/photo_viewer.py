"""The photo viewer: one clinical photo at a time, fit or 1:1, zoom and pan, next and previous.

API (for the screen that hosts it):

* ``PhotoViewer(parent=None, *, submit=None)``; ``submit`` is the image pool's
  ``submit(job, on_done, on_error)`` (see ``gui.thumbnails.Submit``), used to
  scale and convert images off the GUI thread; without it the viewer makes a
  one-thread pool of its own.
* ``setPhotos(ids: list[str], current: int)`` - the photos to step through.
  When the current id changes the viewer emits ``currentChanged(id)`` and
  ``photoRequested(id)``; the host loads (decrypts, decodes) the image on a
  worker and hands it over with ``showImage(id, image)``. An image for an id
  that is no longer current is ignored. ``showError(id, message)`` shows that
  it could not be loaded. Give ``Format_RGB32`` or ``Format_ARGB32_Premultiplied``
  images to have them painted at once; other formats are converted off-thread
  first.
* ``clear()`` forgets the photos and the image (the workstation locks);
  ``currentChanged("")`` is emitted.
* ``currentId() -> str | None``, ``currentIndex() -> int`` (-1 when empty),
  ``count()``, ``showNext()``, ``showPrevious()``.
* ``zoom() -> float`` (1.0 means one image pixel on one screen pixel),
  ``isFit()``, ``fitToWindow()``, ``showActualSize()``, ``setZoom(zoom, anchor)``
  (clamped to 2 %-1600 %, ``anchor`` a widget point that stays put),
  ``zoomIn()``, ``zoomOut()``; signal ``zoomChanged(float)``.
* ``imageToWidget(QPointF) -> QPointF`` and ``widgetToImage(QPointF) -> QPointF``
  map between image pixels and widget (logical) coordinates.
* ``setFullScreen(bool)``, ``toggleFullScreen()``, ``isFullScreen()``; full screen
  applies to the viewer's window (``isFullScreen`` answers for the window), and
  ``fullScreenChanged(bool)`` lets the host hide its side panels meanwhile.
* ``shutdown()`` waits for the viewer's own pool (only when it made one).

Mouse: wheel zooms around the cursor, drag pans, double-click toggles fit and
1:1. Keys: Left/Right previous/next, F or F11 full screen, Esc leaves full
screen, 0 fit, 1 1:1, +/- zoom.

The viewer is built in layers, each one idea in its own module: the scaled
copy (viewer_scaling.py), painting (viewer_painting.py), zoom and position
(viewer_zoom.py); here, the photos stepped through, the images handed
over, full screen, mouse and keys.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCursor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from pixiodoc_desktop.clinic.records.second_opinions import PhotoMark
from pixiodoc_desktop.gui.thumbnails import FAST_FORMATS, PooledJobs, Submit, paintable
from pixiodoc_desktop.gui.widgets.viewer_painting import PhotoState
from pixiodoc_desktop.gui.widgets.viewer_zoom import MAX_ZOOM, MIN_ZOOM, ViewerZoom

# One wheel notch (120 units) zooms by 2 ** (1/4); high-resolution wheels and
# touchpads send smaller deltas and so zoom continuously.
_WHEEL_UNITS_PER_DOUBLING = 480.0

__all__ = ["MAX_ZOOM", "MIN_ZOOM", "PhotoViewer"]


class PhotoViewer(ViewerZoom):
    """Shows the current photo of a list; asks the host for images by id."""

    photoRequested = Signal(str)
    currentChanged = Signal(str)
    fullScreenChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self._own_jobs: PooledJobs | None = None
        if submit is None:
            self._own_jobs = PooledJobs(max_threads=1, parent=self)
            submit = self._own_jobs
        self._submit: Submit = submit

        self._ids: list[str] = []
        self._index = -1
        self._state = PhotoState.EMPTY
        self._message = ""
        self._current: str | None = None  # the id whose image is shown or awaited
        self._marks: dict[str, tuple[int, list[PhotoMark]]] = {}
        self._detail_asked: str | None = None  # detailWanted was emitted for this id
        self._delivery = 0  # which showImage() a conversion belongs to

        self._image: QImage | None = None
        self._serial = 0  # which image a scaled copy was made from
        self._fit = True
        self._zoom = 1.0  # device pixels per image pixel
        self._offset = QPointF()  # where the image's top left corner is, in widget units
        self._dpr = 1.0

        self._scaled: QPixmap | None = None
        self._scaled_key: tuple[int, int, int] | None = None
        self._scaling_key: tuple[int, int, int] | None = None
        self._scale_timer = QTimer(self)
        self._scale_timer.setSingleShot(True)
        self._scale_timer.setInterval(80)
        self._scale_timer.timeout.connect(self._start_scaling)

        self._drag_from: QPointF | None = None
        self._drag_offset = QPointF()
        self._restore_maximized = False

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)
        self.setAccessibleName(self.tr("Photo viewer"))
        self._describe()

    # --- the list of photos ------------------------------------------------------------

    def setPhotos(self, ids: Sequence[str], current: int = 0) -> None:
        self._ids = list(ids)
        if not self._ids:
            self._go_to(-1)
        else:
            self._go_to(min(max(current, 0), len(self._ids) - 1))

    def setMarks(self, marks: dict[str, tuple[int, list[PhotoMark]]]) -> None:
        """Second opinions' marks to draw over photos: id -> (the photo's width, marks)."""
        self._marks = dict(marks)
        self.update()

    def marksShown(self) -> int:
        """How many marks are drawn over the photo shown now."""
        return len(self._marks.get(self._current or "", (0, []))[1]) if self._image else 0

    def clear(self) -> None:
        """Forget the photos and drop the image from memory at once."""
        self._marks = {}
        self._ids = []
        self._go_to(-1)

    def currentId(self) -> str | None:
        return self._current

    def currentIndex(self) -> int:
        return self._index

    def count(self) -> int:
        return len(self._ids)

    def showNext(self) -> None:
        if 0 <= self._index < len(self._ids) - 1:
            self._go_to(self._index + 1)

    def showPrevious(self) -> None:
        if self._index > 0:
            self._go_to(self._index - 1)

    def showImage(self, photo_id: str, image: QImage) -> None:
        """Display ``image`` if ``photo_id`` is still the current photo; otherwise ignore it."""
        if photo_id != self._current:
            return
        self._delivery += 1
        if image.isNull():
            self.showError(photo_id, self.tr("This photo could not be opened."))
            return
        if image.format() in FAST_FORMATS:
            self._set_image(image)
            return
        delivery = self._delivery

        def converted(result: QImage) -> None:
            if delivery == self._delivery:
                self._set_image(result)

        def failed(_error: BaseException) -> None:
            if delivery == self._delivery:
                self.showError(photo_id, self.tr("This photo could not be opened."))

        self._submit(lambda: paintable(image), converted, failed)

    def refineImage(self, photo_id: str, image: QImage) -> None:
        """Put a more detailed copy of the current photo in place of the shown one.

        What is on screen does not jump: the zoom is rescaled so that the photo keeps
        its size and position, except at 1:1, which then means the new image's pixels.
        Ignored for another photo, or for an image no larger than the shown one.
        """
        if photo_id != self._current or self._image is None or image.isNull():
            return
        if image.width() <= self._image.width():
            return
        delivery = self._delivery

        def swap(result: QImage) -> None:
            if delivery != self._delivery or self._image is None:
                return
            old_width = self._image.width()
            one_to_one = not self._fit and math.isclose(self._zoom, 1.0)
            centre = QPointF(self.width() / 2, self.height() / 2)
            under = self.widgetToImage(centre)
            ratio = result.width() / old_width
            self._image = result
            self._serial += 1
            self._scaled = None
            self._scaled_key = None
            if one_to_one:
                self._zoom = 1.0
                scale = self._scale()
                self._offset = QPointF(
                    centre.x() - under.x() * ratio * scale, centre.y() - under.y() * ratio * scale
                )
            elif not self._fit:
                self._zoom /= ratio
            self._changed()
            self._schedule_scaling(immediately=True)

        if image.format() in FAST_FORMATS:
            swap(image)
        else:
            self._submit(lambda: paintable(image), swap, lambda _error: None)

    def showNote(self, photo_id: str, message: str) -> None:
        """Say what the current photo waits for (e.g. it comes from the clinic's bucket)."""
        if photo_id != self._current or self._state is not PhotoState.LOADING:
            return
        self._message = message
        self.update()

    def showError(self, photo_id: str, message: str) -> None:
        """Say that the current photo could not be loaded (ignored for other ids)."""
        if photo_id != self._current:
            return
        self._delivery += 1
        self._drop_image()
        self._state = PhotoState.FAILED
        self._message = message
        self._describe()
        self.update()

    def _go_to(self, index: int) -> None:
        new_id = self._ids[index] if index >= 0 else None
        self._index = index
        if new_id is not None and new_id == self._current:
            self._describe()
            self.update()
            return
        self._current = new_id
        self._detail_asked = None
        self._delivery += 1
        self._drop_image()
        self._state = PhotoState.EMPTY if new_id is None else PhotoState.LOADING
        self._message = ""
        self._describe()
        self.update()
        self.currentChanged.emit(new_id or "")
        if new_id is not None:
            self.photoRequested.emit(new_id)

    def _drop_image(self) -> None:
        self._image = None
        self._scaled = None
        self._scaled_key = None
        self._scaling_key = None
        self._scale_timer.stop()
        self._drag_from = None
        self._fit = True
        self.unsetCursor()

    def _set_image(self, image: QImage) -> None:
        self._image = image
        self._serial += 1
        self._scaled = None
        self._scaled_key = None
        self._state = PhotoState.SHOWN
        self._fit = True
        self._layout()
        self._schedule_scaling(immediately=True)
        self._describe()
        self._update_cursor()
        self.update()
        self.zoomChanged.emit(self._zoom)

    # --- full screen -------------------------------------------------------------------

    def isFullScreen(self) -> bool:
        """Whether the viewer's window is full screen (the viewer itself is usually a child)."""
        window = self.window()
        return super().isFullScreen() if window is self else window.isFullScreen()

    def setFullScreen(self, on: bool) -> None:
        window = self.window()
        if on == window.isFullScreen():
            return
        if on:
            self._restore_maximized = window.isMaximized()
            window.showFullScreen()
        elif self._restore_maximized:
            window.showMaximized()
        else:
            window.showNormal()
        self.fullScreenChanged.emit(on)

    def toggleFullScreen(self) -> None:
        self.setFullScreen(not self.isFullScreen())

    def shutdown(self) -> None:
        """Stop background scaling and wait for the viewer's own thread, if it has one."""
        self._scale_timer.stop()
        if self._own_jobs is not None:
            self._own_jobs.shutdown()

    # --- events ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(800, 600)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._image is not None:
            self._changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.DevicePixelRatioChange
            and self._image is not None
            and not math.isclose(self._dpr, self.devicePixelRatioF())
        ):
            if not self._fit:
                # Keep the magnification in widget units across screens.
                self._zoom *= self.devicePixelRatioF() / self._dpr
            self._changed()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if self._image is None or delta == 0:
            event.ignore()
            return
        factor = 2.0 ** (delta / _WHEEL_UNITS_PER_DOUBLING)
        self.setZoom(self._zoom * factor, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._image is not None:
            self._drag_from = event.position()
            self._drag_offset = QPointF(self._offset)
            if self._pannable():
                self.setCursor(QCursor(Qt.CursorShape.ClosedHandCursor))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None or self._image is None:
            super().mouseMoveEvent(event)
            return
        moved = event.position() - self._drag_from
        offset = self._clamped(self._drag_offset + moved)
        if offset != self._offset:
            self._fit = False
            self._offset = offset
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag_from is not None:
            self._drag_from = None
            self._update_cursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._image is None:
            super().mouseDoubleClickEvent(event)
            return
        if self._fit:
            self.showActualSize(event.position())
        else:
            self.fitToWindow()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.showPrevious()
        elif key == Qt.Key.Key_Right:
            self.showNext()
        elif key in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.toggleFullScreen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.setFullScreen(False)
        elif key == Qt.Key.Key_0:
            self.fitToWindow()
        elif key == Qt.Key.Key_1:
            self.showActualSize()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoomIn()
        elif key == Qt.Key.Key_Minus:
            self.zoomOut()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
