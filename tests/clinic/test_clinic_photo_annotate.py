"""Photos.annotate: tags and notes change, audited as PHOTO_MODIFIED; viewers may not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import PRACTICE
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import AuditEvent, Grant


def test_annotate_changes_tags_and_notes_and_is_audited(
    services: ClinicServices, actor: Actor, make_jpeg: Callable[..., bytes]
) -> None:
    patient = services.patients.create(actor, family_name="Becker")
    photo = services.photos.ingest(
        actor, make_jpeg(3), CaptureContext(patient_id=patient.id), source_name="a.jpg"
    ).photo
    changed = services.photos.annotate(
        actor, photo.id, tags=(" naevus ", "follow-up", "naevus", ""), notes="Check in 3 months"
    )
    assert changed.tags == ("naevus", "follow-up")
    assert changed.notes == "Check in 3 months"
    assert services.photos.get(actor, photo.id).tags == ("naevus", "follow-up")
    with services.workstation.read_session() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.event_type == "PHOTO_MODIFIED")
        ).all()
    assert [e.object_id for e in events] == [photo.id]
    with pytest.raises(InvalidInput):
        services.photos.annotate(actor, photo.id, tags=("x" * 61,))
    with pytest.raises(RecordNotFound):
        services.photos.annotate(actor, "no-such-photo", notes="")


def test_annotate_needs_edit_access(
    services: ClinicServices,
    actor: Actor,
    second_clinician: Actor,
    make_jpeg: Callable[..., bytes],
) -> None:
    patient = services.patients.create(actor, family_name="Nowak", practice_level="view")
    photo = services.photos.ingest(
        actor, make_jpeg(4), CaptureContext(patient_id=patient.id), source_name="b.jpg"
    ).photo
    with services.workstation.read_session() as session:
        assert session.scalar(select(Grant.level).where(Grant.grantee == PRACTICE)) == "view"
    with pytest.raises(PermissionDenied):
        services.photos.annotate(second_clinician, photo.id, notes="not allowed")


def test_list_limit_and_batch_thumbnails(
    services: ClinicServices, actor: Actor, make_jpeg: Callable[..., bytes]
) -> None:
    patient = services.patients.create(actor, family_name="Fischer")
    ids = [
        services.photos.ingest(
            actor, make_jpeg(10 + i), CaptureContext(patient_id=patient.id), source_name=f"{i}.jpg"
        ).photo.id
        for i in range(3)
    ]
    everything = services.photos.list(actor, patient.id)
    assert [p.id for p in services.photos.list(actor, patient.id, limit=2)] == [
        p.id for p in everything[:2]
    ]
    thumbs = services.photos.thumbnails(actor, patient.id, [ids[2], ids[0], "unknown", ids[2]])
    assert list(thumbs) == [ids[2], ids[0]]
    assert thumbs[ids[0]] == services.photos.image(actor, ids[0], ImageSize.THUMBNAIL)
    assert services.photos.thumbnails(actor, patient.id, []) == {}
