"""Exports on a PC with images on demand: first fetch the image objects the export reads.

A PC that joined its clinic with images on demand keeps thumbnails, screen images and
originals in the clinic's bucket until they are shown. Every export (PDF report, DICOM,
the patient's data, a case bundle, a secure link) calls `fetch_for_export` before it
writes anything: it fetches exactly the objects of the photos in the export, of the sizes
that export reads, a few at once. When one cannot be fetched (offline, missing or damaged
in the bucket) it audits a failed DATA_EXPORTED and raises `ExportImageNotFetched`, which
names the photo by its patient's MRN and visit date; nothing is written. On a PC that
holds every image this is one small query.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from enum import Enum

from sqlalchemy import select

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.photos import ImageSize
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import ExportImageNotFetched, PixioDocError, SyncImageMissing
from pixiodoc_desktop.exports.records import audit_export
from pixiodoc_desktop.sync.ondemand import ensure_local
from pixiodoc_desktop.sync.pull import Progress
from pixiodoc_desktop.sync.settings import store_settings
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import Patient, Photo, SyncBlob, Visit

OFFLINE = "the clinic's bucket cannot be reached (is this PC offline?)"
MISSING = "it is missing there or damaged"


class Export(Enum):
    """An export and the image sizes it reads."""

    PDF_REPORT = ("pdf", (ImageSize.SCREEN,))
    DICOM = ("dicom", (ImageSize.ORIGINAL,))
    PATIENT_DATA = ("patient_data", (ImageSize.THUMBNAIL, ImageSize.ORIGINAL))
    CASE_BUNDLE = ("case_bundle", (ImageSize.ORIGINAL, ImageSize.THUMBNAIL, ImageSize.SCREEN))
    SHARE_LINK = ("share_link", (ImageSize.SCREEN, ImageSize.THUMBNAIL))
    PHOTO = ("photo", (ImageSize.ORIGINAL,))  # one stored image written to a file
    HANDOUT = ("comparison_handout", (ImageSize.SCREEN,))

    @property
    def sizes(self) -> tuple[ImageSize, ...]:
        sizes: tuple[ImageSize, ...] = self.value[1]
        return sizes

    @property
    def format(self) -> str:
        name: str = self.value[0]
        return name


def _columns(sizes: Collection[ImageSize]) -> list[str]:
    by_size = {
        ImageSize.THUMBNAIL: "thumbnail_blob_id",
        ImageSize.SCREEN: "screen_blob_id",
        ImageSize.ORIGINAL: "blob_id",
    }
    return [by_size[size] for size in sizes]


def in_bucket(
    ws: Workstation,
    patient_id: str,
    sizes: Collection[ImageSize],
    *,
    visit_ids: Sequence[str] = (),
    photo_ids: Collection[str] | None = None,
    lesion_id: str | None = None,
) -> dict[str, str]:
    """{object id: photo id} of the export's images that are left in the bucket."""
    query = select(Photo).where(Photo.patient_id == patient_id, Photo.deleted.is_(False))
    if lesion_id is not None:
        query = query.where(Photo.lesion_id == lesion_id)
    if visit_ids:
        query = query.where(Photo.visit_id.in_(list(visit_ids)))
    if photo_ids is not None:
        query = query.where(Photo.id.in_(list(photo_ids)))
    with ws.read_session() as session:
        wanted: dict[str, str] = {}
        for photo in session.scalars(query):
            for column in _columns(sizes):
                wanted[getattr(photo, column)] = photo.id
        if not wanted:
            return {}
        left = set(
            session.scalars(
                select(SyncBlob.blob_id).where(
                    SyncBlob.blob_id.in_(list(wanted)), SyncBlob.state != "uploaded"
                )
            )
        )
    return {blob: photo for blob, photo in wanted.items() if blob in left}


def patient_of_photo(ws: Workstation, photo_id: str) -> str | None:
    with ws.read_session() as session:
        return session.scalar(select(Photo.patient_id).where(Photo.id == photo_id))


def _named(ws: Workstation, photo_id: str) -> tuple[str, str]:
    """(MRN, visit date) of a photo; the patient's family name when there is no MRN."""
    with ws.read_session() as session:
        row = session.execute(
            select(Patient.external_id, Patient.family_name, Visit.visit_date)
            .join(Photo, Photo.patient_id == Patient.id)
            .join(Visit, Visit.id == Photo.visit_id)
            .where(Photo.id == photo_id)
        ).one()
    return (row[0] or row[1]), row[2].isoformat()


def fetch_for_export(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    export: Export,
    *,
    visit_ids: Sequence[str] = (),
    photo_ids: Collection[str] | None = None,
    lesion_id: str | None = None,
    store: ObjectStore | None = None,
    progress: Progress | None = None,
) -> int:
    """Fetch the export's images still in the clinic's bucket; how many were wanted.

    Raises `ExportImageNotFetched` (audited as a failed export) when one cannot be
    fetched; call it before the export writes anything."""
    wanted = in_bucket(
        ws,
        patient_id,
        export.sizes,
        visit_ids=visit_ids,
        photo_ids=photo_ids,
        lesion_id=lesion_id,
    )
    if not wanted:
        return 0
    failed: dict[str, PixioDocError]
    try:
        store = store or ObjectStore(store_settings(ws.vault))
        failed = ensure_local(ws, store, list(wanted), progress)
    except PixioDocError as exc:  # no bucket set up, or it refused us
        failed = {next(iter(wanted)): exc}
    if not failed:
        return len(wanted)
    blob, error = next(iter(failed.items()))
    reason = MISSING if isinstance(error, SyncImageMissing) else OFFLINE
    audit_export(
        ws,
        actor,
        patient_id,
        {
            "format": export.format,
            "error": type(error).__name__,
            "images_not_fetched": len(failed),
        },
        outcome=audit.Outcome.FAILURE,
    )
    mrn, visit_date = _named(ws, wanted[blob])
    raise ExportImageNotFetched(mrn, visit_date, reason) from error
