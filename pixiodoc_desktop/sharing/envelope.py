"""The link's encryption, the Python half of web/aesgcm.js and web/link.js.

sealed = nonce (12 bytes) || AES-256-GCM(key, plaintext, aad), as the phone
page's envelope. The link key K seals the index and every image; associated
data names the object, so one cannot stand in for another. The URL fragment
carries F: without a passcode K = F; with one, K is sealed under
SHA-256(F || PBKDF2-SHA256(passcode, salt, iterations)), so both the link and
the passcode are needed. A reply is sealed in the page to the clinic's X25519
key: ephemeral public key (32 bytes) || sealed, under HKDF-SHA256 of the shared
secret (salt = ephemeral || clinic public key).
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE = 12
TAG = 16
INDEX_AAD = "pixiodoc-link/v1/index/"
IMAGE_AAD = "pixiodoc-link/v1/image/"
KEY_AAD = "pixiodoc-link/v1/key"
REPLY_AAD = "pixiodoc-link/v1/reply/"
REPLY_INFO = b"pixiodoc-link/v1/reply"
PASSCODE_ITERATIONS = 600_000  # OWASP's figure for PBKDF2-HMAC-SHA256


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def from_b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def seal(key: bytes, plaintext: bytes, aad: str) -> bytes:
    nonce = secrets.token_bytes(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad.encode())


def unseal(key: bytes, sealed: bytes, aad: str) -> bytes | None:
    """The plaintext, or None when the key is wrong or the data was altered."""
    if len(sealed) < NONCE + TAG:
        return None
    try:
        return AESGCM(key).decrypt(sealed[:NONCE], sealed[NONCE:], aad.encode())
    except InvalidTag:
        return None


def passcode_wrapping_key(fragment: bytes, passcode: str, salt: bytes, iterations: int) -> bytes:
    stretched = hashlib.pbkdf2_hmac("sha256", passcode.encode(), salt, iterations)
    return hashlib.sha256(fragment + stretched).digest()


def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _reply_key(shared: bytes, ephemeral: bytes, clinic: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, ephemeral + clinic, REPLY_INFO).derive(shared)


def seal_reply(clinic: X25519PublicKey, plaintext: bytes, aad: str) -> bytes:
    """What the page does (tests and the benchmark act as the colleague's browser)."""
    ephemeral = X25519PrivateKey.generate()
    mine = raw_public(ephemeral.public_key())
    key = _reply_key(ephemeral.exchange(clinic), mine, raw_public(clinic))
    return mine + seal(key, plaintext, aad)


def open_reply(private: X25519PrivateKey, sealed: bytes, aad: str) -> bytes | None:
    """The reply's plaintext, or None when it was not sealed to this clinic or was altered."""
    if len(sealed) < 32 + NONCE + TAG:
        return None
    try:
        ephemeral = X25519PublicKey.from_public_bytes(sealed[:32])
        shared = private.exchange(ephemeral)
    except ValueError:
        return None
    key = _reply_key(shared, sealed[:32], raw_public(private.public_key()))
    return unseal(key, sealed[32:], aad)
