"""Photos: the one ingest path, listing, reading and exporting images.

Files, cameras and the hot folder all end in `Photos.ingest`: the image is
prepared (type by content, bomb-safe decode, orientation, metadata
stripped, preview pyramid), its three objects are encrypted under the
patient's key and made durable, and only then is the row committed, with
its audit event, in one unit of work. Identical imports for a patient are
recognised by their keyed content id and not stored twice.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.body_sites import check_body_site
from pixiodoc_desktop.clinic.records.visits import Visits
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource, parse
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.imaging.prepare import PreparedImage, prepare_image
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.schema import Lesion, Patient, Photo, Visit


class ImageSize(StrEnum):
    THUMBNAIL = "thumbnail"
    SCREEN = "screen"
    ORIGINAL = "original"


@dataclass(frozen=True, slots=True)
class CaptureContext:
    """Where a new photo belongs and how it was taken."""

    patient_id: str
    visit_id: str | None = None
    visit_date: dt.date | None = None  # used when visit_id is None; default: capture date
    body_site: str | None = None
    lesion_id: str | None = None
    modality: str = Modality.CLINICAL_OVERVIEW
    contact: bool | None = None
    device: str | None = None
    calibration_px_per_mm: float | None = None
    magnification: float | None = None  # the scope's optical magnification (×)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PhotoSummary:
    id: str
    patient_id: str
    visit_id: str
    visit_date: dt.date
    lesion_id: str | None
    body_site: str | None
    modality: str
    contact: bool | None
    device: str | None
    captured_at: dt.datetime | None
    width: int
    height: int
    bit_depth: int
    media_type: str
    size_bytes: int
    source: str
    source_name: str
    tags: tuple[str, ...]
    calibration_px_per_mm: float | None
    notes: str
    blob_id: str
    magnification: float | None = None  # optical (×); None when not recorded


@dataclass(frozen=True, slots=True)
class IngestResult:
    photo: PhotoSummary
    duplicate: bool


def _summary(photo: Photo, visit_date: dt.date) -> PhotoSummary:
    return PhotoSummary(
        id=photo.id,
        patient_id=photo.patient_id,
        visit_id=photo.visit_id,
        visit_date=visit_date,
        lesion_id=photo.lesion_id,
        body_site=photo.body_site,
        modality=photo.modality,
        contact=photo.contact,
        device=photo.device,
        captured_at=photo.captured_at,
        width=photo.width,
        height=photo.height,
        bit_depth=photo.bit_depth,
        media_type=photo.media_type,
        size_bytes=photo.size_bytes,
        source=photo.source,
        source_name=photo.source_name,
        tags=tuple(photo.tags),
        calibration_px_per_mm=photo.calibration_px_per_mm,
        notes=photo.notes,
        blob_id=photo.blob_id,
        magnification=photo.magnification,
    )


def _magnification(value: float | None) -> float | None:
    """A stated optical magnification, or None; nonsense (0, negative, NaN) is refused."""
    if value is None:
        return None
    if not (math.isfinite(value) and value > 0):
        raise InvalidInput("The magnification must be a positive number")
    return float(value)


def _naive_local(value: dt.datetime | None) -> dt.datetime | None:
    """Capture times are stored as the camera's wall-clock time, without zone."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone().replace(tzinfo=None)


