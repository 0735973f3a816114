"""Day one, on the demo: the report builder and its PDF name a total-body series photo by
its pose, as the timeline does ("Total-body series · Front, arms at the sides", never
"Body site not recorded · Clinical overview"), and a comparison saved in the compare view
(which gives it no title) by what it compares: the mole-mapping patient's naevus and its
site, not a word that belongs to another patient. English and German."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, click_menu, click_tile, demo_app, dialog_of, shoot, shots, whole_record
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.body_series import pose_of
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog

__all__ = ["demo_app", "shots"]  # fixtures used below

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) missing"
)


@pytest.fixture(scope="module")
def demo_vaults(moles_demo_vaults: Callable[[str], DemoVault]) -> Callable[[str], DemoVault]:
    """The mole-mapping patient alone (overrides day_one's; shared with the series tests)."""
    return moles_demo_vaults


@pytest.mark.parametrize("language", ["en", "de"])
def test_report_names_series_photos_by_pose_and_a_comparison_by_what_it_compares(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path, language: str
) -> None:
    window = demo_app(language)
    whole_record(qtbot, window)
    record = window.record
    assert record is not None
    # Compare a naevus' dermoscopy with its default pair and save it, as the clinician does.
    timeline = window.timeline.timeline
    naevus = next(p for p in reversed(timeline.photos()) if p.lesion_id and not pose_of(p))
    click_tile(qtbot, timeline, naevus.id)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, CompareView) and w.isVisible() and w.before is not None
            for w in QApplication.topLevelWidgets()
        ),
        timeout=30000,
    )
    view = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CompareView))
    qtbot.waitUntil(view.save_button.isEnabled, timeout=20000)
    with qtbot.waitSignal(view.saved, timeout=20000):
        click(view.save_button)
    view.close()
    assert view.before is not None
    lesion = next(x.label for x in record.lesions if x.id == view.before.lesion_id)
    compared = f"{lesion} · {labels.body_site(view.before.body_site)}"

    window.record_actions.ask_save_path = (  # type: ignore[method-assign]
        lambda _title, _filter, suggested="": tmp_path / suggested
    )
    german = language == "de"
    click_menu(
        qtbot, window, "Patient", "Bericht exportieren (PDF)…" if german else "Export report (PDF)…"
    )
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    qtbot.waitUntil(lambda: bool(dialog.comparisons), timeout=10000)
    # The first and the latest visit hold a series: each photo named by its pose.
    series = "Ganzkörperserie" if german else "Total-body series"
    tops = [dialog.visits.topLevelItem(i) for i in range(dialog.visits.topLevelItemCount())]
    lines = [top.child(i).text(0) for top in tops if top for i in range(top.childCount())]
    poses = [pose_of(p) for p in record.photos if pose_of(p)]
    assert len(poses) == 16
    for pose in poses:
        assert lines.count(f"{series} · {pose_label(str(pose))}") == 2
    assert not any("not recorded" in line or "nicht erfasst" in line for line in lines), lines
    # The saved comparison says what it compares.
    item = dialog.comparison_list.item(0)
    assert item is not None and item.text().startswith(compared + " · "), item.text()
    dialog.comparison_list.setFocus()
    dialog.comparison_list.setCurrentRow(0)
    QTest.keyClick(dialog.comparison_list, Qt.Key.Key_Space)
    shoot(dialog, shots, f"series-report-builder-{language}")
    dialog.open_file = lambda _path: None  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.written, timeout=60000):
        click(dialog.write_button)
    assert dialog.path is not None
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(dialog.path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    text = " ".join(done.stdout.decode("utf-8").split())
    front = "Vorderseite, Arme seitlich" if german else "Front, arms at the sides"
    assert f"{series}: {front}" in text
    assert "pose:" not in text
    after = "nachher" if german else "after"
    assert f"{compared}: {after}" in text
