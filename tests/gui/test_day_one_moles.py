"""Day one, on the demo as shipped: the mole-mapping patient (Reza Ahmadi).

The demo is built by the shipped builder with that one patient (three visits, small photos
to keep it lean); the real window opens his record, a click on the "Body map" tab shows
his twenty naevi at their places in their status colours (one grown, one new, one
excised, the rest stable), counted per region. English and German, a screenshot each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from body_map_support import click_point, painted_figure
from day_one import click, demo_app, dialog_of, open_patient, shoot, shots
from fit import clipped
from gui_support import in_vault, write_jpegs
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.body_outlines import BodyOutline, region_at, shown_at
from pixiodoc_desktop.clinic.records.body_series import (
    DEFAULT_PROTOCOL,
    checklist,
    pose_of,
    pose_pairs,
)
from pixiodoc_desktop.clinic.records.comparisons import Comparisons, Side
from pixiodoc_desktop.clinic.records.visits import LesionStatus, MapView
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.demo.moles import NAEVI
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_overlay import ghost_candidate
from pixiodoc_desktop.gui.views.capture_record import CaptureRecordPanel
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.dialogs import LesionDialog
from pixiodoc_desktop.gui.views.import_context_dialog import ImportContextDialog
from pixiodoc_desktop.gui.views.lesion_dialogs import ProcedureDialog
from pixiodoc_desktop.gui.widgets.body_map_pages import PAGES, STATUS_COLOURS, regions
from pixiodoc_desktop.imaging.compose import Mode

__all__ = ["demo_app", "shots"]  # fixtures used below


@pytest.fixture(scope="module")
def demo_vaults(moles_demo_vaults: Callable[[str], DemoVault]) -> Callable[[str], DemoVault]:
    """The shipped demo builder, with the mole-mapping patient alone (overrides day_one's;
    built once per session, shared with test_day_one_series.py)."""
    return moles_demo_vaults


def _number(label: str) -> int:
    """The naevus's number in its label ('Naevus 2', 'Nävus 12')."""
    return int(label.rsplit(" ", 1)[-1])


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 12


