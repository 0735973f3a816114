"""The compare view and the consultation screen, offscreen: pixels, tools, consent, screens."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.plans import Plans
from pixiodoc_desktop.clinic.records.comparisons import Comparisons
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.consultation_window import ConsultationWindow
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbWorker, ImagePool
from pixiodoc_desktop.imaging.compose import Mode, Orientation, Viewport
from pixiodoc_desktop.imaging.handout import HandoutFormat, png_text_chunks
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import AuditEvent

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

PASSWORD = "Stadtpark-Vergleich-2026!"
RED = (40, 40, 200)  # BGR
BLUE = (200, 60, 30)


@dataclass
class Clinic:
    ctx: GuiContext
    patient_id: str

    def call(self, fn: Callable[..., Any]) -> Any:
        """Run `fn(services, actor)` on the DB worker and wait for it."""
        box: list[Any] = []
        errors: list[BaseException] = []

        def job() -> None:
            services, actor = self.ctx.session.require()
            box.append(fn(services, actor))

        self.ctx.worker.submit(job, None, errors.append)
        assert self.ctx.worker.wait_idle(60)
        QApplication.processEvents()
        if errors:
            raise errors[0]
        return box[0] if box else None


@pytest.fixture
def clinic(qapp: QApplication, tmp_path: Path) -> Iterator[Clinic]:
    ctx = GuiContext(
        settings=Settings(),
        session=ClinicSession(kdf=MINIMUM_KDF),
        worker=DbWorker(),
        images=ImagePool(),
        changes=ChangeNotifier(),
        notifier=Notifier(lambda: None),
    )
    ctx.notifier.show_boxes = False
    made = Clinic(ctx, "")
    try:
        ctx.worker.submit(
            lambda: ctx.session.create(
                tmp_path / "vault",
                clinic_name="Praxis am Stadtpark",
                login_name="a.weber",
                display_name="Dr. Anna Weber",
                password=PASSWORD,
            )
        )
        assert ctx.worker.wait_idle(60)
        made.patient_id = made.call(
            lambda s, a: s.patients.create(a, family_name="Sommer", given_name="Lena").id
        )
        yield made
    finally:
        ctx.worker.submit(ctx.session.lock)
        ctx.worker.wait_idle(30)
        ctx.worker.stop()
        ctx.images.stop()


def _flat(colour: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> np.ndarray:
    image = np.empty((size[1], size[0], 3), np.uint8)
    image[:] = colour
    return image


def _ingest(clinic: Clinic, pixels: np.ndarray, when: dt.date, site: str = "upper-back") -> str:
    data = encode_jpeg(pixels, quality=98, captured_at=dt.datetime.combine(when, dt.time(9)))
    return str(
        clinic.call(
            lambda s, a: (
                s.photos.ingest(
                    a,
                    data,
                    CaptureContext(
                        patient_id=clinic.patient_id,
                        visit_date=when,
                        body_site=site,
                        calibration_px_per_mm=10.0,
                    ),
                    source_name="x.jpg",
                ).photo.id
            )
        )
    )


def _pro(clinic: Clinic) -> None:
    clinic.call(lambda s, a: Plans(s.workstation).mark_demo(a))


@pytest.fixture
def view(clinic: Clinic, qtbot: QtBot) -> Iterator[CompareView]:
    widget = CompareView(clinic.ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.clear()
    widget.canvas.shutdown()


def _open(qtbot: QtBot, view: CompareView, photo_id: str) -> None:
    view.open_photo(photo_id)
    qtbot.waitUntil(lambda: view.display is not None, timeout=60000)
    view.canvas.prepareFrame()


def _pixel(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return (colour.blue(), colour.green(), colour.red())


def _close(a: tuple[int, int, int], b: tuple[int, int, int], tol: int = 4) -> bool:
    return all(abs(p - q) <= tol for p, q in zip(a, b, strict=True))


def test_slider_overlay_and_blink_paint_the_right_pixels(
    clinic: Clinic, view: CompareView, qtbot: QtBot
) -> None:
    _pro(clinic)
    first = _ingest(clinic, _flat(RED), dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 3, 4))
    _open(qtbot, view, first)
    assert "Could not align" in view.quality.full_text()  # flat colour has no features
    canvas = view.canvas
    view.set_mode(Mode.SLIDER)
    canvas.setFraction(0.3)
    frame = canvas.grab().toImage()
    cut = canvas.dividerPosition()
    y = canvas.height() // 2 + 60
    assert _close(_pixel(frame, cut - 20, y), RED)
    assert _close(_pixel(frame, cut + 20, y), BLUE)
    assert _pixel(frame, cut, 5) == (235, 235, 235)
    canvas.setOrientation(Orientation.HORIZONTAL)
    frame = canvas.grab().toImage()
    cut = canvas.dividerPosition()
    assert _close(_pixel(frame, canvas.width() // 2 + 60, cut - 20), RED)
    assert _close(_pixel(frame, canvas.width() // 2 + 60, cut + 20), BLUE)
    view.set_mode(Mode.OVERLAY)
    view.opacity.setValue(25)
    frame = canvas.grab().toImage()
    blended = tuple(round(0.75 * r + 0.25 * b) for r, b in zip(RED, BLUE, strict=True))
    assert _close(_pixel(frame, canvas.width() // 2 + 60, y), blended)  # type: ignore[arg-type]
    view.set_mode(Mode.BLINK)
    shown = []
    for _ in range(3):
        view._blink()
        shown.append(_pixel(canvas.grab().toImage(), canvas.width() // 2 + 60, y))
    assert _close(shown[0], BLUE) and _close(shown[1], RED) and _close(shown[2], BLUE)
    assert view.blink_timer.isActive()
    view.hide()
    assert not view.blink_timer.isActive()


def test_a_render_overtaken_by_a_newer_one_is_not_shown(
    clinic: Clinic, view: CompareView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renders run on a pool of threads and may finish out of order: the screen shows
    what the controls say now (this once left "Not aligned" under a ticked Align box)."""
    first = _ingest(clinic, _flat(RED), dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 3, 4))
    _open(qtbot, view, first)
    held: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []
    monkeypatch.setattr(view, "_submit", lambda job, done, _failed: held.append((job, done)))
    view.normalise_box.setChecked(True)  # render 1: lighting evened out
    view.normalise_box.setChecked(False)  # render 2: as taken
    assert len(held) == 2
    (old_job, old_done), (new_job, new_done) = held
    new_done(new_job())
    shown = view.display
    assert shown is not None
    old_done(old_job())  # the older render finishes last
    assert view.display is shown


