"""The audit trail's hash chain: every edit, deletion, insertion, reordering and cut is found."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
import random
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.audit.trail import EventDraft, EventType, Outcome, verify_chain
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.vault.keys import random_key
from pixiodoc_desktop.vault.schema import AuditEvent, Setting

EVENTS = 40


@pytest.fixture
def trail(workstation: Workstation, actor: Actor) -> Workstation:
    """A trail of a few dozen events on this device (login events come first)."""
    kinds = [EventType.PATIENT_VIEWED, EventType.PHOTO_VIEWED, EventType.PATIENT_SEARCHED]
    for index in range(EVENTS):
        workstation.audit_alone(
            EventDraft(
                kinds[index % 3],
                actor.user_id,
                patient_id=f"patient-{index % 5}",
                object_type="patient",
                object_id=f"patient-{index % 5}",
                details={"n": index},
            )
        )
    return workstation


@pytest.fixture
def tamper_session(trail: Workstation) -> Iterator[Callable[[], Session]]:
    """Sessions whose changes are always rolled back, so every tampering starts clean."""
    sessions: list[Session] = []

    def open_session() -> Session:
        session = trail.vault.write_session()
        session.begin()
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.rollback()
        session.close()


def _events(session: Session, device: str) -> list[AuditEvent]:
    return list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.id)
        )
    )


def test_intact_trail_verifies(trail: Workstation) -> None:
    with trail.read_session() as session:
        assert verify_chain(session, trail.vault.keys.audit) == []
        events = _events(session, trail.device_id)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))


def test_wrong_key_fails_at_the_first_event(trail: Workstation) -> None:
    with trail.read_session() as session:
        faults = verify_chain(session, random_key())
    assert len(faults) == 1 and faults[0].seq == 1 and "MAC" in faults[0].reason


def _edit(session: Session, events: list[AuditEvent], rng: random.Random) -> int:
    victim = rng.choice(events)
    change = rng.choice(["details", "type", "outcome", "actor", "at", "patient", "rehash"])
    if change == "details":
        victim.details = {**victim.details, "n": -1}
    elif change == "type":
        victim.event_type = "LOGGED_OUT" if victim.event_type != "LOGGED_OUT" else "PHOTO_VIEWED"
    elif change == "outcome":
        victim.outcome = "denied" if victim.outcome != "denied" else "success"
    elif change == "actor":
        victim.actor_id = "someone-else"
    elif change == "at":
        victim.at = victim.at - dt.timedelta(days=3)
    elif change == "patient":
        victim.patient_id = "patient-999"
    else:  # an editor who recomputes the hash but has no MAC key
        victim.outcome = "failure"
        victim.hash = audit.event_hash(victim)
        victim.mac = hmac.new(random_key(), victim.hash, hashlib.sha256).digest()
    session.flush()
    return victim.seq


def _delete(session: Session, events: list[AuditEvent], rng: random.Random) -> int:
    victim = rng.choice(events[:-1])  # the last one is the truncation case
    session.delete(victim)
    session.flush()
    return victim.seq


def _shift_after(session: Session, device: str, seq: int, by: int) -> None:
    """Move events from `seq` on out of the way (ids and seqs), last first."""
    session.execute(
        text(
            "UPDATE audit_events SET id = id + 100000, seq = seq + 100000"
            " WHERE device_id = :d AND seq >= :s"
        ),
        {"d": device, "s": seq},
    )
    session.execute(
        text(
            "UPDATE audit_events SET id = id - 100000 + :by, seq = seq - 100000 + :by"
            " WHERE device_id = :d AND seq >= 100000"
        ),
        {"d": device, "by": by},
    )


def _insert(session: Session, events: list[AuditEvent], rng: random.Random) -> int:
    position = rng.randrange(1, len(events))  # index of the event the forgery goes before
    before, after = events[position - 1], events[position]
    device, seq, row_id, at = after.device_id, after.seq, after.id, after.at
    replay = rng.random() < 0.5
    template = rng.choice(events) if replay else before
    fields = {
        "device_id": device,
        "event_type": template.event_type if replay else "PATIENT_ERASED",
        "actor_id": template.actor_id,
        "patient_id": template.patient_id,
        "object_type": template.object_type,
        "object_id": template.object_id,
        "outcome": template.outcome,
        "details": dict(template.details),
    }
    session.expunge_all()
    _shift_after(session, device, seq, 1)
    forged = AuditEvent(id=row_id, seq=seq, at=at, prev_hash=bytes(before.hash), **fields)
    forged.hash = audit.event_hash(forged)  # the forger knows the hash function, not the key
    forged.mac = (
        bytes(template.mac)
        if replay
        else hmac.new(random_key(), forged.hash, hashlib.sha256).digest()
    )
    session.add(forged)
    session.flush()
    return seq


def _reorder(session: Session, events: list[AuditEvent], rng: random.Random) -> int:
    first, second = sorted(rng.sample(range(len(events)), 2))
    a, b = events[first], events[second]
    columns = ["seq", "at", "event_type", "actor_id", "patient_id", "object_type",
               "object_id", "outcome", "details", "prev_hash", "hash", "mac"]  # fmt: skip
    values_a = {c: getattr(a, c) for c in columns}
    values_b = {c: getattr(b, c) for c in columns}
    a.seq, b.seq = -1, -2  # out of the unique constraint's way first
    session.flush()
    for column in columns:
        setattr(a, column, values_b[column])
        setattr(b, column, values_a[column])
    session.flush()
    return int(values_a["seq"])  # the earlier row now holds a later event


TAMPERINGS = {"edit": _edit, "delete": _delete, "insert": _insert, "reorder": _reorder}


def test_randomised_tampering_is_found_at_the_first_bad_event(
    trail: Workstation, tamper_session: Callable[[], Session]
) -> None:
    rng = random.Random(20261127)
    key = trail.vault.keys.audit
    device = trail.device_id
    seen = dict.fromkeys(TAMPERINGS, 0)
    for _round in range(200):
        kind = rng.choice(list(TAMPERINGS))
        session = tamper_session()
        events = _events(session, device)
        expected = TAMPERINGS[kind](session, events, rng)
        faults = verify_chain(session, key)
        session.rollback()
        session.close()
        assert len(faults) == 1, (kind, faults)
        assert faults[0].device_id == device
        assert faults[0].seq == expected, (kind, str(faults[0]))
        seen[kind] += 1
    assert all(count > 20 for count in seen.values()), seen
    with trail.read_session() as session:  # every tampering was rolled back
        assert verify_chain(session, key) == []


@pytest.mark.parametrize("cut", [1, 2, 7])
def test_truncated_tail_is_found_via_the_tip(
    trail: Workstation, tamper_session: Callable[[], Session], cut: int
) -> None:
    session = tamper_session()
    events = _events(session, trail.device_id)
    for event in events[-cut:]:
        session.delete(event)
    session.flush()
    faults = verify_chain(session, trail.vault.keys.audit)
    assert len(faults) == 1
    fault = faults[0]
    assert fault.row_id is None and fault.seq == len(events) - cut + 1
    assert "removed" in fault.reason and "end of trail" in str(fault)


def test_missing_tip_is_found(trail: Workstation, tamper_session: Callable[[], Session]) -> None:
    session = tamper_session()
    tip = session.get(Setting, f"audit_tip:{trail.device_id}")
    assert tip is not None
    session.delete(tip)
    session.flush()
    faults = verify_chain(session, trail.vault.keys.audit)
    assert [f.reason for f in faults] == ["the chain tip record is missing"]


def test_events_are_chained_in_the_writing_transaction(
    workstation: Workstation, actor: Actor
) -> None:
    """A rolled-back unit of work leaves no audit event and no gap."""
    with workstation.read_session() as session:
        before = session.scalar(select(AuditEvent.seq).order_by(AuditEvent.id.desc()).limit(1))
    with pytest.raises(RuntimeError), workstation.unit_of_work(actor) as uow:
        uow.audit(EventDraft(EventType.PATIENT_UPDATED, actor.user_id, outcome=Outcome.SUCCESS))
        raise RuntimeError("refused half-way")
    workstation.audit_alone(EventDraft(EventType.PATIENT_SEARCHED, actor.user_id))
    with workstation.read_session() as session:
        seqs = list(session.scalars(select(AuditEvent.seq).order_by(AuditEvent.id)))
        assert verify_chain(session, workstation.vault.keys.audit) == []
    assert seqs[-1] == (before or 0) + 1


@pytest.mark.parametrize("forged_seal", ["none", "random"])
def test_truncated_tail_with_a_rewritten_tip_is_found(
    trail: Workstation, tamper_session: Callable[[], Session], forged_seal: str
) -> None:
    """Cutting events off and pointing the tip at the new last one needs the audit key."""
    session = tamper_session()
    events = _events(session, trail.device_id)
    for event in events[-3:]:
        session.delete(event)
    last = events[-4]
    tip = session.get(Setting, f"audit_tip:{trail.device_id}")
    assert tip is not None
    forged = f"{last.seq}:{bytes(last.hash).hex()}"
    tip.value = forged if forged_seal == "none" else f"{forged}:{random_key().hex()}"
    session.flush()
    faults = verify_chain(session, trail.vault.keys.audit)
    assert len(faults) == 1 and faults[0].row_id is None
    assert faults[0].seq == last.seq + 1
