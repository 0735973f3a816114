"""Reports, DICOM, PACS, GDPR export, erasure, retention hold and CSV import from the menus."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import first_run_into_workspace
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.csv_import_dialog import CsvImportDialog
from pixiodoc_desktop.gui.views.record_dialogs import EraseDialog, PacsDialog, RetentionHoldDialog
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog


@pytest.fixture
def with_patient(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window()
    first_run_into_workspace(qtbot, window)
    session = window.ctx.session
    made: list[str] = []

    def add() -> None:
        services, actor = session.require()
        made.append(
            services.patients.create(
                actor, family_name="Berger", given_name="Ida", external_id="MRN-1"
            ).id
        )

    window.ctx.worker.submit(add)
    qtbot.waitUntil(lambda: bool(made), timeout=10000)
    window.open_patient(made[0])
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    return window


def _menu(window: MainWindow, title: str) -> QMenu:
    for item in window.menuBar().actions():
        menu = item.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title:
            return menu
    raise AssertionError(f"no menu {title}")


def _entry(menu: QMenu, text: str) -> QAction:
    for action in menu.actions():
        if action.text() == text:
            return action
    raise AssertionError(f"no entry {text!r} in {menu.title()}")


def _messages(window: MainWindow, level: str) -> list[str]:
    return [text for lvl, text in window.ctx.notifier.history if lvl == level]


def test_entries_are_in_the_menus_and_follow_the_session(with_patient: MainWindow) -> None:
    window = with_patient
    patient = _menu(window, "Patient")
    for text in (
        "Export report (PDF)…",
        "Export DICOM…",
        "Export patient data (GDPR)…",
        "Erase patient…",
        "Retention hold…",
    ):
        assert _entry(patient, text).isEnabled()
    assert not _entry(patient, "Send to PACS").isEnabled()  # no PACS set up
    csv = _entry(_menu(window, "File"), "Import patients from CSV…")
    practice = _menu(window, "Practice")
    admin_only = [csv, _entry(practice, "PACS…"), _entry(practice, "Sync settings…")]
    assert all(a.isVisible() and a.isEnabled() for a in admin_only)
    window.lock()
    assert not any(a.isVisible() for a in admin_only)
    assert not _entry(patient, "Erase patient…").isEnabled()


def test_pdf_and_patient_data_exports(
    qtbot: QtBot, with_patient: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = with_patient
    actions = window.record_actions
    paths = iter([tmp_path / "report.pdf", tmp_path / "berger.zip"])
    monkeypatch.setattr(actions, "ask_save_path", lambda *_a: next(paths))
    _entry(_menu(window, "Patient"), "Export report (PDF)…").trigger()
    builder = window.findChild(ReportDialog)
    assert builder is not None and builder.isVisible()
    builder.write_button.click()
    qtbot.waitUntil(lambda: bool(_messages(window, "info")), timeout=30000)
    builder.reject()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    _entry(_menu(window, "Patient"), "Export patient data (GDPR)…").trigger()
    qtbot.waitUntil(lambda: (tmp_path / "berger.zip").exists(), timeout=30000)
    qtbot.waitUntil(lambda: len(_messages(window, "info")) >= 2, timeout=30000)
    with zipfile.ZipFile(tmp_path / "berger.zip") as archive:
        assert archive.namelist()
    monkeypatch.setattr(actions, "ask_folder", lambda *_a: tmp_path)
    _entry(_menu(window, "Patient"), "Export DICOM…").trigger()
    qtbot.waitUntil(lambda: len(_messages(window, "info")) >= 3, timeout=30000)
    assert "DICOM" in _messages(window, "info")[-1]
    assert not _messages(window, "error")


def test_erase_needs_the_family_name_and_respects_a_retention_hold(
    qtbot: QtBot, with_patient: MainWindow
) -> None:
    window = with_patient
    patient_menu = _menu(window, "Patient")
    # A hold refuses erasure with its reason.
    _entry(patient_menu, "Retention hold…").trigger()
    qtbot.waitUntil(lambda: window.findChild(RetentionHoldDialog) is not None, timeout=10000)
    hold = window.findChild(RetentionHoldDialog)
    assert hold is not None
    hold.reason.setText("statutory retention until 2035")
    hold._save()
    qtbot.waitUntil(lambda: "Retention hold set." in _messages(window, "info"), timeout=10000)
    _entry(patient_menu, "Erase patient…").trigger()
    dialog = window.findChild(EraseDialog)
    assert dialog is not None
    dialog.family.setText("Berger")
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: bool(_messages(window, "error")), timeout=10000)
    assert "2035" in _messages(window, "error")[-1]
    assert window.record is not None
    # Released: a wrong name is refused, the right one erases.
    window.record_actions.erasure.set_hold(window.record.patient.id, None)
    qtbot.waitUntil(lambda: "Retention hold released." in _messages(window, "info"), timeout=10000)
    pid = window.record.patient.id
    window.record_actions.erasure.erase_patient(pid, "Bergmann")
    qtbot.waitUntil(lambda: len(_messages(window, "error")) == 2, timeout=10000)
    assert window.record is not None
    window.record_actions.erasure.erase_patient(pid, "Berger")
    qtbot.waitUntil(lambda: window.record is None, timeout=20000)
    assert any("erased" in m for m in _messages(window, "info"))
    assert not _entry(patient_menu, "Erase patient…").isEnabled()


def test_csv_import_checks_then_imports(
    qtbot: QtBot, with_patient: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = with_patient
    csv = tmp_path / "ehr.csv"
    csv.write_text("MRN;Nachname;Vorname\nMRN-1;Berger;Ida\nMRN-2;Huber;Karl\n", encoding="utf-8")
    monkeypatch.setattr(window.record_actions, "ask_open_path", lambda *_a: csv)
    _entry(_menu(window, "File"), "Import patients from CSV…").trigger()
    dialog = window.findChild(CsvImportDialog)
    assert dialog is not None
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Check"), timeout=10000)
    assert "1 new" in dialog.summary.text() and "1 matched" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 2, timeout=10000)


def test_pacs_settings_test_and_save(qtbot: QtBot, with_patient: MainWindow) -> None:
    window = with_patient
    _entry(_menu(window, "Practice"), "PACS…").trigger()
    qtbot.waitUntil(lambda: window.findChild(PacsDialog) is not None, timeout=10000)
    dialog = window.findChild(PacsDialog)
    assert dialog is not None
    dialog.ae_title.setText("ORTHANC")
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens: the test says so, off the GUI thread
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert dialog.result_label.text() not in ("", "Testing…", "The PACS answered.")
    dialog.save_requested.emit(dialog.settings())
    qtbot.waitUntil(lambda: window.record_actions.pacs_configured, timeout=10000)
    assert _entry(_menu(window, "Patient"), "Send to PACS").isEnabled()