def test_every_demo_naevus_lies_in_its_own_body_site_on_the_map() -> None:
    for naevus in NAEVI:
        region = next(r for r in regions(naevus.view) if r.code == naevus.site)
        assert region.outline.containsPoint(QPointF(naevus.x, naevus.y), Qt.FillRule.OddEvenFill), (
            naevus
        )
        # ... and stays in it on every figure: the place is stored once, shown by the warp.
        for outline in BodyOutline:
            x, y = shown_at(outline, naevus.view, naevus.x / 200, naevus.y / 440)
            shown = region_at(outline, naevus.view, x * 200, y * 440)
            assert shown is not None and shown.code == naevus.site, (outline, naevus)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_mole_mapping_patient_shows_a_filled_body_map(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    assert window.record is not None and window.record.patient.family_name == "Ahmadi"
    tabs = window.record_tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tabs.currentWidget() is window.body_map
    panel = window.body_map
    qtbot.waitExposed(panel.map)
    lesions = window.record.lesions
    assert len(lesions) == 20 and all(x.position is not None for x in lesions)
    statuses = {_number(x.label): x.status for x in lesions}
    assert statuses.pop(2) is LesionStatus.GROWN  # measured 0.6 mm larger each visit
    assert statuses.pop(7) is LesionStatus.NEW  # first seen at the latest visit
    assert statuses.pop(5) is LesionStatus.EXCISED
    assert set(statuses.values()) == {LesionStatus.STABLE}
    excised = next(x for x in lesions if _number(x.label) == 5)
    assert [p.kind.value for p in excised.history] == ["biopsy", "excision"]
    assert all(p.histology for p in excised.history)
    assert panel.map.counts()["upper-back"] == 4
    # A total-body series of the eight standard poses at the first and the latest visit.
    qtbot.waitUntil(lambda: window.record is not None and window.record.complete, timeout=20000)
    record = window.record
    assert record is not None
    first, latest = record.visits[-1].id, record.visits[0].id
    assert checklist(DEFAULT_PROTOCOL, record.photos, first).complete
    assert checklist(DEFAULT_PROTOCOL, record.photos, latest).complete
    assert len(pose_pairs(DEFAULT_PROTOCOL, record.photos, first, latest)) == 8
    shoot(window, shots, f"moles-{language}-body-map")
    image = panel.map.grab().toImage()
    ratio = image.devicePixelRatio()
    for lesion in lesions:
        assert lesion.position is not None
        at = panel.map.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
        pixel = image.pixelColor(QPointF(at.x() * ratio, at.y() * ratio).toPoint())
        assert _near(pixel, STATUS_COLOURS[lesion.status]), (lesion.label, pixel.name())

    # The grown naevus's marker: its card shows the diameter over the visits as a chart.
    grown = next(x for x in lesions if _number(x.label) == 2)
    assert grown.position is not None
    at = panel.map.to_widget(grown.position.view, grown.position.x, grown.position.y)
    qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=at.toPoint())
    card = panel.card
    qtbot.waitUntil(card.isVisible)
    assert card.lesion is not None and card.lesion.id == grown.id
    assert card.status.currentData() == "grown"
    assert len(card.chart.points()) == 3
    heights = [p.y() for p in card.chart.points()]
    assert heights == sorted(heights, reverse=True)  # each visit drawn higher: it grew
    assert "+1" in card.change.text()  # about +1.2 mm over three visits
    assert not card.threshold.isEnabled() or window.state.is_admin
    shoot(window, shots, f"moles-{language}-grown-lesion-chart")
    assert window.width() == 1366

    # A stable naevus biopsied from the card: date and histology, its status follows.
    stable = next(x for x in lesions if _number(x.label) == 12)
    assert stable.position is not None
    at = panel.map.to_widget(stable.position.view, stable.position.x, stable.position.y)
    qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=at.toPoint())
    qtbot.waitUntil(lambda: card.lesion is not None and card.lesion.id == stable.id)
    qtbot.mouseClick(card.procedure, Qt.MouseButton.LeftButton)
    dialog = dialog_of(ProcedureDialog, window)
    assert isinstance(dialog, ProcedureDialog)
    assert dialog.kind.currentData() == "biopsy"
    qtbot.keyClicks(dialog.histology, "Junctional naevus, no atypia.")
    shoot(dialog, shots, f"moles-{language}-biopsy-dialog")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            card.lesion is not None
            and card.lesion.status is LesionStatus.BIOPSIED
            and card.history.isVisible()
        ),
        timeout=10000,
    )
    assert "Junctional naevus, no atypia." in card.history.text()
    shoot(window, shots, f"moles-{language}-biopsied")
    assert window.width() == 1366  # the German card fits the screen too


