"""Secure links opened in real Chromium against a real SeaweedFS (one of each per module).

The link opens, the patient's name and every shared photo appear, the slider
moves; a passcode link needs its passcode; revoked, expired and tampered
links show a plain page saying which; the bucket holds no name and no image
in the clear.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from phone_support import chromium_phone
from PIL import Image as PILImage
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.comparisons import Comparisons, MeasurementTrace, Side
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.timeline import Timelines
from pixiodoc_desktop.errors import (
    InvalidInput,
    PermissionDenied,
    ShareLinkNeedsSync,
    SyncUnavailable,
)
from pixiodoc_desktop.exports.pdf_report import export_pdf
from pixiodoc_desktop.exports.report_locale import ReportLocale
from pixiodoc_desktop.imaging.alignment import Alignment, AlignmentQuality
from pixiodoc_desktop.imaging.measure import MeasureKind
from pixiodoc_desktop.sharing import envelope, ledger
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.sharing.rounds import close_erased_now, tend_links
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import AuditEvent, Photo
from tests.exports.exports_support import pdf_pages_as_png, pdf_text
from tests.sync.sync_support import BUCKET, ClinicNet, Station

FAMILY, GIVEN = "Brandauer", "Henrike"
DESKTOP = (1366, 768)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    camera = tmp_path_factory.mktemp("unused")  # the viewer needs no camera
    with chromium_phone(camera / "none.y4m", size=DESKTOP) as driver:
        yield driver


@pytest.fixture(scope="module")
def german_browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    camera = tmp_path_factory.mktemp("unused-de")
    with chromium_phone(camera / "none.y4m", size=DESKTOP, language="de-DE") as driver:
        yield driver


@pytest.fixture
def station(clinic: ClinicNet) -> Station:
    return clinic.first()


def a_record(
    station: Station, *, consent: bool = True, px_per_mm: float | None = None
) -> tuple[str, int]:
    """A patient with two visits of the left forearm (three photos); returns id, photo count."""
    services, actor = station.services, station.actor
    patient = services.patients.create(
        actor, family_name=FAMILY, given_name=GIVEN, birth_date=dt.date(1961, 4, 2), sex="female"
    )
    if consent:
        services.consents.record(actor, patient.id, scope="sharing", granted=True)
    for seed, day in ((3, dt.date(2025, 2, 1)), (4, dt.date(2025, 2, 1)), (5, dt.date(2025, 8, 1))):
        services.photos.ingest(
            actor,
            synthetic_jpeg(seed, size=(640, 480)),
            CaptureContext(
                patient.id,
                visit_date=day,
                body_site="forearm-left",
                calibration_px_per_mm=px_per_mm,
            ),
            source_name=f"IMG_{seed}.jpg",
        )
    return patient.id, 3


def saved_comparison(station: Station, patient_id: str) -> tuple[str, str]:
    """The clinic's saved comparison of the first and the last photo: shifted 40 px, one trace."""
    with station.ws.read_session() as session:
        rows = session.scalars(
            select(Photo).where(Photo.patient_id == patient_id).order_by(Photo.created_at)
        ).all()
        before, after = rows[0].id, rows[-1].id
    quality = AlignmentQuality(50, 40, 0.8, 1.2, 0.9, "good")
    shift = np.array([[1.0, 0.0, 40.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    trace = MeasurementTrace(
        MeasureKind.DIAMETER, Side.AFTER, ((100, 100), (200, 100), (200, 180)), "A"
    )
    Comparisons(station.ws).save(
        station.actor,
        before,
        after,
        title="Naevus A",
        alignment=Alignment(shift, quality, manual=True),
        measurements=[trace],
    )
    return before, after


def wait_state(browser: webdriver.Chrome, *states: str) -> str:
    WebDriverWait(browser, 30).until(
        lambda d: d.execute_script("return document.body.dataset.state") in states
    )
    return str(browser.execute_script("return document.body.dataset.state"))


def opened(browser: webdriver.Chrome, url: str) -> None:
    browser.get(url)
    wait_state(browser, "open", "revoked", "expired", "gone", "damaged")
    if browser.execute_script("return document.body.dataset.state") == "open":
        WebDriverWait(browser, 30).until(
            lambda d: d.execute_script("return document.body.dataset.ready") == "1"
        )


def test_the_link_shows_the_record_every_photo_and_the_slider_moves(
    station: Station, browser: webdriver.Chrome, tmp_path: Path
) -> None:
    patient_id, count = a_record(station)
    before, after = saved_comparison(station, patient_id)
    made = ShareLinks(station.ws, station.store).create(station.actor, patient_id)
    assert made.photos == count and made.visits == 2
    assert FAMILY not in made.url and patient_id not in made.url and "#k=" in made.url

    opened(browser, made.url)
    assert browser.find_element(By.ID, "patient-name").text == f"{GIVEN} {FAMILY}"
    today = dt.date.today()
    age = today.year - 1961 - ((today.month, today.day) < (4, 2))
    assert browser.find_element(By.ID, "patient-facts").text == f"{age} years, female"
    thumbs = browser.find_elements(By.CSS_SELECTOR, ".thumb img[data-loaded='1']")
    assert len(thumbs) == count
    assert all(browser.execute_script("return arguments[0].naturalWidth", t) > 0 for t in thumbs)
    browser.save_screenshot(str(tmp_path / "open.png"))

    # The before/after slider: moving it uncovers more of the later photo.
    browser.find_element(By.ID, "mode-slider").click()
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('slider-b').naturalWidth") > 0
    )
    browser.execute_script(
        "const s = document.getElementById('slider-pos'); s.value = 20;"
        "s.dispatchEvent(new Event('input'));"
    )
    clip = browser.execute_script("return document.getElementById('slider-b-wrap').style.clipPath")
    assert clip == "inset(0px 0px 0px 20%)"
    # The saved comparison is shown as the clinic saved it: aligned, with its measurement.
    assert browser.find_element(By.ID, "compare-a").get_attribute("value") == before
    assert browser.find_element(By.ID, "compare-b").get_attribute("value") == after
    assert browser.execute_script("return document.getElementById('slider').dataset.aligned") == "1"
    assert "matrix3d" in browser.execute_script(
        "return document.getElementById('slider-b').style.transform"
    )
    assert "diameter" not in browser.find_element(By.ID, "measurements").text  # values, not kinds
    assert browser.find_element(By.ID, "measurements").text == (
        "A · After: not calibrated (no size in mm)"  # never a size in pixels
    )

    # The photo viewer: a click opens the screen-size image; zoom changes its scale.
    thumbs[0].find_element(By.XPATH, "..").click()
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('viewer').dataset.scale")
    )
    before = float(browser.execute_script("return document.getElementById('viewer').dataset.scale"))
    browser.find_element(By.ID, "zoom-in").click()
    after = float(browser.execute_script("return document.getElementById('viewer').dataset.scale"))
    assert after == pytest.approx(before * 1.5, rel=1e-3)
    browser.find_element(By.ID, "viewer-close").click()

    # Nothing kept in the browser.
    assert browser.execute_script("return localStorage.length + sessionStorage.length") == 0

    events = audit_of(station, "DATA_EXPORTED")
    assert events[-1].details["format"] == "secure link"
    assert events[-1].details["photos"] == count


def audit_of(station: Station, kind: str) -> list[AuditEvent]:
    from sqlalchemy import select

    with station.ws.vault.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.event_type == kind).order_by(AuditEvent.seq)
            )
        )


