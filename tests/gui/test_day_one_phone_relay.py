"""Day one, in German: a phone on mobile data captures through the clinic's bucket.

The demo as shipped has no sync: the pairing screen says that a phone off the
clinic network needs it. Once the clinic's bucket (a real SeaweedFS) is set
up, the screen offers the other route; the new QR code (read back from the
screen) opens the page from the bucket in Chromium with a fake rear camera,
a photo taken there arrives in the record, and End leaves nothing in the bucket.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
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
from phone_support import chromium_phone, write_fake_camera
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.webdriver.common.by import By
from test_day_one_phone import _read_qr

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.phone_dialog import PhonePairingDialog
from pixiodoc_desktop.phone.relay import BucketRelay
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    camera = write_fake_camera(tmp_path / "skin.y4m")
    with chromium_phone(camera, language="de-DE") as driver:
        yield driver


def test_a_phone_off_the_clinic_network_sends_through_the_bucket(
    qtbot: QtBot,
    demo_app: Callable[[str], MainWindow],
    phone: webdriver.Chrome,
    weed: Weed,
    shots: Path,
) -> None:
    window = demo_app("de")
    window.ctx.settings.phone_port = 0
    window.ctx.settings.phone_address = "127.0.0.1"
    whole_record(qtbot, window)  # count the whole record, not its first page (full demo)
    assert window.record is not None
    before = len(window.record.photos)
    click_menu(qtbot, window, "Patient", "Mit Telefon aufnehmen…")
    qtbot.waitUntil(lambda: dialog_of(PhonePairingDialog, window) is not None, timeout=5000)
    dialog = dialog_of(PhonePairingDialog, window)
    assert isinstance(dialog, PhonePairingDialog)
    qtbot.waitUntil(lambda: not dialog.qr.pixmap().isNull(), timeout=20000)
    assert dialog.qr.property("route") == "lan"
    assert dialog.address.text().startswith("Weg: Praxisnetz, Arbeitsplatz https://127.0.0.1:")
    assert dialog.route_note.isVisible() and not dialog.route_button.isVisible()
    assert "sobald die Synchronisation" in dialog.route_note.text()
    shoot(dialog, shots, "phone-relay-01-no-sync-de")
    click(dialog.end_button)
    qtbot.waitUntil(lambda: dialog_of(PhonePairingDialog, window) is None, timeout=5000)

    def set_up_sync(_services: object, _actor: object) -> None:
        vault = window.ctx.session.require()[0].workstation.vault
        save_target(vault, SyncTarget(weed.endpoint, "eu-central-1", BUCKET, "gui-phone"))
        save_credentials(vault.header.vault_id, ACCESS_KEY, SECRET_KEY)

    in_vault(qtbot, window, set_up_sync)
    click_menu(qtbot, window, "Patient", "Mit Telefon aufnehmen…")
    qtbot.waitUntil(lambda: dialog_of(PhonePairingDialog, window) is not None, timeout=5000)
    dialog = dialog_of(PhonePairingDialog, window)
    assert isinstance(dialog, PhonePairingDialog)
    qtbot.waitUntil(lambda: dialog.route_button.isVisible(), timeout=20000)
    assert not dialog.route_note.isVisible()
    assert dialog.route_button.text() == (
        "Telefon im Gäste-WLAN oder mobilen Netz? Über den Cloud-Speicher senden"
    )
    click(dialog.route_button)
    qtbot.waitUntil(lambda: dialog.qr.property("route") == "bucket", timeout=20000)
    relay = window.phone_capture.server
    assert isinstance(relay, BucketRelay)
    assert dialog.address.text().startswith("Weg: über den Cloud-Speicher der Praxis (127.0.0.1:")
    assert dialog.route_button.text() == "Stattdessen das Praxisnetz verwenden"
    url = _read_qr(dialog)
    assert url == relay.url and url.startswith(weed.endpoint)
    shoot(dialog, shots, "phone-relay-02-waiting-de")

    phone.get(url)
    qtbot.waitUntil(
        lambda: phone.find_element(By.ID, "status").get_attribute("data-state") == "paired",
        timeout=20000,
    )
    assert (
        phone.find_element(By.ID, "status").text == "Über den Cloud-Speicher der Praxis gekoppelt"
    )
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Gekoppelt: Chrome"), timeout=10000)
    qtbot.waitUntil(
        lambda: phone.execute_script("return document.getElementById('video').videoWidth") > 0,
        timeout=20000,
    )
    phone.find_element(By.ID, "shutter").click()
    qtbot.waitUntil(
        lambda: bool(phone.find_elements(By.CSS_SELECTOR, "#strip li[data-state=committed]")),
        timeout=30000,
    )
    qtbot.waitUntil(lambda: dialog.arrivals.count() == 1, timeout=5000)
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.photos) == before + 1,
        timeout=20000,
    )
    shoot(dialog, shots, "phone-relay-03-paired-de")
    phone.save_screenshot(str(shots / "phone-relay-page-de.png"))

    click(dialog.end_button)
    qtbot.waitUntil(lambda: "beendet" in phone.find_element(By.ID, "message").text, timeout=10000)
    qtbot.waitUntil(lambda: relay.wait(0), timeout=15000)
    assert weed.all_objects("gui-phone/phone/") == []
