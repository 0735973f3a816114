"""Open a case bundle: derive the key, decrypt, unzip, check the expiry.

Expired, tampered or wrongly unlocked bundles are refused with BundleRefused
before anything is written.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import zipfile
from collections.abc import Callable
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
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.keys import KdfParams


def open_bundle(
    data: bytes,
    *,
    passphrase: str | None,
    private_key: Callable[[], X25519PrivateKey],
    today: dt.date,
) -> dict[str, Any]:
    """Decrypt and check a bundle; returns its manifest with the objects under "_objects"."""
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
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
            manifest["_objects"] = {
                name: archive.read(name) for name in archive.namelist() if name != "manifest.json"
            }
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise BundleRefused("The case bundle's contents are damaged") from None
    expires = dt.date.fromisoformat(str(manifest.get("expires")))
    if expires != dt.date.fromisoformat(str(header.get("expires"))):
        raise BundleRefused("The case bundle was altered (its expiry dates disagree)")
    if expires < today:
        raise BundleRefused(f"This case bundle expired on {expires}; ask for a new one")
    return manifest