def test_a_passcode_link_needs_the_passcode(station: Station, browser: webdriver.Chrome) -> None:
    patient_id, _ = a_record(station)
    made = ShareLinks(station.ws, station.store).create(
        station.actor, patient_id, passcode="Hagebutte-42"
    )
    browser.get(made.url)
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "passcode").is_displayed())
    box = browser.find_element(By.ID, "passcode-input")
    box.send_keys("wrong-guess")
    browser.find_element(By.ID, "passcode-open").click()
    WebDriverWait(browser, 30).until(
        lambda d: d.find_element(By.ID, "passcode-error").is_displayed()
    )
    assert browser.find_element(By.ID, "patient").is_displayed() is False
    box.clear()
    box.send_keys("Hagebutte-42")
    browser.find_element(By.ID, "passcode-open").click()
    wait_state(browser, "open")
    WebDriverWait(browser, 30).until(
        lambda d: d.find_element(By.ID, "patient-name").text == f"{GIVEN} {FAMILY}"
    )


def test_revoked_expired_and_tampered_links_say_which(
    station: Station, browser: webdriver.Chrome, clinic: ClinicNet
) -> None:
    patient_id, _ = a_record(station)
    links = ShareLinks(station.ws, station.store)
    revoked = links.create(station.actor, patient_id)
    record = ledger.load(station.ws.vault, revoked.id)
    assert record is not None
    links.revoke(station.actor, revoked.id)
    assert {key for key, _ in clinic.weed.all_objects(record.folder)} == {record.page}
    opened(browser, revoked.url)
    assert wait_state(browser, "revoked") == "revoked"
    assert "revoked" in browser.find_element(By.ID, "message-title").text
    assert audit_of(station, "ACCESS_REVOKED")[-1].details["reason"] == "revoked"

    expired = links.create(station.actor, patient_id)
    done = ledger.load(station.ws.vault, expired.id)
    assert done is not None
    links.close(station.actor, done, ledger.EXPIRED, reason="expired")  # as a round does
    opened(browser, expired.url)
    assert wait_state(browser, "expired") == "expired"

    tampered = links.create(station.actor, patient_id)
    kept = ledger.load(station.ws.vault, tampered.id)
    assert kept is not None
    index = kept.package[-1]
    client = clinic.weed.client()
    body = bytearray(client.get_object(Bucket=BUCKET, Key=index)["Body"].read())  # type: ignore[attr-defined]
    body[40] ^= 1
    client.put_object(Bucket=BUCKET, Key=index, Body=bytes(body))  # type: ignore[attr-defined]
    opened(browser, tampered.url)
    assert wait_state(browser, "damaged") == "damaged"
    assert "altered" in browser.find_element(By.ID, "message-text").text

    # A link whose key was cut off says the link is incomplete, not a provider's error.
    opened(browser, tampered.url.split("#")[0])
    assert "#" in browser.find_element(By.ID, "message-text").text


