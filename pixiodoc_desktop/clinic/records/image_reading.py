"""Reading one image object of a photo, or saying that it is still in the clinic's bucket.

A PC that joined a clinic with images on demand (`sync.full_images` and `sync.previews`
set to `on_demand`) holds a "remote" row for each object left in the bucket until it is
first shown. Reading such an object raises `ImageInBucket` (its id): the caller fetches
it (`sync.ondemand.fetch_image`, on the network pool) and reads again; an export fetches
every object it reads before it writes anything (`sync.export_images.fetch_for_export`).
An object that is neither here nor left in the bucket on purpose stays a damaged vault
(`BlobDamaged`).
"""

from __future__ import annotations

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import BlobDamaged, ImageInBucket
from pixiodoc_desktop.vault.schema import SyncBlob


def left_in_bucket(ws: Workstation, blob_id: str) -> bool:
    """Whether sync left this object in the clinic's bucket until it is first shown."""
    with ws.read_session() as session:
        state = session.scalar(select(SyncBlob.state).where(SyncBlob.blob_id == blob_id))
    return state == "remote"


def read_image(ws: Workstation, blob_id: str, key: bytes) -> bytes:
    """The decrypted object; `ImageInBucket` when it is still only in the clinic's bucket."""
    try:
        return ws.vault.blobs.get(blob_id, key)
    except BlobDamaged:
        if not ws.vault.blobs.exists(blob_id) and left_in_bucket(ws, blob_id):
            raise ImageInBucket(blob_id) from None
        raise
