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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.body_sites import check_body_site
from pixiodoc_desktop.clinic.records.photo_objects import StoredObjects, object_ids, store_objects
from pixiodoc_desktop.clinic.records.visits import Visits
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource, parse
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import InvalidInput, PixioDocError, RecordNotFound
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.durable import FolderSync, write_atomically
from pixiodoc_desktop.vault.schema import Lesion, Patient, Photo, Visit

if TYPE_CHECKING:
    from pixiodoc_desktop.imaging.prepare import PreparedImage


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


@dataclass(frozen=True, slots=True)
class _CheckedContext:
    modality: str
    site: str | None
    magnification: float | None


def _already_durable(size: int) -> Callable[[], int]:
    """For a row whose objects a batch import wrote ahead of it: their size, no writing."""
    return lambda: size


def _checked_context(context: CaptureContext) -> _CheckedContext:
    """The capture context's words checked once, before any image work."""
    return _CheckedContext(
        modality=parse(Modality, context.modality, "modality"),
        site=check_body_site(context.body_site),
        magnification=_magnification(context.magnification),
    )


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
        checked = _checked_context(context)
        if prepared is None:
            # OpenCV and Pillow load with the first photo, not with the records.
            from pixiodoc_desktop.imaging.prepare import prepare_image

            prepared = prepare_image(data, source_name=source_name)
        image = prepared
        vault = self.ws.vault
        ids = object_ids(vault, context.patient_id, image)
        objects = tuple(zip(ids, (image.stored, image.thumbnail, image.screen), strict=True))
        with locking.writing(vault.folder), self.ws.unit_of_work(actor) as uow:
            require(
                uow.session,
                actor,
                context.patient_id,
                Action.EDIT,
                event=audit.EventType.PHOTO_ADDED,
            )

            def make_durable() -> int:
                # Every check is done: only now do the encrypted objects reach the disk.
                key = vault.patient_key(uow.session, context.patient_id)
                return store_objects(vault.blobs, key, objects)

            result, draft = self._add_row(
                uow,
                actor,
                context,
                checked,
                image,
                ids,
                make_durable,
                source_name,
                source,
                audit_details,
            )
            if draft is not None:
                uow.audit(draft)
            return result

    def ingest_batch(
        self,
        actor: Actor,
        context: CaptureContext,
        items: Sequence[tuple[str, PreparedImage, StoredObjects]],
        *,
        folders: FolderSync,
        source: PhotoSource = PhotoSource.IMPORT,
    ) -> list[IngestResult | PixioDocError]:
        """Commit the rows of several prestored images (source name, image, objects) in
        one transaction: group commit, for a batch import.

        Their objects were written and fsynced by `photo_objects.prestore(..., folders)`;
        the folders are fsynced here, once for the batch, before the one commit. A photo
        that fails its own checks is rolled back alone and returned as its error.
        """
        try:
            checked = _checked_context(context)
        except PixioDocError as error:
            return [error] * len(items)
        folders.sync()
        results: list[IngestResult | PixioDocError] = []
        try:
            with locking.writing(self.ws.vault.folder), self.ws.unit_of_work(actor) as uow:
                require(
                    uow.session,
                    actor,
                    context.patient_id,
                    Action.EDIT,
                    event=audit.EventType.PHOTO_ADDED,
                )
                for source_name, image, objects in items:
                    ids = (objects.original, objects.thumbnail, objects.screen)
                    try:
                        with uow.savepoint():
                            result, draft = self._add_row(
                                uow,
                                actor,
                                context,
                                checked,
                                image,
                                ids,
                                _already_durable(objects.size_bytes),
                                source_name,
                                source,
                                None,
                            )
                    except PixioDocError as error:
                        results.append(error)
                        continue
                    if draft is not None:
                        uow.audit(draft)
                    results.append(result)
        except PixioDocError as error:  # refused for the whole batch (audited once)
            return [error] * len(items)
        return results

    def _add_row(
        self,
        uow: UnitOfWork,
        actor: Actor,
        context: CaptureContext,
        checked: _CheckedContext,
        image: PreparedImage,
        ids: tuple[str, str, str],
        make_durable: Callable[[], int],
        source_name: str,
        source: PhotoSource,
        audit_details: Mapping[str, str] | None,
    ) -> tuple[IngestResult, audit.EventDraft | None]:
        """The photo row (or the existing duplicate) and its audit event, inside `uow`."""
        original_id, thumb_id, screen_id = ids
        site = checked.site
        existing = uow.session.scalar(
            select(Photo).where(
                Photo.patient_id == context.patient_id, Photo.blob_id == original_id
            )
        )
        if existing is not None and not existing.deleted:
            visit = uow.session.get(Visit, existing.visit_id)
            assert visit is not None
            return IngestResult(_summary(existing, visit.visit_date), duplicate=True), None
        if context.lesion_id is not None:
            lesion = uow.session.get(Lesion, context.lesion_id)
            if lesion is None or lesion.patient_id != context.patient_id:
                raise InvalidInput("That lesion belongs to another patient")
            site = site or lesion.body_site
        visit_id, visit_date = self._visit_for(uow, actor, context, image)
        if existing is not None:  # re-importing a deleted photo brings it back
            uow.session.delete(existing)
            uow.session.flush()
        size = make_durable()
        photo = Photo(
            id=str(uuid.uuid4()),
            patient_id=context.patient_id,
            visit_id=visit_id,
            lesion_id=context.lesion_id,
            body_site=site,
            modality=checked.modality,
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
            magnification=checked.magnification,
        )
        uow.session.add(photo)
        draft = audit.EventDraft(
            audit.EventType.PHOTO_ADDED,
            actor.user_id,
            patient_id=context.patient_id,
            object_type="photo",
            object_id=photo.id,
            details={
                **(audit_details or {}),
                "source": str(source),
                "modality": checked.modality,
            },
        )
        return IngestResult(_summary(photo, visit_date), duplicate=False), draft

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
            require_audited(self.ws, session, actor, patient_id, Action.VIEW)
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
            require_audited(self.ws, session, actor, patient_id, Action.VIEW)
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
            require_audited(self.ws, session, actor, row[0].patient_id, Action.VIEW)
            return _summary(row[0], row[1])

    def image(self, actor: Actor, photo_id: str, size: ImageSize, *, audited: bool = True) -> bytes:
        """Decrypted image bytes. Opening a screen or original image is audited."""
        with self.ws.read_session() as session:
            photo = session.get(Photo, photo_id)
            if photo is None or photo.deleted:
                raise RecordNotFound(f"There is no photo {photo_id}")
            require_audited(self.ws, session, actor, photo.patient_id, Action.VIEW)
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