def test_the_bucket_holds_no_name_and_no_image_in_the_clear(
    station: Station, clinic: ClinicNet
) -> None:
    patient_id, _ = a_record(station)
    links = ShareLinks(station.ws, station.store)
    links.create(station.actor, patient_id, reply=True, passcode="Hagebutte-42")
    objects = clinic.weed.all_objects(f"{clinic.prefix}/links/")
    assert len(objects) == 1 + 1 + 3 * 2  # page, index, a screen image and thumbnail each
    # The birth date as it could be written, whole: a bare "1961" turns up by chance in
    # a random hex object key (CI saw '…9239e987a196111ad2c07').
    born = ("1961-04-02", "02.04.1961", "02/04/1961", "04/02/1961", "2 April 1961")
    for key, body in objects:
        for needle in (FAMILY, GIVEN, patient_id, *born):
            assert needle.encode() not in body and needle not in key
        assert not body.startswith(b"\xff\xd8")
        for marker in (b"JFIF", b"Exif", b"\x89PNG\r\n\x1a\n", b"TestMake"):
            assert marker not in body


def test_a_link_of_an_erased_patient_says_revoked_and_leaves_only_its_page(
    station: Station, browser: webdriver.Chrome, clinic: ClinicNet
) -> None:
    patient_id, _ = a_record(station)
    made = ShareLinks(station.ws, station.store).create(station.actor, patient_id, reply=True)
    record = ledger.load(station.ws.vault, made.id)
    assert record is not None
    opened(browser, made.url)
    assert wait_state(browser, "open") == "open"
    station.services.patients.erase(station.actor, patient_id, confirm_family_name=FAMILY)
    assert close_erased_now(station.ws, station.actor) == [made.id]  # as the CLI and GUI do
    assert [key for key, _ in clinic.weed.all_objects(f"{clinic.prefix}/links/")] == [record.page]
    browser.get("about:blank")
    opened(browser, made.url)
    assert wait_state(browser, "revoked") == "revoked"
    assert "revoked" in browser.find_element(By.ID, "message-title").text
    assert FAMILY not in browser.page_source


def test_no_link_without_consent_or_without_sync(
    station: Station, clinic: ClinicNet, tmp_path: Path
) -> None:
    patient_id, _ = a_record(station, consent=False)
    with pytest.raises(PermissionDenied, match="consented to sharing"):
        ShareLinks(station.ws, station.store).create(station.actor, patient_id)
    assert audit_of(station, "DATA_EXPORTED")[-1].outcome == "denied"
    assert clinic.weed.all_objects(f"{clinic.prefix}/links/") == []
    with station.ws.vault.write_session() as session, session.begin():
        from pixiodoc_desktop.vault.schema import Setting

        session.delete(session.get(Setting, "sync.bucket"))
    with pytest.raises(ShareLinkNeedsSync, match="case bundle"):
        ShareLinks(station.ws).create(station.actor, patient_id)


