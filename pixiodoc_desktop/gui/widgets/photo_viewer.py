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

Painting uses a scaled copy of the photo, made off-thread with smooth
scaling and cached as a pixmap, so a 24 MP photo paints at screen size in
about the time a screenful of pixels takes; at 100 % and above only the
visible part of the photo is drawn.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from pixiodoc_desktop.gui.thumbnails import FAST_FORMATS, PooledJobs, Submit, paintable

MIN_ZOOM = 0.02
MAX_ZOOM = 16.0
# One wheel notch (120 units) zooms by 2 ** (1/4); high-resolution wheels and
# touchpads send smaller deltas and so zoom continuously.
_WHEEL_UNITS_PER_DOUBLING = 480.0
_KEY_ZOOM_STEP = 2.0**0.5
# Above this magnification pixels are shown as the square blocks they are, so
# that interpolation never invents detail a clinician might read into.
_SMOOTH_UP_TO = 4.0
# A scaled copy is cached only while it is not much larger than the screen area.
_CACHE_AREA_FACTOR = 4
# Fit leaves a little dark surround, so the photo's edge is always visible.
_FIT_MARGIN = 12

# A neutral grey surround (equal R, G and B) does not tint the perceived skin colour.
_BACKGROUND = QColor(32, 32, 32)
_MESSAGE_COLOUR = QColor(150, 150, 150)
_OVERLAY_BACKGROUND = QColor(0, 0, 0, 150)
_OVERLAY_TEXT = QColor(220, 220, 220)


class _State(enum.Enum):
    EMPTY = enum.auto()
    LOADING = enum.auto()
    SHOWN = enum.auto()
    FAILED = enum.auto()


