"""`pixiodoc audit ...` and `pixiodoc emergency ...`: the audit trail and break-the-glass.

The acting clinician is `--user` everywhere (DESIGN.md §7), so the filter
"events of one clinician" is `--clinician LOGIN`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pixiodoc_desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    PATIENT_HELP,
    add_user,
    close_session,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.access.emergency import DEFAULT_HOURS, EmergencyAccesses
from pixiodoc_desktop.clinic.audit.log import (
    DEFAULT_RETENTION_DAYS,
    AuditFilter,
    AuditLog,
    parse_when,
)

RETENTION_NOTE = (
    f"Audit events are kept {DEFAULT_RETENTION_DAYS} days by default. US practices often "
    "keep HIPAA documentation for six years: set --days 2190."
)


def _filter(args: argparse.Namespace, *, limit: int | None = None) -> AuditFilter:
    return AuditFilter(
        since=parse_when(args.since, "start date") if args.since else None,
        until=parse_when(args.until, "end date") if args.until else None,
        user_login=args.clinician,
        patient_id=args.patient,
        event_type=args.event,
        outcome=args.outcome,
        limit=limit,
    )


def audit_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        rows = AuditLog(ws).query(actor, _filter(args, limit=args.limit))
    finally:
        close_session(ws, actor)
    if args.json:
        print_json([row.as_json() for row in rows])
        return EXIT_OK
    for r in rows:
        print(
            f"{r.at.isoformat(timespec='seconds')}  {r.event:<26} {r.outcome:<8} "
            f"actor={r.actor_login or r.actor} patient={r.patient}"
        )
    return EXIT_OK


def audit_export(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        count = AuditLog(ws).export(actor, _filter(args), args.format, Path(args.out))
    finally:
        close_session(ws, actor)
    print(f"Exported {count} audit events to {args.out} ({args.format.upper()}).")
    return EXIT_OK


def audit_verify(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        faults, count = AuditLog(ws).verify(actor)
    finally:
        close_session(ws, actor)
    for fault in faults:
        print(f"FAULT: {fault}")
    print(f"{'OK' if not faults else 'BROKEN'}: {count} audit events checked")
    return EXIT_OK if not faults else EXIT_FAIL


def audit_purge(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        result = AuditLog(ws).purge(actor)
    finally:
        close_session(ws, actor)
    print(
        f"Purged {result.purged} audit events older than {result.before:%Y-%m-%d} "
        f"(retention {result.retention_days} days); the trail still verifies from its checkpoint."
    )
    return EXIT_OK


def audit_retention(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        log = AuditLog(ws)
        days = log.set_retention_days(actor, args.days) if args.days else log.retention_days()
    finally:
        close_session(ws, actor)
    print(f"Audit events are kept {days} days.")
    return EXIT_OK


def audit_emergencies(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        service = EmergencyAccesses(ws)
        for access_id in args.ack or []:
            service.acknowledge(actor, access_id)
        pending = service.pending_for_admin(actor)
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(pending)
        return EXIT_OK
    if not pending:
        print("No unacknowledged emergency accesses.")
    for item in pending:
        state = "open" if item.is_open else "ended"
        print(
            f"{item.id}  {item.started_at:%Y-%m-%d %H:%M}  {item.clinician_login:<16} "
            f"patient={item.patient_id} {state}  reason: {item.reason}"
        )
    return EXIT_OK


def emergency_open(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        access = EmergencyAccesses(ws).start(actor, args.patient, args.reason, hours=args.hours)
    finally:
        close_session(ws, actor)
    print(
        f"Emergency access {access.id} open until {access.expires_at:%Y-%m-%d %H:%M} UTC "
        "(View Only). It is audited and every practice Admin will see it."
    )
    return EXIT_OK


def emergency_end(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        EmergencyAccesses(ws).end(actor, args.id)
    finally:
        close_session(ws, actor)
    print("Emergency access ended.")
    return EXIT_OK


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="YYYY-MM-DD", help="events at or after (UTC)")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="events before (UTC)")
    p.add_argument("--clinician", metavar="LOGIN", help="events of one clinician")
    p.add_argument("--patient", metavar="ID", help="events about one patient (record id or MRN)")
    p.add_argument("--event", metavar="TYPE", help="one event type, e.g. PATIENT_VIEWED")
    p.add_argument("--outcome", choices=["success", "failure", "denied"])


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `audit` and `emergency` on the top-level sub-parser set."""
    audit = sub.add_parser(
        "audit", help="read, export, check and purge the audit trail", epilog=RETENTION_NOTE
    )
    asub = audit.add_subparsers(title="audit commands", metavar="ACTION", required=True)
    p = asub.add_parser("list", help="audit events, newest last (Admins; record Admins by patient)")
    add_user(p)
    p.add_argument("--limit", type=int, default=50)
    _add_filters(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=audit_list)
    p = asub.add_parser("export", help="write audit events to a CSV or JSON file (audited)")
    add_user(p)
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--out", required=True, metavar="FILE")
    _add_filters(p)
    p.set_defaults(handler=audit_export)
    p = asub.add_parser("verify", help="check the audit trail's hash chain and seals")
    add_user(p)
    p.set_defaults(handler=audit_verify)
    p = asub.add_parser(
        "purge", help="delete events past the retention period, keeping a sealed checkpoint"
    )
    add_user(p)
    p.set_defaults(handler=audit_purge)
    p = asub.add_parser(
        "retention", help="show or set how long events are kept", epilog=RETENTION_NOTE
    )
    add_user(p)
    p.add_argument("--days", type=int, help="keep events this many days (30-36500)")
    p.set_defaults(handler=audit_retention)
    p = asub.add_parser(
        "emergencies", help="emergency accesses no Admin has acknowledged yet (Admins)"
    )
    add_user(p)
    p.add_argument("--ack", action="append", metavar="ID", help="acknowledge this access")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=audit_emergencies)

    emergency = sub.add_parser(
        "emergency", help="open a record without a grant, for a stated reason (audited)"
    )
    esub = emergency.add_subparsers(title="emergency commands", metavar="ACTION", required=True)
    p = esub.add_parser("open", help="View Only access to a record you have no grant on")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--reason", required=True, help="why (at least 10 characters)")
    p.add_argument("--hours", type=int, default=DEFAULT_HOURS)
    p.set_defaults(handler=emergency_open)
    p = esub.add_parser("end", help="end an emergency access early")
    add_user(p)
    p.add_argument("--id", required=True, metavar="ACCESS")
    p.set_defaults(handler=emergency_end)