def test_a_reply_lands_in_the_record_and_any_pc_of_the_clinic_lists_and_revokes_the_link(
    station: Station, browser: webdriver.Chrome, clinic: ClinicNet, tmp_path: Path
) -> None:
    patient_id, _ = a_record(station)
    links = ShareLinks(station.ws, station.store)
    made = links.create(station.actor, patient_id, reply=True)
    opened(browser, made.url)
    browser.find_element(By.ID, "reply-opinion").send_keys("Regular pigment network; benign.")
    browser.find_element(By.ID, "reply-diagnosis").send_keys("Compound naevus")
    browser.find_element(By.ID, "reply-recommendation").send_keys("Follow up in 12 months")
    browser.find_element(By.ID, "reply-name").send_keys("Dr. Jonas Petersen")
    browser.find_element(By.ID, "reply-role").send_keys("Dermatologist")
    browser.find_element(By.ID, "reply-send").click()
    WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.ID, "reply-status").get_attribute("data-sent") == "1"
    )
    record = ledger.load(station.ws.vault, made.id)
    assert record is not None
    sealed = dict(clinic.weed.all_objects(record.reply))[record.reply]
    assert b"naevus" not in sealed and b"Petersen" not in sealed

    got = tend_links(station.ws, station.store, station.actor)
    assert (got.replies, got.refused, got.patients) == (1, 0, (patient_id,))
    # A second opinion of the record, on the newest shared visit; the notes stay the clinic's.
    timeline = Timelines(station.ws).read(station.actor, patient_id, audited=False)
    (opinion,) = timeline.opinions
    newest = max(timeline.visits, key=lambda v: v.visit_date)
    assert opinion.visit_id == newest.id and newest.notes == ""
    assert (opinion.author, opinion.diagnosis, opinion.recommendation) == (
        "Dr. Jonas Petersen, Dermatologist",
        "Compound naevus",
        "Follow up in 12 months",
    )
    assert opinion.opinion == "Regular pigment network; benign." and opinion.written_at
    assert opinion.for_clinician == station.actor.user_id and not opinion.seen
    event = audit_of(station, "PATIENT_UPDATED")[-1]
    assert (event.object_type, event.object_id) == ("second opinion", opinion.id)
    assert event.details["what"] == "second opinion" and event.details["link"] == made.id
    assert clinic.weed.all_objects(record.reply) == []
    # It is in the consultation report, with who and when.
    pdf = export_pdf(station.ws, station.actor, patient_id, tmp_path / "report.pdf")
    text = pdf_text(pdf)
    assert "Second opinion from Dr. Jonas Petersen, Dermatologist" in text
    assert "Suggested diagnosis: Compound naevus" in text
    # It goes out to the clinic's other workstations like any edit of the record.
    station.sync()
    other = clinic.join("consult-room", via=station)
    clinic.settle([station, other])
    (there,) = Timelines(other.ws).read(other.actor, patient_id, audited=False).opinions
    assert there.id == opinion.id and there.diagnosis == "Compound naevus"

    # The list of links is the clinic's: the other PC lists this one and may revoke it.
    listed = ShareLinks(other.ws, other.store).links(other.actor, patient_id)
    assert [(r.id, r.device_id, r.state) for r in listed] == [
        (made.id, station.ws.device_id, "live")
    ]
    # The PC that made it tends it (it alone holds the reply key); the other leaves it be.
    later = listed[0].expires + dt.timedelta(seconds=1)
    assert tend_links(other.ws, other.store, other.actor, now=later).expired == 0
    assert len(clinic.weed.all_objects(record.folder)) == len(record.package) + 1
    ShareLinks(other.ws, other.store).revoke(other.actor, made.id)
    assert {key for key, _ in clinic.weed.all_objects(record.folder)} == {record.page}
    browser.get("about:blank")  # the same URL again would only move to its fragment
    opened(browser, made.url)
    assert wait_state(browser, "revoked") == "revoked"
    assert audit_of(other, "ACCESS_REVOKED")[-1].object_id == made.id
    clinic.settle([station, other])
    back = ledger.load(station.ws.vault, made.id)
    assert back is not None and back.state == "revoked"


