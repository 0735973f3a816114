"""Day one, on the demo: the total-body series as a dermatologist reads and keeps it.

The mole-mapping patient (Reza Ahmadi) has a series of the eight standard poses at his
first and his latest visit. The timeline shows each as one "Total-body series" group,
the poses in the protocol's order, each photo captioned with its pose (never under "Body
site not recorded"); the compare view names the pose ("pose 3 of 8") and steps through
the poses both ways; an Admin edits the clinic's protocol in Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, click_menu, click_tile, demo_app, dialog_of, shoot, shots, whole_record
from gui_support import in_vault
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.audit.log import AuditLog
from pixiodoc_desktop.clinic.records.body_series import (
    DEFAULT_PROTOCOL,
    FULL_PROTOCOL,
    POSES_SETTING,
    BodySeriesProtocol,
    Pose,
    pose_of,
)
from pixiodoc_desktop.demo.clinic import DEMO_COLLEAGUE_LOGIN, DEMO_PASSWORD, DemoVault
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.series_protocol_editor import SeriesProtocolEditor
from pixiodoc_desktop.gui.views.settings import SettingsDialog

__all__ = ["demo_app", "shots"]  # fixtures used below


@pytest.fixture(scope="module")
def demo_vaults(moles_demo_vaults: Callable[[str], DemoVault]) -> Callable[[str], DemoVault]:
    """The mole-mapping patient alone (overrides day_one's; shared with the moles tests)."""
    return moles_demo_vaults


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


def _inside(inner: QRect, outer: QRect) -> bool:
    return outer.left() <= inner.center().x() <= outer.right()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_timeline_shows_each_series_as_one_group_in_the_protocols_order(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    whole_record(qtbot, window)
    record = window.record
    assert record is not None and record.patient.family_name == "Ahmadi"
    timeline = window.timeline.timeline
    groups = [text for text, _rect in timeline.laid_out("group")]
    no_site = window.timeline.tr("Body site not recorded")
    assert no_site not in groups
    title = (
        "Total-body series · 8 of 8 poses"
        if language == "en"
        else "Ganzkörperserie · 8 von 8 Posen"
    )
    assert groups.count(title) == 2, groups  # the first visit's series and the latest's
    # Each series photo is captioned with its pose, in the protocol's order.
    names = [pose_label(p) for p in DEFAULT_PROTOCOL]
    captions = timeline.laid_out("caption")
    assert [text for text, _r in captions] == names * 2
    series = [p for p in timeline.photos() if pose_of(p) is not None]
    assert [pose_of(p) for p in series] == list(DEFAULT_PROTOCOL) * 2
    rects = timeline._photo_rects
    for (text, under), photo in zip(captions, series, strict=True):
        tile = rects[photo.id]
        assert under.top() > tile.bottom() and _inside(under, tile), (text, under, tile)
        assert pose_label(pose_of(photo) or "") == text
        # Whole, in German too: the wrapped name fits the room under the tile.
        needed = timeline.fontMetrics().boundingRect(
            QRect(0, 0, under.width(), 1000), int(Qt.TextFlag.TextWordWrap), text
        )
        assert needed.width() <= under.width() and needed.height() <= under.height(), text
    # The first series on screen, for the screenshot.
    first = rects[series[0].id]
    timeline.verticalScrollBar().setValue(max(0, first.top() - 60))
    shoot(window, shots, f"series-01-timeline-{language}")


def test_capture_from_a_series_photo_takes_its_pose_with_its_ghost(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path
) -> None:
    window = demo_app("en")
    whole_record(qtbot, window)
    timeline = window.timeline.timeline
    left = next(p for p in timeline.photos() if pose_of(p) == "left")  # the latest series'
    click_tile(qtbot, timeline, left.id)
    click_menu(qtbot, window, "Patient", "Capture photos…")
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=10000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    panel = view.record_panel
    qtbot.waitUntil(lambda: panel.pose_combo.currentText() == pose_label("left"), timeout=10000)
    # The ghost is the same pose in the first series, named by its pose (not "no site").
    caption = view.overlay_panel.ghost_caption
    qtbot.waitUntil(lambda: pose_label("left") in caption.text(), timeout=15000)
    assert window.timeline.tr("Body site not recorded") not in caption.text()
    shoot(view, shots, "series-07-capture-from-pose-en")
    view.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_compare_view_names_the_pose_and_steps_both_ways(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    whole_record(qtbot, window)
    record = window.record
    assert record is not None
    timeline = window.timeline.timeline
    left = next(p for p in timeline.photos() if pose_of(p) == "left")  # the latest series'
    click_tile(qtbot, timeline, left.id)
    view = _compare(qtbot, window)
    view.resize(1366, 768)
    caption = view.poses.caption
    wanted = "Pose 3 of 8: " if language == "en" else "Pose 3 von 8: "
    assert caption.isVisible() and caption.text() == wanted + pose_label("left")
    # The pickers say the pose where a site would stand.
    for combo in (view.before_combo, view.after_combo):
        assert pose_label("left") in combo.currentText()
    qtbot.waitUntil(view.canvas.hasImages, timeout=20000)
    shoot(view, shots, f"series-02-compare-pose-3-{language}")

    def stepped_to(pose: str) -> bool:
        return (
            view.before is not None
            and view.after is not None
            and pose_of(view.before) == pose_of(view.after) == pose
            and view.decoded is not None
        )

    click(view.poses.previous_button)
    qtbot.waitUntil(lambda: stepped_to("back"), timeout=20000)
    assert caption.text().endswith(pose_label("back")) and "2" in caption.text()
    for pose in ("left", "right"):
        click(view.poses.next_button)
        qtbot.waitUntil(lambda pose=pose: stepped_to(pose), timeout=20000)
    assert caption.text() == wanted.replace("3", "4") + pose_label("right")
    assert pose_label("right") in view.after_combo.currentText()
    assert view.before.visit_id != view.after.visit_id  # still the two series
    # From the first pose, Previous wraps round to the last.
    for pose in ("left", "back", "front", DEFAULT_PROTOCOL[-1]):
        click(view.poses.previous_button)
        qtbot.waitUntil(lambda pose=pose: stepped_to(pose), timeout=20000)
    qtbot.waitUntil(view.canvas.hasImages, timeout=20000)
    shoot(view, shots, f"series-03-compare-last-pose-{language}")
    assert view.width() <= 1366
    view.close()


def _settings(qtbot: QtBot, window: MainWindow, language: str) -> SettingsDialog:
    menu, entry = ("File", "Settings…") if language == "en" else ("Datei", "Einstellungen…")
    click_menu(qtbot, window, menu, entry)
    qtbot.waitUntil(lambda: dialog_of(SettingsDialog, window) is not None, timeout=10000)
    dialog = dialog_of(SettingsDialog, window)
    assert isinstance(dialog, SettingsDialog)
    return dialog


def _row(editor: SeriesProtocolEditor, text: str) -> QPoint:
    """Click the pose's line in the list, as a person does."""
    listed = editor.poses
    item = next(listed.item(r) for r in range(listed.count()) if listed.item(r).text() == text)
    listed.scrollToItem(item)
    at = listed.visualItemRect(item).center()
    QTest.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert listed.currentItem() is item
    return at


def _shown(editor: SeriesProtocolEditor) -> list[str]:
    return [editor.poses.item(r).text() for r in range(editor.poses.count())]


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_admin_edits_the_clinics_series_protocol_in_settings(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    whole_record(qtbot, window)
    assert window.state.is_admin
    dialog = _settings(qtbot, window, language)
    pages = dialog.findChild(QTabWidget, "SettingsPages")
    assert pages is not None
    bar = pages.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    editor = dialog.series
    assert editor is not None and pages.currentWidget() is editor
    assert _shown(editor) == [pose_label(p) for p in DEFAULT_PROTOCOL]
    shoot(dialog, shots, f"series-04-settings-protocol-{language}")

    # Legs, back before legs, front; no "front, arms raised"; a scalp pose; "back" renamed.
    _row(editor, pose_label("legs-back"))
    click(editor.up_button)
    _row(editor, pose_label("front-arms-raised"))
    click(editor.remove_button)
    scalp = "Scalp, from above" if language == "en" else "Kopfhaut, von oben"
    qtbot.keyClicks(editor.new_name, scalp)
    click(editor.add_button)
    _row(editor, pose_label("back"))
    QTest.keyClick(editor.poses, Qt.Key.Key_F2)
    editing = editor.poses.findChild(QLineEdit)
    assert editing is not None and editing.isVisible()
    editing.selectAll()
    standing = "Back, standing" if language == "en" else "Rumpf hinten, stehend"
    qtbot.keyClicks(editing, standing)
    QTest.keyClick(editing, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: standing in _shown(editor), timeout=5000)
    order = ["front", "back", "left", "right", "back-arms-raised", "legs-back", "legs-front"]
    assert _shown(editor) == [
        pose_label(order[0]),
        standing,
        *[pose_label(p) for p in order[2:]],
        scalp,
    ]
    shoot(dialog, shots, f"series-05-settings-edited-{language}")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(save)
    # Stored in the vault, audited as a settings change; the timeline follows at once.
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.series_poses) == 8,
        timeout=10000,
    )
    code = "scalp-from-above" if language == "en" else "kopfhaut-von-oben"
    stored = in_vault(qtbot, window, lambda s, a: BodySeriesProtocol(s.workstation).protocol())
    assert stored == (
        Pose("front"),
        Pose("back", standing),
        *[Pose(p) for p in order[2:]],
        Pose(code, scalp),
    )
    qtbot.waitUntil(lambda: window.record.series_poses == (*order, code), timeout=10000)
    groups = [text for text, _r in window.timeline.timeline.laid_out("group")]
    seven = "7 of 8 poses" if language == "en" else "7 von 8 Posen"
    assert sum(seven in g for g in groups) == 2, groups
    captions = [text for text, _r in window.timeline.timeline.laid_out("caption")]
    assert captions[:8] == [
        pose_label("front"),
        standing,
        *[pose_label(p) for p in order[2:]],
        pose_label("front-arms-raised"),  # a pose the protocol no longer has comes last
    ]
    events = in_vault(
        qtbot,
        window,
        lambda s, a: [
            r
            for r in AuditLog(s.workstation).query(a)
            if r.event == "SECURITY_SETTING_CHANGED" and r.object_id == POSES_SETTING
        ],
    )
    assert len(events) == 1 and events[0].outcome == "success"
    assert events[0].details["to"][1] == {"code": "back", "name": standing}
    first = window.timeline.timeline.laid_out("caption")[0][1]
    window.timeline.timeline.verticalScrollBar().setValue(max(0, first.top() - 220))
    shoot(window, shots, f"series-06-timeline-after-protocol-{language}")

    # Back to a standard: the sixteen poses, under their standard names.
    dialog = _settings(qtbot, window, language)
    pages = dialog.findChild(QTabWidget, "SettingsPages")
    assert pages is not None
    pages.tabBar().setCurrentIndex(1)
    editor = dialog.series
    assert editor is not None
    editor.standard.setFocus()
    QTest.keyClick(editor.standard, Qt.Key.Key_End)  # "16 standard poses"
    click(editor.reset_button)
    assert _shown(editor) == [pose_label(p) for p in FULL_PROTOCOL]
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(save)
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.series_poses == FULL_PROTOCOL,
        timeout=10000,
    )
    assert window.record.series_names == ()

    # A clinician who is not an Admin has no such page.
    window.lock()
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=5000)
    with qtbot.waitSignal(window.state.record_shown, timeout=30000):
        window.unlock(DEMO_COLLEAGUE_LOGIN, DEMO_PASSWORD, open_first_patient=True)
    assert not window.state.is_admin
    dialog = _settings(qtbot, window, language)
    assert dialog.series is None and dialog.findChild(QTabWidget, "SettingsPages") is None
    dialog.reject()
