"""What every export reads: one patient's record, checked and gathered once.

Exports take the record's Admin grant (Action.EXPORT). A refusal is audited
as a denied DATA_EXPORTED; a finished export is audited by the caller with
its format and destination, never with patient data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PIL import Image as PILImage
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.body_series import BodySeriesProtocol
from pixiodoc_desktop.clinic.records.consent import ConsentDecision, Consents
from pixiodoc_desktop.clinic.records.patients import Patients, PatientSummary
from pixiodoc_desktop.clinic.records.photos import ImageSize, Photos, PhotoSummary
from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinionSummary, of_patient
from pixiodoc_desktop.clinic.records.visits import Lesions, LesionSummary, Visits, VisitSummary
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.durable import PRIVATE_MODE, fsync_folder, temp_name_for
from pixiodoc_desktop.vault.schema import AuditEvent, Setting

LOGO_SETTING = "report.logo"  # hex of a PNG or JPEG shown in report headers


@dataclass(frozen=True, slots=True)
class PatientRecord:
    """A patient's record as an export sees it (plain values, no ORM objects)."""

    clinic_name: str
    patient: PatientSummary
    visits: tuple[VisitSummary, ...]  # oldest first
    photos: tuple[PhotoSummary, ...]  # in visit order, then capture time
    lesions: tuple[LesionSummary, ...]
    consents: tuple[ConsentDecision, ...]
    opinions: tuple[SecondOpinionSummary, ...] = ()  # second opinions, newest first
    series_names: tuple[tuple[str, str], ...] = ()  # (pose, the clinic's own name for it)

    def visit(self, visit_id: str) -> VisitSummary:
        for visit in self.visits:
            if visit.id == visit_id:
                return visit
        raise RecordNotFound(f"There is no visit {visit_id} for this patient")

    def lesion(self, lesion_id: str | None) -> LesionSummary | None:
        return next((x for x in self.lesions if x.id == lesion_id), None)

    def photos_of(self, visit_id: str) -> list[PhotoSummary]:
        return [p for p in self.photos if p.visit_id == visit_id]


@dataclass(frozen=True, slots=True)
class ReportFigure:
    """One picture in a report with its caption lines (a photo, or one side of a comparison)."""

    image: bytes
    caption: tuple[str, ...]
    visit_id: str


def require_export(ws: Workstation, actor: Actor, patient_id: str) -> None:
    """Raise (and audit) unless `actor` may export the patient's data."""
    with ws.read_session() as session:
        require_audited(ws, session, actor, patient_id, Action.EXPORT)


def load_record(
    ws: Workstation, actor: Actor, patient_id: str, visit_ids: Sequence[str] = ()
) -> PatientRecord:
    """The patient's record (only the chosen visits, when some are given)."""
    require_export(ws, actor, patient_id)
    patient = Patients(ws).get(actor, patient_id, audited=False)
    visits = sorted(Visits(ws).list(actor, patient_id), key=lambda v: (v.visit_date, v.id))
    if visit_ids:
        known = {v.id for v in visits}
        for wanted in visit_ids:
            if wanted not in known:
                raise RecordNotFound(f"There is no visit {wanted} for this patient")
        visits = [v for v in visits if v.id in set(visit_ids)]
    order = {v.id: i for i, v in enumerate(visits)}
    photos = sorted(
        (p for p in Photos(ws).list(actor, patient_id) if p.visit_id in order),
        key=lambda p: (order[p.visit_id], p.captured_at is None, p.captured_at or 0, p.id),
    )
    return PatientRecord(
        clinic_name=ws.vault.setting("clinic_name") or "",
        patient=patient,
        visits=tuple(visits),
        photos=tuple(photos),
        lesions=tuple(Lesions(ws).list(actor, patient_id)),
        consents=tuple(Consents(ws).current(actor, patient_id).values()),
        opinions=_opinions(ws, patient_id, [v.id for v in visits] if visit_ids else None),
        series_names=tuple((p.code, p.name) for p in BodySeriesProtocol(ws).protocol() if p.name),
    )