class Photos:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation
        self.visits = Visits(workstation)

    # --- ingest ----------------------------------------------------------------

    def check_can_add(self, actor: Actor, patient_id: str) -> None:
        """Fail fast (before any decoding) when the actor may not add photos."""
        with self.ws.read_session() as session:
            patient = session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            try:
                require(session, actor, patient_id, Action.EDIT, event=audit.EventType.PHOTO_ADDED)
            except AccessDenied as denied:
                self.ws.audit_alone(denied.draft)
                raise

    def ingest(
        self,
        actor: Actor,
        data: bytes,
        context: CaptureContext,
        *,
        source_name: str,
        source: PhotoSource = PhotoSource.IMPORT,
        prepared: PreparedImage | None = None,
        audit_details: Mapping[str, str] | None = None,
    ) -> IngestResult:
        """Take one image into the vault; returns the photo (or the existing duplicate).

        `audit_details` add context to the PHOTO_ADDED event (e.g. a phone's browser and OS).
        """
        modality = parse(Modality, context.modality, "modality")
        site = check_body_site(context.body_site)
        magnification = _magnification(context.magnification)
        image = prepared or prepare_image(data, source_name=source_name)
        vault = self.ws.vault
        ids = vault.keys.blob_id
        original_id = blob_id_for(ids, context.patient_id, image.stored)
        thumb_id = blob_id_for(ids, context.patient_id, image.thumbnail)
        screen_id = blob_id_for(ids, context.patient_id, image.screen)
        with locking.writing(vault.folder), self.ws.unit_of_work(actor) as uow:
            require(
                uow.session,
                actor,
                context.patient_id,
                Action.EDIT,
                event=audit.EventType.PHOTO_ADDED,
            )
            existing = uow.session.scalar(
                select(Photo).where(
                    Photo.patient_id == context.patient_id, Photo.blob_id == original_id
                )
            )
            if existing is not None and not existing.deleted:
                visit = uow.session.get(Visit, existing.visit_id)
                assert visit is not None
                return IngestResult(_summary(existing, visit.visit_date), duplicate=True)
            patient_key = vault.patient_key(uow.session, context.patient_id)
            if context.lesion_id is not None:
                lesion = uow.session.get(Lesion, context.lesion_id)
                if lesion is None or lesion.patient_id != context.patient_id:
                    raise InvalidInput("That lesion belongs to another patient")
                site = site or lesion.body_site
            visit_id, visit_date = self._visit_for(uow, actor, context, image)
            if existing is not None:  # re-importing a deleted photo brings it back
                uow.session.delete(existing)
                uow.session.flush()
            # Every check is done: only now do the encrypted objects reach the disk.
            size = self._store_objects(
                patient_key,
                (
                    (original_id, image.stored),
                    (thumb_id, image.thumbnail),
                    (screen_id, image.screen),
                ),
            )
            photo = Photo(
                id=str(uuid.uuid4()),
                patient_id=context.patient_id,
                visit_id=visit_id,
                lesion_id=context.lesion_id,
                body_site=site,
                modality=modality,
                contact=context.contact,
                device=context.device or image.camera_model,
                captured_at=_naive_local(image.captured_at),
                width=image.width,
                height=image.height,
                bit_depth=image.bit_depth,
                media_type=image.media_type,
                size_bytes=size,
                blob_id=original_id,
                thumbnail_blob_id=thumb_id,
                screen_blob_id=screen_id,
                source=str(source),
                source_name=source_name[-260:],
                tags=list(context.tags),
                annotations=[],
                calibration_px_per_mm=context.calibration_px_per_mm,
                magnification=magnification,
            )
            uow.session.add(photo)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PHOTO_ADDED,
                    actor.user_id,
                    patient_id=context.patient_id,
                    object_type="photo",
                    object_id=photo.id,
                    details={
                        **(audit_details or {}),
                        "source": str(source),
                        "modality": modality,
                    },
                )
            )
            return IngestResult(_summary(photo, visit_date), duplicate=False)

    def prestore(self, patient_id: str, image: PreparedImage) -> list[str]:
        """Encrypt and durably write a prepared image's objects ahead of `ingest`.

        Lets a batch import do the encryption and fsyncs on its worker threads
        while the vault's write transaction stays short. The caller must hold
        `locking.writing(vault.folder)` from here until the matching `ingest`
        commits, and pass the returned ids (the objects this call created) to
        `discard_objects` if that ingest does not happen or fails. Safe from any
        thread: it uses a read session of its own.
        """
        vault = self.ws.vault
        with vault.read_session() as session:
            key = vault.patient_key(session, patient_id)
        ids = vault.keys.blob_id
        created: list[str] = []
        try:
            for data in (image.stored, image.thumbnail, image.screen):
                blob_id = blob_id_for(ids, patient_id, data)
                if not vault.blobs.exists(blob_id):
                    vault.blobs.put(blob_id, data, key)
                    created.append(blob_id)
        except BaseException:
            self.discard_objects(created)
            raise
        return created

    def discard_objects(self, blob_ids: list[str]) -> None:
        """Remove objects written by `prestore` whose photo row was never committed."""
        for blob_id in blob_ids:
            self.ws.vault.blobs.delete(blob_id)

    def _store_objects(self, key: bytes, objects: tuple[tuple[str, bytes], ...]) -> int:
        """Make the image objects durable before their row is committed; the first one's size.

        If writing one fails, the objects this call wrote are removed again (the
        caller still holds the write transaction, so no other ingest can have
        come to rely on them): a failed ingest leaves nothing behind.
        """
        blobs = self.ws.vault.blobs
        written: list[str] = []
        sizes: list[int] = []
        try:
            for blob_id, data in objects:
                fresh = not blobs.exists(blob_id)
                sizes.append(blobs.put(blob_id, data, key))
                if fresh:
                    written.append(blob_id)
        except BaseException:
            for blob_id in written:
                blobs.delete(blob_id)
            raise
        return sizes[0]

    def _visit_for(
        self, uow: UnitOfWork, actor: Actor, context: CaptureContext, image: PreparedImage
    ) -> tuple[str, dt.date]:
        if context.visit_id is not None:
            visit = uow.session.get(Visit, context.visit_id)
            if visit is None or visit.deleted or visit.patient_id != context.patient_id:
                raise InvalidInput("That visit does not belong to this patient")
            return visit.id, visit.visit_date
        when = context.visit_date
        if when is None:
            captured = _naive_local(image.captured_at)
            when = (
                captured.date()
                if captured and captured.date() <= dt.date.today()
                else dt.date.today()
            )
        return self.visits.for_date(uow, actor, context.patient_id, when), when

    # --- reading -------------------------------------------------------------------

    def list(
        self, actor: Actor, patient_id: str, *, limit: int | None = None
    ) -> list[PhotoSummary]:
        """The patient's photos, newest visit first, then by capture time.

        `limit` returns only the newest ones (a screen's worth, shown while the rest loads).
        """
        with self.ws.read_session() as session:
            require(session, actor, patient_id, Action.VIEW)
            stmt = (
                select(Photo, Visit.visit_date)
                .join(Visit, Visit.id == Photo.visit_id)
                .where(Photo.patient_id == patient_id, ~Photo.deleted)
                .order_by(Visit.visit_date.desc(), Photo.captured_at, Photo.created_at)
            )
            if limit is not None:
                stmt = stmt.limit(limit)
            rows = session.execute(stmt).all()
            return [_summary(photo, visit_date) for photo, visit_date in rows]

    def thumbnails(
        self, actor: Actor, patient_id: str, photo_ids: Sequence[str]
    ) -> dict[str, bytes]:
        """Decrypted thumbnails of several photos of one patient, in one session.

        Thumbnails are not audited one by one (opening the record is, as PATIENT_VIEWED).
        """
        wanted = list(dict.fromkeys(photo_ids))
        if not wanted:
            return {}
        with self.ws.read_session() as session:
            require(session, actor, patient_id, Action.VIEW)
            rows = session.execute(
                select(Photo.id, Photo.thumbnail_blob_id).where(
                    Photo.patient_id == patient_id, Photo.id.in_(wanted), ~Photo.deleted
                )
            ).all()
            key = self.ws.vault.patient_key(session, patient_id)
        blobs = dict(rows)
        return {pid: self.ws.vault.blobs.get(blobs[pid], key) for pid in wanted if pid in blobs}

    def get(self, actor: Actor, photo_id: str) -> PhotoSummary:
        with self.ws.read_session() as session:
            row = session.execute(
                select(Photo, Visit.visit_date)
                .join(Visit, Visit.id == Photo.visit_id)
                .where(Photo.id == photo_id)
            ).first()
            if row is None or row[0].deleted:
                raise RecordNotFound(f"There is no photo {photo_id}")
            require(session, actor, row[0].patient_id, Action.VIEW)
            return _summary(row[0], row[1])

    def image(self, actor: Actor, photo_id: str, size: ImageSize, *, audited: bool = True) -> bytes:
        """Decrypted image bytes. Opening a screen or original image is audited."""
        with self.ws.read_session() as session:
            photo = session.get(Photo, photo_id)
            if photo is None or photo.deleted:
                raise RecordNotFound(f"There is no photo {photo_id}")
            require(session, actor, photo.patient_id, Action.VIEW)
            key = self.ws.vault.patient_key(session, photo.patient_id)
            blob = {
                ImageSize.THUMBNAIL: photo.thumbnail_blob_id,
                ImageSize.SCREEN: photo.screen_blob_id,
                ImageSize.ORIGINAL: photo.blob_id,
            }[size]
            patient_id = photo.patient_id
        data = self.ws.vault.blobs.get(blob, key)
        if audited and size is not ImageSize.THUMBNAIL:
            self.ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.PHOTO_VIEWED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="photo",
                    object_id=photo_id,
                    details={"size": str(size)},
                )
            )
        return data

    def annotate(
        self,
        actor: Actor,
        photo_id: str,
        *,
        tags: tuple[str, ...] | None = None,
        notes: str | None = None,
    ) -> PhotoSummary:
        """Change a photo's tags and notes (the image itself is immutable); audited."""
        with self.ws.unit_of_work(actor) as uow:
            photo = uow.session.get(Photo, photo_id)
            if photo is None or photo.deleted:
                raise RecordNotFound(f"There is no photo {photo_id}")
            require(uow.session, actor, photo.patient_id, Action.EDIT)
            changed: list[str] = []
            if tags is not None:
                cleaned = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
                if any(len(t) > 60 for t in cleaned):
                    raise InvalidInput("A tag is longer than 60 characters")
                photo.tags = cleaned
                changed.append("tags")
            if notes is not None:
                photo.notes = notes
                changed.append("notes")
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PHOTO_MODIFIED,
                    actor.user_id,
                    patient_id=photo.patient_id,
                    object_type="photo",
                    object_id=photo.id,
                    details={"fields": changed},
                )
            )
            visit = uow.session.get(Visit, photo.visit_id)
            assert visit is not None
            return _summary(photo, visit.visit_date)

    def delete(self, actor: Actor, photo_id: str) -> None:
        """Remove a photo from the record (soft delete; needs Admin on the record; audited).

        The row stays as a tombstone for sync and its encrypted objects stay until
        the patient is erased; importing the same image again brings it back.
        """
        with self.ws.unit_of_work(actor) as uow:
            photo = uow.session.get(Photo, photo_id)
            if photo is None or photo.deleted:
                raise RecordNotFound(f"There is no photo {photo_id}")
            require(uow.session, actor, photo.patient_id, Action.DELETE)
            photo.deleted = True
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PHOTO_DELETED,
                    actor.user_id,
                    patient_id=photo.patient_id,
                    object_type="photo",
                    object_id=photo.id,
                )
            )

    def export(self, actor: Actor, photo_id: str, out: Path) -> Path:
        """Write the stored image to `out` (an audited export; needs Admin on the record)."""
        with self.ws.read_session() as session:
            photo = session.get(Photo, photo_id)
            if photo is None or photo.deleted:
                raise RecordNotFound(f"There is no photo {photo_id}")
            try:
                require(session, actor, photo.patient_id, Action.EXPORT)
            except AccessDenied as denied:
                self.ws.audit_alone(denied.draft)
                raise
            patient_id, blob, media_type = photo.patient_id, photo.blob_id, photo.media_type
            key = self.ws.vault.patient_key(session, patient_id)
        suffix = {"image/jpeg": ".jpg", "image/png": ".png"}.get(media_type, "")
        target = out if out.suffix else out.with_suffix(suffix)
        if target.is_dir():
            raise InvalidInput(f"{target} is a folder; give a file name to export to")
        if not target.parent.is_dir():
            raise InvalidInput(f"The folder {target.parent} does not exist")
        write_atomically(target, self.ws.vault.blobs.get(blob, key))
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.DATA_EXPORTED,
                actor.user_id,
                patient_id=patient_id,
                object_type="photo",
                object_id=photo_id,
                details={"format": media_type, "what": "original image"},
            )
        )
        return target
