"""Painting the photo viewer: the photo (scaled copy, 1:1, or the visible part), a message, the zoom.

At 100 % and above only the visible part of the photo is drawn, and above
400 % pixels are shown as the square blocks they are, so that interpolation
never invents detail a clinician might read into. The accessible description
says the same as the overlay.
"""

from __future__ import annotations

import enum
import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent

from pixiodoc_desktop.clinic.records.second_opinions import PhotoMark
from pixiodoc_desktop.gui.widgets.viewer_marks import paint_marks
from pixiodoc_desktop.gui.widgets.viewer_scaling import ViewerScaling

# Above this magnification pixels are shown as the square blocks they are, so
# that interpolation never invents detail a clinician might read into.
_SMOOTH_UP_TO = 4.0

# A neutral grey surround (equal R, G and B) does not tint the perceived skin colour.
_BACKGROUND = QColor(32, 32, 32)
_MESSAGE_COLOUR = QColor(150, 150, 150)
_OVERLAY_BACKGROUND = QColor(0, 0, 0, 150)
_OVERLAY_TEXT = QColor(220, 220, 220)


class PhotoState(enum.Enum):
    EMPTY = enum.auto()
    LOADING = enum.auto()
    SHOWN = enum.auto()
    FAILED = enum.auto()


class ViewerPainting(ViewerScaling):
    """Paints the viewer (one layer above its scaled copy)."""

    _ids: list[str]
    _index: int
    _state: PhotoState
    _message: str
    _offset: QPointF  # where the image's top left corner is, in widget units
    _current: str | None
    _marks: dict[str, tuple[int, list[PhotoMark]]]  # photo id -> (photo width, marks)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), _BACKGROUND)
            if self._image is not None:
                self._paint_image(painter, QRectF(event.rect()))
                self._paint_marks(painter)
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

    def _paint_marks(self, painter: QPainter) -> None:
        width, marks = self._marks.get(self._current or "", (0, []))
        if marks and self._image is not None:
            paint_marks(
                painter,
                marks,
                photo_width=width,
                image_width=self._image.width(),
                offset=self._offset,
                scale=self._scale(),
            )

    def _paint_message(self, painter: QPainter) -> None:
        if self._state is PhotoState.LOADING:
            text = self._message or QCoreApplication.translate("PhotoViewer", "Loading photo…")
        elif self._state is PhotoState.FAILED:
            text = self._message or QCoreApplication.translate(
                "PhotoViewer", "This photo could not be opened."
            )
        else:
            text = QCoreApplication.translate("PhotoViewer", "No photo selected")
        painter.setPen(_MESSAGE_COLOUR)
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        area = QRectF(self.rect()).adjusted(24, 24, -24, -24)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)

    def _overlay_text(self) -> str:
        position = QCoreApplication.translate("PhotoViewer", "{index} / {count}").format(
            index=self._index + 1, count=len(self._ids)
        )
        if self._image is None:
            return position
        zoom = QCoreApplication.translate("PhotoViewer", "{percent} %").format(
            percent=self._percent()
        )
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
            description = QCoreApplication.translate("PhotoViewer", "No photo selected")
        elif self._image is None:
            description = QCoreApplication.translate(
                "PhotoViewer", "Photo {index} of {count}, loading"
            ).format(index=self._index + 1, count=len(self._ids))
        else:
            description = QCoreApplication.translate(
                "PhotoViewer", "Photo {index} of {count}, zoom {percent} %"
            ).format(index=self._index + 1, count=len(self._ids), percent=self._percent())
        self.setAccessibleDescription(description)
