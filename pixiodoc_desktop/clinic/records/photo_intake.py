"""Taking photos in: the one ingest path (`PhotoIntake.ingest`) and the group commit of a
card import (`PhotoIntake.ingest_batch`).

Files, cameras and the hot folder all end in `ingest`: the image is prepared (type by
content, bomb-safe decode, orientation, metadata stripped, preview pyramid), its three
objects are encrypted under the patient's key and made durable, and only then is the row
committed, with its audit event, in one unit of work. Identical imports for a patient are
recognised by their keyed content id and not stored twice.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.body_sites import check_body_site
from pixiodoc_desktop.clinic.records.photo_objects import StoredObjects, object_ids, store_objects
from pixiodoc_desktop.clinic.records.photo_summaries import CaptureContext, IngestResult, summary
from pixiodoc_desktop.clinic.records.visits import Visits
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource, parse
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import InvalidInput, PixioDocError, RecordNotFound
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.durable import FolderSync
from pixiodoc_desktop.vault.schema import Lesion, Patient, Photo, Visit

if TYPE_CHECKING:
    from pixiodoc_desktop.imaging.prepare import PreparedImage


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


class PhotoIntake:
    """The ingest half of `Photos` (which adds listing, reading and exporting)."""

    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation
        self.visits = Visits(workstation)

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
            return IngestResult(summary(existing, visit.visit_date), duplicate=True), None
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
        return IngestResult(summary(photo, visit_date), duplicate=False), draft

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
