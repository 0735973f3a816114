"""The compare view's showing layer: the pair on screen.

`CompareShowing` sits between the keeping layer (compare_keeping.py) and the view
(compare_view.py). Both photos are fetched on the DB worker, decoded at once on
the image pool (one each), rendered there (aligned, normalised, with the
difference map once it is wanted) and shown; a newer pair or render overtakes an
older one, whose results are dropped. Strings are translated in the compare
view's context: this layer is part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal

from pixiodoc_desktop.gui.compare_pipeline import Decoded, Display, decode, make_display
from pixiodoc_desktop.gui.ondemand_images import fetching_text
from pixiodoc_desktop.gui.views import compare_loading
from pixiodoc_desktop.gui.views.compare_keeping import CompareKeeping
from pixiodoc_desktop.gui.views.compare_poses import ComparePoses
from pixiodoc_desktop.imaging.alignment import Alignment
from pixiodoc_desktop.imaging.compose import Mode


class CompareShowing(CompareKeeping):
    """Loads, decodes, renders and shows the pair; `opened` once it is on screen."""

    opened = Signal(str, str)
    stateChanged = Signal(object)

    poses: ComparePoses
    play_timer: QTimer
    series_poses: tuple[str, ...]
    _decoded: Decoded | None
    _request: int
    _renders: int  # renders finish out of order on the pool: only the newest is shown
    _heat_requested: bool

    def open_pair(
        self,
        before_id: str,
        after_id: str,
        *,
        alignment: Alignment | None = None,
        keep: bool = False,
    ) -> None:
        """Load, align and show two photos; `keep` keeps the marks and stored id."""
        self._request += 1
        request = self._request
        if not keep:
            self.comparison_id = None
            self.tools.load((), ())
            self.marks_unsaved = False
        self.alignment = alignment
        self.canvas.message = QCoreApplication.translate("CompareView", "Loading photos…")
        self.canvas.clear()

        def fetched(result: compare_loading.FetchedPair) -> None:
            if request != self._request:
                return
            before, after = result.before, result.after
            before_data, after_data = result.before_data, result.after_data
            self.before, self.after, self.series = before, after, result.series
            self._name_patient(result.patient_name, result.birth_date)
            self.lesions = result.lesions
            self.series_poses, self.series_names = result.series_poses, result.series_names
            self._offer_next_pose()
            self.set_slider_allowed(result.slider_allowed)
            self.fill_choices(
                self.series,
                self.before,
                self.after,
                self.photo_label,
                self.photo_choice,
                self.photo_tip,
            )

            # Both photos decode at once, one on each pool thread.
            images: dict[str, Any] = {}

            def one(name: str) -> Callable[[Any], None]:
                def done(image: Any) -> None:
                    images[name] = image
                    if len(images) == 2:
                        decoded = Decoded(before, after, images["before"], images["after"])
                        self._decoded_ready(request, decoded)

                return done

            self._submit(lambda: decode(before_data), one("before"), self._failed)
            self._submit(lambda: decode(after_data), one("after"), self._failed)

        def fetching() -> None:
            if request == self._request:
                self.canvas.message = fetching_text()
                self.canvas.update()

        self._run(
            compare_loading.fetch_pair(self.ctx.session, before_id, after_id),
            fetched,
            self._failed,
            fetching,
        )

    def _decoded_ready(self, request: int, decoded: Decoded) -> None:
        if request != self._request:
            return
        self._decoded = decoded
        self._render(find=True)

    def _render(self, *, find: bool = False) -> None:
        decoded = self._decoded
        if decoded is None:
            return
        request = self._request
        self._renders += 1
        render = self._renders
        alignment = self.alignment
        aligned, normalised = self.align_box.isChecked(), self.normalise_box.isChecked()
        heat = self.canvas.state().mode is Mode.DIFFERENCE
        self._heat_requested = heat

        def work() -> Display:
            return make_display(
                decoded, alignment, aligned=aligned, normalised=normalised, find=find, heat=heat
            )

        def done(display: Display) -> None:
            if request != self._request or render != self._renders:
                return
            self.show_display(display)

        self._submit(work, done, self._failed)

    def show_display(self, display: Display) -> None:
        assert self.before is not None and self.after is not None
        self.display = display
        self.alignment = display.alignment
        self.canvas.setImages(
            display.before,
            display.after,
            (self.before.width, self.before.height),
            heat=display.heat,
            after_to_frame=display.after_to_frame,
        )
        self.canvas.setLabels(self.photo_label(self.before), self.photo_label(self.after))
        self.show_quality(display)
        self.tools.refresh()
        self.enable(True)
        self.opened.emit(self.before.id, self.after.id)
        self.stateChanged.emit(self.canvas.state())
        self.patient_screen.follow()
        if self.play_button.isChecked():
            self.play_timer.start()

    def set_mode(self, mode: Mode) -> None:
        """Switch the mode; the difference map is computed when it is first wanted."""
        super().set_mode(mode)
        missing_heat = self.display is not None and self.display.heat is None
        wanted = self.canvas.state().mode is Mode.DIFFERENCE
        if wanted and missing_heat and not self._heat_requested:
            self._render()

    def _offer_next_pose(self, *_ids: str) -> None:
        self.poses.show_pair(self.before, self.series_poses, self.series_names)

    @property
    def decoded(self) -> Decoded | None:
        """Both photos decoded at preview size (None while loading)."""
        return self._decoded

    def is_aligned(self) -> bool:
        return self.align_box.isChecked()

    def use_alignment(self, alignment: Alignment | None) -> None:
        """Take a (manual) alignment and redraw."""
        self.alignment = alignment
        self.align_box.blockSignals(True)
        self.align_box.setChecked(alignment is not None)
        self.align_box.blockSignals(False)
        self._render()
