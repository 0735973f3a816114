"""The day's main path: first run, a patient, an import, the timeline, the viewer, lock, unlock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gui_support import (
    LOGIN,
    PASSWORD,
    create_vault_through_first_run,
    first_run_into_workspace,
    write_jpegs,
)
from pytestqt.qtbot import QtBot
from vault_support import plaintext_findings

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.dialogs import PatientDialog


def _new_patient(qtbot: QtBot, window: MainWindow, family: str, given: str) -> None:
    window.new_patient()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    dialog.family.setText(family)
    dialog.given.setText(given)
    dialog.birth.setText("1987-03-14")
    dialog.submit()
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == family,
        timeout=10000,
    )


def test_first_run_to_viewer_and_back(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    window.show()
    assert window.stack.currentWidget() is window.first_run_card
    create_vault_through_first_run(qtbot, window)
    key = window.recovery_page.key_label.text()
    assert len(key) > 20
    pdf = tmp_path / "recovery.pdf"
    window.recovery_page.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    window.recovery_page.confirm.setChecked(True)
    window.recovery_page.continue_button.click()
    assert window.is_unlocked()
    assert window.recovery_page.key_label.text() == ""

    _new_patient(qtbot, window, "Müller", "Jürgen")
    assert window.windowTitle() == "Praxis am Stadtpark — PixioDoc"
    assert "Müller" not in window.windowTitle()

    photos = write_jpegs(tmp_path / "camera", 3)
    window.import_paths(photos)
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.photos) == 3, timeout=20000
    )
    report = window.importer.last_report
    assert report is not None and len(report.imported) == 3 and not report.refused

    view = window.timeline.timeline
    assert len(view.photos()) == 3
    qtbot.waitUntil(
        lambda: all(window.thumbnails.thumbnail(p.id) for p in view.photos()), timeout=10000
    )
    # Opening the record afresh paints a full first screenful from the vault.
    window.thumbnails.clear()
    with qtbot.waitSignal(view.screenful_painted, timeout=10000):
        window.open_patient(window.record.patient.id)
    shown = view.visible_photo_ids()
    assert shown  # an empty screenful would pass the check below unchecked
    assert all(window.thumbnails.thumbnail(i) for i in shown)

    first = view.photos()[0].id
    view.select(first)
    assert window.details.photo is not None and window.details.photo.id == first
    window.open_viewer(first)
    viewer = window.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: first in viewer.loaded, timeout=10000)
    viewer.viewer.showNext()
    second = view.photos()[1].id
    qtbot.waitUntil(lambda: second in viewer.loaded, timeout=10000)
    assert view.selected() == second

    window.lock()
    assert not window.is_unlocked()
    assert window.stack.currentWidget() is window.unlock_card
    assert window.windowTitle() == "PixioDoc"
    assert window.patients.model.rowCount() == 0
    assert window.timeline.record is None
    assert not viewer.isVisible()
    assert window.thumbnails.cache.bytes_used == 0

    unlock = window.unlock_page
    qtbot.waitUntil(lambda: unlock.clinician.count() == 1)
    unlock.password.setText("not the password")
    unlock.unlock()
    qtbot.waitUntil(lambda: "Wrong password" in unlock.message.text(), timeout=10000)
    unlock.password.setText(PASSWORD)
    unlock.unlock()
    qtbot.waitUntil(window.is_unlocked, timeout=10000)
    assert window.login_info is not None and window.login_info.login == LOGIN
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 1, timeout=10000)

    # Nothing readable was left behind: not in the vault, the settings or the log.
    window.shutdown()
    leaks = plaintext_findings(
        [tmp_path / "vault", tmp_path / "config", tmp_path / "logs"], ["Müller", "Jürgen"]
    )
    assert leaks == []


def test_new_patient_needs_a_family_name(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    first_run_into_workspace(qtbot, window)
    window.new_patient()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    dialog.submit()
    assert dialog.message.text() == "Enter the family name."
    assert dialog.isVisible()
