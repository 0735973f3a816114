"""Who made a case bundle: the clinic's Ed25519 signature and whether this clinic knows the key.

Encryption says who may open a bundle, not who made it: anyone holding a
clinic's public case key can send it a bundle. So every bundle is signed
with the sending clinic's signing key (an Ed25519 pair made on first use and
kept in the vault's encrypted database, like the case key; a workspace-key
rotation re-encrypts it with the rest). The header names the signer's public
key (it is authenticated with the contents) and the signature over
everything before it ends the file; a bad signature is refused as altered.

A valid signature proves only that the holder of that key made the bundle.
The sender counts as *verified* when this clinic knows the key: it came
inside the colleague's case key text (`pixiodoc case key` prints both keys)
when this clinic sent them a bundle. Otherwise the import says so and shows
the key's fingerprint, to compare with the sender by phone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.exchange.case_bundle.container import BundleRefused
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.vault.schema import Setting

SIGNING_KEY_SETTING = "case_bundle_ed25519_private"
KNOWN_SENDERS_SETTING = "case_bundle_known_senders"
SIGNATURE_LENGTH = 64


@dataclass(frozen=True, slots=True)
class Sender:
    """What the import can say about who made the bundle."""

    signed: bool
    verified: bool = False
    fingerprint: str = ""

    @property
    def text(self) -> str:
        if not self.signed:
            return "sender not verified (the bundle is not signed)"
        if self.verified:
            return f"sender verified (key {self.fingerprint})"
        return (
            f"sender not verified (signed with key {self.fingerprint}, "
            "which this clinic has not exchanged keys with; compare it with the sender)"
        )


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw: bytes) -> str:
    digest = hashlib.sha256(b"pixiodoc case signer" + raw).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def signing_key(ws: Workstation, actor: Actor) -> Ed25519PrivateKey:
    """This clinic's signing key (made on first use, audited like the case key)."""
    stored = ws.vault.setting(SIGNING_KEY_SETTING)
    if stored is None:
        raw = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        with ws.unit_of_work(actor) as uow:
            if uow.session.get(Setting, SIGNING_KEY_SETTING) is None:
                uow.session.add(Setting(key=SIGNING_KEY_SETTING, value=raw.hex()))
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.SECURITY_SETTING_CHANGED,
                        actor.user_id,
                        object_type="setting",
                        object_id="case signing key",
                        details={"setting": "case bundle signing key", "action": "created"},
                    )
                )
        stored = ws.vault.setting(SIGNING_KEY_SETTING)
        assert stored is not None
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))


def known_senders(ws: Workstation) -> dict[str, str]:
    """Fingerprint -> where the key came from, for keys this clinic has exchanged."""
    try:
        known = json.loads(ws.vault.setting(KNOWN_SENDERS_SETTING) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in known.items()} if isinstance(known, dict) else {}


def remember_sender(ws: Workstation, actor: Actor, raw: bytes, where: str) -> None:
    """Keep a colleague's signing key (from the case key text we sent a bundle with)."""
    known = known_senders(ws)
    if fingerprint(raw) in known:
        return
    known[fingerprint(raw)] = where[:200]
    with ws.unit_of_work(actor) as uow:
        row = uow.session.get(Setting, KNOWN_SENDERS_SETTING)
        value = json.dumps(known, sort_keys=True)
        if row is None:
            uow.session.add(Setting(key=KNOWN_SENDERS_SETTING, value=value))
        else:
            row.value = value


def check_signature(ws: Workstation, header: dict[str, object], data: bytes) -> Sender:
    """The sender of `data` (the whole file), or BundleRefused when its signature fails."""
    signer = header.get("signer")
    if signer is None:
        return Sender(signed=False)
    try:
        raw = bytes.fromhex(str(signer))
        public = Ed25519PublicKey.from_public_bytes(raw)
        public.verify(data[-SIGNATURE_LENGTH:], data[:-SIGNATURE_LENGTH])
    except (ValueError, InvalidSignature):
        raise BundleRefused(
            "The case bundle was altered after it was made (its signature does not match); "
            "ask for a new one"
        ) from None
    mark = fingerprint(raw)
    own = ws.vault.setting(SIGNING_KEY_SETTING)
    ours = own is not None and raw == raw_public(
        Ed25519PrivateKey.from_private_bytes(bytes.fromhex(own)).public_key()
    )
    return Sender(signed=True, verified=ours or mark in known_senders(ws), fingerprint=mark)
