"""Capture with a phone that cannot reach the workstation: through the clinic's bucket.

A real SeaweedFS as the bucket and Debian's Chromium (German, fake rear camera)
as the phone, which talks to nothing but the bucket's presigned URLs. The
photos land in the vault through the one ingest path; what the bucket holds
at any time is ciphertext; when the pairing ends nothing of it is left.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from phone_support import Clock, CuttingProxy, chromium_phone, write_fake_camera
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.phone.opening import Route, start_pairing
from pixiodoc_desktop.phone.pairing import EndReason, Pairing, PairingTarget
from pixiodoc_desktop.phone.relay import ASK_AAD, STATE_AAD, BucketRelay
from pixiodoc_desktop.phone.sealing import seal, seal_photo, unseal
from tests.sync.sync_support import BUCKET, ClinicNet, Station, Weed

FAMILY, GIVEN = "Wendelstein", "Adelheid"
WAIT = 30
_JPEG = re.compile(
    rb"\xff\xd8\xff(?:\xe0..JFIF\x00|\xe1..Exif\x00\x00|\xdb\x00[\x43\x84]|\xfe)", re.DOTALL
)  # a JPEG's start and first segment: three bytes alone turn up in ciphertext by chance


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    camera = write_fake_camera(tmp_path_factory.mktemp("camera") / "skin.y4m")
    with chromium_phone(camera, language="de-DE") as driver:
        yield driver


@pytest.fixture
def station(clinic: ClinicNet) -> Station:
    return clinic.first()


@pytest.fixture
def relays() -> Iterator[list[BucketRelay]]:
    opened: list[BucketRelay] = []
    yield opened
    for relay in opened:
        relay.close()


def _wait(driver: webdriver.Chrome, condition: object) -> object:
    return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(condition)  # type: ignore[arg-type]


def _strip(driver: webdriver.Chrome) -> list[str]:
    return [
        li.get_attribute("data-state") or ""
        for li in driver.find_elements(By.CSS_SELECTOR, "#strip li")
    ]


def _message(driver: webdriver.Chrome) -> str:
    box = driver.find_element(By.ID, "message")
    return "" if box.get_attribute("hidden") is not None else box.text


def _open(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url)
    _wait(
        driver,
        lambda d: d.find_element(By.ID, "status").get_attribute("data-state") != "connecting",
    )


def _relay(station: Station, relays: list[BucketRelay], target: PairingTarget) -> BucketRelay:
    link = start_pairing(station.ws, station.actor, target, Settings(), route=Route.BUCKET)
    assert isinstance(link, BucketRelay)
    relays.append(link)
    return link


def _objects(weed: Weed, prefix: str) -> list[tuple[str, bytes]]:
    """What the bucket holds under `prefix` now; an object the relay deletes between the
    listing and the read (it tidies as it goes) is simply gone."""
    client: Any = weed.client()
    held = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        for item in page.get("Contents", []):
            try:
                body = client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read()
            except client.exceptions.NoSuchKey:
                continue
            held.append((str(item["Key"]), bytes(body)))
    return held


def _bucket_holds_nothing_readable(weed: Weed, prefix: str) -> list[str]:
    findings = []
    for key, body in _objects(weed, prefix):
        if _JPEG.search(body) or b"Exif" in body:
            findings.append(f"{key}: an image")
        if FAMILY.encode() in body or GIVEN.encode() in body or b"1958" in body:
            findings.append(f"{key}: the patient")
    return findings


def test_a_phone_on_mobile_data_captures_through_the_bucket_and_nothing_stays_there(
    station: Station,
    clinic: ClinicNet,
    weed: Weed,
    browser: webdriver.Chrome,
    relays: list[BucketRelay],
    tmp_path: Path,
) -> None:
    services, actor = station.services, station.actor
    patient = services.patients.create(
        actor, family_name=FAMILY, given_name=GIVEN, birth_date=dt.date(1958, 11, 3)
    )
    services.photos.ingest(
        actor,
        synthetic_jpeg(5),
        CaptureContext(patient.id, visit_date=dt.date(2025, 1, 10), body_site="forearm-left"),
        source_name="earlier.jpg",
    )
    visit = services.visits.create(actor, patient.id, visit_date=dt.date.today())
    relay = _relay(
        station,
        relays,
        PairingTarget(patient.id, visit_id=visit.id, body_site="forearm-left", modality="close-up"),
    )
    bodies: list[bytes] = []
    relay.add_observer(bodies.append)
    assert relay.url.startswith(weed.endpoint) and "#k=" in relay.url
    assert patient.id not in relay.url and FAMILY not in relay.url

    _open(browser, relay.url)
    assert browser.find_element(By.ID, "status").get_attribute("data-state") == "paired"
    assert browser.execute_script("return document.body.dataset.route") == "bucket"
    assert browser.find_element(By.ID, "patient").text == "A. W. · 1958"
    # A German phone reads the record's lists in German.
    chosen = browser.execute_script(
        "const s = document.getElementById('site'); return s.options[s.selectedIndex].text"
    )
    assert chosen == "Unterarm, links"
    assert "Nahaufnahme" in browser.find_element(By.ID, "modality").text
    _wait(
        browser,
        lambda d: d.execute_script("return document.getElementById('ghost').naturalWidth") > 0,
    )
    _wait(
        browser,
        lambda d: d.execute_script("return document.getElementById('video').videoWidth") > 0,
    )
    browser.save_screenshot(str(tmp_path / "relay-paired.png"))
    viewed = AuditFilter(patient_id=patient.id, event_type="PATIENT_VIEWED")
    views = len(AuditLog(station.ws).query(actor, viewed))

    browser.find_element(By.ID, "shutter").click()
    _wait(browser, lambda d: _strip(d) == ["committed"])
    picture = tmp_path / "IMG_0001.jpg"
    jpeg = synthetic_jpeg(21, size=(800, 600), captured_at=dt.datetime(2025, 6, 1, 10, 0))
    comment = f"{GIVEN} {FAMILY}".encode()
    picture.write_bytes(
        jpeg[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + jpeg[2:]
    )
    browser.find_element(By.ID, "file").send_keys(str(picture))
    _wait(browser, lambda d: _strip(d) == ["committed", "committed"])

    # In the vault through the one ingest path, audited with the phone's browser.
    photos = [p for p in services.photos.list(actor, patient.id) if p.source == "phone"]
    assert len(photos) == 2 and {p.visit_id for p in photos} == {visit.id}
    assert {p.body_site for p in photos} == {"forearm-left"} and {p.modality for p in photos} == {
        "close-up"
    }
    events = AuditLog(station.ws).query(
        actor, AuditFilter(patient_id=patient.id, event_type="PHOTO_ADDED")
    )
    phone_events = [e for e in events if e.details.get("source") == "phone"]
    assert [(e.details["browser"][:7], e.details["route"]) for e in phone_events] == [
        ("Chrome ", "bucket")
    ] * 2

    # What went through the bucket was sealed; what is there now too, and no upload is left.
    assert len(bodies) == 2 and len(bodies[1]) > picture.stat().st_size
    for body in bodies:
        assert not _JPEG.search(body) and comment not in body and b"Exif" not in body
    held = _objects(weed, relay.folder)
    assert held and not [key for key, _ in held if "/in/" in key]
    assert _bucket_holds_nothing_readable(weed, clinic.prefix) == []

    # The phone read the record once, when it paired; the state's renewals read nothing.
    assert len(AuditLog(station.ws).query(actor, viewed)) == views

    relay.intake.pairing.end(EndReason.LOCKED)
    _wait(browser, lambda d: "gesperrt" in _message(d))
    assert relay.wait(WAIT)
    assert _objects(weed, relay.folder) == []
    assert browser.execute_script("return localStorage.length + sessionStorage.length") == 0


def test_a_second_phone_is_refused_and_a_wrong_key_or_a_stranger_stores_nothing(
    station: Station, browser: webdriver.Chrome, relays: list[BucketRelay], weed: Weed
) -> None:
    services, actor = station.services, station.actor
    patient = services.patients.create(actor, family_name=FAMILY, given_name=GIVEN)
    relay = _relay(station, relays, PairingTarget(patient.id))
    _open(browser, relay.url)
    first = browser.current_window_handle
    browser.switch_to.new_window("window")
    try:
        _open(browser, relay.url)
        assert "schon von einem anderen Telefon benutzt" in _message(browser)
        assert browser.find_element(By.ID, "patient").text == "…"
    finally:
        browser.close()
        browser.switch_to.window(first)

    # Speak the page's protocol from here: a slot from the sealed state, then a photo
    # sealed under another key, and one under the right key but meant for another slot.
    key = relay.intake.pairing.key
    config = json.loads(
        re.search(rb'id="relay-config">(.*?)</script>', _get(relay.url.split("#")[0]), re.S)[1]  # type: ignore[index]
    )
    state = json.loads(unseal(key, _get(config["state"]), STATE_AAD))
    slots = state["slots"]
    assert len(slots) >= 2
    (one, one_url), (two, two_url) = slots[:2]
    _put(one_url, seal_photo(bytes(32), one, {}, synthetic_jpeg(3)))
    _put(two_url, seal_photo(key, one, {}, synthetic_jpeg(4)))  # sealed for slot one
    _put(config["ask"], seal(bytes(32), b'{"phone": "x"}', ASK_AAD))  # a stranger's message

    def outcome() -> dict[str, dict[str, str]]:
        done: dict[str, dict[str, str]] = json.loads(unseal(key, _get(config["state"]), STATE_AAD))[
            "done"
        ]
        return done

    _wait(browser, lambda _d: {one, two} <= set(outcome()))
    assert {outcome()[one]["error"], outcome()[two]["error"]} == {"bad-key"}
    assert services.photos.list(actor, patient.id) == []
    _wait(browser, lambda _d: not [k for k, _ in _objects(weed, relay.folder) if "/in/" in k])
    assert relay.intake.pairing.phone is not None and "Chrome" in relay.intake.pairing.phone.browser


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the test's own bucket)
        return bytes(response.read())


def _put(url: str, body: bytes) -> None:
    request = urllib.request.Request(url, data=body, method="PUT")  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200


def test_an_upload_cut_off_and_an_answer_lost_on_the_way_to_the_bucket_make_one_photo(
    station: Station,
    clinic: ClinicNet,
    weed: Weed,
    browser: webdriver.Chrome,
    relays: list[BucketRelay],
    tmp_path: Path,
) -> None:
    """The bucket is reached through a relay that breaks the first big upload mid-body and
    swallows the bucket's answer to the second; the page sends from memory until the
    workstation says the photo is in, and the photo is in the record once."""
    services, actor = station.services, station.actor
    patient = services.patients.create(actor, family_name=FAMILY, given_name=GIVEN)
    proxy = CuttingProxy(weed.s3_port, threshold=256 * 1024)
    try:
        store = clinic.store(endpoint=f"http://127.0.0.1:{proxy.port}")
        link = start_pairing(
            station.ws,
            actor,
            PairingTarget(patient.id, body_site="upper-back"),
            Settings(),
            route=Route.BUCKET,
            store=store,
        )
        assert isinstance(link, BucketRelay)
        relays.append(link)
        _open(browser, link.url)
        picture = tmp_path / "IMG_0002.jpg"
        picture.write_bytes(synthetic_jpeg(22, size=(3200, 2400)))
        assert picture.stat().st_size > 2 * proxy.threshold
        browser.find_element(By.ID, "file").send_keys(str(picture))
        _wait(browser, lambda d: _strip(d) == ["committed"])
        assert proxy.cuts == ["mid-body", "answer"]
        photos = services.photos.list(actor, patient.id)
        assert [p.id for p in photos] == [a.photo_id for a in link.intake.arrivals]
        assert len(photos) == 1
        _wait(browser, lambda _d: not [k for k, _ in _objects(weed, link.folder) if "/in/" in k])
    finally:
        for relay in relays:
            relay.close()
        proxy.close()


def test_a_code_scanned_after_two_minutes_says_it_expired_and_the_folder_goes(
    station: Station, browser: webdriver.Chrome, relays: list[BucketRelay], weed: Weed
) -> None:
    patient = station.services.patients.create(station.actor, family_name=FAMILY, given_name=GIVEN)
    clock = Clock()
    target = PairingTarget(patient.id)
    link = start_pairing(
        station.ws,
        station.actor,
        target,
        Settings(),
        route=Route.BUCKET,
        pairing=Pairing(target, clock=clock),
    )
    assert isinstance(link, BucketRelay)
    relays.append(link)
    link.farewell = 60  # the late phone reads why before the folder goes
    clock.now += 121
    _open(browser, link.url)
    assert "abgelaufen" in _message(browser)
    assert browser.find_element(By.ID, "patient").text == "…"
    assert link.intake.pairing.phone is None
    link.close()
    assert _objects(weed, link.folder) == []
