"""The `.pxcase` container: magic, header, AES-256-GCM around the zipped contents.

File layout: ``PXCASE1\\n`` + 4-byte header length + header JSON (the key
derivation, a key check value, the expiry) + nonce + ciphertext. The header
is the ciphertext's associated data, so changing the expiry or anything
else makes the bundle fail to open. Nothing readable about the patient is
outside the ciphertext.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import struct
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pixiodoc_desktop.errors import InvalidInput, PixioDocError

MAGIC = b"PXCASE1\n"
FORMAT = "pixiodoc-case"
VERSION = 1
_HKDF_INFO = b"pixiodoc/v1/case-bundle"
_MAX_HEADER = 64 * 1024
_SIGNATURE = 64


class BundleRefused(PixioDocError):
    """A case bundle cannot be opened: wrong passphrase or key, expired, or altered."""


def check_value(key: bytes) -> str:
    """A short value in the header that tells a wrong key from an altered bundle."""
    return hmac.new(key, b"pixiodoc case key check", hashlib.sha256).hexdigest()[:16]


def hkdf(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(shared)


def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def parse_case_key(text: str) -> tuple[X25519PublicKey, bytes | None]:
    """A colleague's case key as `pixiodoc case key` prints it, and their signing key if given.

    `pxcase-x25519:<64 hex>` (older PixioDoc) or `pxcase-x25519:<64 hex>:<64 hex>`
    (the second part is the clinic's Ed25519 signing key).
    """
    value = "".join(text.split()).removeprefix("pxcase-x25519:")
    encryption, _sep, signing = value.partition(":")
    try:
        raw = bytes.fromhex(encryption)
        signer = bytes.fromhex(signing) if signing else None
        if len(raw) != 32 or (signer is not None and len(signer) != 32):
            raise ValueError
        return X25519PublicKey.from_public_bytes(raw), signer
    except ValueError:
        raise InvalidInput(
            "That is not a PixioDoc case key (expected pxcase-x25519: and 64 hex digits)"
        ) from None


def parse_public_key(text: str) -> X25519PublicKey:
    """The encryption part of a colleague's case key."""
    return parse_case_key(text)[0]


def format_public_key(key: X25519PublicKey, signer: bytes | None = None) -> str:
    text = "pxcase-x25519:" + raw_public(key).hex()
    return text + (":" + signer.hex() if signer is not None else "")


def pack(
    header: dict[str, Any],
    payload: bytes,
    key: bytes,
    sign: Callable[[bytes], bytes] | None = None,
) -> bytes:
    """The whole file: header in the clear (as associated data), payload encrypted, and
    (when `sign` is given and the header names a signer) the signature over all of it."""
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    aad = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
    nonce = secrets.token_bytes(12)
    body = aad + nonce + AESGCM(key).encrypt(nonce, payload, aad)
    return body + sign(body) if sign is not None else body


def read_header(data: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """(header, associated data, nonce, ciphertext) of a bundle, or BundleRefused."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise BundleRefused("This is not a PixioDoc case bundle (.pxcase)")
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if length > _MAX_HEADER or len(data) < start + length + 12 + 16:
        raise BundleRefused("The case bundle is damaged or incomplete")
    try:
        header = json.loads(data[start : start + length])
    except ValueError:
        raise BundleRefused("The case bundle is damaged (its header is unreadable)") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BundleRefused("This is not a PixioDoc case bundle (.pxcase)")
    if header.get("version") != VERSION:
        raise BundleRefused("This case bundle was made by a newer PixioDoc; update to open it")
    end = start + length
    # A signed bundle ends with the 64-byte Ed25519 signature (see sender.py).
    tail = len(data) - _SIGNATURE if "signer" in header else len(data)
    if tail < end + 12 + 16:
        raise BundleRefused("The case bundle is damaged or incomplete")
    return header, data[:end], data[end : end + 12], data[end + 12 : tail]
