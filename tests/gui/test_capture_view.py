"""The capture screen, driven by a real MJPG recording standing in for a dermatoscope.

The recording pans across synthetic skin; every second frame is blurred (so a
burst of three always holds a sharp and a blurred frame), and its left quarter
is a flat grey (so the ghost overlay can be checked pixel by pixel).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import cv2
import numpy as np
import numpy.typing as npt
import pytest
from gui_support import create_vault_through_first_run, first_run_into_workspace
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QHideEvent, QImage, QShowEvent
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.capture.devices import DeviceChoice, ModeMemory
from pixiodoc_desktop.capture.profiles import DeviceProfile, ProfileStore
from pixiodoc_desktop.capture.quality import sharpness
from pixiodoc_desktop.capture.sources import CameraSource, CaptureMode, Frame, OpenCvCamera
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, PhotoSummary
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.errors import CameraBusy, CameraUnavailable
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView, preferred_mode

T = TypeVar("T")
SIZE = (320, 240)
FLAT = 60  # grey level of the recording's left quarter
GHOST_BGR = (70, 90, 210)  # a reddish ghost photo (B, G, R)
SITE = "forearm-left"


# --- recordings and a vault -----------------------------------------------------------------


def _scope_frames(count: int) -> list[npt.NDArray[np.uint8]]:
    base = render_photo(scene_for(3, "naevus"), 0, 1, size=SIZE)
    frames = []
    for i in range(count):
        frame = np.ascontiguousarray(np.roll(base, 4 * i, axis=1))
        frame[:, : SIZE[0] // 4] = FLAT
        if i % 2:
            frame = cv2.GaussianBlur(frame, (0, 0), 3)
        frames.append(np.ascontiguousarray(frame))
    return frames


def _write_avi(path: Path, frames: list[npt.NDArray[np.uint8]]) -> Path:
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (width, height))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


@pytest.fixture(scope="module")
def scope_avi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_avi(tmp_path_factory.mktemp("camera") / "scope.avi", _scope_frames(30))


def on_worker(qtbot: QtBot, window: MainWindow, fn: Callable[[Any, Any], T]) -> T:
    """Run `fn(services, actor)` on the window's DB worker and wait for its result."""
    box: list[T] = []
    errors: list[Exception] = []
    session = window.ctx.session

    def job() -> T:
        services, actor = session.require()
        return fn(services, actor)

    window.ctx.worker.submit(job, box.append, errors.append)
    qtbot.waitUntil(lambda: bool(box or errors), timeout=20000)
    if errors:
        raise errors[0]
    return box[0]


class Clinic:
    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        patient = on_worker(
            qtbot,
            window,
            lambda s, a: s.patients.create(a, family_name="Lindqvist", given_name="Maja"),
        )
        self.patient_id: str = patient.id
        ghost = np.zeros((SIZE[1], SIZE[0], 3), np.uint8)
        ghost[:] = GHOST_BGR
        cv2.circle(ghost, (220, 120), 40, (40, 40, 90), -1)  # an edge to find
        self.ghost_pixels = ghost
        data = encode_jpeg(ghost, captured_at=dt.datetime(2025, 3, 14, 9, 30))
        context = CaptureContext(
            patient_id=patient.id,
            visit_date=dt.date(2025, 3, 14),
            body_site=SITE,
            modality=Modality.DERMOSCOPY_POLARISED,
        )
        self.earlier = on_worker(
            qtbot,
            window,
            lambda s, a: (
                s.photos.ingest(
                    a, data, context, source_name="earlier.jpg", source=PhotoSource.IMPORT
                ).photo
            ),
        )

    def photos(self) -> list[PhotoSummary]:
        return on_worker(self.qtbot, self.window, lambda s, a: s.photos.list(a, self.patient_id))

    def image(self, photo_id: str) -> npt.NDArray[np.uint8]:
        data = on_worker(
            self.qtbot,
            self.window,
            lambda s, a: s.photos.image(a, photo_id, ImageSize.ORIGINAL, audited=False),
        )
        decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        return np.asarray(decoded, dtype=np.uint8)


