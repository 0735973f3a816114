"""The phone server turns away what it must, with a clear reason and nothing stored.

A Python client speaks the page's protocol over HTTPS verified against the
workstation's own certificate; the browser tests cover the page itself.
"""

from __future__ import annotations

import io
import logging
import uuid
from pathlib import Path

import pytest
from phone_support import (
    FAMILY,
    GIVEN,
    Clock,
    PhoneClient,
    PhoneServers,
    clinic_it_certificate,
)
from PIL import Image
from vault_support import plaintext_findings, synthetic_jpeg

from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.errors import PairingRefused, PhoneRelayNeedsSync, PhoneServerUnavailable
from pixiodoc_desktop.phone.opening import Route, start_pairing
from pixiodoc_desktop.phone.pairing import EndReason, Pairing, PairingState, PairingTarget
from pixiodoc_desktop.phone.sealing import seal_photo
from pixiodoc_desktop.phone.server import PhoneServer
from pixiodoc_desktop.phone.tls import FOLDER


def _client(server: PhoneServer) -> PhoneClient:
    cafile = server.intake.ws.vault.folder / FOLDER / "cert.pem"
    return PhoneClient(f"https://127.0.0.1:{server.port}", cafile)


def _paired(server: PhoneServer) -> PhoneClient:
    client = _client(server)
    status, _ = client.claim(server.intake.pairing.code)
    assert status == 200
    return client


def test_each_bad_upload_is_refused_with_its_reason_and_nothing_is_stored(
    open_pairing: PhoneServers,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    server = open_pairing(PairingTarget(patient.id))
    key = server.intake.pairing.key
    stranger = _client(server)
    assert stranger.claim("not-the-code") == (
        404,
        {
            "error": "unknown",
            "message": "This pairing code is not known; scan the code shown at the workstation",
        },
    )
    phone = _paired(server)
    assert stranger.claim(server.intake.pairing.code)[1]["error"] == "used"

    def upload_as(client: PhoneClient, **headers: str) -> tuple[int, object]:
        upload_id = str(uuid.uuid4())
        body = seal_photo(key, upload_id, {}, synthetic_jpeg(2))
        status, raw = client.request("/api/photo", body, {"X-Upload-Id": upload_id, **headers})
        import json

        return status, json.loads(raw)["error"]

    assert upload_as(stranger) == (401, "no-token")
    assert upload_as(stranger, Authorization="Bearer forged") == (403, "unknown")
    status, answer = phone.upload(b"\x01" * 32, synthetic_jpeg(3))  # another key
    assert (status, answer["error"]) == (400, "bad-key")
    assert "cannot be decrypted" in str(answer["message"])
    status, answer = phone.upload(key, b"%PDF-1.7 a letter, not a photo")
    assert (status, answer["error"]) == (415, "not-image")
    assert "is not an image PixioDoc accepts" in str(answer["message"])
    server.intake.max_bytes = 50_000
    status, answer = phone.upload(key, synthetic_jpeg(4, size=(1200, 900)) + b"\0" * 60_000)
    assert (status, answer["error"]) == (413, "too-large")
    assert "too large" in str(answer["message"])
    assert services.photos.list(actor, patient.id) == []
    assert not list((services.workstation.vault.folder / "blobs").rglob("*.tmp"))

    # Nothing but the page, its three files and the API; no listing, no other methods.
    for path in ("/", "/p/", "/static/", "/api/", "/static/../phone/server.py", "/etc/passwd",
                 "/static/phone.html", "/favicon.ico", "/p/x/y"):  # fmt: skip
        assert phone.request(path)[0] == 404, path
    assert phone.request("/static/phone.js", method="PUT")[0] == 405
    assert phone.request("/api/claim", method="DELETE")[0] == 405

    # The log names routes and statuses, never the code, the key, a token or the patient.
    text = caplog.text
    assert "/api/photo -> 413" in text
    for secret in (server.intake.pairing.code, phone.token or "?", FAMILY, GIVEN, patient.id):
        assert secret not in text
    assert plaintext_findings([services.workstation.vault.folder], [FAMILY, GIVEN]) == []


def test_more_uploads_per_minute_than_allowed_are_refused_until_the_minute_has_passed(
    open_pairing: PhoneServers,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    clock: Clock,
) -> None:
    server = open_pairing(PairingTarget(patient.id))
    server.intake.per_minute = 3
    server.intake._clock = clock
    phone = _paired(server)
    key = server.intake.pairing.key
    assert [phone.upload(key, synthetic_jpeg(10 + i))[0] for i in range(3)] == [200] * 3
    status, answer = phone.upload(key, synthetic_jpeg(20))
    assert (status, answer["error"]) == (429, "too-many")
    assert "Too many photos in one minute (limit 3)" in str(answer["message"])
    assert len(services.photos.list(actor, patient.id)) == 3
    clock.now += 60
    assert phone.upload(key, synthetic_jpeg(20))[0] == 200


def test_a_heic_photo_from_an_iphone_is_accepted(
    open_pairing: PhoneServers, services: ClinicServices, actor: Actor, patient: PatientSummary
) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (190, 130, 110)).save(buffer, format="HEIF")
    server = open_pairing(PairingTarget(patient.id, body_site="cheek-right"))
    status, answer = _paired(server).upload(server.intake.pairing.key, buffer.getvalue())
    assert status == 200, answer
    (photo,) = services.photos.list(actor, patient.id)
    assert (photo.id, photo.source, photo.body_site) == (answer["photo"], "phone", "cheek-right")
    assert (photo.width, photo.height) == (320, 240)
    assert server.intake.pairing.phone is not None
    assert server.intake.pairing.phone.label == "Safari 17 · iOS 17"


