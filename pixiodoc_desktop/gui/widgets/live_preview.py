"""The live camera picture, with a ghost of the last visit's photo, a grid and messages.

The capture screen hands over the newest frame (BGR pixels from OpenCV) and
this widget wraps it as a ``QImage`` without copying; one frame is painted
per camera frame, never more. The ghost is a screen-size copy of an earlier
photo drawn over the live picture at an adjustable opacity, either whole or
as its edges only (computed once, when the ghost is chosen). While the
camera is missing, busy or unplugged the widget says so in words.

Two clicks in ruler mode give two points in image pixels, for calibrating a
scope against a ruler.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

# A neutral grey surround (equal R, G and B) does not tint the perceived skin colour.
_BACKGROUND = QColor(32, 32, 32)
_TITLE = QColor(226, 226, 226)
_DETAIL = QColor(160, 160, 160)
_BAND = QColor(0, 0, 0, 170)
_GRID = QColor(255, 255, 255, 80)
_RULER = QColor(255, 214, 0)
# Edges of the ghost: a calm cyan that stands apart from every skin tone.
EDGE_COLOUR = (0x5E, 0xC8, 0xE6)
_FLASH_MS = 140


def frame_image(pixels: npt.NDArray[np.uint8]) -> QImage:
    """BGR (or grey) pixels as a QImage sharing their memory: keep `pixels` alive with it."""
    if not pixels.flags["C_CONTIGUOUS"]:
        pixels = np.ascontiguousarray(pixels)
    height, width = pixels.shape[:2]
    if pixels.ndim == 2:
        return QImage(
            pixels.data, width, height, pixels.strides[0], QImage.Format.Format_Grayscale8
        )
    return QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_BGR888)


def ghost_images(data: bytes) -> tuple[QImage, QImage]:
    """An encoded photo as (whole picture, its edges on transparent); thread-safe.

    Edges come from Canny on a slightly smoothed grey copy, thickened by one
    pixel so they survive being scaled down to the preview."""
    encoded = np.frombuffer(data, np.uint8)
    pixels = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    if pixels is None:
        raise ValueError("the ghost photo could not be decoded")
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape[:2]
    whole = QImage(
        pixels.data, width, height, pixels.strides[0], QImage.Format.Format_BGR888
    ).convertToFormat(QImage.Format.Format_RGB32)  # a copy that owns its pixels
    grey = cv2.GaussianBlur(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY), (0, 0), 1.4)
    median = float(np.median(grey))
    edges = cv2.Canny(grey, max(0.0, 0.66 * median), min(255.0, 1.33 * median) + 20)
    edges = cv2.dilate(edges, np.ones((2, 2), np.uint8))
    rgba = np.zeros((height, width, 4), np.uint8)
    on = edges > 0
    rgba[on] = (*EDGE_COLOUR, 255)
    outline = QImage(
        rgba.data, width, height, rgba.strides[0], QImage.Format.Format_RGBA8888
    ).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    return whole, outline


def fitted(size: QSize | tuple[int, int], room: QRectF) -> QRectF:
    """The largest rectangle of `size`'s aspect ratio centred in `room`."""
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    if width <= 0 or height <= 0 or room.isEmpty():
        return QRectF()
    scale = min(room.width() / width, room.height() / height)
    w, h = width * scale, height * scale
    return QRectF(room.x() + (room.width() - w) / 2, room.y() + (room.height() - h) / 2, w, h)


