"""Everything that goes into the bucket is encrypted here, on the workstation.

Keys come from the workspace key (WK) with HKDF, bound to the vault id:
"sync-ops" seals op batches and the clinic's directory, "sync-names" makes
the workspace's folder name, so that object names carry nothing but random
looking hex. Image objects travel exactly as stored locally (already
encrypted under the patient's key). Each sealed object binds its own name as
associated data: an object copied to another name fails to open.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.vault import keys

SEALED_MAGIC = b"PXS1"
_NONCE = 12


@dataclass(frozen=True, slots=True)
class SyncKeys:
    ops: bytes
    names: bytes
    vault_id: str

    @classmethod
    def derive(cls, workspace_key: bytes, vault_id: str) -> SyncKeys:
        context = vault_id.encode()
        return cls(
            ops=keys.derive_key(workspace_key, "sync-ops", context=context),
            names=keys.derive_key(workspace_key, "sync-names", context=context),
            vault_id=vault_id,
        )

    @property
    def workspace(self) -> str:
        """The clinic's folder in the bucket: a keyed hash of the vault id, not its name."""
        return hmac.new(self.names, b"workspace:" + self.vault_id.encode(), "sha256").hexdigest()[
            :32
        ]


def seal(key: bytes, plaintext: bytes, *, name: str) -> bytes:
    nonce = secrets.token_bytes(_NONCE)
    return SEALED_MAGIC + nonce + AESGCM(key).encrypt(nonce, plaintext, name.encode())


def open_sealed(key: bytes, data: bytes, *, name: str) -> bytes:
    if len(data) < len(SEALED_MAGIC) + _NONCE + 16 or not data.startswith(SEALED_MAGIC):
        raise SyncDataDamaged(f"The sync object {_short(name)} is not a PixioDoc object.")
    nonce = data[len(SEALED_MAGIC) : len(SEALED_MAGIC) + _NONCE]
    try:
        return AESGCM(key).decrypt(nonce, data[len(SEALED_MAGIC) + _NONCE :], name.encode())
    except InvalidTag as exc:
        raise SyncDataDamaged(
            f"The sync object {_short(name)} fails authentication (altered, or not this "
            "clinic's); it was not applied."
        ) from exc


def seal_json(key: bytes, document: dict[str, Any], *, name: str) -> bytes:
    raw = json.dumps(document, separators=(",", ":"), sort_keys=True, default=str).encode()
    return seal(key, zlib.compress(raw, 6), name=name)


def open_json(key: bytes, data: bytes, *, name: str) -> dict[str, Any]:
    plain = open_sealed(key, data, name=name)
    try:
        document = json.loads(zlib.decompress(plain))
    except (zlib.error, ValueError) as exc:
        raise SyncDataDamaged(f"The sync object {_short(name)} is unreadable.") from exc
    if not isinstance(document, dict):
        raise SyncDataDamaged(f"The sync object {_short(name)} is unreadable.")
    return document


def _short(name: str) -> str:
    return name.rsplit("/", 1)[-1][:16]


# --- enrollment codes -----------------------------------------------------------

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ID_CHARS = 8  # 40 bits: names the enrollment object in the bucket
_SECRET_CHARS = 24  # 120 bits: never leaves the Admin's screen and the new PC
_CHECK_CHARS = 4


def _check(chars: str) -> str:
    digest = hashlib.sha256(b"pixiodoc-enroll" + chars.encode()).digest()
    number = int.from_bytes(digest[:3], "big")
    return "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in range(_CHECK_CHARS))


def new_enrollment_code() -> tuple[str, str, str]:
    """(code shown to the Admin, enrollment id, secret)."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(_ID_CHARS + _SECRET_CHARS))
    full = chars + _check(chars)
    code = "-".join(full[i : i + 4] for i in range(0, len(full), 4))
    return code, chars[:_ID_CHARS], chars[_ID_CHARS:]


def parse_enrollment_code(text: str) -> tuple[str, str]:
    """(enrollment id, secret) of a typed code; raises EnrollmentInvalid on a typo."""
    from pixiodoc_desktop.errors import EnrollmentInvalid

    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    total = _ID_CHARS + _SECRET_CHARS + _CHECK_CHARS
    if len(cleaned) != total or any(ch not in _ALPHABET for ch in cleaned):
        raise EnrollmentInvalid(
            f"An enrollment code has {total} letters and digits in groups of 4; check what you typed."
        )
    body, check = cleaned[:-_CHECK_CHARS], cleaned[-_CHECK_CHARS:]
    if not hmac.compare_digest(_check(body), check):
        raise EnrollmentInvalid("The enrollment code has a typo (its last group does not match).")
    return body[:_ID_CHARS], body[_ID_CHARS:]


def enrollment_key(secret: str, salt: bytes, params: keys.KdfParams) -> bytes:
    return keys.password_key(secret, salt, params)
