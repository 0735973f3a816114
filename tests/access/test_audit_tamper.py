"""200 random tamperings by raw SQL are each found at the first bad event; retention
purges leave a sealed checkpoint that keeps `verify` green and is tamper-evident itself."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.audit.trail import ChainFault, EventDraft, EventType, verify_chain
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.vault.keys import random_key
from pixiodoc_desktop.vault.schema import AuditEvent, utcnow

KINDS = [
    EventType.PATIENT_VIEWED,
    EventType.PHOTO_VIEWED,
    EventType.PATIENT_SEARCHED,
    EventType.PHOTO_ADDED,
    EventType.DATA_EXPORTED,
]
OLD_EVENTS = 25


@pytest.fixture
def trail(workstation: Workstation, actor: Actor) -> Workstation:
    """Old events (500 days back) and current ones on this device's chain."""
    start = utcnow() - dt.timedelta(days=500)
    with workstation.vault.write_session() as session, session.begin():
        for index in range(OLD_EVENTS):
            audit.append(
                session,
                device_id=workstation.device_id,
                audit_key=workstation.vault.keys.audit,
                draft=EventDraft(
                    KINDS[index % 5],
                    actor.user_id,
                    patient_id=f"p-{index % 4}",
                    details={"n": index},
                ),
                at=start + dt.timedelta(hours=index),
            )
    for index in range(35):
        workstation.audit_alone(
            EventDraft(
                KINDS[index % 5],
                actor.user_id,
                patient_id=f"p-{index % 3}",
                object_type="photo",
                object_id=f"ph-{index}",
                details={"n": 100 + index},
            )
        )
    return workstation


@contextmanager
def raw(ws: Workstation) -> Iterator[Connection]:
    """A connection of the vault's write engine in a transaction that is always rolled back."""
    with ws.vault.write_engine.connect() as conn:
        transaction = conn.begin()
        try:
            yield conn
        finally:
            transaction.rollback()


def _verify(conn: Connection, key: bytes) -> list[ChainFault]:
    with Session(bind=conn) as session:
        return verify_chain(session, key)


def _rows(conn: Connection, device: str) -> list[dict[str, Any]]:
    result = conn.execute(
        text("SELECT * FROM audit_events WHERE device_id = :d ORDER BY id"), {"d": device}
    )
    return [dict(row._mapping) for row in result]


def _edit(conn: Connection, rows: list[dict[str, Any]], rng: random.Random) -> int:
    victim = rng.choice(rows)
    column, value = rng.choice(
        [
            ("details", json.dumps({"n": -1})),
            ("event_type", "LOGGED_OUT" if victim["event_type"] != "LOGGED_OUT" else "SYNC_RUN"),
            ("outcome", "denied" if victim["outcome"] != "denied" else "success"),
            ("actor_id", "someone-else"),
            ("patient_id", "p-999"),
            ("at", "2020-01-01 00:00:00.000000"),
            ("object_id", "ph-forged"),
        ]
    )
    conn.execute(
        text(f"UPDATE audit_events SET {column} = :v WHERE id = :id"),  # noqa: S608
        {"v": value, "id": victim["id"]},
    )
    return int(victim["seq"])


def _delete(conn: Connection, rows: list[dict[str, Any]], rng: random.Random) -> int:
    victim = rng.choice(rows[:-1])  # cutting the tail is the tip's case, tested below
    conn.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": victim["id"]})
    return int(victim["seq"])


def _shift(conn: Connection, device: str, seq: int) -> None:
    for sql in (
        "UPDATE audit_events SET id = id + 100000, seq = seq + 100000 WHERE device_id = :d AND seq >= :s",
        "UPDATE audit_events SET id = id - 99999, seq = seq - 99999 WHERE device_id = :d AND seq >= 100000",
    ):
        conn.execute(text(sql), {"d": device, "s": seq})


