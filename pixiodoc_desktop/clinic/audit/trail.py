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
starts, so a purged trail still verifies and a forged checkpoint does not.
Details never hold patient data (ids only, counts, formats).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pixiodoc_desktop.vault.schema import AuditEvent, Setting, utcnow

GENESIS = b"\x00" * 32
_BREAK_LABEL = b"pixiodoc/v1/audit-break:"

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


def break_link(prev: bytes) -> bytes:
    """The `prev_hash` of the alert written where the chain was found broken.

    It is not the hash of the event before, so `verify_chain` names the break
    for as long as the trail exists; removing that again needs the audit key.
    """
    return hashlib.sha256(_BREAK_LABEL + prev).digest()


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
    row = session.get(Setting, _tip_key(device_id))
    newest = session.execute(
        select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.device_id == device_id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    last = (int(newest[0]), bytes(newest[1])) if newest is not None else None
    base = _base(session, device_id, audit_key, last)
    if row is None:
        if last is not None or session.get(Setting, _checkpoint_key(device_id)) is not None:
            return replace(base, fault="the chain tip record is missing")
        if floor > 0:
            return replace(
                base,
                fault=f"the trail is empty, but vault.json says this PC had written {floor} events",
            )
        return base
    sealed = _unseal(audit_key, "tip", device_id, row.value)
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
    checkpoint = session.get(Setting, _checkpoint_key(device_id))
    sealed = _unseal(audit_key, "checkpoint", device_id, checkpoint.value) if checkpoint else None
    return Tip(sealed[0], sealed[1]) if sealed else Tip(0, GENESIS)


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
    floor: int = 0,
) -> AuditEvent:
    """Chain `draft` onto this device's trail inside `session`'s transaction.

    When the tip fails its checks (see `read_tip`), a SECURITY_ALERT naming the
    fault is chained first through a break link, so the next event cannot
    launder a cut or rewritten trail into one that verifies.
    """
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
    event = _chained(device_id, audit_key, draft, seq + 1, prev, at)
    session.add(event)
    record_tip(session, device_id=device_id, audit_key=audit_key, seq=event.seq, digest=event.hash)
    return event


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
        sealed = _unseal(old_key, kind, device, row.value)
        if sealed is not None:  # another device's unsealed tip from an older sync stays as is
            row.value = _seal(new_key, kind, device, sealed[0], sealed[1])
    return len(macs)


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


def verify_chain(
    session: Session, audit_key: bytes, *, floors: Mapping[str, int] | None = None
) -> list[ChainFault]:
    """Every break and the first bad event of each device's chain (empty when all is intact).

    `floors` maps a device to the seq vault.json's sealed mark says it had reached
    (this PC's own device; see `Workstation.audit_floor`): a chain that ends before it
    was cut or rolled back to an older copy, even if it verifies in itself.
    """
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
    floors = floors or {}
    for device in sorted(set(devices) | set(tips) | set(checkpoints) | set(floors)):
        faults.extend(
            _verify_device(
                session,
                audit_key,
                device,
                tips.get(device),
                checkpoints.get(device),
                local=local is not None and local.value == device,
                floor=floors.get(device, 0),
            )
        )
    return faults


def check_floor(device: str, last_seq: int, floor: int) -> ChainFault | None:
    """A chain that ends before the seq a sealed mark outside the database names."""
    if last_seq >= floor:
        return None
    return ChainFault(
        device,
        last_seq + 1,
        None,
        f"the trail ends at event {last_seq}, but vault.json says this PC had written "
        f"{floor} (events were removed, or the trail was rolled back to an older copy)",
    )


def _verify_device(
    session: Session,
    audit_key: bytes,
    device: str,
    tip: str | None,
    checkpoint: str | None,
    *,
    local: bool = True,
    floor: int = 0,
) -> list[ChainFault]:
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.id)
    ).all()
    faults: list[ChainFault] = []
    prev = GENESIS
    expected_seq = 1
    if checkpoint is not None:
        sealed = _unseal(audit_key, "checkpoint", device, checkpoint)
        if sealed is None:
            first = events[0].seq if events else 1
            return [
                ChainFault(
                    device,
                    first,
                    None,
                    "the retention checkpoint was altered (its seal does not match)",
                )
            ]
        expected_seq, prev = sealed[0] + 1, sealed[1]
    for event in events:
        if event.seq != expected_seq:
            return [
                *faults,
                ChainFault(
                    device, expected_seq, event.id, f"missing or out of order (found {event.seq})"
                ),
            ]
        linked = bytes(event.prev_hash)
        if linked != prev:
            if linked != break_link(prev):
                return [
                    *faults,
                    ChainFault(device, event.seq, event.id, "does not follow the event before it"),
                ]
            # A break found when this event was written: named, and checked on from here.
            found = event.details.get("found") if isinstance(event.details, dict) else None
            faults.append(
                ChainFault(
                    device,
                    event.seq,
                    event.id,
                    f"the trail was found broken when this event was written ({found})",
                )
            )
        recomputed = event_hash(event)
        if not hmac.compare_digest(recomputed, bytes(event.hash)):
            return [*faults, ChainFault(device, event.seq, event.id, "content was altered")]
        good_mac = hmac.new(audit_key, recomputed, hashlib.sha256).digest()
        if not hmac.compare_digest(good_mac, bytes(event.mac)):
            return [*faults, ChainFault(device, event.seq, event.id, "seal (MAC) does not match")]
        prev = recomputed
        expected_seq += 1
    end = _check_tip(audit_key, device, tip, checkpoint, bool(events), expected_seq, prev, local)
    if end is not None:
        return [*faults, end]
    low = check_floor(device, expected_seq - 1, floor)
    return [*faults, low] if low is not None else faults


def _check_tip(
    audit_key: bytes,
    device: str,
    tip: str | None,
    checkpoint: str | None,
    has_events: bool,
    expected_seq: int,
    prev: bytes,
    local: bool,
) -> ChainFault | None:
    """The stored tip against the end of the chain as it was walked."""
    if tip is None:
        return (
            ChainFault(device, expected_seq, None, "the chain tip record is missing")
            if has_events or checkpoint is not None
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
