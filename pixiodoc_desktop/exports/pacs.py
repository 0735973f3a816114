"""Sending DICOM objects to the clinic's PACS: DICOM C-STORE and DICOMweb STOW-RS.

The PACS is a clinic-wide setting of the vault (its AE title, host, port,
our own AE title, and a DICOMweb URL), set by a workspace Admin. Failures
come back as `PacsError`s that say what to check: the PACS is unreachable,
rejected the association (usually an AE title it does not know), refused an
object, or answered a web request with an HTTP error.
"""

from __future__ import annotations

import json
import secrets
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import (
    AssociationRejected,
    InvalidInput,
    PacsError,
    PacsNotConfigured,
    PacsUnreachable,
    PermissionDenied,
    StoreRefused,
)
from pixiodoc_desktop.exports.records import audit_export, load_record
from pixiodoc_desktop.vault.schema import Setting

if TYPE_CHECKING:
    from pynetdicom import AE

    from pixiodoc_desktop.exports.dicom import DicomObject

PACS_SETTING = "pacs"
_JPEG_BASELINE = "1.2.840.10008.1.2.4.50"
_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class PacsSettings:
    ae_title: str  # the PACS's
    host: str
    port: int
    our_ae_title: str = "PIXIODOC"
    dicomweb_url: str | None = None  # e.g. https://pacs.example/dicom-web


def check_ae(title: str, what: str) -> str:
    cleaned = title.strip()
    if not 1 <= len(cleaned) <= 16 or not cleaned.isascii() or "\\" in cleaned:
        raise InvalidInput(f"The {what} has 1-16 plain characters (e.g. ORTHANC, PIXIODOC)")
    return cleaned


def check_settings(settings: PacsSettings) -> PacsSettings:
    if not settings.host.strip():
        raise InvalidInput("The PACS host is required (a name or an IP address)")
    if not 1 <= settings.port <= 65535:
        raise InvalidInput("The PACS port is a number from 1 to 65535 (often 104 or 4242)")
    url = (settings.dicomweb_url or "").strip().rstrip("/") or None
    if url is not None and not url.startswith(("http://", "https://")):
        raise InvalidInput("The DICOMweb URL starts with https:// (or http:// on a local network)")
    return PacsSettings(
        ae_title=check_ae(settings.ae_title, "PACS's AE title"),
        host=settings.host.strip(),
        port=settings.port,
        our_ae_title=check_ae(settings.our_ae_title, "workstation's AE title"),
        dicomweb_url=url,
    )


def load_settings(ws: Workstation) -> PacsSettings:
    value = ws.vault.setting(PACS_SETTING)
    if not value:
        raise PacsNotConfigured(
            "No PACS is set up; an Admin sets one with `pixiodoc pacs configure`."
        )
    data: dict[str, Any] = json.loads(value)
    return PacsSettings(**data)


def configure(ws: Workstation, actor: Actor, settings: PacsSettings) -> PacsSettings:
    """Store the clinic's PACS (workspace Admins only); audited as a setting change."""
    if not actor.is_workspace_admin:
        raise PermissionDenied("Only a workspace Admin may set up the PACS.")
    checked = check_settings(settings)
    with ws.unit_of_work(actor) as uow:
        _put_setting(uow, PACS_SETTING, json.dumps(asdict(checked)))
        uow.audit(
            audit.EventDraft(
                audit.EventType.SECURITY_SETTING_CHANGED,
                actor.user_id,
                details={"setting": "pacs", "host": checked.host, "port": checked.port},
            )
        )
    return checked


def _put_setting(uow: UnitOfWork, key: str, value: str) -> None:
    row = uow.session.get(Setting, key)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value


# --- DICOM network ------------------------------------------------------------------


def _ae(settings: PacsSettings) -> AE:
    # pynetdicom (and pydicom) load on the first DICOM network use, not with the
    # settings: the workstation's start does not need them.
    from pynetdicom import AE

    ae = AE(ae_title=settings.our_ae_title)
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = _TIMEOUT
    ae.connection_timeout = _TIMEOUT
    return ae


def _reachable(settings: PacsSettings) -> None:
    """Raise PacsUnreachable unless something accepts TCP connections at host:port.

    Checked before pynetdicom connects: it leaves the socket of a refused
    connection open, and its own message says less.
    """
    try:
        with socket.create_connection((settings.host, settings.port), timeout=_TIMEOUT):
            pass
    except OSError as exc:
        raise PacsUnreachable(
            f"The PACS at {settings.host}:{settings.port} cannot be reached "
            f"({exc.strerror or exc}); check host, port, network and firewall."
        ) from None


def _associate(ae: AE, settings: PacsSettings) -> Any:
    _reachable(settings)
    for attempt in range(2):
        try:
            assoc = ae.associate(settings.host, settings.port, ae_title=settings.ae_title)
        except OSError as exc:
            raise PacsUnreachable(
                f"The PACS at {settings.host}:{settings.port} cannot be reached "
                f"({exc.strerror or exc})"
            ) from None
        if assoc.is_established or assoc.is_rejected:
            break
        # Aborted or timed out while negotiating (a busy PACS): one more try.
        if attempt == 0:
            time.sleep(0.5)
    if assoc.is_established:
        return assoc
    if assoc.is_rejected:
        raise AssociationRejected(
            f"The PACS {settings.ae_title} at {settings.host}:{settings.port} rejected the "
            f"connection from {settings.our_ae_title}; check that the PACS knows this AE title "
            "and that the called AE title is right."
        )
    raise PacsUnreachable(
        f"The PACS at {settings.host}:{settings.port} does not answer; check host, port, "
        "network and firewall."
    )


