"""The body map through a person's clicks: clicking a region chooses its body site and a
place on it; the patient's lesions are markers at their stored places in their status
colours, with counts per region; English and German, with a screenshot of each step
(PIXIODOC_SHOTS=DIR keeps them)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from gui_support import first_run_into_workspace, in_vault
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.body_outlines import BodyOutline, view_size
from pixiodoc_desktop.clinic.records.body_sites import body_site
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.visits import (
    LesionStatus,
    LesionSummary,
    MapPosition,
    MapView,
)
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.dialogs import LesionDialog
from pixiodoc_desktop.gui.widgets.body_map import BodyMap
from pixiodoc_desktop.gui.widgets.body_map_pages import STATUS_COLOURS, regions

D = TypeVar("D", bound=QDialog)


def _centre_of(widget: BodyMap, view: MapView, code: str) -> QPoint:
    """A point well inside the site's region on the figure shown, where a person clicks."""
    region = next(r for r in regions(view, widget.outline) if r.code == code)
    box = region.outline.boundingRect()
    inner = [
        QPointF(box.left() + box.width() * i / 8, box.top() + box.height() * j / 8)
        for i in range(1, 8)
        for j in range(1, 8)
    ]
    inner = [p for p in inner if region.outline.containsPoint(p, Qt.FillRule.OddEvenFill)]
    centre = min(inner, key=lambda p: (p - box.center()).manhattanLength())
    rect, size = widget.view_rect(view), view_size(view)
    return QPointF(
        rect.left() + centre.x() / size[0] * rect.width(),
        rect.top() + centre.y() / size[1] * rect.height(),
    ).toPoint()


def _lesion(
    n: int, site: str, status: LesionStatus, view: MapView, x: float, y: float
) -> LesionSummary:
    return LesionSummary(
        f"lesion-{n}",
        "patient",
        f"2.25.{n}",
        site,
        f"Naevus {n}",
        "",
        status,
        MapPosition(view, x, y),
    )


def test_every_region_of_the_map_is_a_body_site_of_the_vocabulary() -> None:
    for view in MapView:
        codes = [r.code for r in regions(view)]
        assert len(set(codes)) >= 10
        for code in codes:
            body_site(code)  # raises for a code that is not in the vocabulary
        # Every figure offers the same sites in each view.
        for outline in BodyOutline:
            assert {r.code for r in regions(view, outline)} == set(codes), (view, outline)
    front = {r.code for r in regions(MapView.FRONT)}
    back = {r.code for r in regions(MapView.BACK)}
    assert {"chest", "abdomen", "face", "thigh-left", "palm-right"} <= front
    assert {"upper-back", "lower-back", "scalp", "buttock-left", "calf-right"} <= back