def _opinions(
    ws: Workstation, patient_id: str, visit_ids: list[str] | None
) -> tuple[SecondOpinionSummary, ...]:
    """The record's second opinions (those on the chosen visits, when visits were chosen)."""
    with ws.read_session() as session:
        opinions = of_patient(session, patient_id)
    if visit_ids is None:
        return opinions
    return tuple(o for o in opinions if o.visit_id in visit_ids)


def original_image(ws: Workstation, actor: Actor, photo_id: str) -> bytes:
    """The stored image (decrypted in memory only; the export itself is audited once)."""
    return Photos(ws).image(actor, photo_id, ImageSize.ORIGINAL, audited=False)


def screen_image(ws: Workstation, actor: Actor, photo_id: str) -> bytes:
    return Photos(ws).image(actor, photo_id, ImageSize.SCREEN, audited=False)


def report_logo(ws: Workstation) -> bytes | None:
    value = ws.vault.setting(LOGO_SETTING)
    if not value:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


_MAX_LOGO_BYTES = 1024 * 1024


def set_report_logo(ws: Workstation, actor: Actor, data: bytes | None) -> None:
    """Set (PNG or JPEG bytes) or clear (None) the logo in report headers; workspace Admins."""
    if not actor.is_workspace_admin:
        raise PermissionDenied("Only a workspace Admin may change the clinic's logo.")
    if data is not None:
        if len(data) > _MAX_LOGO_BYTES:
            raise InvalidInput("The logo is larger than 1 MB; use a smaller PNG or JPEG")
        try:
            with PILImage.open(io.BytesIO(data)) as image:
                if image.format not in ("PNG", "JPEG") or image.width * image.height > 16_000_000:
                    raise InvalidInput("The logo must be a PNG or JPEG of reasonable size")
                image.load()
        except (OSError, PILImage.DecompressionBombError):
            raise InvalidInput("The logo file is not a readable PNG or JPEG") from None
    with ws.unit_of_work(actor) as uow:
        row = uow.session.get(Setting, LOGO_SETTING)
        if data is None:
            if row is not None:
                uow.session.delete(row)
        elif row is None:
            uow.session.add(Setting(key=LOGO_SETTING, value=data.hex()))
        else:
            row.value = data.hex()


def audit_export(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    details: dict[str, object],
    *,
    outcome: audit.Outcome = audit.Outcome.SUCCESS,
) -> None:
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.DATA_EXPORTED,
            actor.user_id,
            patient_id=patient_id,
            object_type="patient",
            object_id=patient_id,
            outcome=outcome,
            details=dict(details),
        )
    )


@dataclass(frozen=True, slots=True)
class PriorExport:
    """Where a patient's data went in the clear: erasure cannot reach these copies."""

    at: dt.datetime
    format: str
    destination: str


def prior_exports(ws: Workstation, patient_id: str) -> list[PriorExport]:
    """The patient's successful exports, oldest first, from the audit trail (ids only).

    Shown before and after erasure so that the clinic can ask the PACS, the
    colleague or the patient to delete the copies that left the vault.
    """
    with ws.read_session() as session:
        rows = session.execute(
            select(AuditEvent.at, AuditEvent.details)
            .where(
                AuditEvent.patient_id == patient_id,
                AuditEvent.event_type == audit.EventType.DATA_EXPORTED,
                AuditEvent.outcome == audit.Outcome.SUCCESS,
            )
            .order_by(AuditEvent.at)
        ).all()
    return [
        PriorExport(
            at,
            str((details or {}).get("format", "")),
            str((details or {}).get("destination", "file")),
        )
        for at, details in rows
    ]


def check_target_file(target: Path) -> None:
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name to export to")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist")


@contextlib.contextmanager
def durable_file(target: Path) -> Iterator[IO[bytes]]:
    """Write `target` through a temp name in its folder: fsync, rename, fsync the folder.

    Created 0600 like the vault's own files (patient data: not for every account on
    the PC). On any failure the temp file is removed and `target` is left as it was.
    """
    check_target_file(target)
    temp = temp_name_for(target)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(temp, flags, PRIVATE_MODE), "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
