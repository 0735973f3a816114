"""Images fetched on demand: with `sync.full_images = on_demand` a pull brings thumbnails
and screen images only, and the original comes down the first time it is opened; with
`sync.previews = on_demand` too (a PC that joins a clinic group: `enroll.join(...,
on_demand=True)`) thumbnails and screen images also stay in the bucket until shown."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import (
    PixioDocError,
    RecordNotFound,
    SyncError,
    SyncImageMissing,
    SyncImageNotFetched,
)
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.pull import (
    DOWNLOAD_THREADS,
    FULL_IMAGES_SETTING,
    Progress,
    download_blob,
)
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
    return fetch_image(ws, store, blob)


def fetch_image(
    ws: Workstation, store: ObjectStore, blob_id: str, patient_id: str | None = None
) -> bool:
    """Download one image object left in the bucket (a full image, or with
    `sync.previews = on_demand` a thumbnail or screen image), checked against its id;
    True if fetched. Missing or damaged in the bucket: SyncImageNotFetched (a
    SyncImageMissing for this one image). `patient_id`: whose image it is, when its
    photo's row is not here yet (else looked up by the object)."""
    if ws.vault.blobs.exists(blob_id):
        return False
    with locking.writing(ws.vault.folder):
        try:
            size = download_blob(ws, store, sync_keys(ws), blob_id, patient_id)
        except SyncImageMissing:
            raise SyncImageNotFetched from None
        with ws.vault.write_session() as session, session.begin():
            row = session.get(SyncBlob, blob_id)
            if row is not None:
                row.state = "uploaded"
    return size > 0


def ensure_local(
    ws: Workstation,
    store: ObjectStore,
    blob_ids: Sequence[str],
    progress: Progress | None = None,
) -> dict[str, PixioDocError]:
    """Fetch these image objects left in the bucket, a few at once (DOWNLOAD_THREADS);
    those here already cost a file check. Returns the objects that could not be fetched
    with why (SyncImageNotFetched: missing or damaged there; a SyncError such as
    SyncUnavailable: the bucket cannot be reached); {} when every one is here now.
    `progress("fetch", done, total)` after each object."""
    wanted = [b for b in dict.fromkeys(blob_ids) if not ws.vault.blobs.exists(b)]
    failed: dict[str, PixioDocError] = {}
    if not wanted:
        return failed

    def one(blob_id: str) -> PixioDocError | None:
        try:
            fetch_image(ws, store, blob_id)
        except (SyncImageMissing, SyncError) as exc:
            return exc
        return None

    with ThreadPoolExecutor(DOWNLOAD_THREADS, thread_name_prefix="pixiodoc-fetch") as pool:
        for done, (blob_id, error) in enumerate(
            zip(wanted, pool.map(one, wanted), strict=True), start=1
        ):
            if error is not None:
                failed[blob_id] = error
            if progress:
                progress("fetch", done, len(wanted))
    return failed