def _insert(conn: Connection, rows: list[dict[str, Any]], rng: random.Random) -> int:
    position = rng.randrange(1, len(rows))
    before, after = rows[position - 1], rows[position]
    template = rng.choice(rows)
    replay = rng.random() < 0.5  # a copy of a real event, MAC and all, or a fresh forgery
    _shift(conn, after["device_id"], after["seq"])
    forged = AuditEvent(
        device_id=after["device_id"],
        seq=after["seq"],
        at=utcnow(),
        event_type=template["event_type"] if replay else "PATIENT_ERASED",
        actor_id=template["actor_id"],
        patient_id=template["patient_id"],
        object_type=template["object_type"],
        object_id=template["object_id"],
        outcome=template["outcome"],
        details=json.loads(template["details"]),
        prev_hash=bytes(before["hash"]),
    )
    forged.hash = audit.event_hash(forged)  # the forger knows the hash, not the key
    mac = bytes(template["mac"]) if replay else random_key()
    conn.execute(
        text(
            "INSERT INTO audit_events (id, device_id, seq, at, event_type, actor_id, patient_id,"
            " object_type, object_id, outcome, details, prev_hash, hash, mac) VALUES (:id, :device,"
            " :seq, :at, :type, :actor, :patient, :otype, :oid, :outcome, :details, :prev, :hash,"
            " :mac)"
        ),
        {
            "id": after["id"],
            "device": forged.device_id,
            "seq": forged.seq,
            "at": forged.at.isoformat(sep=" "),
            "type": forged.event_type,
            "actor": forged.actor_id,
            "patient": forged.patient_id,
            "otype": forged.object_type,
            "oid": forged.object_id,
            "outcome": forged.outcome,
            "details": json.dumps(forged.details),
            "prev": forged.prev_hash,
            "hash": forged.hash,
            "mac": mac,
        },
    )
    return int(after["seq"])


def _reorder(conn: Connection, rows: list[dict[str, Any]], rng: random.Random) -> int:
    a, b = sorted(rng.sample(rows, 2), key=lambda r: r["id"])
    columns = [c for c in a if c != "id"]
    conn.execute(
        text("UPDATE audit_events SET seq = -seq WHERE id IN (:a, :b)"),
        {"a": a["id"], "b": b["id"]},
    )
    for target, source in ((a, b), (b, a)):
        assignments = ", ".join(f"{c} = :{c}" for c in columns)
        conn.execute(
            text(f"UPDATE audit_events SET {assignments} WHERE id = :id"),  # noqa: S608
            {**{c: source[c] for c in columns}, "id": target["id"]},
        )
    return int(a["seq"])  # the earlier row now holds a later event


TAMPERINGS: dict[str, Callable[[Connection, list[dict[str, Any]], random.Random], int]] = {
    "edit": _edit,
    "delete": _delete,
    "insert": _insert,
    "reorder": _reorder,
}