@pytest.fixture
def clinic(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> Clinic:
    window = make_window()
    create_vault_through_first_run(qtbot, window)
    return Clinic(qtbot, window)


@pytest.fixture
def open_capture(
    qtbot: QtBot, clinic: Clinic, tmp_path: Path
) -> Iterator[Callable[..., CaptureView]]:
    views: list[CaptureView] = []

    def make(camera: str | None = None, **kwargs: Any) -> CaptureView:
        kwargs.setdefault("devices", list)
        kwargs.setdefault("profiles", ProfileStore(tmp_path / "profiles.json"))
        kwargs.setdefault("modes", ModeMemory(tmp_path / "modes.json"))
        kwargs.setdefault("retry_every", 0.2)
        view = CaptureView(clinic.window.ctx, clinic.patient_id, camera=camera, **kwargs)
        qtbot.addWidget(view)
        views.append(view)
        view.show()
        view.activateWindow()
        return view

    yield make
    for view in views:  # pytest-qt has closed them already; closing twice is harmless
        view.close()
        assert not view.is_running()


def wait_running(qtbot: QtBot, view: CaptureView) -> None:
    qtbot.waitUntil(view.is_running, timeout=10000)
    qtbot.waitUntil(lambda: view.live.has_frame() and view.record is not None, timeout=10000)


def grab_live(view: CaptureView) -> QImage:
    return view.live.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def pixel(image: QImage, point: QPoint) -> tuple[int, int, int]:
    colour = image.pixelColor(point)
    return colour.red(), colour.green(), colour.blue()


# --- tests -------------------------------------------------------------------------------------


def test_the_preview_paints_the_cameras_frames(
    qtbot: QtBot, clinic: Clinic, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    assert view.camera_panel.device_combo.currentText() == "scope.avi"
    assert (
        view.camera_panel.mode_combo.count() == 1
        and "320 x 240" in view.camera_panel.mode_combo.currentText()
    )
    painted = view.live.frames_painted
    qtbot.wait(500)
    assert view.live.frames_painted >= painted + 8  # about 15 new frames in half a second
    image = grab_live(view)
    rect = view.live.image_rect().toAlignedRect()
    assert rect.width() > 100
    grey = np.array(
        [
            image.pixelColor(x, rect.center().y()).lightness()
            for x in range(rect.left(), rect.right())
        ]
    )
    assert grey.std() > 5  # skin texture, not a uniform picture
    assert view.live.message() == ("", "")
    assert view.take_button.isEnabled()
    view.close()
    assert not view.is_running()


def test_space_takes_a_burst_into_todays_visit_with_the_device_profile(
    qtbot: QtBot, clinic: Clinic, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    window = clinic.window
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    assert view.record_panel.patient_label.text() == "Lindqvist, Maja"
    view.set_body_site(SITE)
    view.profile_panel.dermatoscope_check.setChecked(True)
    view.profile_panel.polarised_check.setChecked(True)
    view.profile_panel.contact_combo.setCurrentIndex(
        view.profile_panel.contact_combo.findData(True)
    )
    view.profile_panel.magnification_spin.setValue(10.0)
    view.profile_panel.fov_spin.setValue(10.0)
    view.profile_panel.fov_button.click()  # 320 px across 10 mm
    assert view.profile_panel.calibration_spin.value() == pytest.approx(32.0)
    assert not view.record_panel.modality_combo.isEnabled()  # the scope decides the modality
    view.profile_panel.save_profile_button.click()
    stored = ProfileStore(view._profiles.path).get("scope.avi")
    assert stored == DeviceProfile(
        "scope.avi",
        dermatoscope=True,
        polarised=True,
        contact=True,
        magnification=10.0,
        px_per_mm=32.0,
        calibrated_width_px=320,
    )
    assert view.burst_check.isChecked()

    with qtbot.waitSignal(window.ctx.changes.photos_changed, timeout=15000) as changed:
        qtbot.keyClick(view.live, Qt.Key.Key_Space)
    assert changed.args == [clinic.patient_id]
    result = view.last_result
    assert result is not None and not result.duplicate
    photo = result.photo
    assert photo.patient_id == clinic.patient_id
    assert photo.body_site == SITE
    assert photo.visit_date == dt.date.today()
    assert photo.source == PhotoSource.CAMERA
    assert photo.modality == Modality.DERMOSCOPY_POLARISED
    assert photo.contact is True
    assert photo.device == "scope.avi"
    assert photo.calibration_px_per_mm == pytest.approx(32.0)
    assert photo.magnification == 10.0
    assert (photo.width, photo.height) == SIZE
    visits = on_worker(qtbot, window, lambda s, a: s.visits.list(a, clinic.patient_id))
    assert photo.visit_id in {v.id for v in visits if v.visit_date == dt.date.today()}
    assert {p.id for p in clinic.photos()} == {clinic.earlier.id, photo.id}
    assert view.record_panel.session_label.text() == "1 photo(s) taken now"
    assert view.quality_bar.isVisible()

    # The burst kept its sharpest frame.
    burst = view.last_burst
    assert len(burst) == 3
    assert [f.number for f in burst] == list(range(burst[0].number, burst[0].number + 3))
    scores = [sharpness(f.pixels) for f in burst]
    assert max(scores) > 2 * min(scores)  # the recording alternates sharp and blurred
    kept = sharpness(clinic.image(photo.id))
    assert abs(kept - max(scores)) < abs(kept - min(scores))

    # The visit now exists: the next photo goes into the same one.
    qtbot.waitUntil(
        lambda: view.record_panel.visit_combo.currentData() == photo.visit_id, timeout=10000
    )


def test_a_single_still_and_a_discard(
    qtbot: QtBot, clinic: Clinic, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    view.burst_check.setChecked(False)
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        view.take_button.click()
    result = view.last_result
    assert result is not None
    # No scope profile: the screen's modality, which starts from the record's newest photo.
    assert result.photo.modality == clinic.earlier.modality
    assert result.photo.device == "scope.avi"
    with qtbot.waitSignal(view.photo_discarded, timeout=15000):
        view.quality_bar.discard_button.click()
    assert [p.id for p in clinic.photos()] == [clinic.earlier.id]
    assert not view.quality_bar.isVisible()


def test_a_blurred_still_warns_and_retake_takes_another(
    qtbot: QtBot, clinic: Clinic, open_capture: Callable[..., CaptureView], tmp_path: Path
) -> None:
    blurred = [cv2.GaussianBlur(f, (0, 0), 6) for f in _scope_frames(12)]
    camera = _write_avi(tmp_path / "blurred.avi", blurred)
    view = open_capture(str(camera))
    wait_running(qtbot, view)
    view.burst_check.setChecked(False)
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        view.take_photo()
    assert view.quality_warning_shown()
    assert "blurred" in view.quality_bar.quality_label.text()
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        view.quality_bar.retake_button.click()
    assert len(view.session_photos) == 2  # never blocked: both are stored


def test_the_ghost_shows_the_last_visits_photo_at_the_chosen_opacity(
    qtbot: QtBot, clinic: Clinic, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    # The screen starts from the record's newest photo: its site, and its ghost at once.
    assert view.record_panel.body_site_combo.currentData() == SITE
    assert (candidate := view.ghost_candidate()) is not None and candidate.id == clinic.earlier.id
    qtbot.waitUntil(lambda: view.overlay_panel._ghost_id == clinic.earlier.id, timeout=15000)
    assert view.overlay_panel.ghost_caption.text().startswith(date_text(dt.date(2025, 3, 14)))
    rect = view.live.image_rect()
    flat_spot = QPoint(int(rect.left() + rect.width() * 0.1), int(rect.center().y()))
    ghost_rgb = GHOST_BGR[::-1]

    def blended(opacity: int) -> tuple[int, int, int]:
        view.overlay_panel.opacity_slider.setValue(opacity)
        return pixel(grab_live(view), flat_spot)

    alone = blended(0)
    assert all(abs(c - FLAT) <= 8 for c in alone), alone
    half = blended(50)
    expected = [0.5 * FLAT + 0.5 * g for g in ghost_rgb]
    assert all(abs(c - e) <= 10 for c, e in zip(half, expected, strict=True)), (half, expected)
    full = blended(100)
    assert all(abs(c - g) <= 10 for c, g in zip(full, ghost_rgb, strict=True)), full
    assert view.overlay_panel.opacity_value.text() == "100 %"

    view.overlay_panel.edges_check.setChecked(True)  # the flat part of the ghost has no edges
    assert all(abs(c - FLAT) <= 8 for c in pixel(grab_live(view), flat_spot))
    edge = view.live.image_to_widget(QPointF(220 - 40, 120)).toPoint()
    near = [pixel(grab_live(view), edge + QPoint(dx, 0)) for dx in range(-3, 4)]
    assert any(b > r + 40 for r, _g, b in near), near  # the cyan outline of the circle
    view.overlay_panel.ghost_check.setChecked(False)
    assert all(abs(c - FLAT) <= 8 for c in pixel(grab_live(view), flat_spot))
    view.overlay_panel.grid_check.setChecked(True)
    third = QPoint(int(rect.left() + rect.width() / 3), int(rect.top() + 5))
    assert pixel(grab_live(view), third) != pixel(grab_live(view), third + QPoint(6, 0))


def test_no_camera_at_all_shows_an_empty_state_at_once(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], tmp_path: Path
) -> None:
    # At once = on the first attempt: retries are 30 s apart, so the empty
    # state within the 20 s wait proves no retry came before it.
    view = open_capture(str(tmp_path / "missing.avi"), retry_every=30.0)
    qtbot.waitUntil(lambda: view.live.message()[0] == "No camera found", timeout=20000)
    assert "does not exist" in view.live.message()[1]
    assert not view.take_button.isEnabled()
    view.take_photo()  # nothing happens, nothing hangs
    assert view.last_result is None

    nothing = open_capture(None, retry_every=30.0)
    qtbot.waitUntil(lambda: nothing.live.message()[0] == "No camera found", timeout=20000)
    assert "Refresh cameras" in nothing.live.message()[1]


class Unpluggable:
    """The real OpenCvCamera with a cable that can be pulled (see tests/capture)."""

    def __init__(self, camera: OpenCvCamera, *, busy: bool = False) -> None:
        self.camera = camera
        self.plugged = True
        self.busy = busy

    @property
    def name(self) -> str:
        return self.camera.name

    @property
    def is_open(self) -> bool:
        return self.camera.is_open

    @property
    def pace_fps(self) -> float | None:
        return self.camera.pace_fps

    def open(self) -> None:
        if self.busy:
            raise CameraBusy(f"The camera '{self.name}' is in use by another program")
        if not self.plugged:
            raise CameraUnavailable(f"No camera found: '{self.name}' is not connected")
        self.camera.open()

    def modes(self) -> list[CaptureMode]:
        return self.camera.modes()

    def set_mode(self, mode: CaptureMode) -> CaptureMode:
        return self.camera.set_mode(mode)

    def read(self) -> Frame | None:
        frame = self.camera.read()
        return frame if self.plugged else None

    def close(self) -> None:
        self.camera.close()


def test_unplugging_says_so_and_the_preview_recovers(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    sources: list[Unpluggable] = []

    def source_for(choice: DeviceChoice) -> CameraSource:
        source = Unpluggable(OpenCvCamera(str(choice.path), name="DermLite DL5"))
        sources.append(source)
        return source

    view = open_capture(str(scope_avi), source_for=source_for)
    wait_running(qtbot, view)
    (source,) = sources
    source.plugged = False
    qtbot.waitUntil(lambda: view.live.message()[0] == "Camera disconnected", timeout=3000)
    assert "Plug it back in" in view.live.message()[1]
    assert not view.take_button.isEnabled()
    source.plugged = True
    qtbot.waitUntil(lambda: view.live.message()[0] == "", timeout=3000)
    assert view.take_button.isEnabled()
    before = view.live.frames_painted
    qtbot.waitUntil(lambda: view.live.frames_painted > before + 3, timeout=3000)


def test_a_busy_camera_says_so(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(
        str(scope_avi),
        source_for=lambda choice: Unpluggable(OpenCvCamera(str(choice.path)), busy=True),
    )
    qtbot.waitUntil(lambda: view.live.message()[0] == "The camera is busy", timeout=2000)
    assert "in use by another program" in view.live.message()[1]


def test_a_camera_is_picked_by_name_and_its_mode_remembered() -> None:
    modes = [
        CaptureMode(640, 480, 30.0, "YUYV"),
        CaptureMode(1920, 1080, 30.0, "MJPG"),
        CaptureMode(1920, 1080, 5.0, "YUYV"),
    ]
    assert preferred_mode(modes, None) == modes[1]  # large, and MJPG
    assert preferred_mode(modes, CaptureMode(640, 480, 30.0)) == modes[0]
    assert preferred_mode(modes, CaptureMode(800, 600, 30.0)) == modes[1]  # no longer offered


def test_the_hot_folder_ingests_into_the_context_and_quarantines_with_a_reason(
    qtbot: QtBot,
    clinic: Clinic,
    open_capture: Callable[..., CaptureView],
    scope_avi: Path,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "tethered"
    folder.mkdir()
    view = open_capture(str(scope_avi))
    qtbot.waitUntil(lambda: view.record is not None, timeout=10000)
    view.set_body_site("upper-back")
    view.start_watching(folder)
    qtbot.waitUntil(view.is_watching, timeout=10000)
    assert view.hot_folder_panel.watch_button.text() == "Stop watching"
    photo = render_photo(scene_for(9, "acne"), 0, 1, size=(320, 240))
    (folder / "IMG_0001.jpg").write_bytes(
        encode_jpeg(photo, captured_at=dt.datetime(2026, 1, 5, 10, 0))
    )
    (folder / "notes.txt").write_text("not a photo", "utf-8")
    qtbot.waitUntil(lambda: len(view.outcomes) >= 2, timeout=20000)
    lines = [
        view.hot_folder_panel.outcome_list.item(i).text()
        for i in range(view.hot_folder_panel.outcome_list.count())
    ]
    assert any(line.startswith("Imported IMG_0001.jpg") for line in lines), lines
    assert any("notes.txt was put into quarantine: " in line for line in lines), lines
    assert not (folder / "IMG_0001.jpg").exists()
    assert (folder / "quarantine" / "notes.txt.reason.txt").exists()
    imported = [p for p in clinic.photos() if p.source == PhotoSource.HOT_FOLDER]
    assert len(imported) == 1 and imported[0].body_site == "upper-back"
    view.stop_watching()
    assert not view.is_watching()


def test_hiding_the_screen_stops_the_camera_and_showing_it_restarts(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    view.hide()  # what locking the workstation does to every dialog
    assert not view.is_running()
    assert not view.live.has_frame()
    view.show()
    wait_running(qtbot, view)


def test_the_pedal_key_can_be_changed(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    assert view.pedal_key() == "PgDown"
    wait_running(qtbot, view)
    view.burst_check.setChecked(False)
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        qtbot.keyClick(view.live, Qt.Key.Key_PageDown)
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        qtbot.keyClick(view.live, Qt.Key.Key_F13)


def test_from_the_main_window_the_photo_reaches_the_timeline_and_locking_stops_the_camera(
    qtbot: QtBot, make_window: Callable[..., MainWindow], scope_avi: Path
) -> None:
    window = make_window(camera=str(scope_avi))
    window.show()
    first_run_into_workspace(qtbot, window)
    clinic = Clinic(qtbot, window)
    window.open_patient(clinic.patient_id)
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    window.open_capture()
    view = window.findChild(CaptureView)
    assert view is not None and view.isVisible()
    wait_running(qtbot, view)
    assert view.camera_panel.device_combo.currentText() == "scope.avi"
    view.burst_check.setChecked(False)
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        view.take_photo()
    result = view.last_result
    assert result is not None
    qtbot.waitUntil(
        lambda: (
            window.record is not None and result.photo.id in {p.id for p in window.record.photos}
        ),
        timeout=10000,
    )
    assert result.photo.id in {p.id for p in window.timeline.timeline.photos()}
    window.lock()
    assert not view.isVisible()
    assert not view.is_running()


def test_a_view_only_record_takes_no_photos(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    assert view.take_button.isEnabled()
    record = view.record
    assert record is not None
    view._show_record(replace(record, patient=replace(record.patient, access="view")))
    assert not view.take_button.isEnabled()
    assert view.record_panel.session_label.text() == "View only"
    view.take_photo()
    qtbot.wait(300)
    assert view.last_result is None


def test_calibrating_on_a_ruler_with_two_clicks(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    view.profile_panel.ruler_spin.setValue(5.0)
    view.profile_panel.ruler_button.click()
    assert view.live.measuring()
    assert "5 mm apart" in view.live.message()[0]
    for x in (40.0, 200.0):  # 160 image pixels apart
        where = view.live.image_to_widget(QPointF(x, 120.0)).toPoint()
        qtbot.mouseClick(view.live, Qt.MouseButton.LeftButton, pos=where)
    assert not view.live.measuring()
    assert view.profile_panel.calibration_spin.value() == pytest.approx(32.0, rel=0.03)
    profile = view.profile()
    assert profile is not None and profile.calibrated_width_px == SIZE[0]


class _FromWindowSystem(QHideEvent):
    def spontaneous(self) -> bool:
        return True


def test_minimising_releases_the_camera_but_the_hot_folder_keeps_watching(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path, tmp_path: Path
) -> None:
    view = open_capture(str(scope_avi))
    wait_running(qtbot, view)
    folder = tmp_path / "tethered"
    folder.mkdir()
    view.start_watching(folder)
    qtbot.waitUntil(view.is_watching, timeout=10000)
    view.hideEvent(_FromWindowSystem())  # minimised
    assert not view.is_running()
    assert view.is_watching()
    view.showEvent(QShowEvent())
    wait_running(qtbot, view)
    view.clear()  # what locking asks of every side window
    assert not view.is_running()
    assert not view.is_watching()


def test_closing_right_after_the_trigger_still_stores_the_photo(
    qtbot: QtBot, clinic: Clinic, scope_avi: Path, tmp_path: Path
) -> None:
    view = CaptureView(
        clinic.window.ctx,
        clinic.patient_id,
        camera=str(scope_avi),
        devices=list,
        profiles=ProfileStore(tmp_path / "profiles.json"),
        modes=ModeMemory(tmp_path / "modes.json"),
    )
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    wait_running(qtbot, view)
    view.burst_check.setChecked(False)
    with qtbot.waitSignal(clinic.window.ctx.changes.photos_changed, timeout=15000):
        view.take_photo()
        view.close()  # deleted at the next turn of the event loop, before the vault answers
    qtbot.wait(200)
    assert len(clinic.photos()) == 2


def test_a_second_profile_for_the_same_camera_is_chosen_by_name(
    qtbot: QtBot, open_capture: Callable[..., CaptureView], scope_avi: Path, tmp_path: Path
) -> None:
    store = ProfileStore(tmp_path / "profiles.json")
    store.put(DeviceProfile("scope.avi", dermatoscope=True, polarised=True, contact=True))
    store.put(DeviceProfile("DL5 non-contact head", dermatoscope=True, polarised=False))
    view = open_capture(str(scope_avi), profiles=store)
    wait_running(qtbot, view)
    names = [
        view.profile_panel.profile_combo.itemText(i)
        for i in range(view.profile_panel.profile_combo.count())
    ]
    assert names == ["scope.avi", "DL5 non-contact head"]
    assert view.profile_panel.polarised_check.isChecked()
    view.choose_profile("DL5 non-contact head")
    assert not view.profile_panel.polarised_check.isChecked()
    view.burst_check.setChecked(False)
    with qtbot.waitSignal(view.photo_taken, timeout=15000):
        view.take_photo()
    assert view.last_result is not None
    assert view.last_result.photo.device == "DL5 non-contact head"
    assert view.last_result.photo.modality == Modality.DERMOSCOPY_NON_POLARISED
    view.choose_profile("Webcam on the stand")  # a new one: plain camera until saved
    assert not view.profile_panel.dermatoscope_check.isChecked()
    view.profile_panel.save_profile_button.click()
    assert store.get("Webcam on the stand") == DeviceProfile("Webcam on the stand", False)
