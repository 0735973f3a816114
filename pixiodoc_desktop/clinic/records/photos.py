"""Photos: listing, reading, annotating and exporting images; taking them in is
`photo_intake` (the one ingest path), what they are described by `photo_summaries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.image_reading import read_image
from pixiodoc_desktop.clinic.records.photo_intake import PhotoIntake
from pixiodoc_desktop.clinic.records.photo_summaries import (
    CaptureContext,
    ImageSize,
    IngestResult,
    PhotoSummary,
    summary,
)
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.schema import Photo, Visit

__all__ = ["CaptureContext", "ImageSize", "IngestResult", "PhotoSummary", "Photos"]


class Photos(PhotoIntake):
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
            return [summary(photo, visit_date) for photo, visit_date in rows]

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
        # Still in the clinic's bucket (images on demand): ImageInBucket, not a damaged vault.
        return {pid: read_image(self.ws, blobs[pid], key) for pid in wanted if pid in blobs}

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
            return summary(row[0], row[1])

    def image(self, actor: Actor, photo_id: str, size: ImageSize, *, audited: bool = True) -> bytes:
        """Decrypted image bytes. Opening a screen or original image is audited.

        An image still in the clinic's bucket (images on demand) raises `ImageInBucket`."""
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
        data = read_image(self.ws, blob, key)
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
            return summary(photo, visit.visit_date)

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
            require_audited(self.ws, session, actor, photo.patient_id, Action.EXPORT)
            patient_id, blob, media_type = photo.patient_id, photo.blob_id, photo.media_type
            key = self.ws.vault.patient_key(session, patient_id)
        suffix = {"image/jpeg": ".jpg", "image/png": ".png"}.get(media_type, "")
        target = out if out.suffix else out.with_suffix(suffix)
        if target.is_dir():
            raise InvalidInput(f"{target} is a folder; give a file name to export to")
        if not target.parent.is_dir():
            raise InvalidInput(f"The folder {target.parent} does not exist")
        write_atomically(target, read_image(self.ws, blob, key), private=True)
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