def _drag(browser: webdriver.Chrome, start: tuple[int, int], end: tuple[int, int]) -> None:
    """A mouse drag on the photo viewer's stage, offsets from its centre."""
    stage = browser.find_element(By.ID, "viewer-stage")
    ActionChains(browser).move_to_element_with_offset(
        stage, *start
    ).click_and_hold().move_by_offset(end[0] - start[0], end[1] - start[1]).release().perform()


def test_in_german_sites_and_sizes_read_as_at_the_workstation_and_marks_go_with_the_reply(
    station: Station, german_browser: webdriver.Chrome, tmp_path: Path
) -> None:
    browser = german_browser
    patient_id, _ = a_record(station, px_per_mm=10.0)
    _before, after = saved_comparison(station, patient_id)
    made = ShareLinks(station.ws, station.store).create(station.actor, patient_id, reply=True)
    opened(browser, made.url)
    assert browser.find_element(By.ID, "patient-facts").text.endswith("Jahre, weiblich")
    groups = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".group h3")]
    assert groups == ["Unterarm, links"]
    assert browser.find_element(By.ID, "cap-b").text.endswith("Unterarm, links")
    # The diameter traced on the calibrated photo, in mm as the workstation shows it.
    assert browser.find_element(By.ID, "measurements").text == "A · Nachher: 12,8 mm"
    assert browser.find_element(By.ID, "reply-marks").text.startswith("Um auf etwas zu zeigen")

    # The colleague opens the later photo and draws a circle and an arrow on it.
    browser.find_element(By.CSS_SELECTOR, f".thumb[data-photo='{after}']").click()
    WebDriverWait(browser, 10).until(
        lambda d: (
            d.execute_script("return document.getElementById('viewer').dataset.shown") == after
        )
    )
    browser.find_element(By.ID, "mark-circle").click()
    _drag(browser, (0, 0), (40, 0))
    browser.find_element(By.ID, "mark-arrow").click()
    _drag(browser, (-150, -100), (-20, -10))
    _drag(browser, (100, 100), (101, 100))  # a click is no mark
    assert browser.execute_script("return document.getElementById('viewer').dataset.marks") == "2"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#viewer-marks g")) == 2
    shots = Path(os.environ.get("PIXIODOC_SHOT_DIR") or tmp_path)
    browser.save_screenshot(str(shots / "link-viewer-marks-de.png"))
    browser.find_element(By.ID, "viewer-close").click()
    assert browser.find_element(By.ID, "reply-marks").text == "Markierungen auf Fotos: 2"
    browser.execute_script("document.getElementById('reply').scrollIntoView()")
    browser.save_screenshot(str(shots / "link-viewer-reply-de.png"))
    browser.find_element(By.ID, "reply-opinion").send_keys("Rand unregelmäßig, siehe Kreis.")
    browser.find_element(By.ID, "reply-name").send_keys("Dr. Ines Kraft")
    browser.find_element(By.ID, "reply-send").click()
    WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.ID, "reply-status").get_attribute("data-sent") == "1"
    )
    assert tend_links(station.ws, station.store, station.actor).replies == 1
    (opinion,) = Timelines(station.ws).read(station.actor, patient_id, audited=False).opinions
    circle, arrow = opinion.marks
    assert (circle.photo_id, circle.kind, arrow.kind) == (after, "circle", "arrow")
    # The circle was drawn from the stage's centre, where the fitted photo's centre is
    # (640 x 480 photo pixels); its radius is 40 screen px in photo pixels.
    (cx, cy), rim = circle.points
    assert abs(cx - 320) < 4 and abs(cy - 240) < 4
    assert rim[0] > cx + 10 and abs(rim[1] - cy) < 4
    assert arrow.points[0][0] < arrow.points[1][0] and arrow.points[0][1] < arrow.points[1][1]
    assert audit_of(station, "PATIENT_UPDATED")[-1].details["marks"] == 2
    # The report in German: the opinion under its visit, the marks on the report's copy.
    pdf = export_pdf(
        station.ws,
        station.actor,
        patient_id,
        tmp_path / "bericht.pdf",
        photo_ids=[after],
        say=ReportLocale(language="de"),
    )
    text = pdf_text(pdf)
    assert "Zweitmeinung von Dr. Ines Kraft" in text
    assert "Markiert in einer Zweitmeinung (2)" in text
    (page,) = pdf_pages_as_png(pdf, shots / "link-report-marks-de", dpi=100)
    with PILImage.open(page) as rendered:
        pixels = np.asarray(rendered.convert("RGB")).reshape(-1, 3).astype(int)
    yellow = (pixels[:, 0] > 200) & (pixels[:, 1] > 160) & (pixels[:, 2] < 90)
    assert yellow.sum() > 20, "the marks are not drawn on the report's photo"


