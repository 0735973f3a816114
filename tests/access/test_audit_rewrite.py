"""The audit trail against someone who can write the database (they hold its key, or a
copy of an older one): edit, delete in the middle, cut the tail with the tip rewritten,
delete everything, roll back to an older copy, recompute with the audit key.

Each tampering happens between two runs of the command line, as it would on a PC, and
`pixiodoc audit verify` (which logs in, and so writes events of its own first) must
say BROKEN and exit 1 wherever the design promises detection (docs/security.md says
where it does not: a copy of vault.json rolled back with the database, or a rewrite
with the audit key that keeps the count, needs another PC's anchor).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session
from vault_support import LOGIN, PASSWORD, CliRunner, MadeVault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.audit.log import AuditLog
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.vault.schema import AuditEvent
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"


def _work(folder: Path, names: tuple[str, ...]) -> None:
    """A clinician's session: log in, add patients, log out (events and a raised mark)."""
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        for name in names:
            Patients(ws).create(admin, family_name=name)
    finally:
        lock(ws, admin, logged_out=True)


@contextmanager
def _database(folder: Path) -> Iterator[tuple[Connection, Vault]]:
    """Raw SQL on the vault database with its key, writing no audit event of our own."""
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    try:
        with vault.write_engine.begin() as conn:
            yield conn, vault
    finally:
        vault.lock()


def _device(conn: Connection) -> str:
    return str(conn.execute(text("SELECT value FROM settings WHERE key = 'device_id'")).scalar())


def _verify(cli: CliRunner, folder: Path) -> tuple[int, list[str]]:
    done = cli("audit", "verify", "--vault", folder, "--user", LOGIN, "--password-stdin", stdin=PW)
    assert "Traceback" not in done.output, done.output
    return done.code, done.stdout.strip().splitlines()


@pytest.fixture
def clinic(made_vault: MadeVault) -> Path:
    """A vault with three sessions of work behind it."""
    for names in (("Albrecht", "Brandt"), ("Conrad",), ("Dietz", "Engel")):
        _work(made_vault.folder, names)
    return made_vault.folder


def _verify_here(folder: Path) -> tuple[int, list[str]]:
    """What `audit verify` does, in this process: log in (writing events), verify, lock."""
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        faults, count = AuditLog(ws).verify(admin)
    finally:
        lock(ws, admin, logged_out=True)
    lines = [f"FAULT: {fault}" for fault in faults]
    return (1 if faults else 0), [*lines, f"{'BROKEN' if faults else 'OK'}: {count}"]


def _assert_broken(cli: CliRunner | None, folder: Path, *reasons: str) -> list[str]:
    code, lines = _verify(cli, folder) if cli is not None else _verify_here(folder)
    assert code == 1, lines
    assert lines[-1].startswith("BROKEN: "), lines
    faults = [line for line in lines if line.startswith("FAULT: ")]
    for reason in reasons:
        assert any(reason in fault for fault in faults), (reason, lines)
    return faults


def test_an_intact_trail_verifies_again_and_again(cli: CliRunner, clinic: Path) -> None:
    code, lines = _verify(cli, clinic)
    assert code == 0 and lines[-1].startswith("OK: "), lines
    code, lines = _verify_here(clinic)
    assert code == 0, lines


def test_an_edited_event_is_found(clinic: Path) -> None:
    with _database(clinic) as (conn, _vault):
        conn.execute(
            text("UPDATE audit_events SET details = :d WHERE seq = 3 AND device_id = :dev"),
            {"d": json.dumps({"forged": True}), "dev": _device(conn)},
        )
    [fault] = _assert_broken(None, clinic, "content was altered")
    assert "audit event 3 " in fault


def test_an_event_deleted_in_the_middle_is_found(clinic: Path) -> None:
    with _database(clinic) as (conn, _vault):
        conn.execute(text("DELETE FROM audit_events WHERE seq = 4"))
    _assert_broken(None, clinic, "audit event 4 ", "missing or out of order")


@pytest.mark.parametrize("tip", ["unsealed", "deleted", "left as it was"])
def test_a_cut_tail_is_not_laundered_by_the_next_login(
    cli: CliRunner, clinic: Path, tip: str
) -> None:
    """Deleting the newest events and pointing the tip at the new last one (without the
    audit key it cannot be sealed): the login of `audit verify` itself finds it."""
    with _database(clinic) as (conn, _vault):
        device = _device(conn)
        last = conn.execute(
            text("SELECT seq, hash FROM audit_events WHERE device_id = :d ORDER BY seq DESC"),
            {"d": device},
        ).first()
        assert last is not None
        conn.execute(text("DELETE FROM audit_events WHERE seq > :s"), {"s": last.seq - 2})
        keep = conn.execute(
            text("SELECT seq, hash FROM audit_events WHERE seq = :s"), {"s": last.seq - 2}
        ).one()
        key = f"audit_tip:{device}"
        if tip == "unsealed":
            conn.execute(
                text("UPDATE settings SET value = :v WHERE key = :k"),
                {"v": f"{keep.seq}:{bytes(keep.hash).hex()}", "k": key},
            )
        elif tip == "deleted":
            conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": key})
    runner = cli if tip == "unsealed" else None  # the command line once; the rest in-process
    faults = _assert_broken(runner, clinic, "found broken when this event was written")
    assert f"audit event {keep.seq + 1} " in faults[0]
    # It stays broken: later sessions do not heal it.
    _work(clinic, ("Fuchs",))
    _assert_broken(None, clinic, "found broken when this event was written")


