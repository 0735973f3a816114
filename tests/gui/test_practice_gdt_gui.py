"""The practice software drives the workstation: a GDT request dropped into the exchange
folder opens the patient and brings the capture window forward on today's visit; a 6311
opens the timeline; a bad file is a notice, in English and in German."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import in_vault
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from vault_support import LOGIN, PASSWORD, create_vault, synthetic_jpeg

from pixiodoc_desktop.cli import main
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.practice_dialogs import GdtDialog, WorklistSettingsDialog
from pixiodoc_desktop.practice import gdt, handoff
from pixiodoc_desktop.practice.gdt_charsets import Charset
from pixiodoc_desktop.practice.settings import GdtSettings, configure_gdt
from pixiodoc_desktop.vault.vault import Vault


def _request(kind: gdt.RecordType, number: str, family: str, given: str) -> bytes:
    fields = [gdt.Field("3000", number), gdt.Field("3101", family), gdt.Field("3102", given),
              gdt.Field("3103", "01051970"), gdt.Field("3110", "2")]  # fmt: skip
    return gdt.write_record(kind, fields, receiver="PIXO", sender="PVS1",
                            version=gdt.Version.GDT_21, charset=Charset.CP437)  # fmt: skip


def _drop(folder: Path, name: str, data: bytes) -> None:
    temp = folder / f".{name}.tmp"
    temp.write_bytes(data)
    os.replace(temp, folder / name)


@pytest.fixture
def exchange_vault(tmp_path: Path) -> tuple[Path, Path]:
    """A vault whose Admin set up the GDT exchange (as IT does with `pixiodoc gdt configure`)."""
    made = create_vault(tmp_path / "vault")
    inbox = tmp_path / "gdt"
    inbox.mkdir()
    ws, actor = log_in(Vault.open(made.folder), LOGIN, PASSWORD)
    configure_gdt(ws, actor, GdtSettings(str(inbox), str(inbox)))
    lock(ws, actor, logged_out=True)
    return made.folder, inbox


def _shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("PIXIODOC_SHOT_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))


@pytest.mark.parametrize("language", ["en", "de"])
def test_requests_from_the_practice_software_open_the_patient(
    qtbot: QtBot, make_window: Callable[..., MainWindow], exchange_vault: tuple[Path, Path],
    tmp_path: Path, language: str, request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    if language == "de":
        request.getfixturevalue("german")
    folder, inbox = exchange_vault
    window = make_window(folder)
    window.resize(1366, 768)
    window.show()
    window.unlock(LOGIN, PASSWORD)
    qtbot.waitUntil(lambda: window.practice.folder is not None, timeout=20000)
    running = handoff.running()
    assert running is not None and running.in_folder == inbox.resolve()

    _drop(inbox, "PIXOPVS1.001", _request(gdt.RecordType.NEW_EXAMINATION, "4711", "Müßig", "Änne"))
    qtbot.waitUntil(lambda: window.record is not None, timeout=20000)
    record = window.record
    assert record is not None
    assert (record.patient.family_name, record.patient.given_name) == ("Müßig", "Änne")
    assert [v.visit_date for v in record.visits] == [dt.date.today()]
    captures = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaptureView)]
    assert len(captures) == 1 and captures[0].isVisible()
    assert not (inbox / "PIXOPVS1.001").exists()
    _shot(window, tmp_path, f"gdt-6302-opened-{language}.png")
    _shot(captures[0], tmp_path, f"gdt-6302-capture-{language}.png")
    captures[0].close()

    _drop(inbox, "PIXOPVS1.002", b"\x89PNG\r\n\x1a\n" + bytes(40))
    refused = "abgelehnt" if language == "de" else "refused"
    qtbot.waitUntil(
        lambda: any(refused in text for _, text in window.ctx.notifier.history), timeout=20000
    )
    assert (inbox / "refused" / "PIXOPVS1.002.reason.txt").exists()

    # The PVS starts `pixiodoc gdt open FILE` with a 6311 for another patient, written
    # elsewhere: handed to this running workstation, which opens that timeline.
    other = tmp_path / "anfrage.gdt"
    other.write_bytes(_request(gdt.RecordType.SHOW_EXAMINATION, "815", "Weiß", "Jörg"))
    assert main(["gdt", "open", str(other)]) == 0
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == "Weiß",
        timeout=20000,
    )
    assert window.record is not None and window.record.visits == ()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CaptureView)
                and w.isVisible()]  # fmt: skip
    _shot(window, tmp_path, f"gdt-6311-timeline-{language}.png")

    window.lock()
    qtbot.waitUntil(lambda: window.practice.folder is None, timeout=10000)
    assert handoff.running() is None


def test_send_visit_to_practice_software_from_the_patient_menu(
    qtbot: QtBot, make_window: Callable[..., MainWindow], exchange_vault: tuple[Path, Path],
    tmp_path: Path,
) -> None:  # fmt: skip
    folder, inbox = exchange_vault
    window = make_window(folder)
    window.show()
    window.unlock(LOGIN, PASSWORD)
    qtbot.waitUntil(lambda: window.practice.folder is not None, timeout=20000)

    def add(services: ClinicServices, actor: Actor) -> str:
        patient = services.patients.create(
            actor, family_name="Grün", given_name="Ärmin", external_id="4711"
        )
        visit = services.visits.create(
            actor, patient.id, visit_date=dt.date.today(), reason="Kontrolle", notes="Größer?"
        )
        services.photos.ingest(
            actor, synthetic_jpeg(3),
            CaptureContext(patient.id, visit_id=visit.id, body_site="face"), source_name="a.jpg",
        )  # fmt: skip
        return patient.id

    window.open_patient(in_vault(qtbot, window, add))
    action = window.practice_actions.send_result
    qtbot.waitUntil(action.isEnabled, timeout=20000)
    action.trigger()
    qtbot.waitUntil(lambda: (inbox / "PVS1PIXO.gdt").exists(), timeout=20000)
    (result,) = gdt.read_file(inbox / "PVS1PIXO.gdt")
    assert result.record_type is gdt.RecordType.RESULT and result.first("3101") == "Grün"
    assert Path(result.first("6305") or "").read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(
        lambda: any("PVS1PIXO.gdt" in text for _, text in window.ctx.notifier.history),
        timeout=10000,
    )
    _shot(window, tmp_path, "gdt-6310-sent-en.png")


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_admin_sets_up_the_exchange_and_the_worklist_in_the_practice_menu(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, language: str,
    request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    if language == "de":
        request.getfixturevalue("german")
    made = create_vault(tmp_path / "vault")
    inbox = tmp_path / "Austausch"
    inbox.mkdir()
    window = make_window(made.folder)
    window.show()
    window.unlock(LOGIN, PASSWORD)
    actions = window.practice_actions
    qtbot.waitUntil(actions.gdt_settings.isVisible, timeout=20000)
    assert window.practice.folder is None  # nothing set up yet
    actions.gdt_settings.trigger()
    qtbot.waitUntil(lambda: _top(GdtDialog) is not None, timeout=10000)
    dialog = _top(GdtDialog)
    assert isinstance(dialog, GdtDialog)
    dialog.in_folder.setText(str(inbox))
    dialog.version.setCurrentIndex(dialog.version.findData("03.00"))
    dialog.charset.setCurrentIndex(dialog.charset.findData("utf-8"))
    _shot(dialog, tmp_path, f"gdt-settings-{language}.png")
    dialog.save_requested.emit(dialog.settings())
    qtbot.waitUntil(lambda: window.practice.folder is not None, timeout=20000)
    assert window.practice.folder is not None and window.practice.folder.folder == inbox.resolve()
    _drop(inbox, "PIXOPVS1.gdt", _request(gdt.RecordType.NEW_EXAMINATION, "9", "Öz", "Ümit"))
    qtbot.waitUntil(lambda: window.record is not None, timeout=20000)

    actions.worklist_settings.trigger()
    qtbot.waitUntil(lambda: _top(WorklistSettingsDialog) is not None, timeout=10000)
    wl = _top(WorklistSettingsDialog)
    assert isinstance(wl, WorklistSettingsDialog)
    wl.ae_title.setText("ORTHANC")
    wl.host.setText("127.0.0.1")
    wl.port.setValue(4242)
    _shot(wl, tmp_path, f"worklist-settings-{language}.png")
    wl.save_requested.emit(wl.settings())
    qtbot.waitUntil(actions.show_worklist.isVisible, timeout=10000)


def _top(kind: type) -> QWidget | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )
