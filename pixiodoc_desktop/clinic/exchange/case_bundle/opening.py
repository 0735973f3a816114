"""Open a case bundle: derive the key, decrypt, check the expiry, read entries within limits.

Expired, tampered or wrongly unlocked bundles are refused with BundleRefused
before anything is written. A validly encrypted bundle can still be hostile
(made by a careless or malicious sender): a few megabytes that inflate to
gigabytes. So the sizes the zip declares are checked before anything is
inflated (each entry, their sum, the inflation ratio), entries are read one
at a time when the import needs them, and never more than they declare
(zipfile stops at the declared size and then checks the CRC).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pixiodoc_desktop.clinic.exchange.case_bundle.container import (
    BundleRefused,
    check_value,
    hkdf,
    raw_public,
    read_header,
)
from pixiodoc_desktop.errors import ImageTooLarge, IngestError, PixioDocError
from pixiodoc_desktop.imaging.prepare import DEFAULT_MAX_BYTES
from pixiodoc_desktop.imaging.source_file import megabytes, read_source_file
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.keys import KdfParams

# The whole file is decrypted in memory (AES-GCM authenticates it as one piece),
# so the file itself is capped; a bundle this large is a few hundred photos.
MAX_BUNDLE_BYTES = 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_ENTRY_BYTES = DEFAULT_MAX_BYTES  # no photo object can be larger than an ingest allows
MAX_TOTAL_BYTES = 2 * MAX_BUNDLE_BYTES
MAX_ENTRIES = 30_000
# Photos do not compress: PixioDoc stores them uncompressed in the zip. A large
# entry that inflates more than this is a decompression bomb.
MAX_RATIO = 50
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024


class BundleObjects(Mapping[str, bytes]):
    """The photo objects of an opened bundle, each read (within its limit) when asked for."""

    def __init__(self, archive: zipfile.ZipFile, names: list[str]) -> None:
        self._archive = archive
        self._names = names

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        return _read_entry(self._archive, name, MAX_ENTRY_BYTES)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """One entry's bytes, never more than `limit` in memory, or BundleRefused."""
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(name) as entry:
            while chunk := entry.read(min(_CHUNK, limit + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise _too_large(name, total, limit)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise BundleRefused("The case bundle's contents are damaged") from None
    return b"".join(chunks)


def _too_large(name: str, size: int, limit: int) -> BundleRefused:
    return BundleRefused(
        f"The case bundle was refused: its entry {name[:80]} unpacks to {megabytes(size)} "
        f"(limit {megabytes(limit)})"
    )


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse by the sizes the zip declares, before inflating anything."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BundleRefused(
            f"The case bundle was refused: it holds {len(infos)} entries (limit {MAX_ENTRIES})"
        )
    total = 0
    for info in infos:
        limit = MAX_MANIFEST_BYTES if info.filename == "manifest.json" else MAX_ENTRY_BYTES
        if info.file_size > limit:
            raise _too_large(info.filename, info.file_size, limit)
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise BundleRefused(
                f"The case bundle was refused: its entry {info.filename[:80]} would unpack from "
                f"{megabytes(info.compress_size)} to {megabytes(info.file_size)} "
                "(a decompression bomb)"
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise BundleRefused(
            f"The case bundle was refused: it unpacks to {megabytes(total)} "
            f"(limit {megabytes(MAX_TOTAL_BYTES)})"
        )


def read_bundle_file(path: Path) -> bytes:
    """A `.pxcase` file's bytes: a regular file within the size limit, or a typed error."""
    try:
        return read_source_file(path, limit=MAX_BUNDLE_BYTES)
    except ImageTooLarge:
        size = path.stat().st_size
        raise BundleRefused(
            f"The case bundle is too large: {megabytes(size)} (limit {megabytes(MAX_BUNDLE_BYTES)})"
        ) from None
    except IngestError:  # a pipe, a device or a folder named like a bundle
        raise BundleRefused(f"{path.name} is not a case bundle file") from None


def open_bundle(
    data: bytes,
    *,
    passphrase: str | None,
    private_key: Callable[[], X25519PrivateKey],
    today: dt.date,
) -> dict[str, Any]:
    """Decrypt and check a bundle; returns its manifest with the objects under "_objects"."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRefused(
            f"The case bundle is too large: {megabytes(len(data))} "
            f"(limit {megabytes(MAX_BUNDLE_BYTES)})"
        )
    header, aad, nonce, ciphertext = read_header(data)
    protection = header.get("protection") or {}
    try:
        if protection.get("type") == "passphrase":
            if passphrase is None:
                raise BundleRefused("This case bundle is protected by a passphrase; enter it")
            params = KdfParams(
                memory_kib=int(protection["memory_kib"]),
                iterations=int(protection["iterations"]),
                lanes=int(protection["lanes"]),
            )
            if params.memory_kib > 1024 * 1024 or params.iterations > 64:
                raise BundleRefused("The case bundle asks for an unreasonable key derivation")
            key = keys.password_key(passphrase, keys.unb64(protection["salt"], "salt"), params)
            wrong = "The passphrase is wrong for this case bundle"
        elif protection.get("type") == "x25519":
            private = private_key()
            ephemeral = X25519PublicKey.from_public_bytes(
                keys.unb64(protection["ephemeral"], "key")
            )
            salt = raw_public(ephemeral) + raw_public(private.public_key())
            key = hkdf(private.exchange(ephemeral), salt)
            wrong = "This case bundle was made for another clinic's case key"
        else:
            raise BundleRefused("The case bundle is damaged (unknown protection)")
    except (KeyError, ValueError, TypeError, PixioDocError) as exc:
        if isinstance(exc, BundleRefused):
            raise
        raise BundleRefused("The case bundle is damaged (its header is unreadable)") from None
    if not hmac.compare_digest(str(header.get("check", "")), check_value(key)):
        raise BundleRefused(wrong)
    try:
        payload = AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise BundleRefused(
            "The case bundle was altered or damaged after it was made; ask for a new one"
        ) from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
        _check_sizes(archive)
        manifest = json.loads(_read_entry(archive, "manifest.json", MAX_MANIFEST_BYTES))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise BundleRefused("The case bundle's contents are damaged") from None
    if not isinstance(manifest, dict):
        raise BundleRefused("The case bundle's contents are damaged")
    names = [name for name in archive.namelist() if name != "manifest.json"]
    manifest["_objects"] = BundleObjects(archive, names)
    # The header and the random nonce name this very bundle (a re-export is another one).
    manifest["_bundle_id"] = hashlib.sha256(aad + nonce).hexdigest()[:32]
    try:
        expires = dt.date.fromisoformat(str(manifest.get("expires")))
        stated = dt.date.fromisoformat(str(header.get("expires")))
    except ValueError:
        raise BundleRefused("The case bundle's contents are damaged") from None
    if expires != stated:
        raise BundleRefused("The case bundle was altered (its expiry dates disagree)")
    if expires < today:
        raise BundleRefused(f"This case bundle expired on {expires}; ask for a new one")
    return manifest