def test_deleting_every_event_with_its_tip_and_checkpoint_is_found(
    cli: CliRunner, clinic: Path
) -> None:
    with _database(clinic) as (conn, _vault):
        conn.execute(text("DELETE FROM audit_events"))
        conn.execute(text("DELETE FROM settings WHERE key LIKE 'audit_%'"))
    faults = _assert_broken(cli, clinic, "the trail is empty, but vault.json says this PC had")
    assert not any(line.startswith("OK") for line in faults)


def _copy_database(folder: Path, target: Path) -> None:
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    vault.checkpoint()  # the copy must not need the -wal beside it
    vault.lock()
    shutil.copy2(folder / "vault.db", target)


@pytest.mark.parametrize("what", ["audit table and tip", "whole database"])
def test_a_rollback_to_an_older_copy_is_found(clinic: Path, tmp_path: Path, what: str) -> None:
    older = tmp_path / "older.db"
    _copy_database(clinic, older)
    _work(clinic, ("Gerber", "Haas"))  # work after the copy, whose trail is to vanish
    if what == "whole database":
        for suffix in ("-wal", "-shm"):
            (clinic / f"vault.db{suffix}").unlink(missing_ok=True)
        shutil.copy2(older, clinic / "vault.db")
    else:
        with _database(clinic) as (conn, vault):
            key = vault.keys.database.hex()
            conn.exec_driver_sql(f"ATTACH DATABASE '{older}' AS older KEY \"x'{key}'\"")
            conn.execute(text("DELETE FROM audit_events"))
            conn.execute(text("INSERT INTO audit_events SELECT * FROM older.audit_events"))
            conn.execute(text("DELETE FROM settings WHERE key LIKE 'audit_%'"))
            conn.execute(
                text("INSERT INTO settings SELECT * FROM older.settings WHERE key LIKE 'audit_%'")
            )
    _assert_broken(None, clinic, "but vault.json says this PC had written")


def _rechain(conn: Connection, audit_key: bytes, device: str) -> None:
    """What a holder of the audit key can do: renumber, rehash, re-MAC and reseal the tip."""
    with Session(bind=conn) as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.seq)
        ).all()
        prev = audit.GENESIS
        for seq, event in enumerate(events, start=1):
            event.seq, event.prev_hash = seq, prev
            event.hash = audit.event_hash(event)
            event.mac = hmac.new(audit_key, event.hash, hashlib.sha256).digest()
            session.flush()
            prev = event.hash
        audit.record_tip(
            session, device_id=device, audit_key=audit_key, seq=len(events), digest=prev
        )
        session.flush()


def test_a_key_holder_who_removes_events_and_recomputes_the_chain_is_found(clinic: Path) -> None:
    """The chain verifies in itself, but it is shorter than vault.json's sealed mark."""
    with _database(clinic) as (conn, vault):
        device = _device(conn)
        conn.execute(text("DELETE FROM audit_events WHERE event_type = 'PATIENT_CREATED'"))
        _rechain(conn, vault.keys.audit, device)
    _assert_broken(None, clinic, "but vault.json says this PC had written")


@pytest.mark.parametrize("where", ["first", "last"])
def test_the_alert_for_a_break_is_in_the_trail(clinic: Path, where: str) -> None:
    """The login after the cut writes a SECURITY_ALERT naming what it found."""
    with _database(clinic) as (conn, _vault):
        device = _device(conn)
        order = "ASC" if where == "first" else "DESC"
        victim = conn.execute(
            text(f"SELECT id FROM audit_events ORDER BY seq {order} LIMIT 1")  # noqa: S608
        ).scalar()
        conn.execute(text("DELETE FROM audit_events WHERE id = :i"), {"i": victim})
        if where == "last":
            conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": f"audit_tip:{device}"})
    ws, admin = log_in(Vault.open(clinic), LOGIN, PASSWORD)
    try:
        with ws.read_session() as session:
            faults = audit.verify_chain(
                session, ws.vault.keys.audit, floors={ws.device_id: ws.audit_floor()}
            )
            alerts = session.scalars(
                select(AuditEvent).where(AuditEvent.event_type == "SECURITY_ALERT")
            ).all()
    finally:
        lock(ws, admin)
    assert faults, "the break must be reported"
    if where == "last":
        [alert] = alerts
        assert alert.details["check"] == "audit chain"
        assert "the chain tip record is missing" in alert.details["found"]
    else:  # a hole at the start: the tip is intact, so verify finds the gap itself
        assert "missing or out of order" in faults[0].reason