# One site to choose in each view of the map (clear of the demo's naevi).
SITE_IN_VIEW = {
    MapView.FRONT: "knee-right",
    MapView.BACK: "upper-back",
    MapView.LEFT: "flank-left",
    MapView.RIGHT: "hip-right",
    MapView.HEAD: "nose",
    MapView.HANDS: "palm-left",
    MapView.FEET: "sole-right",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_view_chooses_a_site_and_a_side_view_takes_a_new_lesion(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    bar = window.record_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    panel = window.body_map
    qtbot.waitExposed(panel.map)
    assert painted_figure(panel.map) is BodyOutline.MALE  # Reza Ahmadi, a man of 55
    assert window.record is not None
    photographed = {p.body_site for p in window.record.photos}
    for key, views in PAGES.items():
        click(panel.map.page_buttons[key])
        for view in views:
            code = SITE_IN_VIEW[view]
            qtbot.mouseClick(
                panel.map, Qt.MouseButton.LeftButton, pos=click_point(panel.map, view, code)
            )
            assert panel.map.chosen_site == code
            # The timeline shows that site's photos (all of them for a site without any).
            shown = window.timeline.site_filter.currentData()
            assert shown == (code if code in photographed else ""), (code, shown)
        shoot(window, shots, f"moles-{language}-map-{key}")

    # A new naevus on the left side view: placed where clicked, a marker in the new colour.
    click(panel.map.page_buttons["sides"])
    where = click_point(panel.map, MapView.LEFT, "flank-left") + QPoint(2, 3)
    qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=where)
    click(panel.new_button)
    dialog = dialog_of(LesionDialog, window)
    assert isinstance(dialog, LesionDialog) and dialog.site.currentData() == "flank-left"
    qtbot.keyClicks(dialog.label, "Naevus 21")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: window.record is not None and len(window.record.lesions) == 21)
    added = next(x for x in window.record.lesions if x.label == "Naevus 21")
    assert added.position is not None and added.position.view is MapView.LEFT
    at = panel.map.to_widget(MapView.LEFT, added.position.x, added.position.y)
    assert abs(at.x() - where.x()) <= 1.0 and abs(at.y() - where.y()) <= 1.0
    qtbot.waitUntil(lambda: panel.map.marker_at(at) is not None)
    pixel = panel.map.grab().toImage().pixelColor(at.toPoint())
    assert _near(pixel, STATUS_COLOURS[LesionStatus.NEW]), pixel.name()
    assert panel.map.page_buttons["sides"].text().endswith("(1)")  # placed on that page
    shoot(window, shots, f"moles-{language}-new-lesion-on-the-side")


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_figure_follows_the_patients_sex_and_age(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    today = dt.date.today()
    people = (
        ("Brandt", "female", dt.date(1980, 4, 2), BodyOutline.FEMALE),
        (
            "Kowalski",
            "male",
            today.replace(year=today.year - 7) - dt.timedelta(days=3),
            BodyOutline.CHILD,
        ),
        ("Roe", "unknown", dt.date(1985, 9, 9), BodyOutline.NEUTRAL),
    )

    def add(services: Any, actor: Any) -> None:
        for family, sex, born, _ in people:
            services.patients.create(
                actor, family_name=family, given_name="Sam", birth_date=born, sex=sex
            )

    in_vault(qtbot, window, add)
    for family, _, _, figure in people:
        open_patient(qtbot, window, family)
        bar = window.record_tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        qtbot.waitExposed(window.body_map.map)
        assert painted_figure(window.body_map.map) is figure, family
        assert painted_figure(window.body_map.map, MapView.BACK) is figure, family
        shoot(window, shots, f"moles-{language}-figure-{figure.value}")


def _compare(qtbot: QtBot, window: MainWindow) -> CompareView:
    """Ctrl+D on the main window, as the clinician presses it."""
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    views: list[CompareView] = []

    def found() -> bool:
        views[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CompareView) and w.isVisible() and w.display is not None
        ]
        return bool(views)

    qtbot.waitUntil(found, timeout=30000)
    return views[0]


