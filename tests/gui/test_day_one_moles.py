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
from day_one import demo_app, shoot, shots
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.visits import LesionStatus
from pixiodoc_desktop.demo.clinic import DemoVault, build_demo_vault
from pixiodoc_desktop.demo.moles import NAEVI
from pixiodoc_desktop.gui.main_window import MainWindow
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
