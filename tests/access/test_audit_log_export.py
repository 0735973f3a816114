"""Audit queries, filters and CSV/JSON export: Admins only (record Admins for their record),
and reading or exporting the trail is itself audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, SECOND_LOGIN

from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied


@pytest.fixture
def activity(services: ClinicServices, actor: Actor, second_clinician: Actor) -> list[str]:
    ids = [services.patients.create(actor, family_name=f"Spur {i}").id for i in range(3)]
    services.patients.get(actor, ids[0])
    services.patients.get(second_clinician, ids[1])  # practice grant: Editor
    services.patients.search(second_clinician, "spur")
    return ids


def test_filters(services: ClinicServices, actor: Actor, activity: list[str]) -> None:
    log = AuditLog(services.workstation)
    viewed = log.query(actor, AuditFilter(event_type="patient_viewed"))
    assert {r.patient for r in viewed} == {activity[0], activity[1]}
    by_kaya = log.query(actor, AuditFilter(user_login=SECOND_LOGIN))
    assert {r.event for r in by_kaya} == {"PATIENT_VIEWED", "PATIENT_SEARCHED"}
    assert all(r.actor_login == SECOND_LOGIN for r in by_kaya)
    about = log.query(actor, AuditFilter(patient_id=activity[2]))
    assert [r.event for r in about] == ["PATIENT_CREATED"]
    tomorrow = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=1)
    assert log.query(actor, AuditFilter(since=tomorrow)) == []
    assert len(log.query(actor, AuditFilter(until=tomorrow, limit=3))) == 3
    with pytest.raises(InvalidInput, match="not an audit event type"):
        log.query(actor, AuditFilter(event_type="PATIENT_TICKLED"))
    with pytest.raises(InvalidInput, match="no clinician"):
        log.query(actor, AuditFilter(user_login="dr.nobody"))
    reads = log.query(actor, AuditFilter(event_type="AUDIT_LOG_ACCESSED"))
    assert len(reads) >= 4 and all(r.details["action"] == "viewed" for r in reads)


def test_only_admins_read_the_trail(
    services: ClinicServices, second_clinician: Actor, activity: list[str], tmp_path: Path
) -> None:
    log = AuditLog(services.workstation)
    with pytest.raises(PermissionDenied):
        log.query(second_clinician)
    with pytest.raises(PermissionDenied):  # Editor, not the record's Admin
        log.query(second_clinician, AuditFilter(patient_id=activity[1]))
    with pytest.raises(PermissionDenied):
        log.export(second_clinician, AuditFilter(), "csv", tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export(
    services: ClinicServices, actor: Actor, activity: list[str], tmp_path: Path, fmt: str
) -> None:
    log = AuditLog(services.workstation)
    out = tmp_path / f"trail.{fmt}"
    count = log.export(actor, AuditFilter(patient_id=activity[0]), fmt, out)
    assert count == 2
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert [r["event"] for r in rows] == ["PATIENT_CREATED", "PATIENT_VIEWED"]
        assert rows[1]["actor_login"] == LOGIN and rows[1]["patient"] == activity[0]
    else:
        rows = json.loads(out.read_text())
        assert [r["event"] for r in rows] == ["PATIENT_CREATED", "PATIENT_VIEWED"]
    assert "Spur" not in out.read_text()  # ids only, no names
    [exported] = [
        r
        for r in log.query(actor, AuditFilter(event_type="AUDIT_LOG_ACCESSED"))
        if r.details.get("action") == "exported"
    ]
    assert exported.details["format"] == fmt and exported.details["results"] == 2


def test_audit_cli_export_and_filters(
    cli: object, services: ClinicServices, activity: list[str], tmp_path: Path
) -> None:
    folder = services.workstation.vault.folder
    base = ("--vault", folder, "--user", LOGIN, "--password-stdin")
    out = tmp_path / "trail.json"
    done = cli(
        "audit",
        "export",
        *base,
        "--format",
        "json",
        "--out",
        out,  # type: ignore[operator]
        "--event",
        "PATIENT_VIEWED",
        "--clinician",
        SECOND_LOGIN,
        stdin=PASSWORD + "\n",
    )
    assert done.code == 0, done.output
    assert [r["patient"] for r in json.loads(out.read_text())] == [activity[1]]
    listed = cli("audit", "list", *base, "--json", "--patient", activity[2], stdin=PASSWORD + "\n")  # type: ignore[operator]
    assert [r["event"] for r in json.loads(listed.stdout)] == ["PATIENT_CREATED"]
    helped = cli("audit", "retention", "--help")  # type: ignore[operator]
    assert "six years" in helped.stdout
    for command in ("purge", "verify"):
        ran = cli("audit", command, *base, stdin=PASSWORD + "\n")  # type: ignore[operator]
        assert ran.code == 0, ran.output


def test_exported_times_say_they_are_utc(
    services: ClinicServices, actor: Actor, activity: list[str], tmp_path: Path
) -> None:
    """An export is read by people and tools elsewhere: each time carries its zone (UTC).
    It read "2026-12-05T22:05:37.331555", which a spreadsheet takes for local time, while
    the audit viewer shows local times (a German practice saw two clocks an hour apart)."""
    log = AuditLog(services.workstation)
    log.export(actor, AuditFilter(), "csv", tmp_path / "trail.csv")
    log.export(actor, AuditFilter(), "json", tmp_path / "trail.json")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "trail.csv").read_text())))
    events = json.loads((tmp_path / "trail.json").read_text())
    now = dt.datetime.now(dt.UTC)
    for text in [row["at"] for row in rows] + [event["at"] for event in events]:
        at = dt.datetime.fromisoformat(text)
        assert at.utcoffset() == dt.timedelta(0), text
        assert abs(now - at) < dt.timedelta(minutes=10), text  # UTC, not local time relabelled
    assert len(rows) >= 5 and len(events) >= 5