class LivePreview(QWidget):
    """Paints the newest camera frame and what lies over it."""

    ruler_measured = Signal(QPointF, QPointF)  # two points in image pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixels: npt.NDArray[np.uint8] | None = None  # kept alive for _image
        self._image: QImage | None = None
        self._title = ""
        self._detail = ""
        self._dimmed = False
        self._ghost: QImage | None = None
        self._edges: QImage | None = None
        self._ghost_on = False
        self._edges_only = False
        self._opacity = 0.4
        self._grid = False
        self._ruler: list[QPointF] | None = None  # image points while measuring
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(_FLASH_MS)
        self._flash.timeout.connect(self.update)
        self.frames_painted = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Live camera picture"))

    # --- what is shown ---------------------------------------------------------------

    def set_frame(self, pixels: npt.NDArray[np.uint8]) -> None:
        """Show a new frame (BGR); the widget repaints once."""
        image = frame_image(pixels)
        self._pixels = pixels
        self._image = image
        self.update()

    def clear_frame(self) -> None:
        self._pixels = None
        self._image = None
        self.update()

    def has_frame(self) -> bool:
        return self._image is not None

    def frame_size(self) -> QSize:
        return self._image.size() if self._image is not None else QSize()

    def set_message(self, title: str, detail: str = "", *, dimmed: bool = True) -> None:
        """A message over (or instead of) the picture; empty `title` removes it."""
        self._title = title
        self._detail = detail
        self._dimmed = dimmed and bool(title)
        self.setAccessibleDescription(f"{title} {detail}".strip())
        self.update()

    def message(self) -> tuple[str, str]:
        return self._title, self._detail

    def set_ghost(self, whole: QImage | None, edges: QImage | None = None) -> None:
        self._ghost = whole
        self._edges = edges
        self.update()

    def has_ghost(self) -> bool:
        return self._ghost is not None

    def set_ghost_visible(self, on: bool) -> None:
        self._ghost_on = on
        self.update()

    def set_ghost_opacity(self, opacity: float) -> None:
        self._opacity = min(1.0, max(0.0, opacity))
        self.update()

    def ghost_opacity(self) -> float:
        return self._opacity

    def set_edges_only(self, on: bool) -> None:
        self._edges_only = on
        self.update()

    def set_grid(self, on: bool) -> None:
        self._grid = on
        self.update()

    def flash(self) -> None:
        """A short dimming that says "taken" without a sound."""
        self._flash.start()
        self.update()

    # --- ruler ---------------------------------------------------------------------------

    def start_ruler(self) -> None:
        """The next two clicks on the picture are two points on a ruler."""
        self._ruler = []
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.update()

    def cancel_ruler(self) -> None:
        self._ruler = None
        self.unsetCursor()
        self.update()

    def measuring(self) -> bool:
        return self._ruler is not None

    def image_rect(self) -> QRectF:
        """Where the frame is drawn, in widget coordinates."""
        if self._image is None:
            return QRectF()
        return fitted(self._image.size(), QRectF(self.rect()))

    def widget_to_image(self, point: QPointF) -> QPointF:
        rect = self.image_rect()
        if rect.isEmpty() or self._image is None:
            return QPointF()
        scale = self._image.width() / rect.width()
        return QPointF((point.x() - rect.x()) * scale, (point.y() - rect.y()) * scale)

    def image_to_widget(self, point: QPointF) -> QPointF:
        rect = self.image_rect()
        if rect.isEmpty() or self._image is None:
            return QPointF()
        scale = rect.width() / self._image.width()
        return QPointF(rect.x() + point.x() * scale, rect.y() + point.y() * scale)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if (
            self._ruler is None
            or event.button() != Qt.MouseButton.LeftButton
            or not self.image_rect().contains(event.position())
        ):
            super().mousePressEvent(event)
            return
        self._ruler.append(self.widget_to_image(event.position()))
        self.update()
        if len(self._ruler) == 2:
            first, second = self._ruler
            self.cancel_ruler()
            self.ruler_measured.emit(first, second)

    # --- painting ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(960, 720)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        target = self.image_rect()
        if self._image is not None:
            painter.drawImage(target, self._image)
            self.frames_painted += 1
            self._paint_ghost(painter, target)
            if self._grid:
                self._paint_grid(painter, target)
            self._paint_ruler(painter)
            if self._flash.isActive():
                painter.fillRect(target, QColor(255, 255, 255, 70))
        if self._title:
            self._paint_message(painter)
        painter.end()

    def _paint_ghost(self, painter: QPainter, target: QRectF) -> None:
        ghost = self._edges if self._edges_only else self._ghost
        if not self._ghost_on or ghost is None or self._opacity <= 0:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setOpacity(self._opacity)
        painter.drawImage(fitted(ghost.size(), target), ghost)
        painter.restore()

    def _paint_grid(self, painter: QPainter, target: QRectF) -> None:
        painter.save()
        pen = QPen(_GRID)
        pen.setWidthF(1.0)
        painter.setPen(pen)
        for share in (1 / 3, 2 / 3):
            x = target.x() + target.width() * share
            y = target.y() + target.height() * share
            painter.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()))
            painter.drawLine(QPointF(target.left(), y), QPointF(target.right(), y))
        centre = target.center()
        painter.drawLine(centre - QPointF(10, 0), centre + QPointF(10, 0))
        painter.drawLine(centre - QPointF(0, 10), centre + QPointF(0, 10))
        painter.restore()

    def _paint_ruler(self, painter: QPainter) -> None:
        if not self._ruler:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(_RULER)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        for point in self._ruler:
            centre = self.image_to_widget(point)
            painter.drawEllipse(centre, 6.0, 6.0)
        painter.restore()

    def _paint_message(self, painter: QPainter) -> None:
        painter.save()
        rect = QRectF(self.rect())
        title_font = QFont(self.font())
        title_font.setPointSizeF(max(11.0, self.font().pointSizeF() * 1.35))
        title_font.setWeight(QFont.Weight.DemiBold)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        if self._image is not None:
            if self._dimmed:
                painter.fillRect(self.image_rect(), QColor(0, 0, 0, 110))
            band = QRectF(rect.left(), rect.top(), rect.width(), 74 if self._detail else 46)
            painter.fillRect(band, _BAND)
            area = band.adjusted(16, 10, -16, -8)
        else:
            area = QRectF(rect.center().x() - 260, rect.center().y() - 50, 520, 140)
        painter.setFont(title_font)
        painter.setPen(_TITLE)
        metrics = painter.fontMetrics()
        title_height = metrics.height() + 6
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), title_height),
            int(flags),
            self._title,
        )
        if self._detail:
            painter.setFont(self.font())
            painter.setPen(_DETAIL)
            painter.drawText(
                QRectF(area.left(), area.top() + title_height, area.width(), area.height()),
                int(flags),
                self._detail,
            )
        painter.restore()
