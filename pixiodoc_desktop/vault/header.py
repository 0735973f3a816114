"""vault.json: the only plain file of a vault.

It holds what is needed before the keys exist: the format version, the
vault id, the KDF settings, the wrapped workspace key per clinician and for
the recovery key, and the clinicians' logins so the unlock screen can offer
them. No patient data. A MAC under a key derived from WK, checked after
every unlock, detects edits to it (e.g. a clinician entry swapped in).
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pixiodoc_desktop.errors import VaultDamaged, VaultNotFound, VaultTooNew
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.durable import write_atomically

HEADER_NAME = "vault.json"
FORMAT_NAME = "pixiodoc-vault"
# Version of the on-disk layout (header, blob format). The database schema
# has its own, Alembic-managed version.
FORMAT_VERSION = 1

# In `extra`: per device, the audit seq this PC's trail had reached at its last
# login or lock (sealed with the header; see `clinic/audit/trail.read_tip`).
AUDIT_MARKS = "audit_marks"
DEMO_MARK = "demo_clinic"
DEMO_LANGUAGE = "demo_language"  # the language of the demo's sample texts
# Outside the seal: the wrong-password counters, mirrored from unlock-attempts.json
# (a wrong password gives no key to seal with), so deleting that file resets nothing.
ATTEMPTS = "unlock_attempts"  # in `extra`: the public demo clinic (see Vault.mark_as_demo)
RESTORE_HINT = "Restore the vault from your latest backup (pixiodoc vault restore)."


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """WK wrapped under one password (or the recovery key)."""

    salt: bytes
    wrapped: bytes
    kdf: keys.KdfParams | None  # None for the recovery key (HKDF, not Argon2id)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"salt": keys.b64(self.salt), "wrapped_key": keys.b64(self.wrapped)}
        if self.kdf is not None:
            out["kdf"] = self.kdf.to_json()
        return out

    @classmethod
    def from_json(cls, data: Any, *, with_kdf: bool) -> WrappedKey:
        try:
            kdf = keys.KdfParams.from_json(data["kdf"]) if with_kdf else None
            return cls(
                salt=keys.unb64(data["salt"], "salt"),
                wrapped=keys.unb64(data["wrapped_key"], "wrapped key"),
                kdf=kdf,
            )
        except (KeyError, TypeError) as exc:
            raise VaultDamaged(f"vault.json has an unreadable key entry. {RESTORE_HINT}") from exc


@dataclass(frozen=True, slots=True)
class Credential:
    """One clinician's login as the unlock screen needs it."""

    user_id: str
    login: str
    display_name: str
    key: WrappedKey


@dataclass(frozen=True, slots=True)
class VaultHeader:
    vault_id: str
    format_version: int
    credentials: tuple[Credential, ...]
    recovery: WrappedKey
    header_mac: bytes = b""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, recovery: WrappedKey) -> VaultHeader:
        import uuid

        return cls(str(uuid.uuid4()), FORMAT_VERSION, (), recovery)

    @property
    def aad_base(self) -> bytes:
        return f"pixiodoc-vault:{self.vault_id}".encode()

    def credential(self, login: str) -> Credential | None:
        wanted = login.strip().casefold()
        return next((c for c in self.credentials if c.login.casefold() == wanted), None)

    def with_credential(self, credential: Credential) -> VaultHeader:
        others = tuple(c for c in self.credentials if c.user_id != credential.user_id)
        return replace(self, credentials=(*others, credential))

    def without_credential(self, user_id: str) -> VaultHeader:
        return replace(self, credentials=tuple(c for c in self.credentials if c.user_id != user_id))

    def audit_mark(self, device_id: str) -> int:
        """The audit seq this device had reached when the header was last written (0: none)."""
        marks = self.extra.get(AUDIT_MARKS)
        value = marks.get(device_id, 0) if isinstance(marks, dict) else 0
        return value if isinstance(value, int) and value > 0 else 0

    def with_audit_mark(self, device_id: str, seq: int) -> VaultHeader:
        marks = self.extra.get(AUDIT_MARKS)
        marks = dict(marks) if isinstance(marks, dict) else {}
        marks[device_id] = max(seq, self.audit_mark(device_id))
        return replace(self, extra={**self.extra, AUDIT_MARKS: marks})

    def signed_body(self) -> bytes:
        """The canonical bytes covered by the header MAC."""
        return json.dumps(self._body(), sort_keys=True, separators=(",", ":")).encode()

    def sealed(self, header_key: bytes) -> VaultHeader:
        return replace(self, header_mac=keys.mac(header_key, self.signed_body()))

    def check_seal(self, header_key: bytes) -> bool:
        import hmac  # OpenSSL's libcrypto: after the unlock screen's paint

        return hmac.compare_digest(keys.mac(header_key, self.signed_body()), self.header_mac)

    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "vault_id": self.vault_id,
            "clinicians": [
                {
                    "user_id": c.user_id,
                    "login": c.login,
                    "display_name": c.display_name,
                    **c.key.to_json(),
                }
                for c in sorted(self.credentials, key=lambda c: c.user_id)
            ],
            "recovery": self.recovery.to_json(),
            **self.extra,
        }

    def to_bytes(self, *, attempts: dict[str, list[float]] | None = None) -> bytes:
        body = self._body()
        body["header_mac"] = keys.b64(self.header_mac)
        if attempts:
            body[ATTEMPTS] = attempts
        return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode()


