"""The envelope the phone page and the workstation share (web/aesgcm.js is the other half).

sealed = nonce (12 bytes) || AES-256-GCM(key, plaintext, aad). A photo's
plaintext is a 4-byte big-endian length, that many bytes of JSON (where the
photo belongs: site, lesion, modality, file name), then the image bytes. The
associated data binds a sealed object to its purpose and upload id, so that
a photo cannot be replayed as another one.
"""

from __future__ import annotations

import json
import secrets
import struct
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pixiodoc_desktop.errors import UploadRefused

NONCE = 12
TAG = 16
PHOTO_AAD = "pixiodoc-phone/v1/photo/"
INFO_AAD = "pixiodoc-phone/v1/info"
GHOST_AAD = "pixiodoc-phone/v1/ghost"
MAX_META = 4096


def seal(key: bytes, plaintext: bytes, aad: str) -> bytes:
    nonce = secrets.token_bytes(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad.encode())


def unseal(key: bytes, sealed: bytes, aad: str) -> bytes:
    if len(sealed) < NONCE + TAG:
        raise UploadRefused(
            "The upload is too short to be an encrypted photo", reason="bad-key", status=400
        )
    try:
        return AESGCM(key).decrypt(sealed[:NONCE], sealed[NONCE:], aad.encode())
    except InvalidTag:
        raise UploadRefused(
            "The upload cannot be decrypted with this pairing's key "
            "(a wrong key, or the data was altered on the way)",
            reason="bad-key",
            status=400,
        ) from None


def seal_photo(key: bytes, upload_id: str, meta: dict[str, Any], image: bytes) -> bytes:
    """What the page sends (used by tests and the benchmark to act as a phone)."""
    head = json.dumps(meta).encode()
    return seal(key, struct.pack(">I", len(head)) + head + image, PHOTO_AAD + upload_id)


def open_photo(key: bytes, upload_id: str, sealed: bytes) -> tuple[dict[str, Any], bytes]:
    """The photo's placement and image bytes; refuses a wrong key or a damaged envelope."""
    plain = unseal(key, sealed, PHOTO_AAD + upload_id)
    if len(plain) < 4:
        raise UploadRefused("The upload holds no photo", reason="damaged", status=400)
    (length,) = struct.unpack(">I", plain[:4])
    if length > MAX_META or 4 + length > len(plain):
        raise UploadRefused("The upload's description is damaged", reason="damaged", status=400)
    try:
        meta = json.loads(plain[4 : 4 + length])
    except (ValueError, UnicodeDecodeError):
        meta = None
    if not isinstance(meta, dict):
        raise UploadRefused("The upload's description is damaged", reason="damaged", status=400)
    return meta, plain[4 + length :]
