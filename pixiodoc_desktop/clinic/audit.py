"""The audit trail: who did what to which record, when, where, with what outcome.

Exactly the 27 event types of DESIGN.md §8. Events are append-only and
chained per device: each carries the hash of the one before, and a MAC of
its own hash under a key derived from WK. The chain tip of each device is
kept in the settings table, so cutting off the newest events shows too.
Details never hold patient data (ids only, counts, formats).
"""

from __future__ import annotations

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


def _read_tip(session: Session, device_id: str) -> tuple[int, bytes]:
    row = session.get(Setting, _tip_key(device_id))
    if row is None:
        return 0, GENESIS
    seq_text, hash_hex = row.value.split(":", 1)
    return int(seq_text), bytes.fromhex(hash_hex)


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
    tip = session.get(Setting, _tip_key(device_id))
    value = f"{event.seq}:{event.hash.hex()}"
    if tip is None:
        session.add(Setting(key=_tip_key(device_id), value=value))
    else:
        tip.value = value
    return event


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
    tips = {
        row.key.split(":", 1)[1]: row.value
        for row in session.scalars(select(Setting).where(Setting.key.like("audit_tip:%")))
    }
    for device in sorted(set(devices) | set(tips)):
        fault = _verify_device(session, audit_key, device, tips.get(device))
        if fault is not None:
            faults.append(fault)
    return faults


def _verify_device(
    session: Session, audit_key: bytes, device: str, tip: str | None
) -> ChainFault | None:
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.id)
    ).all()
    prev = GENESIS
    expected_seq = 1
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
            if events
            else None
        )
    tip_seq, tip_hash = tip.split(":", 1)
    if int(tip_seq) != expected_seq - 1 or tip_hash != prev.hex():
        return ChainFault(
            device, expected_seq, None, f"events after {expected_seq - 1} were removed"
        )
    return None
