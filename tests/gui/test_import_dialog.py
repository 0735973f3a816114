"""The import dialog: progress, cancel, and the list of refused files with their reasons."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.exchange.importing import ImportReport, import_files
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.gui.views.import_dialog import ImportDialog


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog()
    qtbot.addWidget(widget)
    return widget


def table(dialog: ImportDialog) -> list[tuple[str, str]]:
    rows = []
    for row in range(dialog.refused.rowCount()):
        name, reason = dialog.refused.item(row, 0), dialog.refused.item(row, 1)
        assert name is not None and reason is not None
        rows.append((name.text(), reason.text()))
    return rows


def test_progress_names_the_file_in_hand(dialog: ImportDialog, qtbot: QtBot) -> None:
    dialog.start(12)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Import photos"
    assert dialog.status.text() == "Preparing the import…"
    dialog.setProgress(3, 12, "IMG_0042.jpg")
    assert dialog.status.text() == "Importing 3 of 12 — IMG_0042.jpg"
    assert (dialog.progress.value(), dialog.progress.maximum()) == (3, 12)
    assert dialog.cancel_button.isVisible()
    assert not dialog.close_button.isVisible()
    assert not dialog.refused.isVisible()


def test_a_long_file_name_is_elided_not_stretching_the_dialog(
    dialog: ImportDialog, qtbot: QtBot
) -> None:
    dialog.start()
    qtbot.waitExposed(dialog)
    name = "Dermatoskopie_" + "x" * 300 + ".jpg"
    dialog.setProgress(1, 2, name)
    assert "…" in dialog.status.text()
    assert dialog.status.toolTip() == name
    assert dialog.width() < 1000


def test_cancel_sets_the_flag_a_worker_polls(dialog: ImportDialog, qtbot: QtBot) -> None:
    dialog.start(5)
    qtbot.waitExposed(dialog)
    seen_by_worker = threading.Event()

    def worker() -> None:
        for _ in range(1000):
            if dialog.cancelled():
                seen_by_worker.set()
                return
            threading.Event().wait(0.005)

    thread = threading.Thread(target=worker)
    thread.start()
    assert not dialog.cancelled()
    with qtbot.waitSignal(dialog.cancelRequested):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    thread.join(10)
    assert seen_by_worker.is_set()
    assert dialog.cancelled()
    assert not dialog.cancel_button.isEnabled()
    assert dialog.status.text().startswith("Cancelling")
    assert dialog.isVisible()  # it waits for the import to say what was kept


def test_escape_while_importing_cancels_instead_of_hiding(
    dialog: ImportDialog, qtbot: QtBot
) -> None:
    dialog.start(5)
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.cancelRequested):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    with qtbot.assertNotEmitted(dialog.cancelRequested):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # asked once is enough
    dialog.close()  # the controller may still close it from code
    assert not dialog.isVisible()


def test_finish_lists_refused_files_with_their_reasons(
    dialog: ImportDialog,
    qtbot: QtBot,
    services: ClinicServices,
    actor: Actor,
    make_jpeg: Callable[..., bytes],
    tmp_path: Path,
) -> None:
    patient = services.patients.create(actor, family_name="Beispiel")
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(make_jpeg(11))
    (folder / "b.jpg").write_bytes(make_jpeg(12))
    (folder / "c-again.jpg").write_bytes(make_jpeg(11))
    (folder / "d-broken.jpg").write_bytes(make_jpeg(13)[:400])
    (folder / "e-notes.txt").write_text("not a photo")

    dialog.start(1)
    qtbot.waitExposed(dialog)
    progress: list[tuple[int, int, str]] = []

    def on_progress(done: int, total: int, path: Path) -> None:
        progress.append((done, total, path.name))
        dialog.setProgress(done, total, path.name)

    report = import_files(
        services.photos,
        actor,
        CaptureContext(patient_id=patient.id),
        [folder],
        on_progress=on_progress,
        cancelled=dialog.cancelled,
    )
    assert progress[-1] == (5, 5, "e-notes.txt")
    dialog.finish(report)

    assert dialog.heading.text() == "Import finished"
    assert dialog.summary.text() == "2 imported, 1 duplicate, 2 refused"
    assert table(dialog) == [(r.path.name, r.reason) for r in report.refused]
    assert [name for name, _ in table(dialog)] == ["d-broken.jpg", "e-notes.txt"]
    assert all(reason for _, reason in table(dialog))
    assert dialog.refused.isVisible()
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    assert not dialog.progress.isVisible()
    dialog.setProgress(9, 9, "late.jpg")  # a late signal changes nothing
    assert dialog.summary.text() == "2 imported, 1 duplicate, 2 refused"

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == ImportDialog.DialogCode.Accepted


def test_a_cancelled_import_says_so_and_keeps_counts(dialog: ImportDialog, qtbot: QtBot) -> None:
    dialog.start(12)
    qtbot.waitExposed(dialog)
    dialog.requestCancel()
    dialog.finish(ImportReport(cancelled=True))
    assert dialog.heading.text() == "Import cancelled"
    assert dialog.summary.text() == "0 imported, 0 duplicates, 0 refused"
    assert not dialog.refused.isVisible()
    assert dialog.isFinished()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # now Esc simply closes
    assert not dialog.isVisible()


def test_finish_without_a_report(dialog: ImportDialog, qtbot: QtBot) -> None:
    dialog.start()
    qtbot.waitExposed(dialog)
    dialog.finish(
        imported=12,
        duplicates=3,
        refused=[("x.heic", "x.heic is not an image type PixioDoc accepts")],
    )
    assert dialog.summary.text() == "12 imported, 3 duplicates, 1 refused"
    assert table(dialog) == [("x.heic", "x.heic is not an image type PixioDoc accepts")]


def test_start_again_resets_the_dialog(dialog: ImportDialog, qtbot: QtBot) -> None:
    dialog.start()
    dialog.requestCancel()
    dialog.finish(refused=[("a.jpg", "reason")], cancelled=True)
    dialog.start(3)
    qtbot.waitExposed(dialog)
    assert not dialog.cancelled()
    assert dialog.refused.rowCount() == 0
    assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
    assert dialog.heading.text() == "Importing photos"
