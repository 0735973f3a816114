"""A photo's three encrypted objects (original, thumbnail, screen preview) on disk.

They are always made durable before the row that refers to them commits. One photo
at a time (`store_objects`, inside its unit of work) or, for a batch import, ahead
of the rows on the import's worker threads (`prestore`), with the folder fsyncs
left to the batch's one `FolderSync.sync()` before its one commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pixiodoc_desktop.vault.blobs import BlobStore, blob_id_for
from pixiodoc_desktop.vault.durable import FolderSync
from pixiodoc_desktop.vault.vault import Vault

if TYPE_CHECKING:
    from pixiodoc_desktop.imaging.prepare import PreparedImage


@dataclass(frozen=True, slots=True)
class StoredObjects:
    """The ids of one image's objects, all durable, and which of them this write created."""

    original: str
    thumbnail: str
    screen: str
    size_bytes: int  # of the encrypted original on disk
    created: tuple[str, ...]  # the others existed already (an identical image)


def object_ids(vault: Vault, patient_id: str, image: PreparedImage) -> tuple[str, str, str]:
    """(original, thumbnail, screen): keyed content ids, bound to the patient."""
    ids = vault.keys.blob_id
    return (
        blob_id_for(ids, patient_id, image.stored),
        blob_id_for(ids, patient_id, image.thumbnail),
        blob_id_for(ids, patient_id, image.screen),
    )


def store_objects(blobs: BlobStore, key: bytes, objects: tuple[tuple[str, bytes], ...]) -> int:
    """Make the image objects durable before their row is committed; the first one's size.

    If writing one fails, the objects this call wrote are removed again (the
    caller still holds the write transaction, so no other ingest can have
    come to rely on them): a failed ingest leaves nothing behind.
    """
    written: list[str] = []
    sizes: list[int] = []
    try:
        for blob_id, data in objects:
            fresh = not blobs.exists(blob_id)
            sizes.append(blobs.put(blob_id, data, key))
            if fresh:
                written.append(blob_id)
    except BaseException:
        discard(blobs, written)
        raise
    return sizes[0]


def prestore(
    vault: Vault, patient_id: str, image: PreparedImage, folders: FolderSync
) -> StoredObjects:
    """Encrypt and write a prepared image's objects ahead of its row (`Photos.ingest_batch`).

    Lets a batch import do the encryption and fsyncs on its worker threads while
    the vault's write transaction stays short. The caller must hold
    `locking.writing(vault.folder)` from here until the batch commits, run
    `folders.sync()` before that commit, and `discard` the created objects if
    the row is not committed. Safe from any thread: it uses a read session of its own.
    """
    with vault.read_session() as session:
        key = vault.patient_key(session, patient_id)
    ids = object_ids(vault, patient_id, image)
    created: list[str] = []
    sizes: list[int] = []
    try:
        for blob_id, data in zip(ids, (image.stored, image.thumbnail, image.screen), strict=True):
            fresh = not vault.blobs.exists(blob_id)
            sizes.append(vault.blobs.put(blob_id, data, key, batch=folders))
            if fresh:
                created.append(blob_id)
    except BaseException:
        discard(vault.blobs, created)
        raise
    return StoredObjects(*ids, size_bytes=sizes[0], created=tuple(created))


def discard(blobs: BlobStore, blob_ids: list[str] | tuple[str, ...]) -> None:
    """Remove objects written ahead of a photo row that was never committed."""
    for blob_id in blob_ids:
        blobs.delete(blob_id)
