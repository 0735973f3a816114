"""Every file a pull writes into a vault is its owner's alone (0600 files, 0700 folders),
like every other vault file: image objects fetched by a round, by `vault verify --repair`
over a damaged copy, and the folders they go into (issue 14)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.errors import SyncImageMissing
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.images import refetch
from pixiodoc_desktop.sync.push import blob_key
from pixiodoc_desktop.vault.schema import Photo
from tests.sync.sync_support import BUCKET, ClinicNet


def loose_entries(folder: Path) -> list[str]:
    """Every file or folder under `folder` (itself included) that others may read or enter."""
    loose = []
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            loose.append(f"{path.relative_to(folder)} {oct(mode)}")
    return loose


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows gets an icacls ACL instead")
def test_image_objects_a_pull_brings_are_private(clinic: ClinicNet) -> None:
    old_umask = os.umask(0o022)  # the usual desktop umask: 0644 files, 0755 folders
    try:
        front = clinic.first()
        front.sync()
        room = clinic.join("exam-room", via=front)
        patient = front.services.patients.create(front.actor, family_name="Privat")
        front.services.photos.ingest(
            front.actor,
            synthetic_jpeg(5, captured_at=dt.datetime(2025, 5, 2, 10, 0)),
            CaptureContext(patient.id, visit_date=dt.date(2025, 5, 2)),
            source_name="IMG_5.jpg",
        )
        with front.ws.vault.read_session() as session:
            photo = session.scalars(select(Photo).where(Photo.patient_id == patient.id)).one()
            session.expunge(photo)
        front.sync()
        room.sync()
        blobs = [photo.blob_id, photo.thumbnail_blob_id, photo.screen_blob_id]
        assert all(room.ws.vault.blobs.exists(b) for b in blobs)
        assert loose_entries(room.folder) == []

        # a copy damaged on this disk, fetched again over it (what verify --repair does)
        path = room.ws.vault.blobs.path_for(photo.thumbnail_blob_id)
        path.chmod(0o600)
        assert refetch(room.ws, room.store, sync_keys(room.ws), [photo.thumbnail_blob_id],
                       replace=True) == []  # fmt: skip
        assert loose_entries(room.folder) == []

        # an object missing at first and fetched by a later round
        key = blob_key(front.store, sync_keys(front.ws), photo.screen_blob_id)
        body = clinic.weed.client().get_object(Bucket=BUCKET, Key=key)["Body"].read()  # type: ignore[attr-defined]
        clinic.weed.client().delete_object(Bucket=BUCKET, Key=key)  # type: ignore[attr-defined]
        room.ws.vault.blobs.delete(photo.screen_blob_id)
        with contextlib.suppress(OSError):  # its folder too, unless another object shares it
            room.ws.vault.blobs.path_for(photo.screen_blob_id).parent.rmdir()
        refetch(room.ws, room.store, sync_keys(room.ws), [photo.screen_blob_id], replace=False)
        with pytest.raises(SyncImageMissing):
            room.sync()
        clinic.weed.client().put_object(Bucket=BUCKET, Key=key, Body=body)  # type: ignore[attr-defined]
        room.sync()
        assert room.ws.vault.blobs.exists(photo.screen_blob_id)
        assert loose_entries(room.folder) == []
    finally:
        os.umask(old_umask)
