"""Day one, on the demo as shipped: the mole-mapping patient (Reza Ahmadi).

The demo is built by the shipped builder with that one patient (three visits, small photos
to keep it lean); the real window opens his record, a click on the "Body map" tab shows
his twenty naevi at their places in their status colours (one grown, one new, one
excised, the rest stable), counted per region. English and German, a screenshot each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import demo_app, dialog_of, shoot, shots
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.visits import LesionStatus
from pixiodoc_desktop.demo.clinic import DemoVault, build_demo_vault
from pixiodoc_desktop.demo.moles import NAEVI
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.lesion_dialogs import ProcedureDialog
from pixiodoc_desktop.gui.widgets.body_map import STATUS_COLOURS, regions

__all__ = ["demo_app", "shots"]  # fixtures used below


@pytest.fixture(scope="module")
def demo_vaults(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], DemoVault]:
    """The shipped demo builder, with the mole-mapping patient alone (overrides day_one's)."""
    built: dict[str, DemoVault] = {}

    def vault(language: str) -> DemoVault:
        if language not in built:
            folder = tmp_path_factory.mktemp(f"moles-{language}") / "vault"
            built[language] = build_demo_vault(
                folder, families=("Ahmadi",), visits=3, size=(480, 360), language=language
            )
        return built[language]

    return vault


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 12


def test_every_demo_naevus_lies_in_its_own_body_site_on_the_map() -> None:
    for naevus in NAEVI:
        region = next(r for r in regions(naevus.view) if r.code == naevus.site)
        assert region.outline.containsPoint(QPointF(naevus.x, naevus.y), Qt.FillRule.OddEvenFill), (
            naevus
        )


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
    statuses = {x.label[-2:]: x.status for x in lesions}
    assert statuses.pop("02") is LesionStatus.GROWN  # measured 0.6 mm larger each visit
    assert statuses.pop("07") is LesionStatus.NEW  # first seen at the latest visit
    assert statuses.pop("05") is LesionStatus.EXCISED
    assert set(statuses.values()) == {LesionStatus.STABLE}
    excised = next(x for x in lesions if x.label.endswith("05"))
    assert [p.kind.value for p in excised.history] == ["biopsy", "excision"]
    assert all(p.histology for p in excised.history)
    assert panel.map.counts()["upper-back"] == 4
    shoot(window, shots, f"moles-{language}-body-map")
    image = panel.map.grab().toImage()
    ratio = image.devicePixelRatio()
    for lesion in lesions:
        assert lesion.position is not None
        at = panel.map.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
        pixel = image.pixelColor(QPointF(at.x() * ratio, at.y() * ratio).toPoint())
        assert _near(pixel, STATUS_COLOURS[lesion.status]), (lesion.label, pixel.name())

    # The grown naevus's marker: its card shows the diameter over the visits as a chart.
    grown = next(x for x in lesions if x.label.endswith("02"))
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
    stable = next(x for x in lesions if x.label.endswith("12"))
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
