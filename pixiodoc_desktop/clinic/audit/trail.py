"""The audit trail: who did what to which record, when, where, with what outcome.

Exactly the 27 event types of DESIGN.md §8. Events are append-only and
chained per device: each carries the hash of the one before, and a MAC of
its own hash under a key derived from WK. The chain tip of each device is
kept in the settings table, sealed with a MAC, so cutting off the newest
events shows too. Retention purges the oldest events and leaves a sealed
checkpoint (the last purged event's seq and hash) from which `verify_chain`
starts, so a purged trail still verifies and a forged checkpoint does not.
Details never hold patient data (ids only, counts, formats).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.vault.schema import AuditEvent, Setting, utcnow

GENESIS = b"\x00" * 32


class EventType(StrEnum):
    LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED"
    LOGIN_FAILED = "LOGIN_FAILED"
    LOGGED_OUT = "LOGGED_OUT"
    SESSION_LOCKED = "SESSION_LOCKED"
    USER_CREATED = "USER_CREATED"
    USER_DEACTIVATED = "USER_DEACTIVATED"
    ROLE_CHANGED = "ROLE_CHANGED"
    CREDENTIAL_CHANGED = "CREDENTIAL_CHANGED"
    EMERGENCY_ACCESS_STARTED = "EMERGENCY_ACCESS_STARTED"
    EMERGENCY_ACCESS_ENDED = "EMERGENCY_ACCESS_ENDED"
    ACCESS_GRANTED = "ACCESS_GRANTED"
    ACCESS_REVOKED = "ACCESS_REVOKED"
    PATIENT_CREATED = "PATIENT_CREATED"
    PATIENT_VIEWED = "PATIENT_VIEWED"
    PATIENT_UPDATED = "PATIENT_UPDATED"
    PATIENT_ERASED = "PATIENT_ERASED"
    PATIENT_SEARCHED = "PATIENT_SEARCHED"
    PHOTO_ADDED = "PHOTO_ADDED"
    PHOTO_VIEWED = "PHOTO_VIEWED"
    PHOTO_MODIFIED = "PHOTO_MODIFIED"
    PHOTO_DELETED = "PHOTO_DELETED"
    DATA_EXPORTED = "DATA_EXPORTED"
    BACKUP_OR_RESTORE = "BACKUP_OR_RESTORE"
    SYNC_RUN = "SYNC_RUN"
    SECURITY_SETTING_CHANGED = "SECURITY_SETTING_CHANGED"
    SECURITY_ALERT = "SECURITY_ALERT"
    AUDIT_LOG_ACCESSED = "AUDIT_LOG_ACCESSED"


class Outcome(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event before it is chained: what the acting service knows."""

    event_type: EventType
    actor_id: str | None
    patient_id: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    outcome: Outcome = Outcome.SUCCESS
    details: dict[str, Any] | None = None


def _canonical(event: AuditEvent) -> bytes:
    body = {
        "device": event.device_id,
        "seq": event.seq,
        "at": event.at.isoformat(timespec="microseconds"),
        "type": event.event_type,
        "actor": event.actor_id,
        "patient": event.patient_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": event.outcome,
        "details": event.details,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()


def event_hash(event: AuditEvent) -> bytes:
    return hashlib.sha256(bytes(event.prev_hash) + _canonical(event)).digest()


def _tip_key(device_id: str) -> str:
    return f"audit_tip:{device_id}"


def _checkpoint_key(device_id: str) -> str:
    return f"audit_checkpoint:{device_id}"


def _seal(audit_key: bytes, kind: str, device_id: str, seq: int, digest: bytes) -> str:
    """ "seq:hash:mac" with the MAC binding kind (tip/checkpoint), device, seq and hash."""
    message = f"{kind}:{device_id}:{seq}:{digest.hex()}".encode()
    mac = hmac.new(audit_key, message, hashlib.sha256).hexdigest()
    return f"{seq}:{digest.hex()}:{mac}"


def _unseal(audit_key: bytes, kind: str, device_id: str, value: str) -> tuple[int, bytes] | None:
    """(seq, hash) of a sealed value, or None when it is malformed or its seal is wrong."""
    parts = value.split(":")
    if len(parts) != 3:
        return None
    try:
        seq, digest = int(parts[0]), bytes.fromhex(parts[1])
    except ValueError:
        return None
    if not hmac.compare_digest(_seal(audit_key, kind, device_id, seq, digest), value):
        return None
    return seq, digest


def _read_tip(session: Session, device_id: str) -> tuple[int, bytes]:
    row = session.get(Setting, _tip_key(device_id))
    if row is None:
        return 0, GENESIS
    seq_text, hash_hex = row.value.split(":")[:2]
    return int(seq_text), bytes.fromhex(hash_hex)


def seal_checkpoint(
    session: Session, *, device_id: str, audit_key: bytes, seq: int, digest: bytes
) -> None:
    """Record (sealed) that this device's events up to `seq` were purged; `digest` is
    the hash of event `seq`, which the first kept event chains onto."""
    value = _seal(audit_key, "checkpoint", device_id, seq, digest)
    row = session.get(Setting, _checkpoint_key(device_id))
    if row is None:
        session.add(Setting(key=_checkpoint_key(device_id), value=value))
    else:
        row.value = value


def append(
    session: Session,
    *,
    device_id: str,
    audit_key: bytes,
    draft: EventDraft,
    at: dt.datetime | None = None,
) -> AuditEvent:
    """Chain `draft` onto this device's trail inside `session`'s transaction."""
    seq, prev = _read_tip(session, device_id)
    event = AuditEvent(
        device_id=device_id,
        seq=seq + 1,
        at=at or utcnow(),
        event_type=str(draft.event_type),
        actor_id=draft.actor_id,
        patient_id=draft.patient_id,
        object_type=draft.object_type,
        object_id=draft.object_id,
        outcome=str(draft.outcome),
        details=dict(draft.details or {}),
        prev_hash=prev,
    )
    event.hash = event_hash(event)
    event.mac = hmac.new(audit_key, event.hash, hashlib.sha256).digest()
    session.add(event)
    record_tip(session, device_id=device_id, audit_key=audit_key, seq=event.seq, digest=event.hash)
    return event


def record_tip(
    session: Session, *, device_id: str, audit_key: bytes, seq: int, digest: bytes
) -> None:
    """Set a device's chain tip, sealed (also for sync, after appending another device's events)."""
    value = _seal(audit_key, "tip", device_id, seq, digest)
    tip = session.get(Setting, _tip_key(device_id))
    if tip is None:
        session.add(Setting(key=_tip_key(device_id), value=value))
    else:
        tip.value = value


@dataclass(frozen=True, slots=True)
class ChainFault:
    device_id: str
    seq: int
    row_id: int | None
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row_id}" if self.row_id is not None else "end of trail"
        return f"audit event {self.seq} of device {self.device_id[:8]} ({where}): {self.reason}"