def echo(settings: PacsSettings) -> None:
    """C-ECHO: raise a PacsError unless the PACS answers."""
    ae = _ae(settings)
    from pynetdicom.sop_class import Verification  # type: ignore[attr-defined]

    ae.add_requested_context(Verification)
    assoc = _associate(ae, settings)
    try:
        status = assoc.send_c_echo()
    finally:
        assoc.release()
    if not status or status.Status != 0:
        raise PacsError(f"The PACS {settings.ae_title} answered the echo with a failure")


def c_store(settings: PacsSettings, objects: Sequence[DicomObject]) -> int:
    """Send the objects by C-STORE; returns how many the PACS took."""
    ae = _ae(settings)
    from pynetdicom import build_context

    from pixiodoc_desktop.exports.dicom import STORAGE_CLASSES

    ae.requested_contexts = [build_context(c, [_JPEG_BASELINE]) for c in STORAGE_CLASSES]
    assoc = _associate(ae, settings)
    refused: list[str] = []
    try:
        for obj in objects:
            try:
                status = assoc.send_c_store(obj.dataset)
            except ValueError:  # no accepted context for this SOP class + JPEG baseline
                refused.append(f"{obj.dataset.SOPClassUID.name}: not accepted as JPEG")
                continue
            code = int(status.Status) if status else -1
            if code not in (0x0000, 0xB000, 0xB007, 0xB006):  # success or warnings
                refused.append(f"status 0x{code:04X}" if code >= 0 else "no answer")
    finally:
        if assoc.is_established:
            assoc.release()
    if refused:
        raise StoreRefused(
            f"The PACS refused {len(refused)} of {len(objects)} images ({refused[0]})"
        )
    return len(objects)


# --- DICOMweb -----------------------------------------------------------------------


def stow_rs(settings: PacsSettings, objects: Sequence[DicomObject]) -> int:
    """POST the objects to {dicomweb_url}/studies as one multipart/related request."""
    if not settings.dicomweb_url:
        raise PacsNotConfigured("No DICOMweb URL is set up for the PACS")
    boundary = f"pixiodoc-{secrets.token_hex(12)}"
    parts: list[bytes] = []
    for obj in objects:
        parts.append(
            f"--{boundary}\r\nContent-Type: application/dicom\r\n\r\n".encode() + obj.encode()
        )
    body = b"\r\n".join(parts) + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(  # noqa: S310 - the URL scheme is checked in check_settings
        f"{settings.dicomweb_url}/studies",
        data=body,
        method="POST",
        headers={
            "Content-Type": f'multipart/related; type="application/dicom"; boundary={boundary}',
            "Accept": "application/dicom+json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:  # noqa: S310
            answer = response.read()
    except urllib.error.HTTPError as exc:
        raise StoreRefused(
            f"The PACS's DICOMweb service answered HTTP {exc.code} ({exc.reason}) to the upload"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PacsUnreachable(
            f"The DICOMweb service at {settings.dicomweb_url} cannot be reached ({reason})"
        ) from None
    failed = _stow_failures(answer)
    if failed:
        raise StoreRefused(f"The PACS refused {failed} of {len(objects)} images (STOW-RS)")
    return len(objects)


def check_dicomweb(settings: PacsSettings) -> None:
    """Ask the DICOMweb service for one study (QIDO-RS): raise a PacsError unless it answers."""
    if not settings.dicomweb_url:
        raise PacsNotConfigured("No DICOMweb URL is set up for the PACS")
    request = urllib.request.Request(  # noqa: S310 - the URL scheme is checked in check_settings
        f"{settings.dicomweb_url}/studies?limit=1", headers={"Accept": "application/dicom+json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError as exc:
        raise PacsError(
            f"The DICOMweb service at {settings.dicomweb_url} answered HTTP {exc.code} ({exc.reason})"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PacsUnreachable(
            f"The DICOMweb service at {settings.dicomweb_url} cannot be reached ({reason})"
        ) from None


def _stow_failures(answer: bytes) -> int:
    """How many instances the STOW-RS response lists as failed (Failed SOP Sequence)."""
    if not answer.strip():
        return 0
    try:
        data = json.loads(answer)
    except ValueError:
        return 0
    failed = data.get("00081198", {}).get("Value", []) if isinstance(data, dict) else []
    return len(failed)


# --- the service ----------------------------------------------------------------------


def send_to_pacs(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    *,
    visit_ids: Sequence[str] = (),
    method: str = "c-store",
    magnifications: Mapping[str, float] | None = None,
) -> int:
    """Export the patient's photos (or the chosen visits') to the PACS; audited either way."""
    if method not in ("c-store", "stow-rs"):
        raise InvalidInput("Send by c-store or stow-rs")
    settings = load_settings(ws)
    record = load_record(ws, actor, patient_id, visit_ids)
    from pixiodoc_desktop.exports.dicom import build_objects

    objects = build_objects(ws, actor, record, magnifications)
    details: dict[str, object] = {
        "format": "DICOM",
        "destination": "PACS (DICOMweb STOW-RS)" if method == "stow-rs" else "PACS (C-STORE)",
        "studies": len(record.visits),
        "instances": len(objects),
    }
    try:
        sent = stow_rs(settings, objects) if method == "stow-rs" else c_store(settings, objects)
    except PacsError as exc:
        audit_export(
            ws,
            actor,
            patient_id,
            details | {"error": type(exc).__name__},
            outcome=audit.Outcome.FAILURE,
        )
        raise
    audit_export(ws, actor, patient_id, details)
    return sent