@pytest.mark.parametrize("language", ["en", "de"])
def test_click_a_region_then_see_markers_and_counts(
    qtbot: QtBot, tmp_path: Path, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    folder = Path(os.environ.get("PIXIODOC_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    widget = BodyMap()
    qtbot.addWidget(widget)
    widget.resize(560, 640)
    widget.show()
    qtbot.waitExposed(widget)

    # Click the chest on the front view: the chest is chosen, with the place clicked.
    with qtbot.waitSignal(widget.place_chosen) as placed:
        qtbot.mouseClick(
            widget, Qt.MouseButton.LeftButton, pos=_centre_of(widget, MapView.FRONT, "chest")
        )
    view, x, y, code = placed.args
    assert (view, code) == ("front", "chest")
    assert x == pytest.approx(0.5, abs=0.03)  # fractions of the front view: mid-line
    assert 80 / 440 < y < 142 / 440  # between the collarbones and the ribs
    assert widget.chosen_site == "chest"
    assert widget.grab().save(str(folder / f"body-map-{language}-chest-chosen.png"))

    # The patient's right shoulder is on the viewer's left of the front view.
    with qtbot.waitSignal(widget.site_chosen) as chosen:
        qtbot.mouseClick(
            widget,
            Qt.MouseButton.LeftButton,
            pos=_centre_of(widget, MapView.FRONT, "shoulder-right"),
        )
    assert chosen.args == ["shoulder-right"]
    assert (
        _centre_of(widget, MapView.FRONT, "shoulder-right").x()
        < widget.view_rect(MapView.FRONT).center().x()
    )
    # On the back view, the upper back.
    with qtbot.waitSignal(widget.site_chosen) as chosen:
        qtbot.mouseClick(
            widget, Qt.MouseButton.LeftButton, pos=_centre_of(widget, MapView.BACK, "upper-back")
        )
    assert chosen.args == ["upper-back"]
    # Outside the body: nothing is chosen.
    with qtbot.assertNotEmitted(widget.site_chosen):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(3, widget.height() // 2))

    lesions = [
        _lesion(1, "upper-back", LesionStatus.NEW, MapView.BACK, 0.42, 0.25),
        _lesion(2, "upper-back", LesionStatus.GROWN, MapView.BACK, 0.6, 0.28),
        _lesion(3, "chest", LesionStatus.STABLE, MapView.FRONT, 0.45, 0.26),
        _lesion(4, "thigh-left", LesionStatus.BIOPSIED, MapView.FRONT, 0.58, 0.58),
        _lesion(5, "calf-right", LesionStatus.EXCISED, MapView.BACK, 0.57, 0.84),
    ]
    widget.set_lesions(lesions)
    assert widget.counts() == {"upper-back": 2, "chest": 1, "thigh-left": 1, "calf-right": 1}
    image = widget.grab().toImage()
    assert image.save(str(folder / f"body-map-{language}-markers.png"))
    ratio = image.devicePixelRatio()
    for lesion in lesions:
        assert lesion.position is not None
        at = widget.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
        pixel = image.pixelColor(QPointF(at.x() * ratio, at.y() * ratio).toPoint())
        expected = STATUS_COLOURS[lesion.status]
        assert _near(pixel, expected), (lesion.status, pixel.name(), expected.name())


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 12


# --- in the workstation: the record's body-map panel ---------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
def test_place_a_new_lesion_by_clicking_the_body_map_in_the_record(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    folder = Path(os.environ.get("PIXIODOC_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    window = make_window()
    window.resize(1366, 768)
    window.show()
    first_run_into_workspace(qtbot, window)

    def patient_with_a_grown_naevus(services: ClinicServices, actor: Actor) -> str:
        patient = services.patients.create(actor, family_name="Lange", given_name="Mia")
        lesion = services.lesions.create(
            actor,
            patient.id,
            body_site_code="chest",
            label="Naevus 1",
            position=MapPosition(MapView.FRONT, 0.45, 0.25),
        )
        services.lesions.set_status(actor, lesion.id, "grown")
        return str(patient.id)

    pid = in_vault(qtbot, window, patient_with_a_grown_naevus)
    window.open_patient(pid)
    qtbot.waitUntil(lambda: window.record is not None and len(window.record.lesions) == 1)

    tabs = window.record_tabs
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    assert tabs.currentWidget() is window.body_map
    panel = window.body_map
    qtbot.waitExposed(panel.map)
    assert not panel.new_button.isEnabled()  # nothing chosen yet
    assert window.grab().save(str(folder / f"record-body-map-{language}-open.png"))

    click = _centre_of(panel.map, MapView.BACK, "upper-back") + QPoint(6, 9)
    qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=click)
    assert panel.map.chosen_site == "upper-back"
    assert panel.new_button.isEnabled()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    dialog = _visible(qtbot, window, LesionDialog)
    assert dialog.site.currentData() == "upper-back"
    qtbot.keyClicks(dialog.label, "Naevus 2")
    assert dialog.grab().save(str(folder / f"record-body-map-{language}-dialog.png"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.record is not None and len(window.record.lesions) == 2)

    stored = {x.label: x for x in in_vault(qtbot, window, lambda s, a: s.lesions.list(a, pid))}
    placed = stored["Naevus 2"]
    assert placed.body_site == "upper-back" and placed.status is LesionStatus.NEW
    assert placed.position is not None and placed.position.view is MapView.BACK
    at = panel.map.to_widget(MapView.BACK, placed.position.x, placed.position.y)
    assert abs(at.x() - click.x()) <= 1.0 and abs(at.y() - click.y()) <= 1.0
    qtbot.waitUntil(lambda: len(panel.map._lesions) == 2)
    image = panel.map.grab().toImage()
    ratio = image.devicePixelRatio()
    for lesion, colour in ((placed, LesionStatus.NEW), (stored["Naevus 1"], LesionStatus.GROWN)):
        assert lesion.position is not None
        where = panel.map.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
        pixel = image.pixelColor(QPointF(where.x() * ratio, where.y() * ratio).toPoint())
        assert _near(pixel, STATUS_COLOURS[colour]), (lesion.label, pixel.name())
    assert panel.map.counts() == {"chest": 1, "upper-back": 1}
    assert window.grab().save(str(folder / f"record-body-map-{language}-placed.png"))


def _visible(qtbot: QtBot, window: MainWindow, kind: type[D]) -> D:
    found: list[D] = []

    def visible() -> bool:
        found[:] = [d for d in window.findChildren(kind) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(visible, timeout=5000)
    return found[0]


def test_clicking_a_region_or_a_marker_filters_the_timeline(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    shots = Path(os.environ.get("PIXIODOC_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    window = make_window()
    window.show()
    first_run_into_workspace(qtbot, window)

    def patient_with_two_sites(services: ClinicServices, actor: Actor) -> str:
        patient = services.patients.create(actor, family_name="Brandt", given_name="Jonas")
        for seed, site, view, x, y in (
            (41, "chest", MapView.FRONT, 0.4, 0.29),
            (42, "upper-back", MapView.BACK, 0.6, 0.21),
        ):
            lesion = services.lesions.create(
                actor,
                patient.id,
                body_site_code=site,
                label=f"Naevus {site}",
                position=MapPosition(view, x, y),
            )
            services.photos.ingest(
                actor,
                synthetic_jpeg(seed),
                CaptureContext(patient_id=patient.id, body_site=site, lesion_id=lesion.id),
                source_name=f"{site}.jpg",
            )
        return str(patient.id)

    pid = in_vault(qtbot, window, patient_with_two_sites)
    window.open_patient(pid)
    qtbot.waitUntil(lambda: window.record is not None and len(window.record.photos) == 2)
    tabs = window.record_tabs
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    body_map = window.body_map.map
    qtbot.waitExposed(body_map)

    def shown_photos() -> int:
        return sum(1 for item in window.timeline.timeline._items if item.kind == "photo")

    assert shown_photos() == 2
    qtbot.mouseClick(
        body_map, Qt.MouseButton.LeftButton, pos=_centre_of(body_map, MapView.BACK, "upper-back")
    )
    assert window.timeline.site_filter.currentData() == "upper-back"
    qtbot.waitUntil(lambda: shown_photos() == 1)
    # A region without photos shows them all again.
    qtbot.mouseClick(
        body_map, Qt.MouseButton.LeftButton, pos=_centre_of(body_map, MapView.FRONT, "abdomen")
    )
    assert window.timeline.site_filter.currentIndex() == 0
    qtbot.waitUntil(lambda: shown_photos() == 2)

    # Clicking a lesion's marker shows that lesion's series.
    assert window.record is not None
    chest = next(x for x in window.record.lesions if x.body_site == "chest")
    assert chest.position is not None
    marker = body_map.to_widget(chest.position.view, chest.position.x, chest.position.y)
    with qtbot.assertNotEmitted(body_map.site_chosen):
        qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=marker.toPoint())
    assert window.timeline.lesion_filter.currentData() == chest.id
    qtbot.waitUntil(lambda: shown_photos() == 1)

    # The chosen lesion's status, changed with the keyboard: stored, audited, recoloured.
    panel = window.body_map
    assert panel.card.status.isVisible() and panel.card.status.currentData() == "new"
    assert panel.card.title.text().startswith("Naevus chest")
    panel.card.status.setFocus()
    qtbot.keyClick(panel.card.status, Qt.Key.Key_Down)
    qtbot.waitUntil(
        lambda: (
            window.record is not None
            and next(x for x in window.record.lesions if x.id == chest.id).status
            is LesionStatus.GROWN
        )
    )
    stored = in_vault(qtbot, window, lambda s, a: s.lesions.list(a, pid))
    assert next(x for x in stored if x.id == chest.id).status is LesionStatus.GROWN
    qtbot.waitUntil(lambda: panel.card.status.currentData() == "grown")
    # The lesion card below the map took some of its height: the marker is where it is now.
    marker = body_map.to_widget(chest.position.view, chest.position.x, chest.position.y)
    image = body_map.grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(QPointF(marker.x() * ratio, marker.y() * ratio).toPoint())
    assert _near(pixel, STATUS_COLOURS[LesionStatus.GROWN]), pixel.name()
    assert window.grab().save(str(shots / "record-body-map-status-changed.png"))
    # A region again: the lesion filter gives way to the site.
    qtbot.mouseClick(
        body_map, Qt.MouseButton.LeftButton, pos=_centre_of(body_map, MapView.BACK, "upper-back")
    )
    assert window.timeline.lesion_filter.currentIndex() == 0
    assert window.timeline.site_filter.currentData() == "upper-back"
    qtbot.waitUntil(lambda: shown_photos() == 1)