def _tamper_rounds(ws: Workstation, rounds: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    key, device = ws.vault.keys.audit, ws.device_id
    seen = dict.fromkeys(TAMPERINGS, 0)
    for _round in range(rounds):
        kind = rng.choice(list(TAMPERINGS))
        with raw(ws) as conn:
            rows = _rows(conn, device)
            expected = TAMPERINGS[kind](conn, rows, rng)
            faults = _verify(conn, key)
        assert len(faults) == 1, (kind, [str(f) for f in faults])
        assert (faults[0].device_id, faults[0].seq) == (device, expected), (kind, str(faults[0]))
        seen[kind] += 1
    with ws.read_session() as session:
        assert verify_chain(session, key) == []  # every tampering was rolled back
    return seen


def test_200_random_tamperings_are_found_at_the_first_bad_event(trail: Workstation) -> None:
    seen = _tamper_rounds(trail, 200, seed=6)
    assert all(count >= 30 for count in seen.values()), seen


def test_a_cut_tail_with_a_rewritten_tip_is_found(trail: Workstation) -> None:
    """Deleting the newest events and pointing the tip at the new last one needs the key."""
    device = trail.device_id
    with raw(trail) as conn:
        rows = _rows(conn, device)
        keep = rows[-4]
        conn.execute(text("DELETE FROM audit_events WHERE id > :id"), {"id": keep["id"]})
        for forged_tip in (
            f"{keep['seq']}:{bytes(keep['hash']).hex()}",
            f"{keep['seq']}:{bytes(keep['hash']).hex()}:{'0' * 64}",
        ):
            conn.execute(
                text("UPDATE settings SET value = :v WHERE key = :k"),
                {"v": forged_tip, "k": f"audit_tip:{device}"},
            )
            faults = _verify(conn, trail.vault.keys.audit)
            assert len(faults) == 1 and "tip" in faults[0].reason
            assert faults[0].seq == keep["seq"] + 1


def test_purge_keeps_verify_green_and_is_audited(trail: Workstation, actor: Actor) -> None:
    log = AuditLog(trail)
    assert log.retention_days() == 365
    result = log.purge(actor)
    assert result.purged >= OLD_EVENTS and result.retention_days == 365
    with trail.read_session() as session:
        assert verify_chain(session, trail.vault.keys.audit) == []
        first = session.scalars(
            text(
                "SELECT seq FROM audit_events WHERE device_id = :d ORDER BY seq LIMIT 1"
            ).bindparams(d=trail.device_id)
        ).one()
    assert first == result.purged + 1
    purges = [
        r
        for r in log.query(actor, AuditFilter(event_type="AUDIT_LOG_ACCESSED"))
        if r.details.get("action") == "purged"
    ]
    assert len(purges) == 1 and purges[0].details["events"] == result.purged
    assert log.purge(actor).purged == 0  # nothing more is old enough
    faults, _count = log.verify(actor)
    assert faults == []
    # Tampering after a purge is still found at the first bad event.
    _tamper_rounds(trail, 60, seed=60)


def _checkpoint(conn: Connection, device: str) -> str:
    value = conn.execute(
        text("SELECT value FROM settings WHERE key = :k"), {"k": f"audit_checkpoint:{device}"}
    ).scalar_one()
    return str(value)


@pytest.mark.parametrize("forgery", ["later seq", "earlier seq", "other hash", "deleted", "mac"])
def test_the_checkpoint_is_tamper_evident(trail: Workstation, actor: Actor, forgery: str) -> None:
    result = AuditLog(trail).purge(actor)
    device, key = trail.device_id, trail.vault.keys.audit
    with raw(trail) as conn:
        seq_text, digest, mac = _checkpoint(conn, device).split(":")
        seq = int(seq_text)
        assert seq == result.purged
        rows = _rows(conn, device)
        if forgery == "later seq":  # hide the deletion of the first kept events
            conn.execute(
                text("DELETE FROM audit_events WHERE id IN (:a, :b)"),
                {"a": rows[0]["id"], "b": rows[1]["id"]},
            )
            value = f"{seq + 2}:{bytes(rows[1]['hash']).hex()}:{mac}"
        elif forgery == "earlier seq":
            value = f"{seq - 1}:{digest}:{mac}"
        elif forgery == "other hash":
            value = f"{seq}:{'ab' * 32}:{mac}"
        elif forgery == "mac":
            value = f"{seq}:{digest}:{'0' * 64}"
        else:
            value = None
        if value is None:
            conn.execute(
                text("DELETE FROM settings WHERE key = :k"), {"k": f"audit_checkpoint:{device}"}
            )
        else:
            conn.execute(
                text("UPDATE settings SET value = :v WHERE key = :k"),
                {"v": value, "k": f"audit_checkpoint:{device}"},
            )
        faults = _verify(conn, key)
    assert len(faults) == 1, [str(f) for f in faults]
    if forgery == "deleted":
        assert faults[0].seq == 1 and "missing or out of order" in faults[0].reason
    else:
        assert "checkpoint" in faults[0].reason
    with trail.read_session() as session:
        assert verify_chain(session, key) == []


def test_retention_is_a_security_setting(trail: Workstation, actor: Actor) -> None:
    from pixiodoc_desktop.errors import InvalidInput

    log = AuditLog(trail)
    with pytest.raises(InvalidInput, match="six years"):
        log.set_retention_days(actor, 5)
    log.set_retention_days(actor, 2190)
    assert log.retention_days() == 2190
    assert log.purge(actor).purged == 0  # 500-day-old events are kept for six years
    [changed] = log.query(actor, AuditFilter(event_type="SECURITY_SETTING_CHANGED"))
    assert changed.details == {"setting": "audit retention", "from": 365, "to": 2190}


def test_the_next_login_applies_the_retention_policy_by_itself(
    trail: Workstation, actor: Actor
) -> None:
    from sqlalchemy import func, select
    from vault_support import LOGIN, PASSWORD

    from pixiodoc_desktop.clinic.access.login import lock, log_in

    vault = trail.vault
    lock(trail, actor)
    for round_ in range(2):
        ws, admin = log_in(vault, LOGIN, PASSWORD)
        try:
            with ws.read_session() as session:
                oldest = session.scalar(select(func.min(AuditEvent.at)))
                assert oldest is not None and oldest > utcnow() - dt.timedelta(days=365)
                assert verify_chain(session, ws.vault.keys.audit) == []
            purges = [
                r
                for r in AuditLog(ws).query(admin, AuditFilter(event_type="AUDIT_LOG_ACCESSED"))
                if r.details.get("action") == "purged"
            ]
        finally:
            lock(ws, admin)
        # Done once, by the workstation itself (no clinician), and not again while
        # nothing more is past retention.
        assert len(purges) == 1, round_
        assert purges[0].actor is None
        assert purges[0].details["trigger"] == "retention policy"
        assert purges[0].details["events"] >= OLD_EVENTS
