"""Day one, on the demo as shipped, in German: Patient › Capture with phone….

The clinician opens the pairing from the menu; the QR code on screen is read
back (zxing-cpp) and opened in Chromium with a fake rear camera, as a phone
would; a photo taken there arrives in the record and in the dialog; locking
the workstation ends the pairing and the phone says so.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
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
from phone_support import chromium_phone, write_fake_camera
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.webdriver.common.by import By

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.phone_dialog import PhonePairingDialog
from pixiodoc_desktop.phone.pairing import EndReason

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


# The placement selects whose chosen words need more room than the select gives them.
CUT_CHOICES = """
const measure = document.createElement("canvas").getContext("2d");
// A choice the page hides (no tracked lesion on this record) cannot be cut off.
return [...document.querySelectorAll(".placement select")].filter((select) => {
  if (select.getClientRects().length === 0) return false;
  const style = getComputedStyle(select);
  measure.font = style.font;
  const text = select.options[select.selectedIndex]?.text || "";
  const arrow = 20;
  const room = select.clientWidth - parseFloat(style.paddingLeft)
    - parseFloat(style.paddingRight) - arrow;
  return measure.measureText(text).width > room;
}).map((select) => select.options[select.selectedIndex].text);
"""


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    camera = write_fake_camera(tmp_path / "skin.y4m")
    with chromium_phone(camera, language="de-DE") as driver:
        yield driver


def _read_qr(dialog: PhonePairingDialog) -> str:
    image = dialog.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, stride * height).reshape(height, stride)
    (code,) = zxingcpp.read_barcodes(np.ascontiguousarray(pixels[:, :width]))
    return str(code.text)


def _page_message(driver: webdriver.Chrome) -> str:
    box = driver.find_element(By.ID, "message")
    return "" if box.get_attribute("hidden") is not None else box.text


def test_capture_with_phone_from_the_record_then_lock_ends_it(
    qtbot: QtBot,
    demo_app: Callable[[str], MainWindow],
    phone: webdriver.Chrome,
    shots: Path,
) -> None:
    window = demo_app("de")
    window.ctx.settings.phone_port = 0  # any free port here; the clinic's is 47443
    window.ctx.settings.phone_address = "127.0.0.1"
    # The full demo opens a record of more than one page: count once all of it is loaded
    # (a count of its first page never becomes "one more" after the refresh).
    whole_record(qtbot, window)
    assert window.record is not None
    before = len(window.record.photos)
    menu = window.menus.patient.title().replace("&", "")
    entry = QCoreApplication.translate("PhoneCapture", "Capture with phone…")
    assert entry == "Mit Telefon aufnehmen…"
    click_menu(qtbot, window, menu, entry)
    qtbot.waitUntil(lambda: dialog_of(PhonePairingDialog, window) is not None, timeout=5000)
    dialog = dialog_of(PhonePairingDialog, window)
    assert isinstance(dialog, PhonePairingDialog)
    qtbot.waitUntil(lambda: not dialog.qr.pixmap().isNull(), timeout=20000)
    assert dialog.status.text().startswith("Warte auf das Telefon")
    url = _read_qr(dialog)
    assert url == dialog.qr.property("url") and url.startswith("https://127.0.0.1:")
    shoot(dialog, shots, "phone-pairing-waiting-de")

    phone.get(url)  # what the phone's camera app opens from the QR code
    qtbot.waitUntil(
        lambda: phone.find_element(By.ID, "status").get_attribute("data-state") == "paired",
        timeout=20000,
    )
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Gekoppelt: Chrome"), timeout=5000)
    qtbot.waitUntil(
        lambda: phone.execute_script("return document.getElementById('video').videoWidth") > 0,
        timeout=20000,
    )
    phone.find_element(By.ID, "shutter").click()
    qtbot.waitUntil(
        lambda: bool(phone.find_elements(By.CSS_SELECTOR, "#strip li[data-state=committed]")),
        timeout=30000,
    )
    assert phone.find_element(By.CSS_SELECTOR, "#strip li span").text == "gespeichert"
    qtbot.waitUntil(lambda: dialog.arrivals.count() == 1, timeout=5000)
    assert dialog.count.text() == "Empfangene Fotos: 1"
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.photos) == before + 1,
        timeout=20000,
    )
    shoot(dialog, shots, "phone-pairing-paired-de")
    # The phone's choices (site, lesion, modality) show their German words whole.
    cut = phone.execute_script(CUT_CHOICES)
    assert cut == [], f"cut off on the phone: {cut}"
    phone.save_screenshot(str(shots / "phone-page-de.png"))

    server = window.phone_capture.server
    assert server is not None
    port = server.port
    window.lock()
    qtbot.waitUntil(lambda: "gesperrt" in _page_message(phone), timeout=10000)
    assert phone.find_element(By.ID, "shutter").get_attribute("disabled") is not None
    qtbot.waitUntil(lambda: server.wait(0), timeout=15000)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_the_capture_screen_offers_the_phone_for_its_chosen_site(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow]
) -> None:
    window = demo_app("en")
    window.ctx.settings.phone_port = 0
    window.ctx.settings.phone_address = "127.0.0.1"
    click_menu(qtbot, window, "Patient", "Capture photos…")
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=10000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    qtbot.waitUntil(lambda: view.context().visit_id is not None, timeout=10000)  # record loaded
    sites = view.record_panel.body_site_combo
    sites.setCurrentIndex(sites.findData("cheek-left"))
    assert view.context().body_site == "cheek-left"
    button = view.findChild(QPushButton, "CaptureWithPhoneButton")
    assert button is not None and button.text() == "Capture with phone…"
    click(button)
    qtbot.waitUntil(lambda: dialog_of(PhonePairingDialog, window) is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.phone_capture.server is not None, timeout=20000)
    server = window.phone_capture.server
    assert server is not None
    assert server.intake.pairing.target.patient_id == view.context().patient_id
    assert server.intake.pairing.target.body_site == view.context().body_site
    assert server.intake.pairing.target.visit_id == view.context().visit_id
    assert server.intake.pairing.target.show_full_name is False

    # Ticking "full name" before the phone scanned makes a new code that shows it.
    dialog = dialog_of(PhonePairingDialog, window)
    assert isinstance(dialog, PhonePairingDialog)
    click(dialog.full_name)
    qtbot.waitUntil(lambda: window.phone_capture.server not in (None, server), timeout=20000)
    assert server.wait(15)  # the first code is gone, and its port closed
    second = window.phone_capture.server
    assert second is not None and second.intake.pairing.target.show_full_name is True
    assert second.intake.pairing.target.body_site == "cheek-left"

    click(dialog.end_button)  # End
    qtbot.waitUntil(lambda: dialog_of(PhonePairingDialog, window) is None, timeout=5000)
    assert second.intake.pairing.end_reason is EndReason.ENDED
    assert second.wait(15)