def test_the_qt_paint_matches_the_numpy_reference(
    clinic: Clinic, view: CompareView, qtbot: QtBot
) -> None:
    _pro(clinic)
    left = _flat(RED)
    left[200:280, 280:360] = (250, 250, 250)
    first = _ingest(clinic, left, dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 2, 4))
    _open(qtbot, view, first)
    canvas = view.canvas
    view.set_mode(Mode.SIDE_BY_SIDE)
    canvas.setRelativeZoom(2.0)
    frame = canvas.grab().toImage()
    from pixiodoc_desktop.imaging import compose

    zoom = canvas.zoom()
    centre = canvas.state().centre or (319.5, 239.5)
    assert view._decoded is not None
    decoded_before = view._decoded.before_image  # what the vault gave back (JPEG)
    decoded_after = view._decoded.after_image
    reference = compose.side_by_side(
        decoded_before, decoded_after, Viewport(canvas.width(), canvas.height(), zoom, *centre)
    )
    half = (canvas.width() - compose.GAP) // 2
    for x, y in ((half // 2, canvas.height() // 2), (half // 2 + 100, canvas.height() // 2 + 90)):
        expected = tuple(int(v) for v in reference[y, x])
        assert _close(_pixel(frame, x, y), expected, 6)  # type: ignore[arg-type]
        # Linked zoom and pan: the same photo point in both halves.
        right = tuple(int(v) for v in reference[y, x + half + compose.GAP])
        assert _close(_pixel(frame, x + half + compose.GAP, y), right, 6)  # type: ignore[arg-type]


def test_demo_photos_align_fix_measure_save_and_export(
    clinic: Clinic, view: CompareView, qtbot: QtBot, tmp_path: Path
) -> None:
    _pro(clinic)
    scene = scene_for(21, "psoriasis")
    ids = [
        _ingest(
            clinic,
            render_photo(scene, i, 3, size=(960, 720)),
            dt.date(2025, 1, 7) + dt.timedelta(weeks=6 * i),
        )
        for i in range(3)
    ]
    _open(qtbot, view, ids[1])
    assert view.before is not None and view.after is not None
    assert (view.before.id, view.after.id) == (ids[0], ids[2])
    assert view.canvas.labels() == (
        f"{date_text(dt.date(2025, 1, 7))} · Baseline",
        f"{date_text(dt.date(2025, 4, 1))} · Week 12",
    )
    assert view.strip.count() == 3
    # Fix the alignment by three point pairs (later point == earlier point + shift).
    view.fix_button.setChecked(True)
    assert view.canvas.state().mode is Mode.SIDE_BY_SIDE
    for x, y in ((100.0, 100.0), (800.0, 150.0), (400.0, 600.0)):
        view.canvas.pointPicked.emit("before", x, y)
        view.canvas.pointPicked.emit("after", x + 12.0, y - 5.0)
    qtbot.waitUntil(lambda: view.alignment is not None and view.alignment.manual, timeout=30000)
    assert np.allclose(view.alignment.homography[:2, 2], (-12.0, 5.0), atol=1e-6)
    qtbot.waitUntil(lambda: "by hand" in view.quality.full_text(), timeout=30000)
    # Measure a distance on both photos: 10 px/mm.
    # The tool says what to do next and stays chosen for the next measurement.
    view.tools.buttons["distance"].setChecked(True)
    assert view.quality.full_text() == "Distance: click the first edge"
    view.canvas.pointPicked.emit("before", 100.0, 100.0)
    assert view.quality.full_text() == "Distance: click the second edge"
    view.canvas.pointPicked.emit("before", 200.0, 100.0)
    assert view.quality.full_text().startswith("Done.")
    assert view.tools.buttons["distance"].isChecked()
    view.canvas.pointPicked.emit("after", 100.0, 100.0)
    view.canvas.pointPicked.emit("after", 250.0, 100.0)
    assert "10.0 mm → 15.0 mm (+5.0 mm (+50 %))" in view.results.full_text()
    view.tools.buttons["arrow"].setChecked(True)
    view.canvas.pointPicked.emit("after", 10.0, 10.0)
    view.canvas.pointPicked.emit("after", 60.0, 40.0)
    assert len(view.tools.annotations()) == 1
    with qtbot.waitSignal(view.saved, timeout=30000) as saved:
        view.save_button.click()
    assert view.save_button.text() == "Saved ✓"  # said in the compare window itself
    stored = clinic.call(lambda s, a: Comparisons(s.workstation).get(a, saved.args[0]))
    assert len(stored.measurements) == 2 and stored.annotations[0].kind == "arrow"
    assert stored.alignment.manual
    # Reopen the stored comparison: marks and alignment come back.
    view.clear()
    view.open_comparison(saved.args[0])
    qtbot.waitUntil(lambda: view.display is not None, timeout=60000)
    assert len(view.tools.traces()) == 2 and view.alignment is not None and view.alignment.manual
    with qtbot.waitSignal(view.exported, timeout=60000) as exported:
        view.export_to(tmp_path / "handout.png", HandoutFormat.PNG)
    data = Path(exported.args[0]).read_bytes()
    assert png_text_chunks(data) == [] and b"Sommer" not in data
    events = clinic.call(
        lambda s, a: [
            (e.event_type, dict(e.details))
            for e in s.workstation.read_session().scalars(select(AuditEvent))
        ]
    )
    assert ("DATA_EXPORTED", "comparison handout") in {
        (kind, details.get("what")) for kind, details in events
    }
    assert any(kind == "PHOTO_VIEWED" and d.get("screen") == "comparison" for kind, d in events)


def test_automatic_alignment_of_demo_visits(
    clinic: Clinic, view: CompareView, qtbot: QtBot
) -> None:
    scene = scene_for(7, "psoriasis")
    first = _ingest(clinic, render_photo(scene, 0, 2, size=(1200, 900)), dt.date(2025, 1, 7))
    _ingest(clinic, render_photo(scene, 1, 2, size=(1200, 900)), dt.date(2025, 5, 6))
    _open(qtbot, view, first)
    assert view.alignment is not None and not view.alignment.manual
    assert "fit" in view.quality.full_text()
    # Free plan: the slider is a Pro feature.
    assert not view.mode_buttons[Mode.SLIDER].isEnabled()
    assert view.canvas.state().mode is Mode.SIDE_BY_SIDE


def test_consultation_screen_goes_to_the_chosen_place_and_follows(
    clinic: Clinic, view: CompareView, qtbot: QtBot
) -> None:
    _pro(clinic)
    clinic.call(
        lambda s, a: s.consents.record(
            a, clinic.patient_id, scope="consultation-screen", granted=True
        )
    )
    first = _ingest(clinic, _flat(RED), dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 3, 4))
    _open(qtbot, view, first)
    place = QRect(120, 80, 800, 500)
    view.show_to_patient(geometry=place)
    qtbot.waitUntil(lambda: view.consultation is not None, timeout=30000)
    window = view.consultation
    assert isinstance(window, ConsultationWindow)
    qtbot.waitUntil(window.isVisible)
    assert window.geometry() == place
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert "Sommer" not in window.windowTitle() and not window.name_label.isVisible()
    view.canvas.setFraction(0.8)
    assert window.canvas.state().fraction == pytest.approx(0.8)
    view.canvas.setRelativeZoom(3.0)
    assert window.canvas.state().relative_zoom == pytest.approx(3.0)
    assert window.canvas.labels() == view.canvas.labels()
    frame = window.canvas.grab().toImage()
    assert _close(_pixel(frame, 20, window.canvas.height() // 2 + 60), RED)
    # Another pair: the patient's screen follows only after the consent check and audit.
    third = _ingest(clinic, _flat(BLUE), dt.date(2025, 5, 6))
    view.open_pair(first, third)
    qtbot.waitUntil(
        lambda: date_text(dt.date(2025, 5, 6)) in window.canvas.labels()[1], timeout=60000
    )
    shown = clinic.call(
        lambda s, a: [
            e.object_id
            for e in s.workstation.read_session().scalars(
                select(AuditEvent).where(AuditEvent.event_type == "PHOTO_VIEWED")
            )
            if e.details.get("screen") == "consultation"
        ]
    )
    assert third in shown
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.consultation is None, timeout=5000)
    # A full-screen opening on a given screen covers that screen.
    view.show_to_patient(screen=QApplication.primaryScreen())
    qtbot.waitUntil(lambda: view.consultation is not None, timeout=30000)
    window = view.consultation
    assert isinstance(window, ConsultationWindow)
    qtbot.waitUntil(window.isVisible)
    assert window.geometry() == QApplication.primaryScreen().geometry()
    view.clear()
    assert view.consultation is None


def test_consultation_screen_refuses_without_consent(
    clinic: Clinic, view: CompareView, qtbot: QtBot
) -> None:
    clinic.call(
        lambda s, a: s.consents.record(a, clinic.patient_id, scope="teaching", granted=True)
    )
    first = _ingest(clinic, _flat(RED), dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 3, 4))
    _open(qtbot, view, first)
    with qtbot.waitSignal(view.consultationRefused, timeout=30000) as refused:
        view.show_to_patient(geometry=QRect(0, 0, 400, 300))
    assert "consent" in refused.args[0]
    assert view.consultation is None
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ConsultationWindow) and w.isVisible()
    ]


