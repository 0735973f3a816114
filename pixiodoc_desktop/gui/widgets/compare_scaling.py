"""The compare canvas's scaled copies: the photos at the zoom in use, made off the GUI thread.

Painting a frame while the divider is dragged copies two pre-scaled images
(made when the zoom rests, on the image pool when a `submit` is given); a
zoom in progress paints the display copies scaled on the fly. Only the
images the current mode paints get copies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage

from pixiodoc_desktop.gui.widgets.compare_geometry import CanvasGeometry
from pixiodoc_desktop.imaging.compose import Mode

Submit = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


class CanvasScaling(CanvasGeometry):
    """Keeps the scaled copies for the canvas's zoom (one layer above its geometry)."""

    _submit: Submit | None
    _scaled: dict[str, QImage]
    _scaled_key: tuple[int, int, int] | None
    _scaling_key: tuple[int, int, int] | None
    _scale_timer: QTimer

    def _wanted_key(self) -> tuple[int, int, int] | None:
        if self._images is None or self.width() <= 0:
            return None
        image = self._images.before
        zoom = self.zoom() * self._images.photo_size[0] / max(1, image.width())
        width, height = round(image.width() * zoom), round(image.height() * zoom)
        if width * height > 6 * max(1, self.width() * self.height()):
            return None  # deep zoom: paint only the visible part from the display copy
        return (self._images.serial, max(1, width), max(1, height))

    def _needed(self) -> set[str]:
        """The images the current mode paints (only those get scaled copies)."""
        if self._images is None:
            return set()
        if self._state.mode is Mode.DIFFERENCE:
            return {"heat"} if self._images.heat is not None else set()
        return {"before", "after"}

    def _scaled_ready(self, key: tuple[int, int, int] | None) -> bool:
        return key == self._scaled_key and self._needed() <= self._scaled.keys()

    def _schedule_scaling(self, *, immediately: bool = False) -> None:
        key = self._wanted_key()
        if key is None or self._scaled_ready(key):
            return
        self._scale_timer.start(0 if immediately else self._scale_timer.interval())

    def _start_scaling(self) -> None:
        key = self._wanted_key()
        images = self._images
        if key is None or images is None or self._scaled_ready(key) or key == self._scaling_key:
            return
        self._scaling_key = key
        size = QSize(key[1], key[2])
        have = self._scaled if key == self._scaled_key else {}
        every = {"before": images.before, "after": images.after, "heat": images.heat}
        sources = {
            name: image
            for name in self._needed() - have.keys()
            if (image := every[name]) is not None
        }

        def scale() -> dict[str, QImage]:
            return {
                name: image.scaled(
                    size,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                for name, image in sources.items()
            }

        def done(result: dict[str, QImage]) -> None:
            if self._scaling_key == key:
                self._scaling_key = None
            if self._images is None or key[0] != self._images.serial:
                return
            kept = self._scaled if key == self._scaled_key else {}
            self._scaled, self._scaled_key = {**kept, **result}, key
            self._schedule_scaling()
            self.update()

        def failed(_error: BaseException) -> None:
            if self._scaling_key == key:
                self._scaling_key = None

        if self._submit is None:
            done(scale())
        else:
            self._submit(scale, done, failed)

    def prepareFrame(self) -> None:
        """Make the scaled copies for the current zoom now (benchmarks, screenshots)."""
        self._scale_timer.stop()
        submit, self._submit = self._submit, None
        try:
            self._start_scaling()
        finally:
            self._submit = submit
