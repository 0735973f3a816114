"""`pixiodoc --self-check`: does this installation work, end to end, on this machine?

Clinic IT runs it after installing (and the packaging test runs it in the frozen
bundle): it creates a throw-away vault in a temporary folder, ingests a generated
photo through the one ingest path, verifies the vault (SQLCipher, Alembic
migrations, encryption, audit chain), starts Qt offscreen with the bundled forms,
theme, icons and translation, and removes the folder again. Nothing is left
behind: no vault, no log file, no settings.
"""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from pixiodoc_desktop import __version__
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.consent import Consents
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.clinic.records.vocabulary import ConsentScope, Modality
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault

EXIT_OK = 0
EXIT_FAIL = 1


class SelfCheckFailed(PixioDocError):
    """One step of the self-check did not work; the message says which and why."""


def generated_photo() -> bytes:
    """A 640x480 JPEG of a skin-toned gradient with a darker spot, made in memory."""
    rows, cols = np.mgrid[0:480, 0:640]
    image = np.empty((480, 640, 3), np.uint8)
    image[..., 0] = 120 + rows // 8  # BGR
    image[..., 1] = 150 + cols // 16
    image[..., 2] = 200 + (rows + cols) // 40
    cv2.circle(image, (320, 240), 40, (60, 70, 110), -1)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise SelfCheckFailed("OpenCV could not encode a JPEG")
    return bytes(encoded.tobytes())


def vault_check(folder: Path) -> str:
    """Create a vault in `folder`, ingest one photo, verify; a one-line summary."""
    password = "Self-check " + secrets.token_urlsafe(18)
    vault, _recovery = Vault.create(
        folder,
        clinic_name="PixioDoc self-check",
        admin_login="selfcheck",
        admin_name="Self Check",
        password=password,
        kdf=MINIMUM_KDF,
    )
    vault.lock()
    ws, actor = log_in(vault, "selfcheck", password)
    try:
        patient = Patients(ws).create(actor, family_name="Check", given_name="Self")
        Consents(ws).record(actor, patient.id, scope=ConsentScope.CLINICAL, granted=True)
        Photos(ws).ingest(
            actor,
            generated_photo(),
            CaptureContext(
                patient_id=patient.id,
                visit_date=dt.date.today(),
                body_site="cheek-left",
                modality=Modality.CLINICAL_OVERVIEW,
            ),
            source_name="self-check.jpg",
        )
        report = verify_vault(ws)
    finally:
        lock(ws, actor, logged_out=True)
    if not report.ok:
        raise SelfCheckFailed("The vault check failed: " + "; ".join(report.faults))
    if report.photos_checked != 1:
        raise SelfCheckFailed(f"The vault check saw {report.photos_checked} photos, expected 1")
    return (
        f"1 photo ingested, {report.objects_checked} image objects and "
        f"{report.audit_events_checked} audit events verified"
    )


def run(out: Callable[[str], None], *, qt_check: Callable[[], str]) -> int:
    """Run every step, print one line per step; 0 when all pass, else 1 with the reason.

    `qt_check` is the GUI's own step (Qt offscreen with the bundled forms, theme,
    icons and translation); the composition root passes it in, since nothing
    below `gui/` may import it.
    """
    out(f"PixioDoc Desktop {__version__} self-check")
    steps: list[tuple[str, Callable[[], str]]] = []
    with tempfile.TemporaryDirectory(prefix="pixiodoc-self-check-") as temp:
        steps = [("vault", lambda: vault_check(Path(temp) / "vault")), ("qt", qt_check)]
        for name, step in steps:
            started = time.perf_counter()
            try:
                summary = step()
            except PixioDocError as exc:
                out(f"  {name}: FAILED - {exc.message}")
                return EXIT_FAIL
            except Exception as exc:  # noqa: BLE001 - a broken install shows up as anything
                out(f"  {name}: FAILED - {type(exc).__name__}: {exc}")
                return EXIT_FAIL
            out(f"  {name}: ok ({summary}; {time.perf_counter() - started:.1f} s)")
    out("OK")
    return EXIT_OK
