"""Where the comparison's photos lie on the canvas: panes, zoom, centre, the divider.

Geometry follows `imaging.compose.Viewport`: a zoom (view pixels per pixel
of the earlier *original* photo) and the photo point at the view's centre,
so that at known positions QPainter gives the pixels the numpy reference
renders. Side by side paints two panes with the same zoom and centre: zoom
and pan are linked. Points on the later photo are mapped through the
homography in use (`after_to_frame`).

`CanvasGeometry` is the lowest layer of the compare canvas
(geometry → compare_scaling → compare_painting → compare_canvas); it
answers from the canvas's size, its `CompareState` and its images.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.imaging.compose import GAP, Mode, Orientation, blink_shows_after


@dataclass(frozen=True, slots=True)
class CompareState:
    """What the clinician sees, as the consultation screen follows it."""

    mode: Mode = Mode.SLIDER
    fraction: float = 0.5
    orientation: Orientation = Orientation.VERTICAL
    opacity: float = 0.5
    tick: int = 0
    relative_zoom: float = 1.0  # 1.0 = the whole photo fits
    centre: tuple[float, float] | None = None  # earlier-photo pixels; None = its centre


@dataclass(slots=True)
class Pane:
    rect: QRect
    side: str | None  # a pane of side by side shows one side; None: the mode decides


@dataclass(slots=True)
class CanvasImages:
    before: QImage
    after: QImage
    heat: QImage | None
    photo_size: tuple[int, int]  # the earlier original photo (width, height)
    after_to_frame: np.ndarray = field(default_factory=lambda: np.eye(3))
    serial: int = 0


class CanvasGeometry(QWidget):
    """Maps between photo pixels and the canvas; knows which side a point shows."""

    _state: CompareState
    _images: CanvasImages | None

    def _panes(self) -> list[Pane]:
        if self._state.mode is Mode.SIDE_BY_SIDE:
            half = (self.width() - GAP) // 2
            return [
                Pane(QRect(0, 0, half, self.height()), "before"),
                Pane(QRect(half + GAP, 0, self.width() - half - GAP, self.height()), "after"),
            ]
        return [Pane(QRect(0, 0, self.width(), self.height()), None)]

    def _pane_at(self, point: QPointF) -> Pane | None:
        for pane in self._panes():
            if QRectF(pane.rect).contains(point):
                return pane
        return None

    def _fit_zoom(self, pane: Pane) -> float:
        assert self._images is not None
        width, height = self._images.photo_size
        return max(1e-4, min(pane.rect.width() / width, pane.rect.height() / height))

    def zoom(self, pane_index: int = 0) -> float:
        """View pixels per earlier-original pixel in a pane."""
        return self._fit_zoom(self._panes()[pane_index]) * self._state.relative_zoom

    def _centre(self) -> tuple[float, float]:
        if self._state.centre is not None:
            return self._state.centre
        assert self._images is not None
        width, height = self._images.photo_size
        return ((width - 1) / 2, (height - 1) / 2)

    def photoToPane(self, pane: Pane, x: float, y: float) -> QPointF:
        """Earlier-original pixel (centre convention, as in numpy) to widget coordinates
        (Qt's: view pixel v spans v..v+1, so its centre is v + 0.5)."""
        zoom = self._fit_zoom(pane) * self._state.relative_zoom
        cx, cy = self._centre()
        return QPointF(
            pane.rect.x() + pane.rect.width() / 2 + (x - cx) * zoom,
            pane.rect.y() + pane.rect.height() / 2 + (y - cy) * zoom,
        )

    def paneToPhoto(self, pane: Pane, point: QPointF) -> tuple[float, float]:
        zoom = self._fit_zoom(pane) * self._state.relative_zoom
        cx, cy = self._centre()
        return (
            cx + (point.x() - pane.rect.x() - pane.rect.width() / 2) / zoom,
            cy + (point.y() - pane.rect.y() - pane.rect.height() / 2) / zoom,
        )

    def dividerPosition(self) -> int:
        extent = self.width() if self._state.orientation is Orientation.VERTICAL else self.height()
        return round(self._state.fraction * extent)

    def _after_point(self, x: float, y: float) -> tuple[float, float]:
        """Later-original pixels -> earlier-original pixels (the frame painted)."""
        assert self._images is not None
        h = self._images.after_to_frame
        w = h[2, 0] * x + h[2, 1] * y + h[2, 2]
        return (
            (h[0, 0] * x + h[0, 1] * y + h[0, 2]) / w,
            (h[1, 0] * x + h[1, 1] * y + h[1, 2]) / w,
        )

    def _frame_to_after(self, x: float, y: float) -> tuple[float, float]:
        assert self._images is not None
        inv = np.linalg.inv(self._images.after_to_frame)
        w = inv[2, 0] * x + inv[2, 1] * y + inv[2, 2]
        return (
            float((inv[0, 0] * x + inv[0, 1] * y + inv[0, 2]) / w),
            float((inv[1, 0] * x + inv[1, 1] * y + inv[1, 2]) / w),
        )

    def _pane_side(self, pane: Pane, point: QPointF) -> str:
        if pane.side is not None:
            return pane.side
        state = self._state
        if state.mode is Mode.SLIDER:
            vertical = state.orientation is Orientation.VERTICAL
            coordinate = point.x() if vertical else point.y()
            return "before" if coordinate < self.dividerPosition() else "after"
        if state.mode is Mode.BLINK and blink_shows_after(state.tick):
            return "after"
        return "before"
