"""Capture with a phone, in a real browser: Debian's Chromium with a fake rear camera
against the real HTTPS phone server, the way a clinician's phone uses it.

One Chromium serves the whole module; each test opens the pairing URL in it.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
from pathlib import Path

from phone_support import FAMILY, GIVEN, Clock, CuttingProxy, PhoneServers
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from vault_support import plaintext_findings, synthetic_jpeg

from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.phone.pairing import EndReason, PairingTarget

WAIT = 30  # seconds a condition may take on a busy 2-core machine (polled, not slept)


def _wait(driver: webdriver.Chrome, condition: object, timeout: float = WAIT) -> object:
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)  # type: ignore[arg-type]


def _open_page(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    _wait(
        driver,
        lambda d: d.find_element(By.ID, "status").get_attribute("data-state") != "connecting",
    )


def _strip_states(driver: webdriver.Chrome) -> list[str]:
    return [
        li.get_attribute("data-state") or ""
        for li in driver.find_elements(By.CSS_SELECTOR, "#strip li")
    ]


def _message(driver: webdriver.Chrome) -> str:
    box = driver.find_element(By.ID, "message")
    return "" if box.get_attribute("hidden") is not None else box.text


def _jpeg_with_name_inside(
    path: Path, *, size: tuple[int, int] = (800, 600), seed: int = 21
) -> Path:
    """A camera JPEG (EXIF) with the patient's name in a comment: what must never travel in clear."""
    data = synthetic_jpeg(seed, size=size, captured_at=dt.datetime(2025, 6, 1, 10, 0))
    comment = f"{GIVEN} {FAMILY}".encode()
    data = data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]
    path.write_bytes(data)
    return path