@pytest.mark.parametrize("language", ["en", "de"])
def test_outline_proposed_corrected_accepted_and_saved_in_the_compare_view(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    assert window.record is not None
    panel = window.body_map
    bar = window.record_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitExposed(panel.map)
    grown = next(x for x in window.record.lesions if _number(x.label) == 2)
    before_sizes = len(grown.sizes)
    assert grown.position is not None
    at = panel.map.to_widget(grown.position.view, grown.position.x, grown.position.y)
    qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=at.toPoint())
    qtbot.waitUntil(lambda: window.timeline.lesion_filter.currentData() == grown.id)
    qtbot.waitUntil(lambda: window.timeline.timeline.selected() is not None, timeout=10000)
    view = _compare(qtbot, window)
    assert view.before is not None and view.after is not None
    assert {view.before.lesion_id, view.after.lesion_id} == {grown.id}
    click(view.mode_buttons[Mode.SIDE_BY_SIDE])
    qtbot.waitUntil(view.canvas.hasImages, timeout=15000)
    outline = view.outline
    assert not outline.accept_button.isEnabled()  # nothing to accept yet
    click(outline.propose_button)
    qtbot.waitUntil(
        lambda: bool(view.tools.outline(Side.BEFORE)) and bool(view.tools.outline(Side.AFTER)),
        timeout=30000,
    )
    assert outline.accept_button.isEnabled()
    # The change between the visits is listed: area, diameter, perimeter, asymmetry.
    lines = view.tools.result_lines()
    assert len(lines) == 4 and all("→" in line for line in lines)
    # The outline measures what the demo measured at those visits (same photos).
    by_photo = {s.photo_id: s for s in grown.sizes}
    for side, photo in ((Side.BEFORE, view.before), (Side.AFTER, view.after)):
        trace = next(t for t in view.tools.traces() if t.side is side and t.kind.value == "area")
        assert photo.id in by_photo
        assert view.tools.measured(trace).value == pytest.approx(
            by_photo[photo.id].area_mm2, rel=0.04
        )
    # Each outline's area and diameter labels lie apart, clear of every outline.
    view.canvas.grab()
    boxes = view.canvas.painted_labels
    assert len(boxes) == 4
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert not any(s.intersects(b) for s in view.canvas.painted_shapes for b in boxes)
    shoot(view, shots, f"moles-{language}-compare-outline-proposed")

    # Drag one point of the later outline outward by 40 screen pixels: the area grows.
    area_before = view.tools.measured(
        next(t for t in view.tools.traces() if t.side is Side.AFTER and t.kind.value == "area")
    ).value
    canvas = view.canvas
    qtbot.waitUntil(canvas.hasImages, timeout=15000)  # the side-by-side render is painted
    pane = canvas._panes()[1]
    points = view.tools.outline(Side.AFTER)
    cx = sum(p[0] for p in points) / len(points)
    index = max(range(len(points)), key=lambda i: points[i][0] - cx)  # the rightmost point
    start = canvas.photoToPane(pane, *canvas._after_point(*points[index])).toPoint()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        QTest.mouseMove(canvas, start + QPoint(10 * step, 0))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
    area_after = view.tools.measured(
        next(t for t in view.tools.traces() if t.side is Side.AFTER and t.kind.value == "area")
    ).value
    assert area_after > area_before * 1.02
    assert outline.corrected == {Side.AFTER}
    shoot(view, shots, f"moles-{language}-compare-outline-corrected")

    # Accept: both photos' outlines become measurements of the lesion; then save.
    click(outline.accept_button)
    qtbot.waitUntil(
        lambda: (
            window.record is not None
            and len(next(x for x in window.record.lesions if x.id == grown.id).sizes)
            == before_sizes + 2
        ),
        timeout=15000,
    )
    kept = next(x for x in window.record.lesions if x.id == grown.id).sizes[-2:]
    assert sorted(s.source.value for s in kept) == ["corrected", "outline"]
    click(view.save_button)
    qtbot.waitUntil(lambda: view.comparison_id is not None, timeout=15000)
    saved = in_vault(
        qtbot, window, lambda s, a: Comparisons(s.workstation).get(a, view.comparison_id)
    )
    kinds = sorted((t.side.value, t.kind.value) for t in saved.measurements)
    assert kinds == [
        ("after", "area"),
        ("after", "diameter"),
        ("before", "area"),
        ("before", "diameter"),
    ]
    shoot(view, shots, f"moles-{language}-compare-outline-accepted")
    assert view.width() <= 1366  # German buttons and hints fit the screen
    view.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_body_site_is_chosen_on_the_map_in_the_import_and_capture_forms(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path, language: str
) -> None:
    window = demo_app(language)
    files = write_jpegs(tmp_path / "card", 1)
    window.ask_import_files = lambda: files  # type: ignore[method-assign]
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(ImportContextDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ImportContextDialog, window)
    assert isinstance(dialog, ImportContextDialog)
    field = dialog.body_site_field
    click(field.button)
    qtbot.waitUntil(lambda: field.dialog is not None and field.dialog.isVisible(), timeout=5000)
    assert field.dialog is not None
    chooser = field.dialog
    qtbot.waitExposed(chooser.map)
    shoot(chooser, shots, f"moles-{language}-site-on-map")
    region = next(r for r in regions(MapView.BACK) if r.code == "lower-back")
    centre = region.outline.boundingRect().center()
    point = chooser.map.to_widget(MapView.BACK, centre.x() / 200.0, centre.y() / 440.0)
    qtbot.mouseClick(chooser.map, Qt.MouseButton.LeftButton, pos=point.toPoint())
    qtbot.waitUntil(lambda: not chooser.isVisible(), timeout=5000)
    assert dialog.body_site.currentData() == "lower-back"
    shoot(dialog, shots, f"moles-{language}-import-site-chosen")
    # The keyboard keeps the list: the row's field hands focus to the combo box.
    assert field.focusProxy() is dialog.body_site
    dialog.reject()

    # The capture screen's record panel has the same field.
    panel = CaptureRecordPanel(window.state.patient_id or "")
    qtbot.addWidget(panel)
    assert panel.body_site_field.combo is panel.body_site_combo
    panel.body_site_field.open_map()
    assert panel.body_site_field.dialog is not None
    panel.body_site_field.dialog.map.site_chosen.emit("chest")
    assert panel.body_site_combo.currentData() == "chest"


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_capture_form_takes_a_series_pose_with_its_checklist_and_ghost(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    qtbot.waitUntil(lambda: window.record is not None and window.record.complete, timeout=20000)
    record = window.record
    assert record is not None
    panel = CaptureRecordPanel(record.patient.id)
    qtbot.addWidget(panel)
    panel.resize(420, 420)
    panel.show_record(record)
    panel.show()
    qtbot.waitExposed(panel)
    # "Not in a series" (the form's start) shows no series line; a pose shows it.
    assert panel.pose_combo.currentData() is None and panel.series_label.text() == ""
    panel.pose_combo.setCurrentIndex(panel.pose_combo.findData("left"))
    # Today's visit (the demo's latest) has its whole series.
    assert panel.visit_combo.currentData() == record.visits[0].id
    assert panel.series_label.text().startswith(("Series complete: 8", "Serie vollständig: 8"))
    assert checklist(DEFAULT_PROTOCOL, record.photos, record.visits[0].id).complete
    # The middle visit has none: the checklist says 0 of 8 and the next pose.
    middle = record.visits[1]
    panel.visit_combo.setCurrentIndex(panel.visit_combo.findData(middle.id))
    assert panel.series_label.text().startswith(("Series 0 of 8", "Serie 0 von 8"))
    panel.pose_combo.setCurrentIndex(panel.pose_combo.findData("left"))
    context = panel.context()
    assert context.tags == ("pose:left",)
    ghost = ghost_candidate(record, context, panel.visit_date(), "overview")
    assert ghost is not None and ghost.visit_id == record.visits[-1].id  # the first series
    assert "pose:left" in ghost.tags
    shoot(panel, shots, f"moles-{language}-capture-series")


@pytest.mark.parametrize("language", ["en", "de"])
def test_two_total_body_series_compared_pose_by_pose(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    qtbot.waitUntil(lambda: window.record is not None and window.record.complete, timeout=20000)
    record = window.record
    assert record is not None
    front = next(p for p in record.photos if "pose:front" in p.tags)
    window.timeline.timeline.select(front.id)
    view = _compare(qtbot, window)
    assert view.before is not None and view.after is not None
    assert ("pose:front" in view.before.tags) and ("pose:front" in view.after.tags)
    assert view.before.visit_date < view.after.visit_date  # the first series, then the latest
    assert view.next_pose_button.isVisible()
    qtbot.waitUntil(view.canvas.hasImages, timeout=20000)
    shoot(view, shots, f"moles-{language}-series-front")
    seen = []
    for step in range(1, len(DEFAULT_PROTOCOL) + 1):
        expected = DEFAULT_PROTOCOL[step % len(DEFAULT_PROTOCOL)]
        click(view.next_pose_button)
        qtbot.waitUntil(
            lambda expected=expected: (
                view.before is not None
                and pose_of(view.before) == expected
                and view.decoded is not None
            ),
            timeout=20000,
        )
        assert view.after is not None and pose_of(view.after) == expected
        seen.append(expected)
    assert seen == [*DEFAULT_PROTOCOL[1:], "front"]  # every pose in order, then round again
    qtbot.waitUntil(view.canvas.hasImages, timeout=20000)
    shoot(view, shots, f"moles-{language}-series-stepped")
    view.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_choosing_a_lesion_on_the_map_keeps_the_side_panel_and_timeline_in_place(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    """The lesion card under the map fits the side panel as it was: a click on a marker
    neither widens the panel nor pushes the timeline aside, and nothing on the card is cut."""
    window = demo_app(language)
    assert window.record is not None
    bar = window.record_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    panel = window.body_map
    qtbot.waitExposed(panel.map)
    QApplication.processEvents()
    places = (window.record_tabs.geometry(), window.timeline.geometry())
    shoot(window, shots, f"moles-{language}-steady-map")
    for number in (2, 5):  # the grown naevus, then the excised one (with its history)
        lesion = next(x for x in window.record.lesions if _number(x.label) == number)
        assert lesion.position is not None
        at = panel.map.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
        qtbot.mouseClick(panel.map, Qt.MouseButton.LeftButton, pos=at.toPoint())
        qtbot.waitUntil(lambda lesion=lesion: panel.card.lesion == lesion, timeout=5000)
        QApplication.processEvents()
        assert (window.record_tabs.geometry(), window.timeline.geometry()) == places
        # What the card needs fits the room the panel had (Qt may squeeze it instead of
        # widening the panel: then its buttons are cut, which fit.clipped names).
        need = window.record_tabs.minimumSizeHint().width()
        assert need <= window.record_tabs.width(), (need, window.record_tabs.width())
        assert not clipped(panel), clipped(panel)
    shoot(window, shots, f"moles-{language}-steady-card")
