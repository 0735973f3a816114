"""Search as you type, refusals after an import, auto-lock after idle, settings, crash text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import LOGIN, PASSWORD, first_run_into_workspace, write_jpegs
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import load_settings
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.notify import crash_text
from pixiodoc_desktop.gui.views.settings import SettingsDialog


@pytest.fixture
def unlocked(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window()
    first_run_into_workspace(qtbot, window)
    session = window.ctx.session
    done: list[bool] = []

    def add_patients() -> None:
        services, actor = session.require()
        for family, given, born in (
            ("Müller", "Jürgen", dt.date(1987, 3, 14)),
            ("Müllerová", "Zdeňka", dt.date(1990, 1, 1)),
            ("Schäfer", "Lena", dt.date(1994, 7, 2)),
        ):
            services.patients.create(actor, family_name=family, given_name=given, birth_date=born)
        done.append(True)

    window.ctx.worker.submit(add_patients)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    window.ctx.changes.patients_changed.emit()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 3, timeout=10000)
    return window


def _names(window: MainWindow) -> list[str]:
    return [p.family_name for p in window.patients.model.rows()]


def test_search_as_you_type_is_debounced_and_folds_accents(
    qtbot: QtBot, unlocked: MainWindow
) -> None:
    panel = unlocked.patients
    with qtbot.waitSignal(panel.search_done, timeout=5000):
        qtbot.keyClicks(panel.search, "mull")
    assert sorted(_names(unlocked)) == ["Müller", "Müllerová"]
    with qtbot.waitSignal(panel.search_done, timeout=5000):
        panel.search.setText("schafer")
    assert _names(unlocked) == ["Schäfer"]
    with qtbot.waitSignal(panel.search_done, timeout=5000):
        panel.search.setText("14.03.1987")
    assert _names(unlocked) == ["Müller"]
    # Return opens the first match, which then shows up among the recent patients.
    qtbot.keyClick(panel.search, "\r")
    qtbot.waitUntil(lambda: unlocked.record is not None, timeout=5000)
    assert panel.recent.count() == 1


def test_the_list_shows_a_page_and_fetches_more_when_scrolled_to_its_end(
    qtbot: QtBot, unlocked: MainWindow
) -> None:
    panel = unlocked.patients
    panel.page_size = 2
    unlocked.show()
    qtbot.waitExposed(unlocked)
    panel.list.setFixedHeight(panel.list.sizeHintForRow(0) + 4)  # room for one row
    with qtbot.waitSignal(panel.search_done, timeout=5000):
        qtbot.keyClicks(panel.search, "l")  # all three: Müller, Müllerová, Schäfer
    assert panel.model.rowCount() == 2
    qtbot.waitUntil(lambda: panel.count_label.text() == "2 of 3 patient(s)", timeout=5000)
    assert panel.model.canFetchMore()  # the first page fills the list: nothing fetched yet
    panel.list.verticalScrollBar().setValue(panel.list.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    assert sorted(_names(unlocked)) == ["Müller", "Müllerová", "Schäfer"]
    assert panel.count_label.text() == "3 patient(s)"


def test_refusal_list_after_importing_a_bad_file(
    qtbot: QtBot, unlocked: MainWindow, tmp_path: Path
) -> None:
    unlocked.patients.select_row(0)
    qtbot.waitUntil(lambda: unlocked.record is not None, timeout=5000)
    good = write_jpegs(tmp_path / "in", 1)
    bad = tmp_path / "in" / "notes.jpg"
    bad.write_bytes(b"this is not a picture at all")
    unlocked.import_paths([*good, bad])
    qtbot.waitUntil(lambda: unlocked.importer.last_report is not None, timeout=20000)
    dialog = unlocked.importer.dialog
    assert dialog is not None and dialog.isFinished()
    assert dialog.refused.rowCount() == 1
    assert dialog.refused.item(0, 0).text() == "notes.jpg"
    assert dialog.refused.item(0, 1).text()
    qtbot.waitUntil(lambda: unlocked.record is not None and len(unlocked.record.photos) == 1)


def test_auto_lock_after_idle_hides_patient_data(qtbot: QtBot, unlocked: MainWindow) -> None:
    unlocked.patients.select_row(0)
    qtbot.waitUntil(lambda: unlocked.record is not None, timeout=5000)
    assert unlocked.idle.is_running()
    unlocked.idle.set_interval(150)
    with qtbot.waitSignal(unlocked.state.locked, timeout=5000):
        pass
    assert unlocked.stack.currentWidget() is unlocked.unlock_card
    assert unlocked.windowTitle() == "PixioDoc"
    assert unlocked.patients.model.rowCount() == 0
    assert unlocked.record is None
    assert unlocked.timeline.timeline.photos() == []
    assert not unlocked.idle.is_running()
    qtbot.waitUntil(lambda: not unlocked.ctx.session.unlocked, timeout=5000)
    unlocked.unlock(LOGIN, PASSWORD)
    qtbot.waitUntil(unlocked.is_unlocked, timeout=10000)


def test_input_postpones_the_auto_lock(qtbot: QtBot, unlocked: MainWindow) -> None:
    unlocked.idle.set_interval(400)
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(unlocked.patients.search, "a")
    assert unlocked.is_unlocked()
    qtbot.waitUntil(lambda: not unlocked.is_unlocked(), timeout=5000)


def test_settings_are_saved_and_applied(qtbot: QtBot, unlocked: MainWindow) -> None:
    unlocked.open_settings()
    # An Admin's settings open once the clinic's series protocol is read (DB worker).
    qtbot.waitUntil(lambda: unlocked.findChild(SettingsDialog) is not None, timeout=5000)
    dialog = unlocked.findChild(SettingsDialog)
    assert dialog is not None
    dialog.auto_lock.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.save()
    assert unlocked.idle.interval() == 12 * 60_000
    assert unlocked.settings_path is not None
    saved = load_settings(unlocked.settings_path)
    assert (saved.auto_lock_minutes, saved.theme) == (12, "dark")


def test_crash_text_names_type_and_log_but_no_message() -> None:
    try:
        raise ValueError("Müller, Jürgen born 14.03.1987")
    except ValueError as exc:
        text = crash_text(type(exc).__name__)
    assert "ValueError" in text
    assert "Müller" not in text


def test_files_dropped_on_a_patient_are_imported_for_them(
    qtbot: QtBot, unlocked: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    panel = unlocked.patients
    unlocked.show()
    qtbot.waitExposed(unlocked)
    target = panel.model.patient(1)
    assert target is not None
    paths = write_jpegs(tmp_path / "drop", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(panel.list.visualRect(panel.model.index(1, 0)).center())
    drop = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only during a real drag-and-drop session, which a test
    # cannot start; hand the event to the list's drop handler as Qt would.
    assert panel.eventFilter(panel.list.viewport(), drop)
    qtbot.waitUntil(lambda: unlocked.importer.last_report is not None, timeout=20000)
    qtbot.waitUntil(
        lambda: (
            unlocked.record is not None
            and unlocked.record.patient.id == target.id
            and len(unlocked.record.photos) == 2
        ),
        timeout=10000,
    )


def test_the_new_vault_and_its_admin_are_remembered(unlocked: MainWindow) -> None:
    assert unlocked.settings_path is not None
    saved = load_settings(unlocked.settings_path)
    assert saved.last_login == LOGIN
    assert saved.vault_path == str(unlocked.vault_folder.resolve())


def test_a_long_import_runs_in_chunks_and_leaves_the_worker_to_others(
    qtbot: QtBot, unlocked: MainWindow, tmp_path: Path
) -> None:
    from pixiodoc_desktop.gui.importing import CHUNK

    unlocked.patients.select_row(0)
    qtbot.waitUntil(lambda: unlocked.record is not None, timeout=5000)
    count = CHUNK + 3
    files = write_jpegs(tmp_path / "many", count, size=(160, 120))
    progress: list[tuple[int, int]] = []
    unlocked.importer.progress.connect(lambda done, total, _name: progress.append((done, total)))
    searched: list[bool] = []
    unlocked.import_paths([tmp_path / "many"])
    # A search asked for during the import is answered before the import ends.
    unlocked.patients.search_done.connect(lambda _n: searched.append(unlocked.importer.running))
    unlocked.patients.refresh()
    qtbot.waitUntil(lambda: unlocked.importer.last_report is not None, timeout=30000)
    report = unlocked.importer.last_report
    assert report is not None and len(report.imported) == count and not report.cancelled
    assert progress[-1] == (count, count)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    # The answer to the search asked for mid-import came while the import still
    # ran; the import's own "patients changed" refresh may answer after it.
    assert searched[:1] == [True]
    assert len(files) == count


def test_the_viewer_brings_the_full_resolution_original_upright_at_one_to_one(
    qtbot: QtBot, unlocked: MainWindow, tmp_path: Path
) -> None:
    import io

    from PIL import Image
    from PySide6.QtCore import QPointF

    # A camera file stored on its side (EXIF orientation 6: turn 90 degrees clockwise),
    # larger than the screen preview: red left half, blue right half as stored.
    stored = Image.new("RGB", (3000, 2000), (200, 30, 30))
    stored.paste((30, 30, 200), (1500, 0, 3000, 2000))
    exif = Image.Exif()
    exif[0x0112] = 6
    data = io.BytesIO()
    stored.save(data, "JPEG", quality=90, exif=exif.tobytes())
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "side.jpg").write_bytes(data.getvalue())

    unlocked.patients.select_row(0)
    qtbot.waitUntil(lambda: unlocked.record is not None, timeout=5000)
    unlocked.import_paths([tmp_path / "in"])
    qtbot.waitUntil(lambda: unlocked.importer.last_report is not None, timeout=30000)
    qtbot.waitUntil(lambda: len(unlocked.timeline.timeline.photos()) == 1, timeout=10000)
    photo = unlocked.timeline.timeline.photos()[0]
    assert (photo.width, photo.height) == (2000, 3000)  # upright
    unlocked.open_viewer(photo.id)
    viewer = unlocked.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: photo.id in viewer.loaded, timeout=10000)
    assert viewer.refined == []  # fitted: the screen preview is enough
    viewer.viewer.showActualSize()
    qtbot.waitUntil(lambda: photo.id in viewer.refined, timeout=20000)
    shown = viewer.viewer.grab().toImage()
    assert viewer.viewer.zoom() == 1.0
    # 1:1 of the original: the view's centre is the photo's centre, red above, blue below.
    centre = viewer.viewer.widgetToImage(QPointF(shown.rect().center()))
    assert (centre.x(), centre.y()) == (pytest.approx(1000, abs=2), pytest.approx(1500, abs=2))
    above = shown.pixelColor(shown.width() // 2, shown.height() // 2 - 40)
    below = shown.pixelColor(shown.width() // 2, shown.height() // 2 + 40)
    assert above.red() > 150 and above.blue() < 80, above.name()
    assert below.blue() > 150 and below.red() < 80, below.name()