def test_closing_while_loading_drops_the_late_results(clinic: Clinic, qtbot: QtBot) -> None:
    first = _ingest(clinic, _flat(RED), dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 3, 4))
    window = CompareView(clinic.ctx)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    window.open_photo(first)
    window.close()  # deleted while the vault and the pool still work for it
    assert clinic.ctx.worker.wait_idle(60)
    qtbot.wait(1500)  # results arrive (and are dropped); the deferred deletion runs
    assert not shiboken6.isValid(window)


def test_the_patient_screen_names_the_patient_only_when_allowed(
    clinic: Clinic, view: CompareView, qtbot: QtBot
) -> None:
    clinic.call(
        lambda s, a: s.consents.record(
            a, clinic.patient_id, scope="consultation-screen", granted=True
        )
    )
    first = _ingest(clinic, _flat(RED), dt.date(2025, 1, 7))
    _ingest(clinic, _flat(BLUE), dt.date(2025, 3, 4))
    _open(qtbot, view, first)
    assert view.patient_name == "Sommer, Lena"  # loaded with the pair, shown only on request
    for allowed in (False, True):
        view.show_name.setChecked(allowed)
        view.show_to_patient(geometry=QRect(100, 100, 800, 500))
        qtbot.waitUntil(lambda: view.consultation is not None, timeout=30000)
        window = view.consultation
        assert isinstance(window, ConsultationWindow)
        qtbot.waitUntil(window.isVisible)
        assert window.name_label.isVisible() is allowed
        assert ("Sommer" in window.name_label.text()) is allowed
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: view.consultation is None, timeout=5000)