class PhotoViewer(QWidget):
    """Shows the current photo of a list; asks the host for images by id."""

    photoRequested = Signal(str)
    currentChanged = Signal(str)
    zoomChanged = Signal(float)
    fullScreenChanged = Signal(bool)
    # Zoomed to the shown image's own pixels or closer: the host may now bring the full
    # resolution original (see refineImage); asked once per photo.
    detailWanted = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, submit: Submit | None = None) -> None:
        super().__init__(parent)
        self._own_jobs: PooledJobs | None = None
        if submit is None:
            self._own_jobs = PooledJobs(max_threads=1, parent=self)
            submit = self._own_jobs
        self._submit: Submit = submit

        self._ids: list[str] = []
        self._index = -1
        self._state = _State.EMPTY
        self._message = ""
        self._current: str | None = None  # the id whose image is shown or awaited
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

    def clear(self) -> None:
        """Forget the photos and drop the image from memory at once."""
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

    def showError(self, photo_id: str, message: str) -> None:
        """Say that the current photo could not be loaded (ignored for other ids)."""
        if photo_id != self._current:
            return
        self._delivery += 1
        self._drop_image()
        self._state = _State.FAILED
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
        self._state = _State.EMPTY if new_id is None else _State.LOADING
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
        self._state = _State.SHOWN
        self._fit = True
        self._layout()
        self._schedule_scaling(immediately=True)
        self._describe()
        self._update_cursor()
        self.update()
        self.zoomChanged.emit(self._zoom)

    # --- zoom and position -------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def isFit(self) -> bool:
        return self._fit

    def fitToWindow(self) -> None:
        if self._image is None:
            return
        self._fit = True
        self._changed()

    def showActualSize(self, anchor: QPointF | None = None) -> None:
        self.setZoom(1.0, anchor)

    def zoomIn(self) -> None:
        self.setZoom(self._zoom * _KEY_ZOOM_STEP)

    def zoomOut(self) -> None:
        self.setZoom(self._zoom / _KEY_ZOOM_STEP)

    def setZoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom so that the image point under ``anchor`` (default: the centre) stays there."""
        if self._image is None:
            return
        if anchor is None:
            anchor = QPointF(self.width() / 2, self.height() / 2)
        under = self.widgetToImage(anchor)
        self._fit = False
        self._zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        scale = self._scale()
        self._offset = QPointF(anchor.x() - under.x() * scale, anchor.y() - under.y() * scale)
        self._changed()

    def imageToWidget(self, point: QPointF) -> QPointF:
        scale = self._scale()
        return QPointF(self._offset.x() + point.x() * scale, self._offset.y() + point.y() * scale)

    def widgetToImage(self, point: QPointF) -> QPointF:
        scale = self._scale()
        return QPointF(
            (point.x() - self._offset.x()) / scale, (point.y() - self._offset.y()) / scale
        )

    def _scale(self) -> float:
        """Widget units per image pixel."""
        return self._zoom / self._dpr

    def _fit_zoom(self) -> float:
        assert self._image is not None
        width, height = self._image.width(), self._image.height()
        margin = _FIT_MARGIN if min(self.width(), self.height()) > 8 * _FIT_MARGIN else 0
        room_x, room_y = self.width() - 2 * margin, self.height() - 2 * margin
        fit = min(room_x / width, room_y / height) * self._dpr
        return min(max(fit, MIN_ZOOM), MAX_ZOOM)

    def _layout(self) -> None:
        """Recompute the fit zoom and keep the image where it can be seen."""
        if self._image is None:
            return
        self._dpr = self.devicePixelRatioF()
        if self._fit:
            self._zoom = self._fit_zoom()
        self._offset = self._clamped(self._offset)

    def _clamped(self, offset: QPointF) -> QPointF:
        """An image smaller than the widget is centred; a larger one covers it without gaps."""
        assert self._image is not None
        scale = self._scale()

        def axis(value: float, extent: float, room: float) -> float:
            if extent <= room:
                return (room - extent) / 2
            return min(0.0, max(room - extent, value))

        return QPointF(
            axis(offset.x(), self._image.width() * scale, self.width()),
            axis(offset.y(), self._image.height() * scale, self.height()),
        )

    def _changed(self) -> None:
        before = self._zoom
        self._layout()
        self._schedule_scaling()
        self._describe()
        self._update_cursor()
        self.update()
        if not math.isclose(before, self._zoom):
            self.zoomChanged.emit(self._zoom)
        self._ask_for_detail()

    def _ask_for_detail(self) -> None:
        current = self._current
        if (
            current is not None
            and self._image is not None
            and self._detail_asked != current
            and self._zoom >= 1.0 - 1e-9
        ):
            self._detail_asked = current
            self.detailWanted.emit(current)

    # --- the scaled copy ---------------------------------------------------------------

    def _wanted_key(self) -> tuple[int, int, int] | None:
        """The scaled copy that painting would like: (image serial, width, height)."""
        if self._image is None or self._zoom >= 1.0:
            return None
        width = max(1, round(self._image.width() * self._zoom))
        height = max(1, round(self._image.height() * self._zoom))
        screen = self.width() * self.height() * self._dpr * self._dpr
        if width * height > _CACHE_AREA_FACTOR * max(screen, 1.0):
            return None
        return (self._serial, width, height)

    def _schedule_scaling(self, *, immediately: bool = False) -> None:
        key = self._wanted_key()
        if key is None or key == self._scaled_key:
            self._scale_timer.stop()
            return
        # While the wheel turns, the last copy is stretched; a new one is made
        # once the zoom has rested for a moment.
        self._scale_timer.start(0 if immediately else self._scale_timer.interval())

    def _start_scaling(self) -> None:
        key = self._wanted_key()
        image = self._image
        if key is None or image is None or key in (self._scaled_key, self._scaling_key):
            return
        self._scaling_key = key
        dpr = self._dpr
        size = QSize(key[1], key[2])

        def scale() -> QImage:
            return image.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )

        def scaled(result: QImage) -> None:
            if self._scaling_key == key:
                self._scaling_key = None
            if key[0] != self._serial or self._image is None:
                return
            pixmap = QPixmap.fromImage(result)
            pixmap.setDevicePixelRatio(dpr)
            self._scaled, self._scaled_key = pixmap, key
            self._schedule_scaling()
            self.update()

        def failed(_error: BaseException) -> None:
            # Painting falls back to drawing from the full image; nothing is lost.
            if self._scaling_key == key:
                self._scaling_key = None

        self._submit(scale, scaled, failed)

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

    def _pannable(self) -> bool:
        if self._image is None:
            return False
        scale = self._scale()
        return (
            self._image.width() * scale > self.width() + 0.5
            or self._image.height() * scale > self.height() + 0.5
        )

    def _update_cursor(self) -> None:
        if self._drag_from is not None:
            return
        if self._pannable():
            self.setCursor(QCursor(Qt.CursorShape.OpenHandCursor))
        else:
            self.unsetCursor()

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), _BACKGROUND)
            if self._image is not None:
                self._paint_image(painter, QRectF(event.rect()))
            else:
                self._paint_message(painter)
            if self._ids:
                self._paint_overlay(painter)
        finally:
            painter.end()

    def _paint_image(self, painter: QPainter, exposed: QRectF) -> None:
        assert self._image is not None
        scale = self._scale()
        x, y = self._offset.x(), self._offset.y()
        if math.isclose(self._zoom, 1.0) or (
            self._scaled_key is not None and self._scaled_key == self._wanted_key()
        ):
            # Whole device pixels, so that 1:1 and the scaled copy are plain copies of
            # their pixels, never resampled by a fraction of a pixel.
            x, y = round(x * self._dpr) / self._dpr, round(y * self._dpr) / self._dpr
        target = QRectF(x, y, self._image.width() * scale, self._image.height() * scale)
        painter.setRenderHint(
            QPainter.RenderHint.SmoothPixmapTransform, self._zoom <= _SMOOTH_UP_TO
        )

        scaled, wanted, stale = self._scaled, self._wanted_key(), self._scaled_key
        if scaled is not None and wanted is not None and stale == wanted:
            painter.drawPixmap(QPointF(x, y), scaled)
            return
        if scaled is not None and wanted is not None and stale and stale[0] == self._serial:
            # The last copy, stretched, until the one for this zoom is ready.
            painter.drawPixmap(target, scaled, QRectF(scaled.rect()))
            return
        if wanted is not None:
            # The first frame of a new photo, for the few milliseconds until its smooth
            # copy is ready: the fast filter keeps the GUI thread free.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        visible = target.intersected(exposed)
        if visible.isEmpty():
            return
        source = QRectF(
            (visible.x() - x) / scale,
            (visible.y() - y) / scale,
            visible.width() / scale,
            visible.height() / scale,
        )
        painter.drawImage(visible, self._image, source)

    def _paint_message(self, painter: QPainter) -> None:
        if self._state is _State.LOADING:
            text = self.tr("Loading photo…")
        elif self._state is _State.FAILED:
            text = self._message or self.tr("This photo could not be opened.")
        else:
            text = self.tr("No photo selected")
        painter.setPen(_MESSAGE_COLOUR)
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        area = QRectF(self.rect()).adjusted(24, 24, -24, -24)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)

    def _overlay_text(self) -> str:
        position = self.tr("{index} / {count}").format(index=self._index + 1, count=len(self._ids))
        if self._image is None:
            return position
        zoom = self.tr("{percent} %").format(percent=self._percent())
        return f"{zoom}   {position}"

    def _percent(self) -> int:
        return max(1, round(self._zoom * 100))

    def _paint_overlay(self, painter: QPainter) -> None:
        text = self._overlay_text()
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        pad_x, pad_y, margin = 8, 4, 10
        width = metrics.horizontalAdvance(text) + 2 * pad_x
        height = metrics.height() + 2 * pad_y
        box = QRectF(self.width() - width - margin, self.height() - height - margin, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_OVERLAY_BACKGROUND)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(_OVERLAY_TEXT)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def _describe(self) -> None:
        """Keep the accessible description in step with what is shown."""
        if not self._ids:
            description = self.tr("No photo selected")
        elif self._image is None:
            description = self.tr("Photo {index} of {count}, loading").format(
                index=self._index + 1, count=len(self._ids)
            )
        else:
            description = self.tr("Photo {index} of {count}, zoom {percent} %").format(
                index=self._index + 1, count=len(self._ids), percent=self._percent()
            )
        self.setAccessibleDescription(description)
