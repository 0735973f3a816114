"""Secure case sharing: selected visits of a patient as an encrypted `.pxcase` file.

For a colleague outside the practice (a second opinion, a referral). The
bundle holds the patient's minimal record (name, date of birth, sex), the
chosen visits, their photos (original and previews) and the patient's
consent decisions, zipped in memory and encrypted with AES-256-GCM under
a key from either

- a passphrase (Argon2id; told to the colleague by another channel), or
- the colleague's X25519 public key (`pixiodoc case key` in their vault prints
  it): an ephemeral key agreement, so only their vault can open it.

File layout: ``PXCASE1\\n`` + 4-byte header length + header JSON (the key
derivation, a key check value, the expiry) + nonce + ciphertext. The header
is the ciphertext's associated data, so changing the expiry or anything
else makes the bundle fail to open. Nothing readable about the patient is
outside the ciphertext. Export needs the record's Admin grant and the
patient's consent to sharing; it is audited as DATA_EXPORTED ("case
bundle"). Import creates a View Only record marked with its origin, audited
as PATIENT_CREATED with the origin in the details; expired, tampered or
wrongly unlocked bundles are refused and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import math
import secrets
import struct
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.access.permissions import Action, require
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.patients import search_key
from pixiodoc_desktop.clinic.records.vocabulary import ConsentScope
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PixioDocError, RecordNotFound
from pixiodoc_desktop.imaging.prepare import prepare_image
from pixiodoc_desktop.vault import keys, locking
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.durable import write_atomically
from pixiodoc_desktop.vault.keys import STANDARD_KDF, KdfParams
from pixiodoc_desktop.vault.schema import Consent, Grant, Patient, Photo, Setting, Visit

MAGIC = b"PXCASE1\n"
FORMAT = "pixiodoc-case"
VERSION = 1
MIN_PASSPHRASE = 12
MAX_DAYS = 365
DEFAULT_DAYS = 30
PRIVATE_KEY_SETTING = "case_bundle_x25519_private"
_HKDF_INFO = b"pixiodoc/v1/case-bundle"
_MAX_HEADER = 64 * 1024


class BundleRefused(PixioDocError):
    """A case bundle cannot be opened: wrong passphrase or key, expired, or altered."""


@dataclass(frozen=True, slots=True)
class ExportedCase:
    path: Path
    visits: int
    photos: int
    expires: dt.date


@dataclass(frozen=True, slots=True)
class ImportedCase:
    patient_id: str
    origin: str
    visits: int
    photos: int


def _check_value(key: bytes) -> str:
    return hmac.new(key, b"pixiodoc case key check", hashlib.sha256).hexdigest()[:16]


def _magnification(value: object) -> float | None:
    """The photo's optical magnification from a manifest (absent in older bundles)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value > 0 else None