def test_a_reply_that_does_not_open_is_refused_and_audited(
    station: Station, clinic: ClinicNet
) -> None:
    patient_id, _ = a_record(station)
    links = ShareLinks(station.ws, station.store)
    made = links.create(station.actor, patient_id, reply=True)
    record = ledger.load(station.ws.vault, made.id)
    assert record is not None
    aad = envelope.REPLY_AAD + record.reply.rsplit("/", 1)[1]
    sealed = bytearray(
        envelope.seal_reply(links.reply_key().public_key(), b'{"opinion": "x"}', aad)
    )
    sealed[-1] ^= 1
    station.store.put(record.reply, bytes(sealed))
    got = tend_links(station.ws, station.store, station.actor)
    assert (got.replies, got.refused) == (0, 1)
    assert audit_of(station, "SECURITY_ALERT")[-1].details["what"] == "secure link reply"
    assert clinic.weed.all_objects(record.reply) == []


def test_an_expired_link_loses_its_package_at_the_next_round_then_its_page(
    station: Station, browser: webdriver.Chrome, clinic: ClinicNet
) -> None:
    patient_id, _ = a_record(station)
    links = ShareLinks(station.ws, station.store)
    made = links.create(station.actor, patient_id, lifetime=dt.timedelta(hours=1))
    record = ledger.load(station.ws.vault, made.id)
    assert record is not None
    assert tend_links(station.ws, station.store, station.actor).expired == 0
    later = record.expires + dt.timedelta(seconds=1)
    assert tend_links(station.ws, station.store, station.actor, now=later).expired == 1
    assert {key for key, _ in clinic.weed.all_objects(record.folder)} == {record.page}
    opened(browser, made.url)
    assert wait_state(browser, "expired") == "expired"
    assert audit_of(station, "ACCESS_REVOKED")[-1].details["reason"] == "expired"
    gone = record.page_expires + dt.timedelta(seconds=1)
    assert tend_links(station.ws, station.store, station.actor, now=gone).removed == 1
    assert clinic.weed.all_objects(record.folder) == []
    assert ledger.load(station.ws.vault, made.id) is None


class _CutStore:
    """The station's store, but the bucket goes away after `allowed` uploads."""

    def __init__(self, store: ObjectStore, allowed: int) -> None:
        self._store = store
        self.allowed = allowed

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def put(self, key: str, data: bytes, **kwargs: object) -> None:
        if self.allowed <= 0:
            raise SyncUnavailable("The sync endpoint cannot be reached (test)")
        self.allowed -= 1
        self._store.put(key, data, **kwargs)  # type: ignore[arg-type]


def test_a_link_cut_off_half_way_leaves_nothing_behind(station: Station, clinic: ClinicNet) -> None:
    patient_id, _ = a_record(station)
    cut = _CutStore(station.store, allowed=3)
    with pytest.raises(SyncUnavailable):
        ShareLinks(station.ws, cut).create(station.actor, patient_id)  # type: ignore[arg-type]
    assert clinic.weed.all_objects(f"{clinic.prefix}/links/") == []
    assert ledger.all_links(station.ws.vault) == []
    assert [e.details.get("format") for e in audit_of(station, "DATA_EXPORTED")] == []


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"lifetime": dt.timedelta(minutes=30)}, "between 1 hour and 7 days"),
        ({"passcode": "12345"}, "at least 6 characters"),
        ({"visit_ids": ["not-a-visit"]}, "does not belong to this patient"),
        ({"lesion_id": "not-a-lesion"}, "does not belong to this patient"),
    ],
)
def test_bad_choices_are_refused_with_one_clear_message(
    station: Station, clinic: ClinicNet, kwargs: dict[str, object], why: str
) -> None:
    patient_id, _ = a_record(station)
    with pytest.raises(InvalidInput, match=why):
        ShareLinks(station.ws, station.store).create(station.actor, patient_id, **kwargs)  # type: ignore[arg-type]
    assert clinic.weed.all_objects(f"{clinic.prefix}/links/") == []
