"""`vault verify`: every record and every image checks out, or each fault is named.

Checks SQLCipher page authentication and SQLite structure, that every photo's
three image objects exist, decrypt under the patient's key and match their
keyed content id (objects a PC joined with images on demand leaves in the clinic's
bucket are counted as `objects_in_bucket`, not checked), that no object lies on disk without a row, and that the
audit trail's chain is intact.

Built for a clinic group's vault (millions of photos): photos are walked a page of
patients at a time, so each patient's key is unwrapped once and only one page of
rows is held; the stray-object check keeps its ids in an encrypted scratch database
(`stray_objects`); and the report keeps the first `FAULTS_KEPT` fault lines plus a
count, so a vault with two million missing images does not fill the memory either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import anchors
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.blobs import blob_id_for, decrypt_blob
from pixiodoc_desktop.vault.schema import AuditEvent, Patient, Photo, SyncBlob
from pixiodoc_desktop.vault.stray_objects import StrayObjects

FAULTS_KEPT = 1_000  # fault lines a report holds; `fault_count` counts them all
DAMAGED_KEPT = 10_000  # damaged object ids held for `--repair`; `damaged_count` counts all
PATIENTS_PER_PAGE = 200
PHOTOS_PER_PARTITION = 1_000
_IN_LIST = 500  # ids per IN (...) query
IMAGE_KINDS = ("original", "thumbnail", "screen")

# (photos checked so far, photos in all, bytes of image objects read so far)
Progress = Callable[[int, int, int], None]


@dataclass(slots=True)
class VerifyReport:
    photos_checked: int = 0
    objects_checked: int = 0
    audit_events_checked: int = 0
    bytes_checked: int = 0
    # image objects a PC joined with images on demand leaves in the clinic's bucket until
    # shown: not on this disk, so not checked here (and not a fault)
    objects_in_bucket: int = 0
    # the first FAULTS_KEPT fault lines; fault_count says how many there were in all
    faults: list[str] = field(default_factory=list)
    # image objects missing or damaged here: `vault verify --repair` fetches them again
    damaged_objects: list[str] = field(default_factory=list)
    fault_count: int = 0
    damaged_count: int = 0

    def __post_init__(self) -> None:
        self.fault_count = max(self.fault_count, len(self.faults))
        self.damaged_count = max(self.damaged_count, len(self.damaged_objects))

    @property
    def ok(self) -> bool:
        return not self.faults and not self.fault_count

    @property
    def faults_not_listed(self) -> int:
        return self.fault_count - len(self.faults)

    def add_fault(self, fault: str) -> None:
        self.fault_count += 1
        if len(self.faults) < FAULTS_KEPT:
            self.faults.append(fault)

    def add_damaged(self, blob_id: str) -> None:
        self.damaged_count += 1
        if len(self.damaged_objects) < DAMAGED_KEPT:
            self.damaged_objects.append(blob_id)


def verify_vault(ws: Workstation, *, progress: Progress | None = None) -> VerifyReport:
    """Check everything; `progress` hears after every photo how far the walk has come."""
    vault = ws.vault
    report = VerifyReport()
    for fault in database.integrity_faults(vault.folder / database.DB_NAME, vault.keys.database):
        report.add_fault(fault)
    if report.faults:  # the records cannot be trusted (or even read) past a damaged page
        return report
    with vault.read_session() as session, StrayObjects(vault.folder, vault.blobs) as strays:
        _PhotoWalk(ws, session, report, strays, progress).run()
        report.audit_events_checked = session.scalar(select(func.count(AuditEvent.id))) or 0
        floors = {ws.device_id: ws.audit_floor()}
        for chain_fault in audit.verify_chain(session, vault.keys.audit, floors=floors):
            report.add_fault(str(chain_fault))
        for anchor_fault in anchors.faults(session, vault.keys.audit):
            report.add_fault(str(anchor_fault))
        for blob in strays.remaining():
            report.add_fault(f"image object {blob[:12]} on disk belongs to no photo")
    return report


class _PhotoWalk:
    """Every photo, a page of patients at a time (each patient's key unwrapped once),
    each object read and checked once."""

    def __init__(
        self,
        ws: Workstation,
        session: Session,
        report: VerifyReport,
        strays: StrayObjects,
        progress: Progress | None,
    ) -> None:
        self.ws = ws
        self.session = session
        self.report = report
        self.strays = strays
        self.progress = progress
        self.total = 0
        self.last_told: tuple[int, int, int] | None = None

    def run(self) -> None:
        self.total = self.session.scalar(select(func.count(Photo.id))) or 0
        current: str | None = None
        key: bytes | None = None
        for patient_ids in self._patient_pages():
            # Ordered by patient alone, SQLite reads the patient index in order and
            # streams; rows arrive a partition at a time, never a whole page at once.
            result = self.session.execute(
                select(
                    Photo.id,
                    Photo.patient_id,
                    Photo.blob_id,
                    Photo.thumbnail_blob_id,
                    Photo.screen_blob_id,
                )
                .where(Photo.patient_id.in_(patient_ids))
                .order_by(Photo.patient_id)
                .execution_options(yield_per=PHOTOS_PER_PARTITION)
            )
            for rows in result.partitions():
                page_blobs = [blob for row in rows for blob in row[2:]]
                self.strays.claim(page_blobs)
                in_cloud = self._in_cloud(page_blobs)
                for photo_id, patient_id, *blobs in rows:
                    if patient_id != current:
                        current, key = patient_id, self._patient_key(patient_id)
                    self._check_photo(photo_id, patient_id, blobs, key, in_cloud)
        done = self.report.photos_checked
        self._tell(done, done)

    def _patient_pages(self) -> Iterator[list[str]]:
        """Patient ids in keyset pages (id order), never all of them at once."""
        last = ""
        while ids := list(
            self.session.scalars(
                select(Patient.id)
                .where(Patient.id > last)
                .order_by(Patient.id)
                .limit(PATIENTS_PER_PAGE)
            )
        ):
            yield ids
            last = ids[-1]

    def _in_cloud(self, blobs: Sequence[str]) -> set[str]:
        """Full images that sync leaves in the cloud until first opened (on-demand setting)."""
        found: set[str] = set()
        for start in range(0, len(blobs), _IN_LIST):
            chunk = blobs[start : start + _IN_LIST]
            found.update(
                self.session.scalars(
                    select(SyncBlob.blob_id).where(
                        SyncBlob.state == "remote", SyncBlob.blob_id.in_(chunk)
                    )
                )
            )
        return found

    def _patient_key(self, patient_id: str) -> bytes | None:
        try:
            return self.ws.vault.patient_key(self.session, patient_id)
        except PixioDocError as exc:
            self.report.add_fault(f"patient {patient_id}: {exc.message}")
            return None

    def _check_photo(
        self,
        photo_id: str,
        patient_id: str,
        blobs: Sequence[str],
        key: bytes | None,
        in_cloud: set[str],
    ) -> None:
        report = self.report
        report.photos_checked += 1
        for kind, blob in zip(IMAGE_KINDS, blobs, strict=True):
            if key is None:
                continue
            if blob in in_cloud and not self.ws.vault.blobs.exists(blob):
                report.objects_in_bucket += 1
                continue
            report.objects_checked += 1
            fault = self._check_blob(blob, patient_id, key)
            if fault:
                report.add_damaged(blob)
                report.add_fault(
                    f"photo {photo_id} of patient {patient_id} ({kind} image): {fault}"
                )
        self._tell(report.photos_checked, max(self.total, report.photos_checked))

    def _check_blob(self, blob: str, patient_id: str, key: bytes) -> str | None:
        blobs = self.ws.vault.blobs
        try:
            raw = blobs.read_raw(blob)
            self.report.bytes_checked += len(raw)
            data = decrypt_blob(blob, raw, key)
        except PixioDocError as exc:
            return exc.message
        if blob_id_for(self.ws.vault.keys.blob_id, patient_id, data) != blob:
            return f"image object {blob[:12]} does not match its content id"
        return None

    def _tell(self, done: int, total: int) -> None:
        told = (done, total, self.report.bytes_checked)
        if self.progress is not None and told != self.last_told:
            self.last_told = told
            self.progress(*told)
