"""The automatic lesion outline in the compare view: proposed on both photos, corrected by
dragging its points, accepted into the lesion's measurements.

"Auto outline" runs `imaging.outline` on each photo's preview (on the image pool), in the
photo's own calibration; the outline becomes that photo's area and diameter traces, so the
change between the visits is listed with the other measurements and kept with the saved
comparison. A refusal (no lesion stands out, it runs off the edge, hair breaks it) is said
instead, for that photo. A press near an outline point grabs it and the drag moves it.
"Accept outline" records each photo's outline as a measurement of its lesion (on the
database worker; the service checks access and audits), which feeds the lesion's chart
and whether it grew.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout

from pixiodoc_desktop.clinic.records.comparisons import Side
from pixiodoc_desktop.clinic.records.lesion_sizes import LesionSizes, SizeSource
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.compare_pipeline import Decoded
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.compare_controls import tool_button
from pixiodoc_desktop.gui.views.compare_tools import CompareTools
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareCanvas
from pixiodoc_desktop.imaging.outline import measure_outline, outline_on_preview

Point = tuple[float, float]
Job = Callable[[], Any]


class OutlinedPair(Protocol):
    """What the outline asks of the compare view."""

    @property
    def before(self) -> PhotoSummary | None: ...
    @property
    def after(self) -> PhotoSummary | None: ...
    @property
    def decoded(self) -> Decoded | None: ...
    def show_hint(self, text: str) -> None: ...
    def _submit(
        self, job: Job, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None: ...
    def _run(
        self, job: Job, on_done: Callable[[Any], None], on_error: Callable[[Exception], None]
    ) -> None: ...


def _outline_job(photo: PhotoSummary, image: Any) -> Job:
    """The outline of the lesion in the preview, in the original photo's pixels."""

    def job() -> list[Point]:
        return list(outline_on_preview(image, photo.width, photo.calibration_px_per_mm))

    return job


