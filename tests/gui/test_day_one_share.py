"""Day one, on the demo as shipped: Patient › Share… (grants, a case bundle) and File › Licence….

Driven through the menu bar and the dialogs' own widgets; what the vault
holds afterwards is read back through the services.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from day_one import (
    click,
    click_menu,
    demo_app,
    demo_vaults,
    dialog_of,
    shoot,
    shots,
    whole_record,
)
from gui_support import in_vault
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.access.sharing import Sharing
from pixiodoc_desktop.clinic.exchange.case_bundle import read_header
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.notify import translated_message
from pixiodoc_desktop.gui.views.licence_dialog import LicenceDialog
from pixiodoc_desktop.gui.views.share_dialog import ShareDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

PASSPHRASE = "Rotes-Fahrrad-am-Rhein-7"


def _grants(qtbot: QtBot, window: MainWindow) -> dict[str, str]:
    assert window.record is not None
    pid = window.record.patient.id
    found = in_vault(qtbot, window, lambda s, actor: Sharing(s.workstation).list(actor, pid))
    return {g.grantee_name: g.level for g in found}


def _row(dialog: ShareDialog, who: str) -> int | None:
    for row in range(dialog.table.rowCount()):
        cell = dialog.table.item(row, 0)
        if cell is not None and cell.text() == who:
            return row
    return None


def test_share_a_record_with_a_colleague_and_as_a_case_file(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow], shots: Path, tmp_path: Path
) -> None:
    window = demo_app("en")
    click_menu(qtbot, window, "Patient", "Share…")
    qtbot.waitUntil(lambda: dialog_of(ShareDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ShareDialog, window)
    assert isinstance(dialog, ShareDialog)
    assert window.record is not None
    assert window.record.patient.display_name in dialog.windowTitle()
    qtbot.waitUntil(lambda: dialog.colleague.count() == 2, timeout=10000)
    assert dialog.colleague.currentText() == "Dr. Jonas Berger (dr.berger)"
    shoot(dialog, shots, "share-01-practice-en")

    dialog.level.setFocus()
    QTest.keyClick(dialog.level, Qt.Key.Key_Down)  # View only -> Editor
    assert dialog.level.currentText() == "Editor"
    with qtbot.waitSignal(dialog.granted, timeout=10000):
        click(dialog.grant_button)
    assert _grants(qtbot, window)["Dr. Jonas Berger"] == "edit"
    qtbot.waitUntil(lambda: _row(dialog, "Dr. Jonas Berger") is not None, timeout=5000)
    assert "Editor" in dialog.practice_message.text()
    shoot(dialog, shots, "share-02-granted-en")

    dialog.table.selectRow(_row(dialog, "Dr. Jonas Berger"))
    with qtbot.waitSignal(dialog.granted, timeout=10000):
        click(dialog.revoke_button)
    assert "Dr. Jonas Berger" not in _grants(qtbot, window)

    # The last Admin cannot be revoked: the refusal is shown in the dialog.
    qtbot.waitUntil(lambda: _row(dialog, "Dr. Jonas Berger") is None, timeout=5000)
    dialog.table.selectRow(_row(dialog, "Dr. Anna Weber"))
    click(dialog.revoke_button)
    qtbot.waitUntil(lambda: "Admin" in dialog.practice_message.text(), timeout=5000)

    # A case file for an outside colleague: the newest visit is ticked, a passphrase.
    dialog.tabs.setCurrentIndex(1)
    whole_record(qtbot, window)
    assert window.record is not None
    newest = max(window.record.visits, key=lambda v: v.visit_date).id
    assert dialog.case_file.visits.chosen_visits() == [newest]
    # What the demo holds for that visit (the trimmed demo and the one as shipped differ).
    newest_photos = sum(1 for p in window.record.photos if p.visit_id == newest)
    assert newest_photos >= 1
    target = tmp_path / "out" / dialog.case_file.suggested_bundle_name()
    target.parent.mkdir()
    dialog.case_file.ask_save_path = lambda: target  # type: ignore[method-assign]
    click(dialog.case_file.write_button)
    assert "at least 12" in dialog.case_file.bundle_message.text()  # nothing typed yet
    qtbot.keyClicks(dialog.case_file.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.case_file.repeat, PASSPHRASE)
    with qtbot.waitSignal(dialog.bundle_written, timeout=30000):
        click(dialog.case_file.write_button)
    assert target.exists()
    data = target.read_bytes()
    assert read_header(data)[0]["protection"]["type"] == "passphrase"
    family = window.record.patient.family_name
    assert family.encode() not in data and family not in target.name
    # English counts read as words, whatever the German plural forms are written with
    photos = "1 photo" if newest_photos == 1 else f"{newest_photos} photos"
    assert f"1 visit, {photos}, valid until" in dialog.case_file.bundle_message.text()
    shoot(dialog, shots, "share-03-case-file-en")


def test_licence_shows_the_demo_plan_in_german(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow], shots: Path
) -> None:
    window = demo_app("de")
    click_menu(qtbot, window, "Datei", "Lizenz…")
    qtbot.waitUntil(lambda: dialog_of(LicenceDialog, window) is not None, timeout=5000)
    dialog = dialog_of(LicenceDialog, window)
    assert isinstance(dialog, LicenceDialog)
    qtbot.waitUntil(lambda: bool(dialog.plan_label.text()), timeout=10000)
    assert "Demo" in dialog.plan_label.text()
    # Every patient of the demo, counted in the window's own list (not by the plan's count).
    qtbot.waitUntil(lambda: window.patients.model.rowCount() > 0, timeout=10000)
    assert window.patients.search.text() == ""
    assert dialog.patients.text() == f"{window.patients.model.rowCount()} von 25"
    # What the demo really includes: every plan's workstation and every plan's extras.
    for part in ("Körperkarte", "PDF-Berichte", "Fallpakete", "Vorher-nachher-Schieberegler"):
        assert part in dialog.features.text(), part
    shoot(dialog, shots, "licence-01-de")
    dialog.reject()
    click_menu(qtbot, window, "Patient", "Freigeben…")
    qtbot.waitUntil(lambda: dialog_of(ShareDialog, window) is not None, timeout=5000)
    share = dialog_of(ShareDialog, window)
    assert isinstance(share, ShareDialog)
    qtbot.waitUntil(lambda: share.table.rowCount() >= 1, timeout=10000)
    shoot(share, shots, "share-01-practice-de")
    share.tabs.setCurrentIndex(1)
    shoot(share, shots, "share-03-case-file-de")


def test_sharing_and_licence_refusals_read_german(german: None) -> None:
    assert translated_message(
        "The patient has not consented to sharing with colleagues; record that consent first "
        "(scope 'sharing')."
    ).startswith("Der Patient hat der Weitergabe an Kollegen nicht zugestimmt")
    assert translated_message("Use a passphrase of at least 12 characters") == (
        "Verwenden Sie eine Passphrase mit mindestens 12 Zeichen"
    )
    assert translated_message(
        "A record needs at least one Admin; grant Admin to someone else first"
    ).startswith("Eine Akte braucht mindestens eine Person mit Admin-Zugriff")
    assert translated_message("This licence expired on 2026-01-31") == (
        "Diese Lizenz ist am 2026-01-31 abgelaufen"
    )
