"""The comparison canvas: two photos of one skin site painted in one of five compare modes.

Both images are given in the earlier photo's frame (the later one already
aligned or not, see `imaging.alignment.aligned_pair`), as display copies of
the same size. Geometry follows `imaging.compose.Viewport`: a zoom (view
pixels per pixel of the earlier *original* photo) and the photo point at the
view's centre, so that at known positions QPainter gives the pixels the
numpy reference renders. Side by side paints two panes with the same zoom
and centre: zoom and pan are linked.

Painting a frame while the divider is dragged copies two pre-scaled images
(made when the zoom rests, off the GUI thread when a `submit` is given); a
zoom in progress paints the display copies scaled on the fly.

Marks (annotations, measurements) are vector data in pixel coordinates of
the photo they belong to; marks on the later photo are mapped through the
current homography, so they stay on the skin whatever the alignment.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from pixiodoc_desktop.gui.widgets.compare_marks import (
    ANNOTATION,
    MEASUREMENT,
    PENDING,
    Mark,
    paint_labels,
    paint_shape,
)
from pixiodoc_desktop.imaging.compose import (
    BACKGROUND,
    DIVIDER,
    DIVIDER_WIDTH,
    GAP,
    Mode,
    Orientation,
    blink_shows_after,
)

_BACKGROUND = QColor(*reversed(BACKGROUND))
_DIVIDER = QColor(*reversed(DIVIDER))
_GRAB_PX = 10  # how close to the divider a press grabs it
MIN_RELATIVE_ZOOM = 0.25
MAX_RELATIVE_ZOOM = 32.0

Submit = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


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
class _Pane:
    rect: QRect
    side: str | None  # a pane of side by side shows one side; None: the mode decides


@dataclass(slots=True)
class _Images:
    before: QImage
    after: QImage
    heat: QImage | None
    photo_size: tuple[int, int]  # the earlier original photo (width, height)
    after_to_frame: np.ndarray = field(default_factory=lambda: np.eye(3))
    serial: int = 0


class CompareCanvas(QWidget):
    """Paints a comparison; emits what changed so that a second screen can follow."""

    stateChanged = Signal(object)  # CompareState
    pointPicked = Signal(str, float, float)  # side, x, y in that photo's original pixels

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        submit: Submit | None = None,
        patient_facing: bool = False,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.patient_facing = patient_facing
        self._images: _Images | None = None
        self._state = CompareState()
        self._labels = ("", "")
        self._marks: list[Mark] = []
        self._picking = False
        self._serial = 0
        self._scaled: dict[str, QImage] = {}
        self._scaled_key: tuple[int, int, int] | None = None
        self._scaling_key: tuple[int, int, int] | None = None
        self._scale_timer = QTimer(self)
        self._scale_timer.setSingleShot(True)
        self._scale_timer.setInterval(60)
        self._scale_timer.timeout.connect(self._start_scaling)
        self._drag: str | None = None  # "divider" | "pan"
        self._drag_from = QPointF()
        self._drag_centre = (0.0, 0.0)
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Comparison"))

    # --- content ------------------------------------------------------------------------

    def setImages(
        self,
        before: QImage,
        after: QImage,
        photo_size: tuple[int, int],
        *,
        heat: QImage | None = None,
        after_to_frame: np.ndarray | None = None,
    ) -> None:
        """Display copies in the earlier photo's frame (same size); `photo_size` is the
        earlier original's size; `after_to_frame` maps later-original to earlier-original
        pixels (the homography in use)."""
        self._serial += 1
        self._images = _Images(
            before,
            after,
            heat,
            photo_size,
            np.eye(3) if after_to_frame is None else np.asarray(after_to_frame, float),
            self._serial,
        )
        self._scaled = {}
        self._scaled_key = None
        self._schedule_scaling(immediately=True)
        self.update()

    def clear(self) -> None:
        """Forget both photos at once (the workstation locks)."""
        self._images = None
        self._scaled = {}
        self._scaled_key = None
        self._marks = []
        self._labels = ("", "")
        self._scale_timer.stop()
        self.update()

    def hasImages(self) -> bool:
        return self._images is not None

    def setLabels(self, before: str, after: str) -> None:
        self._labels = (before, after)
        self.update()

    def labels(self) -> tuple[str, str]:
        return self._labels

    def setMarks(self, marks: Sequence[Mark]) -> None:
        self._marks = list(marks)
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def setPicking(self, on: bool) -> None:
        """While picking, a click picks a point instead of panning or moving the divider."""
        self._picking = on
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    # --- state ----------------------------------------------------------------------------

    def state(self) -> CompareState:
        return self._state

    def setState(self, state: CompareState) -> None:
        if state == self._state:
            return
        zoom_changed = state.relative_zoom != self._state.relative_zoom
        mode_changed = state.mode != self._state.mode
        self._state = state
        if zoom_changed or mode_changed:
            self._schedule_scaling(immediately=mode_changed and not zoom_changed)
        self.update()
        self.stateChanged.emit(state)

    def setMode(self, mode: Mode | str) -> None:
        self.setState(replace(self._state, mode=Mode(mode)))

    def setFraction(self, fraction: float) -> None:
        self.setState(replace(self._state, fraction=min(max(fraction, 0.0), 1.0)))

    def setOrientation(self, orientation: Orientation | str) -> None:
        self.setState(replace(self._state, orientation=Orientation(orientation)))

    def setOpacity(self, opacity: float) -> None:
        self.setState(replace(self._state, opacity=min(max(opacity, 0.0), 1.0)))

    def setTick(self, tick: int) -> None:
        self.setState(replace(self._state, tick=tick))

    def fit(self) -> None:
        self.setState(replace(self._state, relative_zoom=1.0, centre=None))

    def setRelativeZoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom (1.0 = fit) so that the photo point under `anchor` stays put."""
        if self._images is None:
            return
        zoom = min(max(zoom, MIN_RELATIVE_ZOOM), MAX_RELATIVE_ZOOM)
        pane = self._panes()[0]
        anchor = anchor or QPointF(pane.rect.center())
        pane = self._pane_at(anchor) or pane
        under = self.paneToPhoto(pane, anchor)
        new_zoom = self._fit_zoom(pane) * zoom
        cx = under[0] - (anchor.x() - pane.rect.x() - pane.rect.width() / 2) / new_zoom
        cy = under[1] - (anchor.y() - pane.rect.y() - pane.rect.height() / 2) / new_zoom
        self.setState(replace(self._state, relative_zoom=zoom, centre=(cx, cy)))

    # --- geometry ------------------------------------------------------------------------

    def _panes(self) -> list[_Pane]:
        if self._state.mode is Mode.SIDE_BY_SIDE:
            half = (self.width() - GAP) // 2
            return [
                _Pane(QRect(0, 0, half, self.height()), "before"),
                _Pane(QRect(half + GAP, 0, self.width() - half - GAP, self.height()), "after"),
            ]
        return [_Pane(QRect(0, 0, self.width(), self.height()), None)]

    def _pane_at(self, point: QPointF) -> _Pane | None:
        for pane in self._panes():
            if QRectF(pane.rect).contains(point):
                return pane
        return None

    def _fit_zoom(self, pane: _Pane) -> float:
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

    def photoToPane(self, pane: _Pane, x: float, y: float) -> QPointF:
        """Earlier-original pixel (centre convention, as in numpy) to widget coordinates
        (Qt's: view pixel v spans v..v+1, so its centre is v + 0.5)."""
        zoom = self._fit_zoom(pane) * self._state.relative_zoom
        cx, cy = self._centre()
        return QPointF(
            pane.rect.x() + pane.rect.width() / 2 + (x - cx) * zoom,
            pane.rect.y() + pane.rect.height() / 2 + (y - cy) * zoom,
        )

    def paneToPhoto(self, pane: _Pane, point: QPointF) -> tuple[float, float]:
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

    # --- the scaled copies -------------------------------------------------------------------

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

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self._images is None:
                painter.fillRect(event.rect(), _BACKGROUND)
                self._paint_message(painter)
                return
            # Only the surround is filled: the photos cover the rest, and a 4K frame
            # written twice costs as much as the whole rest of the frame.
            surround = QRegion(event.rect())
            for pane in self._panes():
                surround -= QRegion(self._covered(pane))
            painter.setClipRegion(surround)
            painter.fillRect(event.rect(), _BACKGROUND)
            painter.setClipping(False)
            state = self._state
            for pane in self._panes():
                painter.save()
                painter.setClipRect(pane.rect)
                if pane.side is not None:
                    self._draw(painter, pane, pane.side)
                elif state.mode is Mode.SLIDER:
                    self._paint_slider(painter, pane)
                elif state.mode is Mode.OVERLAY:
                    self._draw(painter, pane, "before")
                    painter.setOpacity(state.opacity)
                    self._draw(painter, pane, "after")
                    painter.setOpacity(1.0)
                elif state.mode is Mode.BLINK:
                    self._draw(
                        painter, pane, "after" if blink_shows_after(state.tick) else "before"
                    )
                else:
                    self._draw(painter, pane, "heat")
                self._paint_marks(painter, pane)
                painter.restore()
            self._paint_labels(painter)
        finally:
            painter.end()

    def _covered(self, pane: _Pane) -> QRect:
        """The whole view pixels of `pane` that the photo covers completely."""
        assert self._images is not None
        width, height = self._images.photo_size
        top_left = self.photoToPane(pane, -0.5, -0.5)
        bottom_right = self.photoToPane(pane, width - 0.5, height - 0.5)
        if self._scaled_ready(self._wanted_key()):
            # The scaled copy is drawn at a whole pixel and is a whole number of pixels.
            top_left = QPointF(round(top_left.x()), round(top_left.y()))
        left, top = math.ceil(top_left.x()), math.ceil(top_left.y())
        right, bottom = math.floor(bottom_right.x()), math.floor(bottom_right.y())
        if self._scaled_ready(self._wanted_key()):
            key = self._wanted_key()
            assert key is not None
            right, bottom = left + key[1], top + key[2]
        return QRect(left, top, max(0, right - left), max(0, bottom - top)).intersected(pane.rect)

    def _paint_slider(self, painter: QPainter, pane: _Pane) -> None:
        cut = self.dividerPosition()
        vertical = self._state.orientation is Orientation.VERTICAL
        rect = pane.rect
        first = (
            QRect(rect.x(), rect.y(), cut, rect.height())
            if vertical
            else QRect(rect.x(), rect.y(), rect.width(), cut)
        )
        second = (
            QRect(cut, rect.y(), rect.width() - cut, rect.height())
            if vertical
            else QRect(rect.x(), cut, rect.width(), rect.height() - cut)
        )
        painter.setClipRect(first)
        self._draw(painter, pane, "before")
        painter.setClipRect(second)
        self._draw(painter, pane, "after")
        painter.setClipRect(rect)
        half = DIVIDER_WIDTH // 2
        if vertical:
            painter.fillRect(QRect(cut - half, rect.y(), DIVIDER_WIDTH, rect.height()), _DIVIDER)
        else:
            painter.fillRect(QRect(rect.x(), cut - half, rect.width(), DIVIDER_WIDTH), _DIVIDER)
        self._paint_handle(painter, cut, vertical)

    def _paint_handle(self, painter: QPainter, cut: int, vertical: bool) -> None:
        centre = QPointF(cut, self.height() / 2) if vertical else QPointF(self.width() / 2, cut)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(60, 60, 60), 1))
        painter.setBrush(_DIVIDER)
        painter.drawEllipse(centre, 14, 14)
        painter.setPen(QPen(QColor(60, 60, 60), 2))
        for sign in (-1, 1):
            tip = (
                QPointF(centre.x() + sign * 9, centre.y())
                if vertical
                else QPointF(centre.x(), centre.y() + sign * 9)
            )
            base = (
                QPointF(centre.x() + sign * 4, centre.y())
                if vertical
                else QPointF(centre.x(), centre.y() + sign * 4)
            )
            off = QPointF(0, 4) if vertical else QPointF(4, 0)
            painter.drawPolyline(QPolygonF([base - off, tip, base + off]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _draw(self, painter: QPainter, pane: _Pane, which: str) -> None:
        images = self._images
        assert images is not None
        source = {"before": images.before, "after": images.after, "heat": images.heat}[which]
        if source is None:
            return
        top_left = self.photoToPane(pane, -0.5, -0.5)
        key = self._wanted_key()
        scaled = self._scaled.get(which)
        if scaled is not None and key is not None and key == self._scaled_key:
            painter.drawImage(QPointF(round(top_left.x()), round(top_left.y())), scaled)
            return
        zoom = self.zoom() * images.photo_size[0] / max(1, source.width())
        target = QRectF(top_left.x(), top_left.y(), source.width() * zoom, source.height() * zoom)
        visible = target.intersected(QRectF(painter.clipBoundingRect()))
        if visible.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, zoom <= 4.0)
        src = QRectF(
            (visible.x() - target.x()) / zoom,
            (visible.y() - target.y()) / zoom,
            visible.width() / zoom,
            visible.height() / zoom,
        )
        painter.drawImage(visible, source, src)

    def _pane_side(self, pane: _Pane, point: QPointF) -> str:
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

    def _paint_marks(self, painter: QPainter, pane: _Pane) -> None:
        if not self._marks:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for mark in self._marks:
            if pane.side is not None and mark.side != pane.side:
                continue
            points = [
                self.photoToPane(pane, *(self._after_point(*p) if mark.side == "after" else p))
                for p in mark.points
            ]
            colour = MEASUREMENT if mark.measurement else ANNOTATION
            if mark.kind == "points":
                colour = PENDING
            painter.setPen(QPen(colour, 2.5 if not self.patient_facing else 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            paint_shape(painter, mark, points, colour, self.font(), large=self.patient_facing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_labels(self, painter: QPainter) -> None:
        before, after = self._labels
        state = self._state
        if state.mode is Mode.BLINK:
            texts = [(after if blink_shows_after(state.tick) else before, "left")]
        elif state.mode is Mode.DIFFERENCE:
            texts = [(f"{before}  →  {after}" if before and after else "", "left")]
        elif state.mode is Mode.SLIDER and state.orientation is Orientation.HORIZONTAL:
            texts = [(before, "left"), (after, "left-bottom")]
        else:
            texts = [(before, "left"), (after, "right")]
        paint_labels(painter, texts, self.font(), self.size(), large=self.patient_facing)

    def _paint_message(self, painter: QPainter) -> None:
        painter.setPen(QColor(150, 150, 150))
        text = self.message or self.tr("Choose two photos to compare")
        painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), text)

    # --- events ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_scaling()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if self._images is None or delta == 0 or self.patient_facing:
            event.ignore()
            return
        self.setRelativeZoom(self._state.relative_zoom * 2.0 ** (delta / 480.0), event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._images is None:
            super().mousePressEvent(event)
            return
        position = event.position()
        pane = self._pane_at(position)
        if pane is None:
            return
        if self._picking:
            side = self._pane_side(pane, position)
            x, y = self.paneToPhoto(pane, position)
            if side == "after":
                x, y = self._frame_to_after(x, y)
            self.pointPicked.emit(side, x, y)
            event.accept()
            return
        vertical = self._state.orientation is Orientation.VERTICAL
        coordinate = position.x() if vertical else position.y()
        if self._state.mode is Mode.SLIDER and abs(coordinate - self.dividerPosition()) <= _GRAB_PX:
            self._drag = "divider"
        else:
            self._drag = "pan"
            self._drag_from = position
            self._drag_centre = self._centre()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        position = event.position()
        if self._drag == "divider":
            vertical = self._state.orientation is Orientation.VERTICAL
            extent = self.width() if vertical else self.height()
            self.setFraction((position.x() if vertical else position.y()) / max(1, extent))
        else:
            zoom = self.zoom()
            moved = position - self._drag_from
            centre = (
                self._drag_centre[0] - moved.x() / zoom,
                self._drag_centre[1] - moved.y() / zoom,
            )
            self.setState(replace(self._state, centre=centre))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self._picking and self._images is not None:
            self.fit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def shutdown(self) -> None:
        self._scale_timer.stop()
