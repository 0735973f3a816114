"""The clinic's case bundle service: its case key, export and import of `.pxcase` files."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.exchange.case_bundle import sender
from pixiodoc_desktop.clinic.exchange.case_bundle.container import (
    FORMAT,
    VERSION,
    check_value,
    format_public_key,
    hkdf,
    pack,
    parse_case_key,
    raw_public,
    read_header,
)
from pixiodoc_desktop.clinic.exchange.case_bundle.contents import gather
from pixiodoc_desktop.clinic.exchange.case_bundle.opening import (
    MAX_BUNDLE_BYTES,
    open_bundle,
    read_bundle_file,
)
from pixiodoc_desktop.clinic.exchange.case_bundle.recording import ImportedCase, record_case
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.imaging.source_file import megabytes
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.keys import STANDARD_KDF, KdfParams
from pixiodoc_desktop.vault.schema import Setting

MIN_PASSPHRASE = 12
MAX_DAYS = 365
DEFAULT_DAYS = 30
PRIVATE_KEY_SETTING = "case_bundle_x25519_private"
_HEADROOM = 1024 * 1024  # the header, nonce and tag around the payload


@dataclass(frozen=True, slots=True)
class ExportedCase:
    path: Path
    visits: int
    photos: int
    expires: dt.date


class CaseBundles:
    def __init__(self, workstation: Workstation, *, kdf: KdfParams = STANDARD_KDF) -> None:
        self.ws = workstation
        self.kdf = kdf

    # --- this vault's own case key -------------------------------------------------

    def _private_key(self, actor: Actor) -> X25519PrivateKey:
        """This vault's case key pair (made on first use, kept in the encrypted database)."""
        stored = self.ws.vault.setting(PRIVATE_KEY_SETTING)
        if stored is not None:
            return X25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
        private = X25519PrivateKey.generate()
        raw = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        with self.ws.unit_of_work(actor) as uow:
            if uow.session.get(Setting, PRIVATE_KEY_SETTING) is None:
                uow.session.add(Setting(key=PRIVATE_KEY_SETTING, value=raw.hex()))
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.SECURITY_SETTING_CHANGED,
                        actor.user_id,
                        object_type="setting",
                        object_id="case key",
                        details={"setting": "case bundle key", "action": "created"},
                    )
                )
        stored = self.ws.vault.setting(PRIVATE_KEY_SETTING)
        assert stored is not None
        return X25519PrivateKey.from_private_bytes(bytes.fromhex(stored))

    def public_key(self, actor: Actor) -> str:
        """The text a colleague needs to send this clinic a bundle only it can open."""
        signer = sender.raw_public(sender.signing_key(self.ws, actor).public_key())
        return format_public_key(self._private_key(actor).public_key(), signer)

    # --- export --------------------------------------------------------------------------

    def export(
        self,
        actor: Actor,
        patient_id: str,
        visit_ids: list[str],
        out: Path,
        *,
        passphrase: str | None = None,
        recipient_key: str | None = None,
        expires: dt.date | None = None,
    ) -> ExportedCase:
        if (passphrase is None) == (recipient_key is None):
            raise InvalidInput("Protect the bundle with a passphrase or a colleague's case key")
        if passphrase is not None and len(passphrase) < MIN_PASSPHRASE:
            raise InvalidInput(f"Use a passphrase of at least {MIN_PASSPHRASE} characters")
        recipient, recipient_signer = (
            parse_case_key(recipient_key) if recipient_key is not None else (None, None)
        )
        today = dt.date.today()
        expires = expires or today + dt.timedelta(days=DEFAULT_DAYS)
        if not today < expires <= today + dt.timedelta(days=MAX_DAYS):
            raise InvalidInput(f"The expiry date must lie within the next {MAX_DAYS} days")
        if not visit_ids:
            raise InvalidInput("Choose at least one visit to share")
        if out.is_dir() or not out.parent.is_dir():
            raise InvalidInput(
                f"Cannot write the bundle to {out}; give a file in an existing folder"
            )
        target = out if out.suffix == ".pxcase" else out.with_name(out.name + ".pxcase")
        payload, counts = gather(self.ws, actor, patient_id, visit_ids, today, expires)
        if len(payload) > MAX_BUNDLE_BYTES - _HEADROOM:
            # Another PixioDoc would refuse it; say so here, before anything is written.
            raise InvalidInput(
                f"The chosen visits make a bundle of {megabytes(len(payload))} "
                f"(limit {megabytes(MAX_BUNDLE_BYTES - _HEADROOM)}); share fewer visits at a time"
            )
        header: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "expires": expires.isoformat(),
            "created": today.isoformat(),
        }
        if passphrase is not None:
            salt = secrets.token_bytes(16)
            key = keys.password_key(passphrase, salt, self.kdf)
            header["protection"] = {
                "type": "passphrase",
                "kdf": "argon2id",
                "salt": keys.b64(salt),
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
            }
        else:
            assert recipient is not None
            ephemeral = X25519PrivateKey.generate()
            salt = raw_public(ephemeral.public_key()) + raw_public(recipient)
            key = hkdf(ephemeral.exchange(recipient), salt)
            header["protection"] = {
                "type": "x25519",
                "ephemeral": keys.b64(raw_public(ephemeral.public_key())),
                "recipient": raw_public(recipient).hex()[:16],
            }
        header["check"] = check_value(key)
        signing = sender.signing_key(self.ws, actor)
        header["signer"] = sender.raw_public(signing.public_key()).hex()
        write_atomically(target, pack(header, payload, key, sign=signing.sign), private=True)
        if recipient_signer is not None:
            # Their key came from them, by whatever channel they chose: bundles they
            # send back count as from a verified sender.
            sender.remember_sender(
                self.ws, actor, recipient_signer, f"case key we sent a bundle to on {today}"
            )
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.DATA_EXPORTED,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                details={
                    "format": "case bundle",
                    "visits": counts[0],
                    "photos": counts[1],
                    "protection": header["protection"]["type"],
                    "expires": expires.isoformat(),
                },
            )
        )
        return ExportedCase(target, counts[0], counts[1], expires)

    # --- import ----------------------------------------------------------------------------

    def open_bundle(
        self,
        actor: Actor,
        data: bytes,
        *,
        passphrase: str | None = None,
        today: dt.date | None = None,
    ) -> dict[str, Any]:
        """Decrypt and check a bundle; returns its manifest with the objects under "_objects"
        and who made it (a `Sender`) under "_sender"."""
        header = read_header(data)[0]
        made_by = sender.check_signature(self.ws, header, data)
        manifest = open_bundle(
            data,
            passphrase=passphrase,
            private_key=lambda: self._private_key(actor),
            today=today or dt.date.today(),
        )
        manifest["_sender"] = made_by
        return manifest

    def import_file(
        self, actor: Actor, path: Path, *, passphrase: str | None = None
    ) -> ImportedCase:
        return self.import_bundle(actor, read_bundle_file(path), passphrase=passphrase)

    def import_bundle(
        self,
        actor: Actor,
        data: bytes,
        *,
        passphrase: str | None = None,
        today: dt.date | None = None,
    ) -> ImportedCase:
        """Create a View Only record from a bundle; `today` is for checking the expiry."""
        manifest = self.open_bundle(actor, data, passphrase=passphrase, today=today)
        return record_case(self.ws, actor, manifest)

    @staticmethod
    def expires_of(data: bytes) -> dt.date:
        """The expiry date a bundle states (readable without opening it)."""
        header = read_header(data)[0]
        return dt.date.fromisoformat(str(header.get("expires")))

    @staticmethod
    def default_expiry() -> dt.date:
        return dt.date.today() + dt.timedelta(days=DEFAULT_DAYS)
