"""Day one, on the demo's mole-mapping patient (Reza Ahmadi) at 1366x768: what the
timeline's groups and the share dialog call the photos is read whole.

The group titles show the body site whole ('Gesäß, rechts' above 'Nävus 11' when both
do not fit one tile's width: the title has two lines, and the tiles of groups side by
side still start at one height); Patient › Share… names the total-body series' photos
by their pose, as the timeline does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click_menu, demo_app, dialog_of, shoot, shots, whole_record
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.body_series import pose_of
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.views.share_dialog import ShareDialog

__all__ = ["demo_app", "shots"]  # fixtures used below

ROLE = Qt.ItemDataRole.UserRole


@pytest.fixture(scope="module")
def demo_vaults(moles_demo_vaults: Callable[[str], DemoVault]) -> Callable[[str], DemoVault]:
    """The mole-mapping patient alone (overrides day_one's; shared with the series tests)."""
    return moles_demo_vaults


@pytest.mark.parametrize("language", ["de", "en"])
def test_group_titles_show_the_body_site_and_the_lesion_whole(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    whole_record(qtbot, window)
    record = window.record
    assert record is not None and record.patient.family_name == "Ahmadi"
    view = window.timeline.timeline
    metrics = QFontMetrics(view._group_font())
    lesions = {lesion.id: lesion.label for lesion in record.lesions}
    expected = {
        (labels.body_site(p.body_site), lesions[p.lesion_id])
        for p in record.photos
        if p.lesion_id and p.body_site
    }
    titles = view.group_titles()
    # The right buttock's naevus, the one cut in German before, in view.
    buttock = labels.body_site("buttock-right")
    rect = next(r for lines, r in titles if lines[0].startswith(buttock[:5]))
    view.verticalScrollBar().setValue(rect.top() - 80)
    shoot(window, shots, f"group-titles-{language}")
    shown = {tuple(lines) for lines, _rect in titles}
    wrapped = 0
    for site, lesion in expected:
        whole = f"{site} · {lesion}"
        assert (whole,) in shown or (site, lesion) in shown, (whole, sorted(shown))
        wrapped += (site, lesion) in shown
    assert wrapped, "no title needed two lines: the test would prove nothing"
    for lines, rect in titles:
        assert len(lines) <= 2 and "…" not in "".join(lines), lines
        assert all(metrics.horizontalAdvance(line) <= rect.width() for line in lines), lines
        assert len(lines) * metrics.lineSpacing() <= rect.height(), (lines, rect)
    # Each group's first tiles start right under its title's box, whatever the title says
    # (one line or two): groups side by side keep their tiles at one height.
    photos = list(view._photo_rects.values())
    for lines, rect in titles:
        below = [
            r.top()
            for r in photos
            if rect.left() <= r.left() <= rect.right() and r.top() > rect.bottom()
        ]
        assert min(below) == rect.bottom() + 3, (lines, rect)


def _tab(qtbot: QtBot, dialog: ShareDialog, index: int) -> None:
    """Click the dialog's tab `index`, as a person does."""
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_share_dialog_names_series_photos_by_their_pose(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    """Patient › Share… lists the total-body series' photos by their pose, as the
    timeline does ('Ganzkörperserie · Beine, vorne'), never as 'Body site not recorded':
    the case file's visits and the secure link's alike."""
    window = demo_app(language)
    whole_record(qtbot, window)
    record = window.record
    assert record is not None
    series = {p.id: pose for p in record.photos if (pose := pose_of(p)) is not None}
    assert len(series) >= 16  # eight poses at the first visit and at the latest
    click_menu(qtbot, window, "Patient", "Freigeben…" if language == "de" else "Share…")
    qtbot.waitUntil(lambda: dialog_of(ShareDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ShareDialog, window)
    assert isinstance(dialog, ShareDialog)
    no_site = labels.body_site(None)
    for index, picker in ((1, dialog.case_file.visits), (2, dialog.secure_link.visits)):
        _tab(qtbot, dialog, index)
        newest = picker.topLevelItem(0)
        assert newest is not None and newest.isExpanded()
        rows = [newest.child(i) for i in range(newest.childCount())]
        picker.scrollToItem(next(r for r in rows if r.data(0, ROLE)[1] in series))
        shoot(dialog, shots, f"share-series-{index}-{language}")
        for photo_id, pose in series.items():
            row = picker.item_for("photo", photo_id)
            assert row is not None
            assert no_site not in row.text(0), row.text(0)
            assert pose_label(pose, record.series_names) in row.text(0), row.text(0)
            series_word = "Ganzkörperserie" if language == "de" else "Total-body series"
            assert row.text(0).startswith(series_word), row.text(0)
    dialog.reject()
