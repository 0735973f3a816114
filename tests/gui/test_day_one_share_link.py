"""Day one, on the demo as shipped, in German: Patient › Share… › Secure link.

Without sync the tab says so and points at the case bundle; once the clinic's
bucket (a real SeaweedFS) is set up, a link is made, its page is in the bucket
(with no name in it), it is listed and revoked through the dialog's widgets.
Erasing the patient (Patient › Patient löschen…) revokes the link made after.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable
from pathlib import Path

import numpy as np
import zxingcpp
from day_one import click, click_menu, demo_app, demo_vaults, dialog_of, shoot, shots
from gui_support import in_vault
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.record_dialogs import EraseDialog
from pixiodoc_desktop.gui.views.share_dialog import ShareDialog
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def test_a_secure_link_from_the_share_dialog(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow], shots: Path, weed: Weed
) -> None:
    window = demo_app("de")
    assert window.record is not None
    family = window.record.patient.family_name
    pid = window.record.patient.id
    in_vault(
        qtbot,
        window,
        lambda s, actor: s.consents.record(actor, pid, scope="sharing", granted=True),
    )
    click_menu(qtbot, window, "Patient", "Freigeben…")
    qtbot.waitUntil(lambda: dialog_of(ShareDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ShareDialog, window)
    assert isinstance(dialog, ShareDialog)
    page = dialog.secure_link
    dialog.tabs.setCurrentWidget(page)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Sicherer Link"
    # Without sync: no CLI command, no button that cannot work, the way to the bundle tab.
    qtbot.waitUntil(page.no_sync.isVisible, timeout=10000)
    assert not page.create_button.isEnabled()
    assert "Externe Kollegin / externer Kollege" in page.no_sync.text()
    assert "pixiodoc" not in page.no_sync.text() + page.message.text()
    shoot(dialog, shots, "share-link-01-no-sync-de")
    click(page.bundle_button)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Externe Kollegin / externer Kollege"
    dialog.tabs.setCurrentWidget(page)

    def set_up_sync(services: object, _actor: object) -> None:
        vault = window.ctx.session.require()[0].workstation.vault
        save_target(vault, SyncTarget(weed.endpoint, "eu-central-1", BUCKET, "gui-links"))
        save_credentials(vault.header.vault_id, ACCESS_KEY, SECRET_KEY)

    in_vault(qtbot, window, set_up_sync)
    page.refresh()
    qtbot.waitUntil(page.create_button.isEnabled, timeout=10000)
    assert not page.no_sync.isVisible()
    page.level.setCurrentIndex(1)  # Ansehen und antworten
    with qtbot.waitSignal(page.link_made, timeout=30000):
        click(page.create_button)
    url = page.url.text()
    assert url.startswith(weed.endpoint) and "#k=" in url
    assert "Link erstellt" in page.message.text()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 1).text() == "aktiv"
    assert page.table.item(0, 3).text() == "Dr. Anna Weber"  # the clinic's list says who shared
    body = urllib.request.urlopen(url.split("#")[0]).read().decode()  # noqa: S310 (loopback)
    assert '"state": "live"' in body
    assert family not in body
    shoot(dialog, shots, "share-link-02-made-de")
    click(page.qr_button)
    assert page.qr_dialog is not None
    code = page.qr_dialog.findChild(QLabel, "LinkQrCode")
    image = code.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.array(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    assert [r.text for r in zxingcpp.read_barcodes(pixels[:, : image.width()])] == [url]
    shoot(page.qr_dialog, shots, "share-link-04-qr-de")
    page.qr_dialog.close()

    page.table.selectRow(0)
    with qtbot.waitSignal(page.links_shown, timeout=30000):
        click(page.revoke_button)
    qtbot.waitUntil(lambda: page.table.item(0, 1).text() == "widerrufen", timeout=5000)
    assert "widerrufen" in page.message.text()
    body = urllib.request.urlopen(url.split("#")[0]).read().decode()  # noqa: S310
    assert '"state": "revoked"' in body
    shoot(dialog, shots, "share-link-03-revoked-de")

    # Another link; then the patient is erased: the link goes with the record, at once.
    with qtbot.waitSignal(page.link_made, timeout=30000):
        click(page.create_button)
    second = page.url.text()
    dialog.refresh()  # answers on their way when the dialog closes are dropped, not a crash
    dialog.close()
    assert window.ctx.worker.wait_idle()
    click_menu(qtbot, window, "Patient", "Patient löschen…")
    qtbot.waitUntil(lambda: dialog_of(EraseDialog, window) is not None, timeout=5000)
    erase = dialog_of(EraseDialog, window)
    assert isinstance(erase, EraseDialog)
    erase.family.setText(family)
    window.ctx.notifier.show_boxes = True  # the box a person sees, for its screenshot
    click(erase.erase_button)
    said = "Sichere Links zur Akte widerrufen: 1."
    notes = window.ctx.notifier.history
    qtbot.waitUntil(lambda: any(said in text for _, text in notes), timeout=30000)
    body = urllib.request.urlopen(second.split("#")[0]).read().decode()  # noqa: S310
    assert '"state": "revoked"' in body
    # Links were exports: the erasure's message is a warning box, listing them as well.
    (box,) = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert said in box.text()
    shoot(box, shots, "share-link-05-erased-de")
    box.close()
