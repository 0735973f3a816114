"""How a device's audit chain is linked, sealed and checked.

Each event carries the hash of the one before (the first: `GENESIS`) and a MAC
of its own hash under the audit key; a device's tip and retention checkpoint are
kept in the settings table as sealed "seq:hash:mac" values. `verify_chain` walks
every device's chain and names every break and the first bad event; `trail`
writes the events.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.vault.schema import AuditEvent, Setting

GENESIS = b"\x00" * 32
_BREAK_LABEL = b"pixiodoc/v1/audit-break:"


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


def tip_key(device_id: str) -> str:
    return f"audit_tip:{device_id}"


def checkpoint_key(device_id: str) -> str:
    return f"audit_checkpoint:{device_id}"


def seal(audit_key: bytes, kind: str, device_id: str, seq: int, digest: bytes) -> str:
    """ "seq:hash:mac" with the MAC binding kind (tip/checkpoint), device, seq and hash."""
    message = f"{kind}:{device_id}:{seq}:{digest.hex()}".encode()
    mac = hmac.new(audit_key, message, hashlib.sha256).hexdigest()
    return f"{seq}:{digest.hex()}:{mac}"


def unseal(audit_key: bytes, kind: str, device_id: str, value: str) -> tuple[int, bytes] | None:
    """(seq, hash) of a sealed value, or None when it is malformed or its seal is wrong."""
    parts = value.split(":")
    if len(parts) != 3:
        return None
    try:
        seq, digest = int(parts[0]), bytes.fromhex(parts[1])
    except ValueError:
        return None
    if not hmac.compare_digest(seal(audit_key, kind, device_id, seq, digest), value):
        return None
    return seq, digest


def break_link(prev: bytes) -> bytes:
    """The `prev_hash` of the alert written where the chain was found broken.

    It is not the hash of the event before, so `verify_chain` names the break
    for as long as the trail exists; removing that again needs the audit key.
    """
    return hashlib.sha256(_BREAK_LABEL + prev).digest()


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
    of_device = select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.id)
    prev = GENESIS
    expected_seq = 1
    if checkpoint is not None:
        sealed = unseal(audit_key, "checkpoint", device, checkpoint)
        if sealed is None:
            first = session.scalar(of_device.with_only_columns(AuditEvent.seq).limit(1)) or 1
            return [
                ChainFault(
                    device,
                    first,
                    None,
                    "the retention checkpoint was altered (its seal does not match)",
                )
            ]
        expected_seq, prev = sealed[0] + 1, sealed[1]
    # A clinic group's trail holds millions of events: streamed, never all at once.
    events = session.scalars(of_device.execution_options(yield_per=1_000))
    try:
        return _walk(audit_key, device, tip, checkpoint, events, expected_seq, prev, local, floor)
    finally:
        events.close()


def _walk(
    audit_key: bytes,
    device: str,
    tip: str | None,
    checkpoint: str | None,
    events: Iterable[AuditEvent],
    expected_seq: int,
    prev: bytes,
    local: bool,
    floor: int,
) -> list[ChainFault]:
    faults: list[ChainFault] = []
    any_events = False
    for event in events:
        any_events = True
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
    end = _check_tip(audit_key, device, tip, checkpoint, any_events, expected_seq, prev, local)
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
    sealed_tip = unseal(audit_key, "tip", device, tip)
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
