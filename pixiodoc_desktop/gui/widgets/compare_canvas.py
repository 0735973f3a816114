"""The comparison canvas: two photos of one skin site painted in one of five compare modes.

Both images are given in the earlier photo's frame (the later one already
aligned or not, see `imaging.alignment.aligned_pair`), as display copies of
the same size. The canvas is built in layers, each one idea in its own
module: where things lie (compare_geometry.py), the scaled copies
(compare_scaling.py), painting a frame (compare_painting.py); here, what it
shows (images, labels, marks, the `CompareState` a second screen follows)
and what the mouse does to it.

Marks (annotations, measurements) are vector data in pixel coordinates of
the photo they belong to; marks on the later photo are mapped through the
current homography, so they stay on the skin whatever the alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainterPath, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from pixiodoc_desktop.gui.widgets.compare_geometry import CanvasImages, CompareState, Pane
from pixiodoc_desktop.gui.widgets.compare_marks import Mark
from pixiodoc_desktop.gui.widgets.compare_painting import CanvasPainting
from pixiodoc_desktop.gui.widgets.compare_scaling import Submit
from pixiodoc_desktop.imaging.compose import Mode, Orientation

__all__ = ["MAX_RELATIVE_ZOOM", "MIN_RELATIVE_ZOOM", "CompareCanvas", "CompareState", "Submit"]

_GRAB_PX = 10  # how close to the divider a press grabs it
MIN_RELATIVE_ZOOM = 0.25
MAX_RELATIVE_ZOOM = 32.0


class CompareCanvas(CanvasPainting):
    """Paints a comparison; emits what changed so that a second screen can follow."""

    stateChanged = Signal(object)  # CompareState
    pointPicked = Signal(str, float, float)  # side, x, y in that photo's original pixels
    handleMoved = Signal(str, float, float)  # a grabbed outline point dragged to x, y
    handleReleased = Signal()

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
        self._images: CanvasImages | None = None
        self._state = CompareState()
        self._labels = ("", "")
        self._marks: list[Mark] = []
        self.painted_labels: list[QRectF] = []
        self.painted_shapes: list[QPainterPath] = []
        self._picking = False
        self._serial = 0
        self._scaled: dict[str, QImage] = {}
        self._scaled_key: tuple[int, int, int] | None = None
        self._scaling_key: tuple[int, int, int] | None = None
        self._scale_timer = QTimer(self)
        self._scale_timer.setSingleShot(True)
        self._scale_timer.setInterval(60)
        self._scale_timer.timeout.connect(self._start_scaling)
        self._drag: str | None = None  # "divider" | "pan" | "handle"
        # Asked on a press (side, x, y, reach in photo pixels): True when it grabbed a point
        # of an outline being corrected; the drag then moves that point, not the view.
        self.grab_handle: Callable[[str, float, float, float], bool] | None = None
        self._handle: tuple[Pane, str] | None = None
        self._drag_from = QPointF()
        self._drag_centre = (0.0, 0.0)
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QCoreApplication.translate("CompareCanvas", "Comparison"))

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
        self._images = CanvasImages(
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
        if self.grab_handle is not None:
            side = self._pane_side(pane, position)
            x, y = self._photo_point(pane, side, position)
            if self.grab_handle(side, x, y, _GRAB_PX / max(self.zoom(), 1e-6)):
                self._drag, self._handle = "handle", (pane, side)
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
        if self._drag == "handle" and self._handle is not None:
            pane, side = self._handle
            self.handleMoved.emit(side, *self._photo_point(pane, side, position))
        elif self._drag == "divider":
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
        if self._drag == "handle":
            self._handle = None
            self.handleReleased.emit()
        self._drag = None
        super().mouseReleaseEvent(event)

    def _photo_point(self, pane: Pane, side: str, position: QPointF) -> tuple[float, float]:
        """A widget point in the original pixels of the photo on `side`."""
        x, y = self.paneToPhoto(pane, position)
        return self._frame_to_after(x, y) if side == "after" else (x, y)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self._picking and self._images is not None:
            self.fit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def shutdown(self) -> None:
        self._scale_timer.stop()