class CompareOutline(QObject):
    def __init__(
        self,
        ctx: GuiContext,
        pair: OutlinedPair,
        tools: CompareTools,
        canvas: CompareCanvas,
        bar: QHBoxLayout,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.pair, self.tools, self.canvas = ctx, pair, tools, canvas
        self.propose_button = tool_button(QCoreApplication.translate("CompareView", "Auto outline"))
        self.propose_button.setObjectName("autoOutline")
        self.propose_button.setToolTip(
            QCoreApplication.translate(
                "CompareView",
                "Outline the lesion on both calibrated photos; drag a point to correct it",
            )
        )
        self.accept_button = tool_button(
            QCoreApplication.translate("CompareView", "Accept outline")
        )
        self.accept_button.setObjectName("acceptOutline")
        self.accept_button.setToolTip(
            QCoreApplication.translate(
                "CompareView", "Keep the outlines as the lesion's measurements"
            )
        )
        bar.addWidget(self.propose_button)
        bar.addWidget(self.accept_button)
        self.propose_button.clicked.connect(self.propose)
        self.accept_button.clicked.connect(self.accept)
        canvas.grab_handle = self._grab
        canvas.handleMoved.connect(self._moved)
        canvas.handleReleased.connect(self._released)
        tools.marksChanged.connect(self._enable)
        self._grabbed: tuple[Side, int] | None = None
        self.corrected: set[Side] = set()
        self._enable()

    def _photos(self) -> list[tuple[Side, PhotoSummary | None]]:
        return [(Side.BEFORE, self.pair.before), (Side.AFTER, self.pair.after)]

    def _enable(self) -> None:
        self.accept_button.setEnabled(any(self.tools.outline(side) for side in Side))

    # --- proposing ----------------------------------------------------------------------

    def propose(self) -> None:
        decoded = self.pair.decoded
        if decoded is None:
            return
        self.corrected.clear()
        self.propose_button.setEnabled(False)
        self.pair.show_hint(QCoreApplication.translate("CompareView", "Outlining the lesion…"))
        results: dict[Side, list[Point] | BaseException] = {}
        jobs = (
            (Side.BEFORE, decoded.before, decoded.before_image),
            (Side.AFTER, decoded.after, decoded.after_image),
        )

        def one(side: Side) -> tuple[Callable[[Any], None], Callable[[BaseException], None]]:
            def done(result: Any) -> None:
                results[side] = result
                if len(results) == len(jobs):
                    self._proposed(results)

            return done, done

        for side, photo, image in jobs:
            on_done, on_error = one(side)
            self.pair._submit(_outline_job(photo, image), on_done, on_error)

    def _proposed(self, results: dict[Side, list[Point] | BaseException]) -> None:
        self.propose_button.setEnabled(True)
        words = {
            Side.BEFORE: QCoreApplication.translate("CompareView", "Earlier photo"),
            Side.AFTER: QCoreApplication.translate("CompareView", "Later photo"),
        }
        said = []
        for side in Side:
            result = results[side]
            if isinstance(result, BaseException):
                why = error_text(result) if isinstance(result, PixioDocError) else str(result)
                said.append(f"{words[side]}: {why}")
            else:
                self.tools.put_outline(side, result)
        if not said:
            said.append(
                QCoreApplication.translate(
                    "CompareView", "Outlined: drag a point to correct it, then Accept"
                )
            )
        self.pair.show_hint(" · ".join(said))
        self._enable()

    # --- correcting ---------------------------------------------------------------------

    def _grab(self, side: str, x: float, y: float, reach: float) -> bool:
        points = self.tools.outline(Side(side))
        best, gap = None, reach
        for index, (px, py) in enumerate(points):
            distance = ((px - x) ** 2 + (py - y) ** 2) ** 0.5
            if distance <= gap:
                best, gap = index, distance
        if best is None:
            return False
        self._grabbed = (Side(side), best)
        return True

    def _moved(self, side: str, x: float, y: float) -> None:
        if self._grabbed is None or self._grabbed[0] is not Side(side):
            return
        where, index = self._grabbed
        points = list(self.tools.outline(where))
        if index < len(points):
            points[index] = (x, y)
            self.tools.put_outline(where, points)
            self.corrected.add(where)

    def _released(self) -> None:
        self._grabbed = None

    # --- accepting ----------------------------------------------------------------------

    def accept(self) -> None:
        entries = []
        for side, photo in self._photos():
            points = self.tools.outline(side)
            if photo is None or not points or photo.lesion_id is None:
                continue
            if photo.calibration_px_per_mm is None:
                continue
            measures = measure_outline(points, photo.calibration_px_per_mm)
            source = SizeSource.CORRECTED if side in self.corrected else SizeSource.OUTLINE
            entries.append((photo, points, measures, source))
        if not entries:
            self.pair.show_hint(
                QCoreApplication.translate(
                    "CompareView", "No tracked lesion: the outline stays with the comparison"
                )
            )
            return
        session = self.ctx.session

        def job() -> int:
            services, actor = session.require()
            sizes = LesionSizes(services.workstation)
            for photo, points, measures, source in entries:
                assert photo.lesion_id is not None
                sizes.record(
                    actor,
                    photo.lesion_id,
                    photo.id,
                    area_mm2=measures.area_mm2,
                    diameter_mm=measures.diameter_mm,
                    perimeter_mm=measures.perimeter_mm,
                    asymmetry=measures.asymmetry,
                    source=source,
                    points=points,
                )
            return len(entries)

        patient_id = entries[0][0].patient_id

        def done(count: Any) -> None:
            self.pair.show_hint(
                QCoreApplication.translate(
                    "CompareView", "Outline kept with the lesion ({count})"
                ).format(count=count)
            )
            self.ctx.changes.patient_changed.emit(patient_id)

        def failed(error: Exception) -> None:
            self.ctx.notifier.failure(error)

        self.pair._run(job, done, failed)
