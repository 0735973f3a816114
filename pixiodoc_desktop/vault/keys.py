"""The key hierarchy of the vault (DESIGN.md §2).

One random workspace key (WK) is the clinic's root. It is stored only
wrapped: once per clinician under an Argon2id key from their password, and
once under the recovery key printed at setup. Every other key is derived
from WK with HKDF (database, blob ids, audit MAC, header MAC) or is random
and wrapped by WK (a patient's data key), so that destroying a patient key
shreds that patient's images everywhere.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from pixiodoc_desktop.errors import HeaderAltered, InvalidInput, VaultDamaged

# The `cryptography` primitives, hashlib, hmac and secrets (OpenSSL's libcrypto) are
# imported inside the functions that use them: the unlock screen reads vault.json
# (KdfParams, b64) before its first paint, and OpenSSL is not needed until a password
# is tried (issue 19).

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

# Crockford's base32 alphabet: no I, L, O, U, so a key read aloud or typed
# from paper is hard to get wrong.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_DATA_CHARS = 32  # 160 bits
_RECOVERY_CHECK_CHARS = 4  # 20-bit checksum catches typos before any KDF work
_RECOVERY_GROUP = 4


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost, stored in vault.json so that it can be raised later."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    def within_bounds(self) -> bool:
        """Between OWASP's floor and a cap that keeps one unlock to a few seconds.

        Lowering the settings in vault.json only makes the password fail, but
        raising them to the limits of Argon2 turns every unlock into minutes of
        work and gigabytes of memory: a denial of service by editing one file.
        """
        return (
            KDF_FLOOR.memory_kib <= self.memory_kib <= KDF_CAP.memory_kib
            and KDF_FLOOR.iterations <= self.iterations <= KDF_CAP.iterations
            and KDF_FLOOR.lanes <= self.lanes <= KDF_CAP.lanes
        )

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        try:
            if data["algorithm"] != "argon2id":
                raise VaultDamaged(
                    f"vault.json names an unknown key derivation {data['algorithm']!r}"
                )
            params = cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise VaultDamaged("vault.json has unreadable key derivation settings") from exc
        if not params.within_bounds():
            raise HeaderAltered(
                "vault.json was altered: its key derivation settings (memory "
                f"{params.memory_kib} KiB, {params.iterations} passes, {params.lanes} lanes) "
                "are outside what PixioDoc writes. Restore vault.json from a backup."
            )
        return params


# Tuned on the reference 2-core machine to ~0.35 s per unlock: well above
# OWASP's floor of 19 MiB / t=2, slow enough to make guessing expensive,
# quick enough for a clinician logging in between patients.
STANDARD_KDF = KdfParams(memory_kib=128 * 1024, iterations=5, lanes=4)
# The floor OWASP recommends; used by tests and benchmarks to keep them fast.
MINIMUM_KDF = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
# What vault.json may hold: never below the floor, never above 4x the standard
# memory and 2x its passes (about 3 s per unlock on the reference machine).
KDF_FLOOR = MINIMUM_KDF
KDF_CAP = KdfParams(memory_kib=512 * 1024, iterations=10, lanes=8)


def random_key() -> bytes:
    import secrets

    return secrets.token_bytes(KEY_BYTES)


def password_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a clinician's password into a key-wrapping key (Argon2id, RFC 9106).

    argon2-cffi (the reference implementation) fills the lanes on as many threads, so
    the standard four lanes share both cores of an examination-room PC; cryptography's
    Argon2id fills them one after another on one core (twice the wait at unlock, for
    the same work an attacker must do). The key is the same (a test holds them equal).
    """
    from argon2.low_level import Type, hash_secret_raw  # at the first unlock, not at start

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=19,  # Argon2 1.3 (0x13), as RFC 9106 and cryptography use
    )