def _hkdf(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(shared)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def parse_public_key(text: str) -> X25519PublicKey:
    """A colleague's case key as `pixiodoc case key` prints it (pxcase-x25519:<hex>)."""
    value = text.strip().removeprefix("pxcase-x25519:")
    try:
        raw = bytes.fromhex(value)
        if len(raw) != 32:
            raise ValueError
        return X25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise InvalidInput(
            "That is not a PixioDoc case key (expected pxcase-x25519: and 64 hex digits)"
        ) from None


def format_public_key(key: X25519PublicKey) -> str:
    return "pxcase-x25519:" + _raw_public(key).hex()


def _pack(header: dict[str, Any], payload: bytes, key: bytes) -> bytes:
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    aad = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
    nonce = secrets.token_bytes(12)
    return aad + nonce + AESGCM(key).encrypt(nonce, payload, aad)


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
    return header, data[:end], data[end : end + 12], data[end + 12 :]


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
        return format_public_key(self._private_key(actor).public_key())

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
        recipient = parse_public_key(recipient_key) if recipient_key is not None else None
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
        payload, counts = self._payload(actor, patient_id, visit_ids, today, expires)
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
            salt = _raw_public(ephemeral.public_key()) + _raw_public(recipient)
            key = _hkdf(ephemeral.exchange(recipient), salt)
            header["protection"] = {
                "type": "x25519",
                "ephemeral": keys.b64(_raw_public(ephemeral.public_key())),
                "recipient": _raw_public(recipient).hex()[:16],
            }
        header["check"] = _check_value(key)
        write_atomically(target, _pack(header, payload, key))
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

    def _deny(self, draft: audit.EventDraft, message: str) -> AccessDenied:
        self.ws.audit_alone(draft)
        return AccessDenied(message, draft)

    def _payload(
        self,
        actor: Actor,
        patient_id: str,
        visit_ids: list[str],
        today: dt.date,
        expires: dt.date,
    ) -> tuple[bytes, tuple[int, int]]:
        vault = self.ws.vault
        with self.ws.read_session() as session:
            patient = session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            try:
                require(session, actor, patient_id, Action.EXPORT)
            except AccessDenied as denied:
                self.ws.audit_alone(denied.draft)
                raise
            consents = list(
                session.scalars(
                    select(Consent)
                    .where(Consent.patient_id == patient_id)
                    .order_by(Consent.decided_on, Consent.created_at)
                )
            )
            in_force = {c.scope: c for c in consents}
            sharing = in_force.get(str(ConsentScope.SHARING))
            if sharing is None or not sharing.granted:
                raise self._deny(
                    audit.EventDraft(
                        audit.EventType.DATA_EXPORTED,
                        actor.user_id,
                        patient_id=patient_id,
                        object_type="patient",
                        object_id=patient_id,
                        outcome=audit.Outcome.DENIED,
                        details={"format": "case bundle", "reason": "no consent to sharing"},
                    ),
                    "The patient has not consented to sharing with colleagues; record that "
                    "consent first (scope 'sharing').",
                )
            visits = list(
                session.scalars(
                    select(Visit)
                    .where(Visit.id.in_(visit_ids), Visit.patient_id == patient_id, ~Visit.deleted)
                    .order_by(Visit.visit_date)
                )
            )
            if len(visits) != len(set(visit_ids)):
                raise InvalidInput("A chosen visit does not belong to this patient")
            photos = list(
                session.scalars(
                    select(Photo)
                    .where(Photo.visit_id.in_([v.id for v in visits]), ~Photo.deleted)
                    .order_by(Photo.captured_at, Photo.created_at)
                )
            )
            patient_key = vault.patient_key(session, patient_id)
            manifest: dict[str, Any] = {
                "format": FORMAT,
                "version": VERSION,
                "created": today.isoformat(),
                "expires": expires.isoformat(),
                "from_clinic": vault.setting("clinic_name") or "",
                "patient": {
                    "family_name": patient.family_name,
                    "given_name": patient.given_name,
                    "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
                    "sex": patient.sex,
                },
                "consents": [
                    {"scope": c.scope, "granted": c.granted, "decided_on": c.decided_on.isoformat()}
                    for c in in_force.values()
                ],
                "visits": [
                    {
                        "id": v.id,
                        "visit_date": v.visit_date.isoformat(),
                        "reason": v.reason,
                        "conditions": list(v.conditions),
                        "treatment": v.treatment,
                        "notes": v.notes,
                    }
                    for v in visits
                ],
                "photos": [],
            }
            objects: list[tuple[str, str]] = []
            for photo in photos:
                entry = {
                    "id": photo.id,
                    "visit_id": photo.visit_id,
                    "body_site": photo.body_site,
                    "modality": photo.modality,
                    "contact": photo.contact,
                    "device": photo.device,
                    "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
                    "tags": list(photo.tags),
                    "notes": photo.notes,
                    "calibration_px_per_mm": photo.calibration_px_per_mm,
                    "magnification": photo.magnification,
                    "media_type": photo.media_type,
                }
                for kind, blob in (
                    ("original", photo.blob_id),
                    ("thumbnail", photo.thumbnail_blob_id),
                    ("screen", photo.screen_blob_id),
                ):
                    name = f"photos/{photo.id}/{kind}"
                    entry[kind] = name
                    objects.append((name, blob))
                manifest["photos"].append(entry)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
            for name, blob in objects:
                archive.writestr(name, vault.blobs.get(blob, patient_key))
        return buffer.getvalue(), (len(visits), len(photos))

    # --- import ----------------------------------------------------------------------------

    def open_bundle(
        self,
        actor: Actor,
        data: bytes,
        *,
        passphrase: str | None = None,
        today: dt.date | None = None,
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
                private = self._private_key(actor)
                ephemeral = X25519PublicKey.from_public_bytes(
                    keys.unb64(protection["ephemeral"], "key")
                )
                salt = _raw_public(ephemeral) + _raw_public(private.public_key())
                key = _hkdf(private.exchange(ephemeral), salt)
                wrong = "This case bundle was made for another clinic's case key"
            else:
                raise BundleRefused("The case bundle is damaged (unknown protection)")
        except (KeyError, ValueError, TypeError, PixioDocError) as exc:
            if isinstance(exc, BundleRefused):
                raise
            raise BundleRefused("The case bundle is damaged (its header is unreadable)") from None
        if not hmac.compare_digest(str(header.get("check", "")), _check_value(key)):
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
                    name: archive.read(name)
                    for name in archive.namelist()
                    if name != "manifest.json"
                }
        except (zipfile.BadZipFile, KeyError, ValueError):
            raise BundleRefused("The case bundle's contents are damaged") from None
        expires = dt.date.fromisoformat(str(manifest.get("expires")))
        if expires != dt.date.fromisoformat(str(header.get("expires"))):
            raise BundleRefused("The case bundle was altered (its expiry dates disagree)")
        if expires < (today or dt.date.today()):
            raise BundleRefused(f"This case bundle expired on {expires}; ask for a new one")
        return manifest

    def import_file(
        self, actor: Actor, path: Path, *, passphrase: str | None = None
    ) -> ImportedCase:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Cannot read {path}: {exc.strerror}") from None
        return self.import_bundle(actor, data, passphrase=passphrase)

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
        objects: dict[str, bytes] = manifest["_objects"]
        try:
            person = manifest["patient"]
            created = str(manifest["created"])
            origin = f"Case bundle from {str(manifest['from_clinic'])[:200]}, made {created}"
            prepared = [
                (
                    entry,
                    prepare_image(
                        objects[entry["original"]], source_name=f"case photo {index + 1}"
                    ),
                )
                for index, entry in enumerate(manifest["photos"])
            ]
        except (KeyError, TypeError) as exc:
            raise BundleRefused("The case bundle's contents are incomplete") from exc
        vault = self.ws.vault
        patient_id = str(uuid.uuid4())
        written: list[str] = []
        try:
            with locking.writing(vault.folder), self.ws.unit_of_work(actor) as uow:
                session = uow.session
                plans.require_room_for_patient(session)
                birth = person.get("birth_date")
                family = str(person["family_name"])[:200]
                given = str(person.get("given_name") or "")[:200]
                session.add(
                    Patient(
                        id=patient_id,
                        family_name=family,
                        given_name=given,
                        search_key=search_key(family, given, None),
                        birth_date=dt.date.fromisoformat(birth) if birth else None,
                        sex=str(person.get("sex") or "unknown"),
                        notes="",
                        origin=origin[:300],
                    )
                )
                session.flush()
                pdk = vault.new_patient_key(session, patient_id)
                session.add(
                    Grant(
                        id=str(uuid.uuid4()),
                        patient_id=patient_id,
                        grantee=actor.user_id,
                        level="admin",
                    )
                )
                visit_ids: dict[str, str] = {}
                for v in manifest["visits"]:
                    visit_ids[v["id"]] = str(uuid.uuid4())
                    session.add(
                        Visit(
                            id=visit_ids[v["id"]],
                            patient_id=patient_id,
                            visit_date=dt.date.fromisoformat(v["visit_date"]),
                            reason=str(v.get("reason") or ""),
                            conditions=[str(c) for c in v.get("conditions") or []],
                            treatment=str(v.get("treatment") or ""),
                            notes=str(v.get("notes") or ""),
                        )
                    )
                for c in manifest.get("consents", []):
                    session.add(
                        Consent(
                            id=str(uuid.uuid4()),
                            patient_id=patient_id,
                            scope=str(c["scope"]),
                            granted=bool(c["granted"]),
                            decided_on=dt.date.fromisoformat(c["decided_on"]),
                            note="from case bundle",
                        )
                    )
                session.flush()
                for entry, image in prepared:
                    ids = []
                    for content in (image.stored, image.thumbnail, image.screen):
                        blob = blob_id_for(vault.keys.blob_id, patient_id, content)
                        if not vault.blobs.exists(blob):
                            vault.blobs.put(blob, content, pdk)
                            written.append(blob)
                        ids.append(blob)
                    captured = entry.get("captured_at")
                    session.add(
                        Photo(
                            id=str(uuid.uuid4()),
                            patient_id=patient_id,
                            visit_id=visit_ids[entry["visit_id"]],
                            body_site=entry.get("body_site"),
                            modality=str(entry.get("modality") or "overview"),
                            contact=entry.get("contact"),
                            device=entry.get("device"),
                            captured_at=dt.datetime.fromisoformat(captured) if captured else None,
                            width=image.width,
                            height=image.height,
                            bit_depth=image.bit_depth,
                            media_type=image.media_type,
                            size_bytes=len(image.stored),
                            blob_id=ids[0],
                            thumbnail_blob_id=ids[1],
                            screen_blob_id=ids[2],
                            source="import",
                            source_name="case bundle",
                            tags=[str(t) for t in entry.get("tags") or []],
                            annotations=[],
                            calibration_px_per_mm=entry.get("calibration_px_per_mm"),
                            magnification=_magnification(entry.get("magnification")),
                            notes=str(entry.get("notes") or ""),
                        )
                    )
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.PATIENT_CREATED,
                        actor.user_id,
                        patient_id=patient_id,
                        object_type="patient",
                        object_id=patient_id,
                        details={
                            "origin": "case bundle",
                            "visits": len(visit_ids),
                            "photos": len(prepared),
                        },
                    )
                )
        except BaseException:
            for blob in written:
                vault.blobs.delete(blob)
            raise
        return ImportedCase(patient_id, origin, len(manifest["visits"]), len(prepared))

    @staticmethod
    def expires_of(data: bytes) -> dt.date:
        """The expiry date a bundle states (readable without opening it)."""
        header = read_header(data)[0]
        return dt.date.fromisoformat(str(header.get("expires")))

    @staticmethod
    def default_expiry() -> dt.date:
        return dt.date.today() + dt.timedelta(days=DEFAULT_DAYS)