def test_the_code_expires_unscanned_after_two_minutes_and_the_pairing_after_ten_idle_or_sixty(
    clock: Clock, patient: PatientSummary
) -> None:
    target = PairingTarget(patient.id)
    unscanned = Pairing(target, clock=clock)
    clock.now += 119
    assert unscanned.state is PairingState.WAITING
    clock.now += 1
    assert unscanned.state is PairingState.ENDED
    assert unscanned.end_reason is EndReason.EXPIRED

    idle = Pairing(target, clock=clock)
    token = idle.claim(idle.code, "Mozilla/5.0 (Linux; Android 14) Chrome/125.0 Mobile")
    clock.now += 599
    idle.check(token)
    idle.touch()  # a photo arrived: ten more minutes
    clock.now += 599
    idle.check(token)
    clock.now += 1
    assert idle.end_reason is EndReason.IDLE

    busy = Pairing(target, clock=clock)
    token = busy.claim(busy.code, "")
    for _ in range(11):
        clock.now += 330
        busy.touch()
    assert busy.end_reason is EndReason.TIME_LIMIT  # 3630 s: an hour at most, photos or not
    with pytest.raises(PairingRefused, match="ended this pairing") as refused:
        busy.check(token)
    assert refused.value.status == 410


def test_the_workstation_certificate_is_kept_with_its_key_encrypted_and_reused(
    open_pairing: PhoneServers, patient: PatientSummary
) -> None:
    first = open_pairing(PairingTarget(patient.id))
    folder = first.intake.ws.vault.folder / FOLDER
    key_pem = (folder / "key.pem").read_bytes()
    assert key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    first.close()
    second = open_pairing(PairingTarget(patient.id))
    assert (folder / "key.pem").read_bytes() == key_pem  # still valid for 127.0.0.1: kept
    assert _client(second).request("/static/aesgcm.js")[0] == 200  # verified against it


def test_a_photo_the_locked_vault_cannot_take_is_answered_unavailable_for_the_page_to_resend(
    open_pairing: PhoneServers, patient: PatientSummary
) -> None:
    server = open_pairing(PairingTarget(patient.id))
    phone = _paired(server)
    server.intake.ws.vault.lock()  # e.g. the workstation locked while the photo travelled
    status, answer = phone.upload(server.intake.pairing.key, synthetic_jpeg(31))
    assert (status, answer["error"]) == (503, "unavailable")
    assert "log in first" in str(answer["message"])
    assert server.intake.arrivals == []


def test_the_clinic_it_certificate_from_the_settings_is_served(
    workstation: Workstation, actor: Actor, patient: PatientSummary, tmp_path: Path
) -> None:
    cert_file, key_file = clinic_it_certificate(tmp_path, "it")
    settings = Settings(
        phone_port=0,
        phone_address="127.0.0.1",
        phone_cert_file=str(cert_file),
        phone_key_file=str(key_file),
    )
    server = start_pairing(
        workstation, actor, PairingTarget(patient.id), settings, bind="127.0.0.1"
    )
    try:
        client = PhoneClient(f"https://127.0.0.1:{server.port}", cert_file)  # trusts IT's only
        assert client.request("/static/phone.css")[0] == 200
        assert not (workstation.vault.folder / FOLDER).exists()  # no certificate of our own
    finally:
        server.close()
    missing = Settings(phone_cert_file=str(tmp_path / "gone.crt"), phone_key_file=str(key_file))
    with pytest.raises(PhoneServerUnavailable, match=r"gone\.crt does not exist"):
        start_pairing(workstation, actor, PairingTarget(patient.id), missing)


def test_without_sync_a_pairing_through_the_bucket_says_why_and_nothing_listens(
    workstation: Workstation, actor: Actor, patient: PatientSummary
) -> None:
    for route in (Route.BUCKET, Route.AUTO):
        settings = Settings(phone_port=0, phone_address="127.0.0.1")
        if route is Route.BUCKET:
            with pytest.raises(PhoneRelayNeedsSync, match="sync is not set up on this workstation"):
                start_pairing(workstation, actor, PairingTarget(patient.id), settings, route=route)
        else:  # no sync: "auto" stays on the clinic network, even on loopback
            link = start_pairing(
                workstation,
                actor,
                PairingTarget(patient.id),
                settings,
                route=route,
                bind="127.0.0.1",
            )
            try:
                assert isinstance(link, PhoneServer)
            finally:
                link.close()
