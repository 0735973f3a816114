"""`pixiodoc audit verify` as a subprocess: exit 0 on an intact trail; after one event's
row is edited in the SQLCipher database, exit 1 naming that (first bad) event, and a
SECURITY_ALERT about the broken chain is written."""

from __future__ import annotations

import json

from sqlalchemy import text
from vault_support import LOGIN, PASSWORD, CliRunner, MadeVault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"


def _verify(cli: CliRunner, made_vault: MadeVault) -> tuple[int, list[str]]:
    done = cli(
        "audit", "verify", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert "Traceback" not in done.output, done.output
    return done.code, done.stdout.strip().splitlines()


def test_audit_verify_finds_an_edited_event(cli: CliRunner, made_vault: MadeVault) -> None:
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        for name in ("Kettner", "Lorenz", "Maurer"):
            Patients(ws).create(admin, family_name=name)
    finally:
        lock(ws, admin, logged_out=True)

    code, lines = _verify(cli, made_vault)
    assert code == 0, lines
    assert len(lines) == 1 and lines[0].startswith("OK: ") and "audit events checked" in lines[0]

    # Edit the second PATIENT_CREATED event in place, as someone with the database key could.
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        with ws.vault.write_engine.begin() as conn:
            victim = conn.execute(
                text(
                    "SELECT id, seq, device_id FROM audit_events"
                    " WHERE event_type = 'PATIENT_CREATED' ORDER BY seq LIMIT 1 OFFSET 1"
                )
            ).one()
            conn.execute(
                text("UPDATE audit_events SET details = :d WHERE id = :id"),
                {"d": json.dumps({"forged": True}), "id": victim.id},
            )
    finally:
        lock(ws, admin, logged_out=True)

    code, lines = _verify(cli, made_vault)
    assert code == 1, lines
    first_bad = f"audit event {victim.seq} of device {victim.device_id[:8]} (row {victim.id})"
    faults = [line for line in lines if line.startswith("FAULT: ")]
    assert len(faults) == 1 and faults[0].startswith(f"FAULT: {first_bad}: "), lines
    assert lines[-1].startswith("BROKEN: ")

    # Each check is audited; the broken one raised an alert naming the first bad event.
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        log = AuditLog(ws)
        checks = [
            r
            for r in log.query(admin, AuditFilter(event_type="AUDIT_LOG_ACCESSED"))
            if r.details.get("action") == "verified"
        ]
        [alert] = log.query(admin, AuditFilter(event_type="SECURITY_ALERT"))
    finally:
        lock(ws, admin, logged_out=True)
    assert [(c.outcome, c.details["faults"]) for c in checks] == [("success", 0), ("failure", 1)]
    assert (alert.actor_login, alert.outcome) == (LOGIN, "failure")
    assert alert.details["check"] == "audit chain"
    assert alert.details["first"].startswith(first_bad)