def _port_closed(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        return True
    return False


_JPEG_SIGNATURE = re.compile(
    rb"\xff\xd8\xff(?:\xe0..JFIF\x00|\xe1..Exif\x00\x00|\xdb\x00[\x43\x84]|\xfe)", re.DOTALL
)  # a JPEG's start and first segment: three bytes alone turn up in ciphertext by chance


def test_photos_from_the_live_camera_and_the_camera_app_land_in_the_vault_encrypted_on_the_way(
    browser: webdriver.Chrome,
    open_pairing: PhoneServers,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    tmp_path: Path,
) -> None:
    earlier = services.photos.ingest(
        actor,
        synthetic_jpeg(5),
        CaptureContext(patient.id, visit_date=dt.date(2025, 1, 10), body_site="forearm-left"),
        source_name="earlier.jpg",
    ).photo
    visit = services.visits.create(actor, patient.id, visit_date=dt.date.today())
    server = open_pairing(
        PairingTarget(patient.id, visit_id=visit.id, body_site="forearm-left", modality="close-up")
    )
    bodies: list[bytes] = []
    server.add_observer(bodies.append)

    _open_page(browser, server.url)
    assert browser.find_element(By.ID, "patient").text == "M. K. · 1958"
    assert FAMILY not in browser.page_source and GIVEN not in browser.page_source
    assert "#" not in browser.current_url  # the key left the address bar
    # An English phone reads the record's lists in English (sorted in its language).
    chosen = browser.execute_script(
        "const s = document.getElementById('site'); return s.options[s.selectedIndex].text"
    )
    assert chosen == "Forearm, left"
    assert "Close-up" in browser.find_element(By.ID, "modality").text
    # The last visit's photo of this site, as a ghost over the live camera.
    _wait(browser, lambda d: d.find_element(By.ID, "ghost").get_attribute("hidden") is None)
    _wait(
        browser,
        lambda d: d.execute_script("return document.getElementById('ghost').naturalWidth") > 0,
    )
    _wait(
        browser,
        lambda d: d.execute_script("return document.getElementById('video').videoWidth") > 0,
    )

    browser.find_element(By.ID, "shutter").click()
    _wait(browser, lambda d: _strip_states(d) == ["committed"])

    # The camera app route (input type=file capture=environment), after choosing another site.
    browser.execute_script(
        "const s = document.getElementById('site'); s.value = 'cheek-left';"
        "s.dispatchEvent(new Event('change'));"
    )
    picture = _jpeg_with_name_inside(tmp_path / "IMG_0001.jpg")
    browser.find_element(By.ID, "file").send_keys(str(picture))
    _wait(browser, lambda d: _strip_states(d) == ["committed", "committed"])

    photos = [p for p in services.photos.list(actor, patient.id) if p.id != earlier.id]
    assert len(photos) == 2
    assert {p.visit_id for p in photos} == {visit.id}
    assert sorted(p.body_site or "" for p in photos) == ["cheek-left", "forearm-left"]
    assert {p.modality for p in photos} == {"close-up"}
    assert {p.source for p in photos} == {"phone"}
    committed_ids = {
        li.get_attribute("data-photo") for li in browser.find_elements(By.CSS_SELECTOR, "#strip li")
    }
    assert committed_ids == {p.id for p in photos}

    added = AuditLog(services.workstation).query(
        actor, AuditFilter(patient_id=patient.id, event_type="PHOTO_ADDED")
    )
    phone_events = [row for row in added if row.details.get("source") == "phone"]
    assert len(phone_events) == 2
    assert all(row.details["browser"].startswith("Chrome ") for row in phone_events)
    assert {(row.details["os"], row.details["route"]) for row in phone_events} == {("Linux", "lan")}

    # What the server received is ciphertext: no JPEG, no EXIF, no name.
    assert len(bodies) == 2
    assert len(bodies[1]) > picture.stat().st_size  # the whole picture went, sealed
    for body in bodies:
        assert not _JPEG_SIGNATURE.search(body)
        assert b"Exif" not in body and b"JFIF" not in body
        assert FAMILY.encode() not in body and GIVEN.encode() not in body
    assert plaintext_findings([services.workstation.vault.folder], [FAMILY, GIVEN]) == []


def test_a_second_phone_cannot_use_the_code_again(
    browser: webdriver.Chrome, open_pairing: PhoneServers, patient: PatientSummary
) -> None:
    server = open_pairing(PairingTarget(patient.id))
    _open_page(browser, server.url)
    assert browser.find_element(By.ID, "status").get_attribute("data-state") == "paired"
    first = browser.current_window_handle
    browser.switch_to.new_window("window")  # a second phone: its own page, nothing shared
    try:
        _open_page(browser, server.url)
        assert "already used by another phone" in _message(browser)
        assert browser.find_element(By.ID, "shutter").get_attribute("disabled") is not None
        assert browser.find_element(By.ID, "patient").text == "…"  # it learnt nothing
    finally:
        browser.close()
        browser.switch_to.window(first)
    assert server.intake.pairing.phone is not None


def test_an_unscanned_code_expires_after_two_minutes_and_the_port_closes(
    browser: webdriver.Chrome, open_pairing: PhoneServers, patient: PatientSummary, clock: Clock
) -> None:
    server = open_pairing(PairingTarget(patient.id), farewell=60)
    clock.now += 121
    _open_page(browser, server.url)
    assert "expired" in _message(browser)
    assert server.wait(WAIT)  # told the late phone why, then stopped listening
    assert _port_closed(server.port)


def test_locking_the_workstation_ends_the_pairing_and_the_phone_says_so(
    browser: webdriver.Chrome, open_pairing: PhoneServers, patient: PatientSummary
) -> None:
    server = open_pairing(PairingTarget(patient.id), farewell=60)
    _open_page(browser, server.url)
    server.intake.pairing.end(EndReason.LOCKED)
    _wait(browser, lambda d: "locked" in _message(d))
    assert browser.find_element(By.ID, "shutter").get_attribute("disabled") is not None
    assert browser.execute_script("return document.getElementById('video').srcObject") is None
    assert server.wait(WAIT)
    assert _port_closed(server.port)


def test_an_upload_cut_off_mid_way_and_an_answer_lost_are_retried_without_a_double(
    browser: webdriver.Chrome,
    open_pairing: PhoneServers,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    tmp_path: Path,
) -> None:
    server = open_pairing(PairingTarget(patient.id, body_site="upper-back"))
    picture = _jpeg_with_name_inside(tmp_path / "IMG_0002.jpg", size=(1600, 1200), seed=22)
    # The sealed upload is larger than the photo: what comes down after that is the answer.
    proxy = CuttingProxy(server.port, answer_after=picture.stat().st_size)
    try:
        _open_page(browser, server.url.replace(f":{server.port}/", f":{proxy.port}/"))
        assert picture.stat().st_size > 2 * proxy.threshold
        browser.find_element(By.ID, "file").send_keys(str(picture))
        _wait(browser, lambda d: _strip_states(d) == ["committed"])
    finally:
        proxy.close()
    assert proxy.cuts == ["mid-body", "answer"]
    # The cut body was never decrypted; the lost answer's photo was committed once,
    # and its retry was answered with the same photo.
    assert server.bodies_seen == 2
    photos = services.photos.list(actor, patient.id)
    assert [p.id for p in photos] == [a.photo_id for a in server.intake.arrivals]
    assert len(photos) == 1


def test_the_page_says_why_a_photo_was_refused_and_keeps_no_copy(
    browser: webdriver.Chrome,
    open_pairing: PhoneServers,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    tmp_path: Path,
) -> None:
    server = open_pairing(PairingTarget(patient.id))
    server.intake.max_bytes = 60_000
    _open_page(browser, server.url)
    letter = tmp_path / "Befund.jpg"
    letter.write_bytes(b"Sehr geehrte Kollegin, anbei der Befund. " * 20)
    browser.find_element(By.ID, "file").send_keys(str(letter))
    _wait(browser, lambda d: _strip_states(d) == ["refused"])
    big = _jpeg_with_name_inside(tmp_path / "IMG_0003.jpg", size=(1600, 1200), seed=23)
    assert big.stat().st_size > server.intake.max_bytes
    browser.find_element(By.ID, "file").send_keys(str(big))
    _wait(browser, lambda d: _strip_states(d) == ["refused", "refused"])
    texts = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#strip li span")]
    assert texts == [
        "This photo is too large for PixioDoc (limit 1 MB).",  # refused in the page itself
        "This file is not a photo PixioDoc accepts.",  # refused by the workstation (415)
    ]
    assert server.bodies_seen == 1  # only the letter travelled (sealed); the big one never left
    assert services.photos.list(actor, patient.id) == []
