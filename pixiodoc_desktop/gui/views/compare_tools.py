"""Tools of the compare view: fixing the alignment by point pairs, measuring, annotating.

Every point is picked on the canvas in the pixel coordinates of the photo it
lies on (the canvas maps clicks on the later photo back through the
homography in use), so marks and measurements are vector data that never
depend on zoom, alignment or preview size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton

from pixiodoc_desktop.clinic.records.comparisons import (
    Annotation,
    AnnotationKind,
    MeasurementTrace,
    Side,
)
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.locale_text import decimal_sign, number_text
from pixiodoc_desktop.gui.notify import Notifier, error_text
from pixiodoc_desktop.gui.views.compare_controls import tool_button
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareCanvas
from pixiodoc_desktop.gui.widgets.compare_marks import Mark
from pixiodoc_desktop.imaging.alignment import Alignment, homography_from_points
from pixiodoc_desktop.imaging.compose import Mode
from pixiodoc_desktop.imaging.measure import MeasureKind, Measurement, change, measure
from pixiodoc_desktop.imaging.outline import measure_outline

Point = tuple[float, float]
# Strings are translated in the compare view's context: these tools are part of it.
_TWO_POINTS = {"distance", "arrow", "circle"}
_ONE_POINT = {"text"}


class ComparedPair(Protocol):
    """What the tools ask of the comparison they mark (the compare view gives it)."""

    @property
    def before(self) -> PhotoSummary | None: ...
    @property
    def after(self) -> PhotoSummary | None: ...
    def set_mode(self, mode: Mode) -> None: ...
    def is_aligned(self) -> bool: ...
    def use_alignment(self, alignment: Alignment | None) -> None: ...
    def show_hint(self, text: str) -> None: ...


class CompareTools(QObject):
    """Owns the marks of the open comparison and the picking state of the canvas.

    The tool buttons go into `bar`; `fix_button` switches to picking point pairs
    for a manual alignment; `results` shows the measurements. `marksChanged`
    is emitted when a mark is added or the marks are cleared.
    """

    marksChanged = Signal()

    def __init__(
        self,
        pair: ComparedPair,
        canvas: CompareCanvas,
        *,
        bar: QHBoxLayout,
        fix_button: QToolButton,
        results: QLabel,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pair = pair
        self.canvas = canvas
        self.fix_button = fix_button
        self.results = results
        self.notifier = notifier
        self._annotations: list[Annotation] = []
        self._traces: list[MeasurementTrace] = []
        self._tool: str | None = None
        self._side: str | None = None
        self._points: list[Point] = []
        self._pairs: list[tuple[Point | None, Point | None]] = []
        self._mode_before_fix: Mode | None = None
        self.buttons: dict[str, QToolButton] = {}
        for name, text in (
            ("distance", QCoreApplication.translate("CompareView", "Distance")),
            ("diameter", QCoreApplication.translate("CompareView", "Diameter")),
            ("area", QCoreApplication.translate("CompareView", "Area")),
            ("arrow", QCoreApplication.translate("CompareView", "Arrow")),
            ("circle", QCoreApplication.translate("CompareView", "Circle")),
            ("outline", QCoreApplication.translate("CompareView", "Outline")),
            ("text", QCoreApplication.translate("CompareView", "Text")),
        ):
            button = tool_button(text, checkable=True)
            button.toggled.connect(lambda on, n=name: self.choose(n if on else None))
            bar.addWidget(button)
            self.buttons[name] = button
        self.text = QLineEdit()
        self.text.setPlaceholderText(QCoreApplication.translate("CompareView", "Note text"))
        self.text.setAccessibleName(QCoreApplication.translate("CompareView", "Note text"))
        self.text.setMaximumWidth(160)
        # Never squeezed to "N…": at least its placeholder and a few letters.
        placeholder = self.text.placeholderText()
        self.text.setMinimumWidth(
            self.text.fontMetrics().horizontalAdvance(placeholder + "MM") + 16
        )
        bar.addWidget(self.text)
        self.finish_button = tool_button(QCoreApplication.translate("CompareView", "Finish"))
        self.finish_button.clicked.connect(self.finish)
        bar.addWidget(self.finish_button)
        self.clear_button = tool_button(QCoreApplication.translate("CompareView", "Clear marks"))
        self.clear_button.clicked.connect(self.clear_marks)
        bar.addWidget(self.clear_button)
        fix_button.toggled.connect(self.fix_alignment)
        canvas.pointPicked.connect(self.picked)

    # --- the marks --------------------------------------------------------------------------

    def load(self, annotations: Sequence[Annotation], traces: Sequence[MeasurementTrace]) -> None:
        self._annotations = list(annotations)
        self._traces = list(traces)
        self._points = []
        self.refresh()

    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(self._annotations)

    def traces(self) -> tuple[MeasurementTrace, ...]:
        return tuple(self._traces)

    def put_outline(self, side: Side, points: Sequence[Point]) -> None:
        """The lesion's outline on one photo, as its area and largest-diameter traces
        (any outline put there before is replaced)."""
        kinds = (MeasureKind.AREA, MeasureKind.DIAMETER)
        self._traces = [t for t in self._traces if not (t.side is side and t.kind in kinds)]
        self._traces += [MeasurementTrace(kind, side, tuple(points)) for kind in kinds]
        self.refresh()
        self.marksChanged.emit()

    def outline(self, side: Side) -> tuple[Point, ...]:
        """The points of the outline (area trace) on that photo, if there is one."""
        found = [t for t in self._traces if t.side is side and t.kind is MeasureKind.AREA]
        return found[-1].points if found else ()

    def clear_marks(self) -> None:
        self.load((), ())
        self.marksChanged.emit()

    def measured(self, trace: MeasurementTrace) -> Measurement:
        photo = self.pair.before if trace.side is Side.BEFORE else self.pair.after
        scale = photo.calibration_px_per_mm if photo is not None else None
        return measure(trace.kind, trace.points, scale)

    def result_lines(self) -> list[str]:
        """'Area: 12.3 mm² → 15.1 mm² (+2.8 mm², +23 %)' for each kind measured on both photos."""
        names = {
            MeasureKind.DISTANCE: QCoreApplication.translate("CompareView", "Distance"),
            MeasureKind.DIAMETER: QCoreApplication.translate("CompareView", "Diameter"),
            MeasureKind.AREA: QCoreApplication.translate("CompareView", "Area"),
        }
        lines = []
        for kind in MeasureKind:
            before = [t for t in self._traces if t.kind is kind and t.side is Side.BEFORE]
            after = [t for t in self._traces if t.kind is kind and t.side is Side.AFTER]
            if before and after:
                first, last = self.measured(before[-1]), self.measured(after[-1])
                try:
                    delta = change(first, last).text(decimal_sign())
                except PixioDocError as error:
                    delta = error_text(error)
                lines.append(
                    f"{names[kind]}: {first.text(decimal_sign())} → "
                    f"{last.text(decimal_sign())} ({delta})"
                )
            elif before or after:
                value = self.measured((before or after)[-1])
                lines.append(f"{names[kind]}: {value.text(decimal_sign())}")
        return lines + self._outline_lines()

    def _outline_lines(self) -> list[str]:
        """Perimeter and asymmetry of the outlines (area traces) on both calibrated photos."""
        shapes = []
        for side, photo in ((Side.BEFORE, self.pair.before), (Side.AFTER, self.pair.after)):
            points = self.outline(side)
            scale = None if photo is None else photo.calibration_px_per_mm
            if len(points) < 3 or scale is None:
                return []
            shapes.append(measure_outline(points, scale))
        first, last = shapes
        grown = last.perimeter_mm - first.perimeter_mm
        perimeter = QCoreApplication.translate("CompareView", "Perimeter")
        asymmetry = QCoreApplication.translate("CompareView", "Asymmetry")
        return [
            f"{perimeter}: {number_text(first.perimeter_mm)} mm → "
            f"{number_text(last.perimeter_mm)} mm "
            f"({'+' if grown >= 0 else '−'}{number_text(abs(grown))} mm)",
            f"{asymmetry}: {number_text(first.asymmetry, 2)} → {number_text(last.asymmetry, 2)}",
        ]

    def refresh(self) -> None:
        marks = [Mark(str(a.side), str(a.kind), a.points, a.text) for a in self._annotations] + [
            Mark(
                str(t.side),
                str(t.kind),
                t.points,
                self.measured(t).text(decimal_sign()),
                measurement=True,
            )
            for t in self._traces
        ]
        if self._points and self._side is not None:
            marks.append(Mark(self._side, "points", tuple(self._points)))
        for index, (before, after) in enumerate(self._pairs):
            if before is not None:
                marks.append(Mark("before", "points", (before,), str(index + 1)))
            if after is not None:
                marks.append(Mark("after", "points", (after,), str(index + 1)))
        self.canvas.setMarks(marks)
        self.results.setText("   ·   ".join(self.result_lines()))

    # --- picking ------------------------------------------------------------------------------

    def choose(self, tool: str | None) -> None:
        if tool is not None:
            self.fix_button.setChecked(False)
            for name, button in self.buttons.items():
                if name != tool:
                    button.blockSignals(True)
                    button.setChecked(False)
                    button.blockSignals(False)
        self._tool = tool
        self._points, self._side = [], None
        self.canvas.setPicking(tool is not None)
        self.refresh()
        self._hint()

    def cancel(self) -> bool:
        """Esc: leave the alignment by hand or the tool chosen; False when neither was on."""
        if self.fix_button.isChecked():
            self.fix_button.setChecked(False)
            return True
        if self._tool is not None:
            self.buttons[self._tool].setChecked(False)  # toggled: choose(None)
            return True
        return False

    def _hint(self, *, done: bool = False) -> None:
        """What to do next with the tool chosen (it stays chosen until another is)."""
        tool, count = self._tool, len(self._points)
        if tool is None:
            return
        two = {
            "distance": (
                QCoreApplication.translate("CompareView", "Distance: click the first edge"),
                QCoreApplication.translate("CompareView", "Distance: click the second edge"),
            ),
            "arrow": (
                QCoreApplication.translate("CompareView", "Arrow: click where it starts"),
                QCoreApplication.translate("CompareView", "Arrow: click what it points at"),
            ),
            "circle": (
                QCoreApplication.translate("CompareView", "Circle: click its centre"),
                QCoreApplication.translate("CompareView", "Circle: click its edge"),
            ),
        }
        if done:
            text = QCoreApplication.translate(
                "CompareView", "Done. Click again for another, or choose another tool"
            )
        elif tool in two:
            text = two[tool][min(count, 1)]
        elif tool == "text":
            text = QCoreApplication.translate(
                "CompareView", "Text: type the note, then click where it goes"
            )
        elif count == 0:
            text = QCoreApplication.translate(
                "CompareView", "Click around the edge of the lesion, then press Finish"
            )
        else:
            text = QCoreApplication.translate(
                "CompareView", "{count} points: keep clicking around the edge, then Finish"
            ).format(count=count)
        self.pair.show_hint(text)

    def picked(self, side: str, x: float, y: float) -> None:
        if self.fix_button.isChecked():
            self._pick_pair(side, (x, y))
            return
        if self._tool is None:
            return
        if self._side is None:
            self._side = side
        elif side != self._side:
            return  # a shape lies on one photo
        self._points.append((x, y))
        if (self._tool in _TWO_POINTS and len(self._points) == 2) or (
            self._tool in _ONE_POINT and len(self._points) == 1
        ):
            self.finish()
        else:
            self.refresh()
            self._hint()

    def finish(self) -> None:
        """Store the shape being traced (outlines end here)."""
        tool, side, points = self._tool, self._side, tuple(self._points)
        self._points, self._side = [], None
        if tool is None or side is None or not points:
            self.refresh()
            return
        try:
            if tool in ("distance", "diameter", "area"):
                trace = MeasurementTrace(MeasureKind(tool), Side(side), points)
                self.measured(trace)  # refuses too few points now, not at save
                self._traces.append(trace)
            else:
                self._annotations.append(
                    Annotation(AnnotationKind(tool), Side(side), points, self.text.text().strip())
                )
        except PixioDocError as error:
            self.notifier.error(error_text(error))
            self.refresh()
            self._hint()
            return
        self.refresh()
        self._hint(done=True)
        self.marksChanged.emit()

    # --- fixing the alignment -----------------------------------------------------------------

    def fix_alignment(self, on: bool) -> None:
        """Pick three point pairs: a point on the earlier photo, then the same on the later."""
        pair = self.pair
        self._pairs = []
        if on:
            for button in self.buttons.values():
                button.setChecked(False)
            self._mode_before_fix = self.canvas.state().mode
            pair.set_mode(Mode.SIDE_BY_SIDE)
            if pair.is_aligned():
                pair.use_alignment(None)
            self.canvas.setPicking(True)
            pair.show_hint(
                QCoreApplication.translate(
                    "CompareView",
                    "Click a point on the earlier photo, then the same point on the later one",
                )
            )
        else:
            self.canvas.setPicking(self._tool is not None)
            if self._mode_before_fix is not None:
                pair.set_mode(self._mode_before_fix)
                self._mode_before_fix = None
        self.refresh()

    def _pick_pair(self, side: str, point: Point) -> None:
        if not self._pairs or all(p is not None for p in self._pairs[-1]):
            if side != "before":
                return
            self._pairs.append((point, None))
        elif side == "after":
            self._pairs[-1] = (self._pairs[-1][0], point)
        complete = [(b, a) for b, a in self._pairs if b is not None and a is not None]
        if len(complete) >= 3:
            self.apply_pairs([(a, b) for b, a in complete])
        else:
            self.refresh()

    def apply_pairs(self, pairs: Sequence[tuple[Point, Point]]) -> None:
        """(later point, earlier point) pairs, in original pixels of each photo."""
        after = self.pair.after
        if after is None:
            return
        try:
            alignment = homography_from_points(list(pairs), (after.width, after.height))
        except PixioDocError as error:
            self.notifier.error(error_text(error))
            self._pairs = []
            self.refresh()
            return
        self._pairs = []
        self.fix_button.setChecked(False)
        self.pair.use_alignment(alignment)
