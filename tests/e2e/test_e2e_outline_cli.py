"""`pixiodoc photo outline`: the automatic lesion outline of a stored, calibrated close-up,
as clinic IT or a script runs it (a subprocess on a real vault): the measurements of a
naevus of known geometry, a PHOTO_VIEWED audit event, and one clear line with exit 1 when
no honest outline can be given."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest
from vault_support import LOGIN, PASSWORD, CliRunner, create_vault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.demo.close_up import close_up, plain_skin
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"


def _jpeg(pixels: object) -> bytes:
    ok, data = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, 95])  # type: ignore[call-overload]
    assert ok
    return bytes(data)


def test_outline_of_stored_photos(cli: CliRunner, tmp_path: Path) -> None:
    made = create_vault(tmp_path / "clinic-vault")
    known = close_up(5, size=(1200, 900), hairs=3)
    ws, actor = log_in(Vault.open(made.folder), LOGIN, PASSWORD)
    try:
        patient = Patients(ws).create(actor, family_name="Lange", given_name="Eva").id
        photos = Photos(ws)

        def add(data: bytes, name: str, calibration: float | None) -> str:
            context = CaptureContext(
                patient_id=patient,
                body_site="upper-back",
                modality="dermoscopy-polarised",
                calibration_px_per_mm=calibration,
            )
            return photos.ingest(actor, data, context, source_name=name).photo.id

        naevus = add(_jpeg(known.image), "naevus.jpg", known.px_per_mm)
        skin = add(_jpeg(plain_skin(2, 2, (1200, 900))), "skin.jpg", known.px_per_mm)
        uncalibrated = add(_jpeg(close_up(6, size=(1200, 900)).image), "raw.jpg", None)
    finally:
        lock(ws, actor, logged_out=True)
    base = ("--vault", made.folder, "--user", LOGIN, "--password-stdin")

    done = cli("photo", "outline", *base, "--photo", naevus, "--json", stdin=PW)
    assert done.code == 0, done.output
    measured = json.loads(done.stdout)
    assert measured["area_mm2"] == pytest.approx(known.area_mm2, rel=0.05)
    assert measured["diameter_mm"] == pytest.approx(known.diameter_mm, abs=0.3)
    assert len(measured["outline"]) >= 8
    text = cli("photo", "outline", *base, "--photo", naevus, stdin=PW)
    assert text.code == 0 and text.stdout.startswith("area ") and "mm²" in text.stdout

    refused = cli("photo", "outline", *base, "--photo", skin, stdin=PW)
    assert refused.code == 1
    assert "No lesion stands out from the skin in this photo" in refused.stderr
    assert "Traceback" not in refused.output
    missing = cli("photo", "outline", *base, "--photo", uncalibrated, stdin=PW)
    assert missing.code == 1 and "no calibration" in missing.stderr

    events = json.loads(cli("audit", "list", *base, "--json", "--limit", "200", stdin=PW).stdout)
    viewed = [
        e for e in events if e["event"] == "PHOTO_VIEWED" and e["object"] == f"photo:{naevus}"
    ]
    assert len(viewed) == 2