def test_the_progression_strip_shows_each_visit_and_plays_through_them(
    clinic: Clinic, qtbot: QtBot
) -> None:
    from pixiodoc_desktop.clinic.records.photos import ImageSize
    from pixiodoc_desktop.gui.thumbnails import ThumbnailCache, ThumbnailLoader

    _pro(clinic)
    days = [dt.date(2026, 1, 5), dt.date(2026, 2, 16), dt.date(2026, 3, 30)]
    ids = [_ingest(clinic, _flat((60 + 50 * i, 90, 140)), day) for i, day in enumerate(days)]

    def fetch(photo_id: str) -> bytes:
        services, actor = clinic.ctx.session.require()
        return services.photos.image(actor, photo_id, ImageSize.THUMBNAIL)

    loader = ThumbnailLoader(
        fetch,
        ThumbnailCache(),
        submit=lambda job, done, failed: clinic.ctx.worker.submit(job, done, failed),
    )
    view = CompareView(clinic.ctx, thumbnails=loader)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    try:
        _open(qtbot, view, ids[0])
        items = [view.strip.item(row) for row in range(view.strip.count())]
        assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == ids
        assert "Week 6" in items[1].text()
        # Each visit's photo is on its item, from the in-memory thumbnail cache.
        qtbot.waitUntil(lambda: all(not item.icon().isNull() for item in items), timeout=30000)
        assert view.strip.iconSize().width() > 40
        # Play shows each later visit in turn against the baseline, then starts over.
        assert view.before is not None and view.before.id == ids[0]
        assert view.after is not None and view.after.id == ids[2]
        view.play_timer.setInterval(30)
        seen: list[str] = []
        view.opened.connect(lambda _before, after: seen.append(after))
        view.play_button.setChecked(True)
        qtbot.waitUntil(lambda: len(seen) >= 3, timeout=30000)
        view.play_button.setChecked(False)
        assert seen[:3] == [ids[1], ids[2], ids[1]]
        assert not view.play_timer.isActive()
    finally:
        view.clear()
        view.canvas.shutdown()
        loader.clear()
