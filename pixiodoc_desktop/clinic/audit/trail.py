"""The audit trail: who did what to which record, when, where, with what outcome.

Exactly the 27 event types of DESIGN.md §8. Events are append-only and
chained per device: each carries the hash of the one before, and a MAC of
its own hash under a key derived from WK. The chain tip of each device is
kept in the settings table, sealed with a MAC, so cutting off the newest
events shows too. Every append checks that tip (its seal, the events present,
and the mark vault.json keeps of this PC's seq); a tip that fails is not
trusted but named, by a SECURITY_ALERT chained in through a break link that
verify reports for good (docs/security.md). Retention purges the oldest events and leaves a sealed
checkpoint (the last purged event's seq and hash) from which `verify_chain`
starts, so a purged trail still verifies and a forged checkpoint does not
(the links, seals and `verify_chain` are in `chain`, also importable from here).
Details never hold patient data (ids only, counts, formats).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit.chain import (
    GENESIS,
    ChainFault,
    break_link,
    check_floor,
    checkpoint_key,
    event_hash,
    seal,
    tip_key,
    unseal,
    verify_chain,
)
from pixiodoc_desktop.vault.schema import AuditEvent, Setting, utcnow

__all__ = [
    "GENESIS",
    "ChainFault",
    "EventDraft",
    "EventType",
    "Outcome",
    "Tip",
    "append",
    "append_all",
    "break_link",
    "check_floor",
    "event_hash",
    "read_tip",
    "record_tip",
    "reseal",
    "seal_checkpoint",
    "verify_chain",
]

log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class Tip:
    """Where this device's chain goes on: the newest event's seq and hash.

    `fault` says why the stored tip cannot be trusted (altered, missing, ahead
    of the events that are there, behind vault.json's mark); the chain then goes
    on from the events actually present, through a break link.
    """

    seq: int
    digest: bytes
    fault: str | None = None


def read_tip(session: Session, device_id: str, audit_key: bytes, *, floor: int = 0) -> Tip:
    """This device's chain tip, its seal checked against the events that are there.

    `floor` is the seq vault.json's sealed mark says this device had reached
    (see `Workstation.audit_floor`): a trail that ends before it was cut or rolled back.
    """
    row = session.get(Setting, tip_key(device_id))
    newest = session.execute(
        select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.device_id == device_id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    last = (int(newest[0]), bytes(newest[1])) if newest is not None else None
    base = _base(session, device_id, audit_key, last)
    if row is None:
        if last is not None or session.get(Setting, checkpoint_key(device_id)) is not None:
            return replace(base, fault="the chain tip record is missing")
        if floor > 0:
            return replace(
                base,
                fault=f"the trail is empty, but vault.json says this PC had written {floor} events",
            )
        return base
    sealed = unseal(audit_key, "tip", device_id, row.value)
    if sealed is None:
        return replace(base, fault="the chain tip record was altered (its seal does not match)")
    if sealed[0] > base.seq:
        return replace(
            base, fault=f"events after {base.seq} were removed (the tip names {sealed[0]})"
        )
    if (sealed[0], sealed[1]) != (base.seq, base.digest):
        return replace(base, fault=f"the chain tip does not name the newest event ({base.seq})")
    if base.seq < floor:
        return replace(
            base,
            fault=f"the trail ends at event {base.seq}, but vault.json says this PC had written "
            f"{floor} (rolled back to an older copy?)",
        )
    return base


def _base(
    session: Session, device_id: str, audit_key: bytes, last: tuple[int, bytes] | None
) -> Tip:
    """The newest event present (seq, hash), else the sealed checkpoint, else the genesis."""
    if last is not None:
        return Tip(*last)
    checkpoint = session.get(Setting, checkpoint_key(device_id))
    sealed = unseal(audit_key, "checkpoint", device_id, checkpoint.value) if checkpoint else None
    return Tip(sealed[0], sealed[1]) if sealed else Tip(0, GENESIS)


def seal_checkpoint(
    session: Session, *, device_id: str, audit_key: bytes, seq: int, digest: bytes
) -> None:
    """Record (sealed) that this device's events up to `seq` were purged; `digest` is
    the hash of event `seq`, which the first kept event chains onto."""
    value = seal(audit_key, "checkpoint", device_id, seq, digest)
    row = session.get(Setting, checkpoint_key(device_id))
    if row is None:
        session.add(Setting(key=checkpoint_key(device_id), value=value))
    else:
        row.value = value


def append(
    session: Session,
    *,
    device_id: str,
    audit_key: bytes,
    draft: EventDraft,
    at: dt.datetime | None = None,
    floor: int = 0,
) -> AuditEvent:
    """Chain `draft` onto this device's trail inside `session`'s transaction.

    When the tip fails its checks (see `read_tip`), a SECURITY_ALERT naming the
    fault is chained first through a break link, so the next event cannot
    launder a cut or rewritten trail into one that verifies.
    """
    return append_all(
        session, device_id=device_id, audit_key=audit_key, drafts=(draft,), at=at, floor=floor
    )[0]


def append_all(
    session: Session,
    *,
    device_id: str,
    audit_key: bytes,
    drafts: Sequence[EventDraft],
    at: dt.datetime | None = None,
    floor: int = 0,
) -> list[AuditEvent]:
    """Chain `drafts`, in order, as `append` chains one: the tip is read and checked once
    and sealed once, after the last (a batch import's commit carries one event a photo)."""
    if not drafts:
        return []
    tip = read_tip(session, device_id, audit_key, floor=floor)
    seq, prev = tip.seq, tip.digest
    if tip.fault is not None:
        log.warning("The audit trail of this PC was found broken; an alert is chained in")
        alert = _chained(
            device_id,
            audit_key,
            EventDraft(
                EventType.SECURITY_ALERT,
                None,
                outcome=Outcome.FAILURE,
                details={"check": "audit chain", "found": tip.fault},
            ),
            seq + 1,
            break_link(prev),
            at,
        )
        session.add(alert)
        seq, prev = alert.seq, bytes(alert.hash)
    events = []
    for draft in drafts:
        event = _chained(device_id, audit_key, draft, seq + 1, prev, at)
        session.add(event)
        events.append(event)
        seq, prev = event.seq, bytes(event.hash)
    record_tip(session, device_id=device_id, audit_key=audit_key, seq=seq, digest=prev)
    return events


def _chained(
    device_id: str,
    audit_key: bytes,
    draft: EventDraft,
    seq: int,
    prev: bytes,
    at: dt.datetime | None,
) -> AuditEvent:
    event = AuditEvent(
        device_id=device_id,
        seq=seq,
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
    return event


def reseal(session: Session, *, old_key: bytes, new_key: bytes) -> int:
    """Re-MAC every event and reseal tips and checkpoints under a new audit key.

    For a workspace-key rotation, after `verify_chain` found the trail intact
    under the old key (a broken trail must not be sealed as good). Hashes and
    links stay as they are. Returns how many events were re-sealed.
    """
    macs = [
        {"id": row.id, "mac": hmac.new(new_key, bytes(row.hash), hashlib.sha256).digest()}
        for row in session.execute(select(AuditEvent.id, AuditEvent.hash))
    ]
    if macs:  # one executemany by primary key, not an ORM object per event
        session.execute(update(AuditEvent), macs)
    for row in session.scalars(
        select(Setting).where(
            Setting.key.like("audit_tip:%") | Setting.key.like("audit_checkpoint:%")
        )
    ):
        prefix, _, device = row.key.partition(":")
        kind = "tip" if prefix == "audit_tip" else "checkpoint"
        sealed = unseal(old_key, kind, device, row.value)
        if sealed is not None:  # another device's unsealed tip from an older sync stays as is
            row.value = seal(new_key, kind, device, sealed[0], sealed[1])
    return len(macs)


def record_tip(
    session: Session, *, device_id: str, audit_key: bytes, seq: int, digest: bytes
) -> None:
    """Set a device's chain tip, sealed (also for sync, after appending another device's events)."""
    value = seal(audit_key, "tip", device_id, seq, digest)
    tip = session.get(Setting, tip_key(device_id))
    if tip is None:
        session.add(Setting(key=tip_key(device_id), value=value))
    else:
        tip.value = value