def derive_key(workspace_key: bytes, purpose: str, *, context: bytes = b"") -> bytes:
    """A subkey of WK for one purpose ("database", "blob-id", "audit", ...)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=context or None,
        info=f"pixiodoc/v1/{purpose}".encode(),
    )
    return hkdf.derive(workspace_key)


def wrap(kek: bytes, key: bytes, *, aad: bytes) -> bytes:
    """Encrypt `key` under `kek` with AES-256-GCM; the result is nonce || ciphertext."""
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(kek).encrypt(nonce, key, aad)


def unwrap(kek: bytes, wrapped: bytes, *, aad: bytes) -> bytes | None:
    """The wrapped key, or None if `kek` is wrong or the data was altered."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(wrapped) < NONCE_BYTES + 16:
        return None
    try:
        return AESGCM(kek).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], aad)
    except InvalidTag:
        return None


def mac(key: bytes, data: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(key, data, hashlib.sha256).digest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError) as exc:
        raise VaultDamaged(f"vault.json has an unreadable {what}") from exc


# --- recovery key ------------------------------------------------------------


def _encode_base32(data: bytes, chars: int) -> str:
    number = int.from_bytes(data, "big")
    out = []
    for _ in range(chars):
        out.append(_RECOVERY_ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(out))


def _recovery_check(data_chars: str) -> str:
    import hashlib

    digest = hashlib.sha256(b"pixiodoc-recovery" + data_chars.encode("ascii")).digest()
    return _encode_base32(digest[:3], _RECOVERY_CHECK_CHARS)


def new_recovery_key() -> str:
    """A printable recovery key: 9 groups of 4 characters, the last a checksum."""
    import secrets

    data = _encode_base32(secrets.token_bytes(20), _RECOVERY_DATA_CHARS)
    return format_recovery_key(data + _recovery_check(data))


def format_recovery_key(chars: str) -> str:
    return "-".join(chars[i : i + _RECOVERY_GROUP] for i in range(0, len(chars), _RECOVERY_GROUP))


def normalise_recovery_key(text: str) -> str:
    """Accept what a person types: any case, spaces or dashes, O for 0, I/L for 1.

    Raises InvalidInput when the key has the wrong length or a typo that the
    checksum catches, so a mistyped key is named as such and not as a wrong key.
    """
    import hmac

    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    total = _RECOVERY_DATA_CHARS + _RECOVERY_CHECK_CHARS
    if len(cleaned) != total or any(ch not in _RECOVERY_ALPHABET for ch in cleaned):
        raise InvalidInput(
            f"A recovery key has {total} letters and digits in 9 groups of 4; "
            "please check what you typed"
        )
    data, check = cleaned[:_RECOVERY_DATA_CHARS], cleaned[_RECOVERY_DATA_CHARS:]
    if not hmac.compare_digest(_recovery_check(data), check):
        raise InvalidInput("The recovery key has a typo (its last group does not match)")
    return cleaned


def recovery_wrapping_key(recovery_key: str, salt: bytes) -> bytes:
    """The recovery key already holds 160 random bits, so HKDF suffices."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    cleaned = normalise_recovery_key(recovery_key)
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"pixiodoc/v1/recovery"
    )
    return hkdf.derive(cleaned.encode("ascii"))


@dataclass(frozen=True, slots=True)
class VaultKeys:
    """Everything derived from WK while the vault is unlocked."""

    workspace: bytes
    database: bytes
    blob_id: bytes
    audit: bytes
    header: bytes

    @classmethod
    def from_workspace(cls, wk: bytes, vault_id: str, *, blob_id: bytes | None = None) -> VaultKeys:
        """`blob_id` is the key of the vault's first WK, carried over rotations: image
        objects are named by it (and their encryption binds the name)."""
        context = vault_id.encode()
        return cls(
            workspace=wk,
            database=derive_key(wk, "database", context=context),
            blob_id=blob_id or derive_key(wk, "blob-id", context=context),
            audit=derive_key(wk, "audit", context=context),
            header=derive_key(wk, "header", context=context),
        )
