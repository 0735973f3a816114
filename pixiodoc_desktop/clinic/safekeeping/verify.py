"""`vault verify`: every record and every image checks out, or each fault is named.

Checks SQLCipher page authentication and SQLite structure, that every photo's
three image objects exist, decrypt under the patient's key and match their
keyed content id, that no object lies on disk without a row, and that the
audit trail's chain is intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from pixiodoc_desktop.clinic.audit import anchors
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.schema import AuditEvent, Photo, SyncBlob


@dataclass(slots=True)
class VerifyReport:
    photos_checked: int = 0
    objects_checked: int = 0
    audit_events_checked: int = 0
    faults: list[str] = field(default_factory=list)
    # image objects missing or damaged here: `vault verify --repair` fetches them again
    damaged_objects: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults


def verify_vault(ws: Workstation) -> VerifyReport:
    vault = ws.vault
    report = VerifyReport()
    report.faults.extend(
        database.integrity_faults(vault.folder / database.DB_NAME, vault.keys.database)
    )
    if report.faults:  # the records cannot be trusted (or even read) past a damaged page
        return report
    referenced: set[str] = set()
    keys: dict[str, bytes | None] = {}
    with vault.read_session() as session:
        photos = session.execute(
            select(
                Photo.id,
                Photo.patient_id,
                Photo.blob_id,
                Photo.thumbnail_blob_id,
                Photo.screen_blob_id,
            )
        ).all()
        # full images that sync leaves in the cloud until first opened (on-demand setting)
        in_cloud = set(session.scalars(select(SyncBlob.blob_id).where(SyncBlob.state == "remote")))
        for photo_id, patient_id, *blobs in photos:
            report.photos_checked += 1
            if patient_id not in keys:
                try:
                    keys[patient_id] = vault.patient_key(session, patient_id)
                except PixioDocError as exc:
                    keys[patient_id] = None
                    report.faults.append(f"patient {patient_id}: {exc.message}")
            key = keys[patient_id]
            for kind, blob in zip(("original", "thumbnail", "screen"), blobs, strict=True):
                referenced.add(blob)
                if key is None or (blob in in_cloud and not vault.blobs.exists(blob)):
                    continue
                report.objects_checked += 1
                fault = _check_blob(ws, blob, patient_id, key)
                if fault:
                    report.damaged_objects.append(blob)
                    report.faults.append(
                        f"photo {photo_id} of patient {patient_id} ({kind} image): {fault}"
                    )
        report.audit_events_checked = session.query(AuditEvent).count()
        floors = {ws.device_id: ws.audit_floor()}
        chain = audit.verify_chain(session, vault.keys.audit, floors=floors)
        report.faults.extend(str(f) for f in chain)
        report.faults.extend(str(f) for f in anchors.faults(session, vault.keys.audit))
    for blob in vault.blobs.ids():
        if blob not in referenced:
            report.faults.append(f"image object {blob[:12]} on disk belongs to no photo")
    return report


def _check_blob(ws: Workstation, blob: str, patient_id: str, key: bytes) -> str | None:
    try:
        data = ws.vault.blobs.get(blob, key)
    except PixioDocError as exc:
        return exc.message
    if blob_id_for(ws.vault.keys.blob_id, patient_id, data) != blob:
        return f"image object {blob[:12]} does not match its content id"
    return None
