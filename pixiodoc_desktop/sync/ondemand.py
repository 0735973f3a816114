"""Full images fetched on demand: with the "on_demand" setting a pull brings thumbnails
and screen images only; the original comes down the first time it is opened."""

from __future__ import annotations

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import RecordNotFound
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.pull import FULL_IMAGES_SETTING, download_blob
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.schema import Photo, SyncBlob

EAGER, ON_DEMAND = "eager", "on_demand"


def full_images_mode(ws: Workstation) -> str:
    return ws.vault.setting(FULL_IMAGES_SETTING) or EAGER


def original_is_local(ws: Workstation, photo_id: str) -> bool:
    with ws.read_session() as session:
        blob = session.scalar(select(Photo.blob_id).where(Photo.id == photo_id))
    if blob is None:
        raise RecordNotFound(f"There is no photo {photo_id}")
    return ws.vault.blobs.exists(blob)


def fetch_original(ws: Workstation, store: ObjectStore, photo_id: str) -> bool:
    """Download the photo's full image if it is still only in the bucket; True if fetched.

    Call it (on the network pool) before opening the original, e.g. when
    `Photos.image(..., ImageSize.ORIGINAL)` reports the image object missing.
    """
    with ws.read_session() as session:
        blob = session.scalar(select(Photo.blob_id).where(Photo.id == photo_id))
    if blob is None:
        raise RecordNotFound(f"There is no photo {photo_id}")
    if ws.vault.blobs.exists(blob):
        return False
    with locking.writing(ws.vault.folder):
        size = download_blob(ws, store, sync_keys(ws), blob)
        with ws.vault.write_session() as session, session.begin():
            row = session.get(SyncBlob, blob)
            if row is not None:
                row.state = "uploaded"
    return size > 0