def header_path(folder: Path) -> Path:
    return folder / HEADER_NAME


def read_header(folder: Path) -> VaultHeader:
    path = header_path(folder)
    if folder.exists() and not folder.is_dir():
        raise VaultNotFound(f"There is no vault at {folder} (it is a file, not a folder).")
    if not folder.is_dir():
        raise VaultNotFound(f"There is no vault at {folder} (the folder does not exist).")
    if not path.exists():
        if (folder / "vault.db").exists():
            raise VaultDamaged(f"The vault at {folder} has lost its vault.json. {RESTORE_HINT}")
        raise VaultNotFound(f"There is no vault at {folder} (no vault.json).")
    try:
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise VaultDamaged(
            f"The vault's vault.json at {folder} is damaged. {RESTORE_HINT}"
        ) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise VaultDamaged(f"{path} is not a PixioDoc vault header. {RESTORE_HINT}")
    version = raw.get("format_version")
    if not isinstance(version, int):
        raise VaultDamaged(f"The vault's vault.json at {folder} is damaged. {RESTORE_HINT}")
    if version > FORMAT_VERSION:
        raise VaultTooNew(
            f"This vault was written by a newer PixioDoc (vault format {version}; this "
            f"version reads up to {FORMAT_VERSION}). Update PixioDoc to open it."
        )
    try:
        credentials = tuple(
            Credential(
                user_id=str(entry["user_id"]),
                login=str(entry["login"]),
                display_name=str(entry["display_name"]),
                key=WrappedKey.from_json(entry, with_kdf=True),
            )
            for entry in raw["clinicians"]
        )
        known = {
            "format",
            "format_version",
            "vault_id",
            "clinicians",
            "recovery",
            "header_mac",
            ATTEMPTS,
        }
        return VaultHeader(
            vault_id=_vault_id(raw["vault_id"]),
            format_version=version,
            credentials=credentials,
            recovery=WrappedKey.from_json(raw["recovery"], with_kdf=False),
            header_mac=keys.unb64(raw["header_mac"], "header seal"),
            extra={k: v for k, v in raw.items() if k not in known},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise VaultDamaged(
            f"The vault's vault.json at {folder} is damaged. {RESTORE_HINT}"
        ) from exc


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _vault_id(value: object) -> str:
    """The vault id in uuid's canonical spelling (ValueError when it is not a UUID).

    What PixioDoc writes is already canonical and is taken as it is: the `uuid` module
    (with `platform`) loads only for another spelling, not before the unlock screen's
    first paint (issue 19)."""
    text = str(value)
    if _CANONICAL_UUID.fullmatch(text):
        return text
    import uuid

    return str(uuid.UUID(text))


def write_header(folder: Path, header: VaultHeader) -> None:
    """Write a sealed header, keeping the wrong-password counters already on disk."""
    write_atomically(
        header_path(folder), header.to_bytes(attempts=read_attempts(folder)), private=True
    )


def read_attempts(folder: Path) -> dict[str, list[float]]:
    """The counters mirrored in vault.json: login -> [failures, last failure, unreported]."""
    try:
        raw = json.loads(header_path(folder).read_bytes())
    except (OSError, ValueError):
        return {}
    found = raw.get(ATTEMPTS) if isinstance(raw, dict) else None
    out: dict[str, list[float]] = {}
    if isinstance(found, dict):
        for login, value in found.items():
            if isinstance(value, list) and len(value) == 3:
                with contextlib.suppress(TypeError, ValueError):
                    out[str(login)] = [float(v) for v in value]
    return out


def write_attempts(folder: Path, attempts: dict[str, list[float]]) -> None:
    """Mirror the counters into vault.json without touching (or needing the key for) the rest."""
    path = header_path(folder)
    raw = json.loads(path.read_bytes())
    if not isinstance(raw, dict):
        return
    if attempts:
        raw[ATTEMPTS] = attempts
    elif raw.pop(ATTEMPTS, None) is None:
        return
    write_atomically(
        path, (json.dumps(raw, indent=2, sort_keys=True) + "\n").encode(), private=True
    )
