"""Encrypted, content-addressed image objects (DESIGN.md §2).

File layout of one blob:

    header  = b"PXB1" | version u8 | chunk size u32 | salt (16 bytes)
    chunks  = AES-256-GCM(ciphertext || tag) for each chunk of the plaintext

Each blob gets its own key, HKDF(patient key, salt), so chunk nonces can be
the chunk counter. Associated data binds the header, the blob id, the chunk
index and a last-chunk flag: a truncated, extended, reordered or swapped file
fails to decrypt. The id is an HMAC of the plaintext (keyed from WK and bound
to the patient), so identical imports deduplicate without revealing a hash.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pixiodoc_desktop.errors import BlobDamaged, RecordNotFound
from pixiodoc_desktop.vault import private
from pixiodoc_desktop.vault.durable import TEMP_SUFFIX, FolderSync, fsync_folder, temp_name_for

MAGIC = b"PXB1"
VERSION = 1
CHUNK_SIZE = 1024 * 1024
_HEADER = struct.Struct(">4sBI16s")
_TAG = 16
_ID_PATTERN = re.compile(r"^[0-9a-f]{64}$")


def blob_id_for(id_key: bytes, owner: str, data: bytes) -> str:
    """Content address of `data` for one owner (a patient id)."""
    digest = hmac.new(id_key, owner.encode() + b"\x00", hashlib.sha256)
    digest.update(data)
    return digest.hexdigest()


def _blob_key(owner_key: bytes, salt: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"pixiodoc/v1/blob")
    return AESGCM(hkdf.derive(owner_key))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _aad(header: bytes, blob_id: str, index: int, last: bool) -> bytes:
    return header + blob_id.encode() + struct.pack(">IB", index, 1 if last else 0)


def encrypt_blob(blob_id: str, data: bytes, owner_key: bytes) -> list[bytes]:
    """The encrypted file as a list of buffers (header, then one per chunk)."""
    salt = secrets.token_bytes(16)
    header = _HEADER.pack(MAGIC, VERSION, CHUNK_SIZE, salt)
    aead = _blob_key(owner_key, salt)
    out = [header]
    count = max(1, -(-len(data) // CHUNK_SIZE))
    view = memoryview(data)
    for index in range(count):
        last = index == count - 1
        chunk = bytes(view[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE])
        out.append(aead.encrypt(_nonce(index, last), chunk, _aad(header, blob_id, index, last)))
    return out


def decrypt_blob(blob_id: str, raw: bytes, owner_key: bytes) -> bytes:
    if len(raw) < _HEADER.size + _TAG:
        raise BlobDamaged(f"Image object {blob_id[:12]} is truncated")
    header = raw[: _HEADER.size]
    magic, version, chunk_size, salt = _HEADER.unpack(header)
    if magic != MAGIC or version != VERSION or chunk_size <= 0:
        raise BlobDamaged(f"Image object {blob_id[:12]} has an unknown format")
    aead = _blob_key(owner_key, salt)
    body = memoryview(raw)[_HEADER.size :]
    step = chunk_size + _TAG
    count = max(1, -(-len(body) // step))
    parts = []
    try:
        for index in range(count):
            last = index == count - 1
            piece = bytes(body[index * step : (index + 1) * step])
            parts.append(
                aead.decrypt(_nonce(index, last), piece, _aad(header, blob_id, index, last))
            )
    except InvalidTag as exc:
        raise BlobDamaged(
            f"Image object {blob_id[:12]} fails authentication (damaged or altered)"
        ) from exc
    return b"".join(parts)


class BlobStore:
    """The `blobs/` folder of a vault: write once, read many, never in the clear."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, blob_id: str) -> Path:
        if not _ID_PATTERN.match(blob_id):
            raise RecordNotFound(f"{blob_id!r} is not an image object id")
        return self.root / blob_id[:2] / blob_id

    def exists(self, blob_id: str) -> bool:
        return self.path_for(blob_id).exists()

    def existing(self, blob_ids: Iterable[str]) -> set[str]:
        """Which of these objects are here: one listing per shard folder named, not one
        stat per object (a pull names millions of objects, most not here)."""
        by_shard: dict[str, list[str]] = {}
        for blob_id in blob_ids:
            if _ID_PATTERN.match(blob_id):
                by_shard.setdefault(blob_id[:2], []).append(blob_id)
        found: set[str] = set()
        for shard, ids in by_shard.items():
            try:
                names = {entry.name for entry in (self.root / shard).iterdir()}
            except FileNotFoundError:
                continue
            found.update(b for b in ids if b in names)
        return found

    def put(
        self, blob_id: str, data: bytes, owner_key: bytes, *, batch: FolderSync | None = None
    ) -> int:
        """Store `data` durably under `blob_id`; returns bytes on disk.

        Idempotent: an existing object is kept (it has the same content).
        Order: temp file, fsync, rename, fsync folder. The caller commits the
        database row only after this returns; with a `batch`, the folder fsync
        is left to `batch.sync()`, which the caller runs before that commit.
        """
        path = self.path_for(blob_id)
        if path.exists():
            if batch is not None:  # it may be another writer's, not yet synced
                batch.add(path.parent)
            return path.stat().st_size
        private.make_folder(path.parent)
        buffers = encrypt_blob(blob_id, data, owner_key)
        temp = temp_name_for(path)
        try:
            with os.fdopen(private.open_new(temp), "wb") as handle:
                for buffer in buffers:
                    handle.write(buffer)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        if batch is None:
            fsync_folder(path.parent)
        else:
            batch.add(path.parent)
        return sum(len(b) for b in buffers)

    def read_raw(self, blob_id: str) -> bytes:
        if not _ID_PATTERN.match(blob_id):
            raise RecordNotFound(f"{blob_id!r} is not an image object id")
        # A plain string path: pathlib interns every part, and `vault verify` reads
        # millions of ids, each resizing the interpreter's table of interned strings.
        try:
            name = os.path.join(self.root, blob_id[:2], blob_id)  # noqa: PTH118 - see above
            with open(name, "rb") as handle:  # noqa: PTH123 - see above
                return handle.read()
        except FileNotFoundError:
            pass
        raise BlobDamaged(f"Image object {blob_id[:12]} is missing from the vault")

    def get(self, blob_id: str, owner_key: bytes) -> bytes:
        return decrypt_blob(blob_id, self.read_raw(blob_id), owner_key)

    def delete(self, blob_id: str) -> None:
        self.path_for(blob_id).unlink(missing_ok=True)

    def ids(self) -> Iterator[str]:
        """Every complete object on disk (temp files excluded)."""
        if not self.root.is_dir():
            return
        for shard in sorted(self.root.iterdir()):
            if not shard.is_dir() or len(shard.name) != 2:
                continue
            for entry in sorted(shard.iterdir()):
                if _ID_PATTERN.match(entry.name):
                    yield entry.name

    def temp_files(self) -> Iterator[Path]:
        if not self.root.is_dir():
            return
        for shard in self.root.iterdir():
            if shard.is_dir():
                yield from (p for p in shard.iterdir() if p.name.endswith(TEMP_SUFFIX))