def verify_chain(session: Session, audit_key: bytes) -> list[ChainFault]:
    """The first bad event of each device's chain (empty when all is intact)."""
    faults: list[ChainFault] = []
    devices = session.scalars(select(AuditEvent.device_id).distinct()).all()
    tips: dict[str, str] = {}
    checkpoints: dict[str, str] = {}
    for row in session.scalars(
        select(Setting).where(
            Setting.key.like("audit_tip:%") | Setting.key.like("audit_checkpoint:%")
        )
    ):
        kind, _, device = row.key.partition(":")
        (tips if kind == "audit_tip" else checkpoints)[device] = row.value
    local = session.get(Setting, "device_id")
    for device in sorted(set(devices) | set(tips) | set(checkpoints)):
        fault = _verify_device(
            session,
            audit_key,
            device,
            tips.get(device),
            checkpoints.get(device),
            local=local is not None and local.value == device,
        )
        if fault is not None:
            faults.append(fault)
    return faults


def _verify_device(
    session: Session,
    audit_key: bytes,
    device: str,
    tip: str | None,
    checkpoint: str | None,
    *,
    local: bool = True,
) -> ChainFault | None:
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.id)
    ).all()
    prev = GENESIS
    expected_seq = 1
    if checkpoint is not None:
        sealed = _unseal(audit_key, "checkpoint", device, checkpoint)
        if sealed is None:
            first = events[0].seq if events else 1
            return ChainFault(
                device,
                first,
                None,
                "the retention checkpoint was altered (its seal does not match)",
            )
        expected_seq, prev = sealed[0] + 1, sealed[1]
    for event in events:
        if event.seq != expected_seq:
            return ChainFault(
                device, expected_seq, event.id, f"missing or out of order (found {event.seq})"
            )
        if bytes(event.prev_hash) != prev:
            return ChainFault(device, event.seq, event.id, "does not follow the event before it")
        recomputed = event_hash(event)
        if not hmac.compare_digest(recomputed, bytes(event.hash)):
            return ChainFault(device, event.seq, event.id, "content was altered")
        good_mac = hmac.new(audit_key, recomputed, hashlib.sha256).digest()
        if not hmac.compare_digest(good_mac, bytes(event.mac)):
            return ChainFault(device, event.seq, event.id, "seal (MAC) does not match")
        prev = recomputed
        expected_seq += 1
    if tip is None:
        return (
            ChainFault(device, expected_seq, None, "the chain tip record is missing")
            if events or checkpoint is not None
            else None
        )
    sealed_tip = _unseal(audit_key, "tip", device, tip)
    if sealed_tip is None and not local and tip.count(":") == 1:
        # Another device's tip as an older sync wrote it (unsealed): still compared.
        seq_text, hash_hex = tip.split(":")
        with contextlib.suppress(ValueError):
            sealed_tip = int(seq_text), bytes.fromhex(hash_hex)
    if sealed_tip is None:
        return ChainFault(
            device, expected_seq, None, "the chain tip record was altered (its seal does not match)"
        )
    tip_seq, tip_hash = sealed_tip
    if tip_seq != expected_seq - 1 or tip_hash != prev:
        return ChainFault(
            device, expected_seq, None, f"events after {expected_seq - 1} were removed"
        )
    return None
