"""The photo viewer's scaled copy: the photo at the zoom in use, made off the GUI thread.

Below 100 % painting uses a smaller copy of the photo, made with smooth
scaling on the image pool and cached as a pixmap, so that a 24 MP photo
paints at screen size in about the time a screenful of pixels takes. While
the wheel turns the last copy is stretched; a new one is made once the zoom
has rested for a moment. The lowest layer of the viewer
(viewer_scaling → viewer_painting → viewer_zoom → photo_viewer).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.gui.thumbnails import Submit

# A scaled copy is cached only while it is not much larger than the screen area.
_CACHE_AREA_FACTOR = 4


class ViewerScaling(QWidget):
    """Keeps the viewer's scaled copy for its zoom."""

    _submit: Submit
    _image: QImage | None
    _serial: int  # which image a scaled copy was made from
    _zoom: float  # device pixels per image pixel
    _dpr: float
    _scaled: QPixmap | None
    _scaled_key: tuple[int, int, int] | None
    _scaling_key: tuple[int, int, int] | None
    _scale_timer: QTimer

    def _scale(self) -> float:
        """Widget units per image pixel."""
        return self._zoom / self._dpr

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
