"""`pixiodoc patient`: add, find, import from the EHR, hold and erase patients."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pixiodoc_desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    PATIENT_HELP,
    UsageError,
    add_user,
    close_session,
    counted,
    open_session,
    parse_name,
    print_json,
)
from pixiodoc_desktop.clinic.exchange.ehr_import import RowStatus, import_csv, parse_mapping
from pixiodoc_desktop.clinic.records.names import visible
from pixiodoc_desktop.clinic.records.patients import Patients, parse_date
from pixiodoc_desktop.clinic.safekeeping.retention import set_hold
from pixiodoc_desktop.errors import InvalidInput


def patient_add(args: argparse.Namespace) -> int:
    family, given = parse_name(args.name)
    dob = parse_date(args.dob, "date of birth") if args.dob else None
    ws, actor = open_session(args)
    try:
        patient = Patients(ws).create(
            actor,
            family_name=family,
            given_name=given,
            birth_date=dob,
            sex=args.sex,
            external_id=args.external_id,
        )
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(patient)
    else:
        print(patient.id)
    return EXIT_OK


def patient_list(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        page = Patients(ws).search_page(actor, args.search, offset=args.offset, limit=args.limit)
    finally:
        close_session(ws, actor)
    patients = list(page.patients)
    if args.json:
        print_json(patients)
        return EXIT_OK
    for p in patients:
        born = p.birth_date.isoformat() if p.birth_date else "----------"
        number = visible(p.external_id) if p.external_id else "-"
        print(f"{p.id}  {number}  {born}  {visible(p.display_name)}  ({p.photo_count} photos)")
    if page.offset or page.more:  # a page of the matches: say which
        first, last = page.offset + 1, page.offset + len(patients)
        print(f"patients {first}-{last} of {page.total} (--offset, --limit)", file=sys.stderr)
    else:
        print(counted(len(patients), "patient"), file=sys.stderr)
    return EXIT_OK


def patient_erase(args: argparse.Namespace) -> int:
    from pixiodoc_desktop.exports.records import prior_exports
    from pixiodoc_desktop.sharing.rounds import close_erased_now

    ws, actor = open_session(args)
    try:
        photos = Patients(ws).erase(actor, args.patient, confirm_family_name=args.confirm)
        exports = prior_exports(ws, args.patient)
        closed = close_erased_now(ws, actor)  # the patient's secure links, if online
    finally:
        close_session(ws, actor)
    print(f"Erased patient {args.patient}: {photos} photos destroyed, the patient key shredded.")
    if closed:
        print(f"{counted(len(closed), 'secure link')} of the patient revoked; their pages say so.")
    if exports:
        print(
            "Copies that left the vault earlier are not reached by erasure; ask for their deletion:"
        )
        for export in exports:
            where = export.destination if export.destination != "file" else "a file"
            print(f"  {export.at:%Y-%m-%d %H:%M} UTC  {export.format} to {where}")
    return EXIT_OK


def patient_hold(args: argparse.Namespace) -> int:
    if args.release == (args.reason is not None):
        raise UsageError("Give either --reason TEXT or --release")
    ws, actor = open_session(args)
    try:
        hold = set_hold(ws, actor, args.patient, None if args.release else args.reason)
    finally:
        close_session(ws, actor)
    print(f"Retention hold set: {hold}" if hold else "Retention hold released.")
    return EXIT_OK


def patient_import_csv(args: argparse.Namespace) -> int:
    mapping = parse_mapping(args.map)
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {args.file}: {exc.strerror}") from None
    ws, actor = open_session(args)
    try:
        summary = import_csv(
            ws,
            actor,
            data,
            mapping,
            delimiter=args.delimiter,
            encoding=args.encoding,
            dry_run=args.dry_run,
        )
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(
            {
                "dry_run": summary.dry_run,
                "new": summary.new,
                "matched": summary.matched,
                "invalid": summary.invalid,
                "created": summary.created,
                "over_limit": summary.over_limit,
                "limit_message": summary.limit_message,
                "rows": summary.rows,
            }
        )
    else:
        for row in summary.rows:
            if row.status is RowStatus.INVALID:
                print(f"line {row.line}: {row.message}")
        prefix = "Dry run: " if summary.dry_run else ""
        print(prefix + summary.text())
    incomplete = summary.invalid or summary.over_limit
    return EXIT_FAIL if incomplete and not summary.dry_run else EXIT_OK


def _count(text: str) -> int:
    """A whole number of rows, 0 or more (argparse calls this for --offset and --limit)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of patients")
    return int(text)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `patient add|list|erase|hold|import-csv`."""
    patient = sub.add_parser("patient", help="add and find patients")
    psub = patient.add_subparsers(title="patient commands", metavar="ACTION", required=True)
    p = psub.add_parser("add", help="create a patient record")
    add_user(p)
    p.add_argument("--name", required=True, help='"Family, Given" or "Given Family"')
    p.add_argument("--dob", metavar="YYYY-MM-DD")
    p.add_argument("--sex", default="unknown", choices=["female", "male", "other", "unknown"])
    p.add_argument("--external-id", metavar="MRN")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=patient_add)
    p = psub.add_parser("list", help="list or search patients")
    add_user(p)
    p.add_argument("--search", metavar="TEXT", default="")
    p.add_argument("--offset", type=_count, default=0, metavar="N", help="skip the first N")
    p.add_argument("--limit", type=_count, default=200, metavar="N", help="at most N (200)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=patient_list)
    p = psub.add_parser("erase", help="erase a patient for good (GDPR art. 17)")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument(
        "--confirm", required=True, metavar="FAMILY NAME", help="the family name, as confirmation"
    )
    p.set_defaults(handler=patient_erase)
    p = psub.add_parser("hold", help="set or release a retention hold (blocks erasure)")
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--reason", metavar="TEXT")
    p.add_argument("--release", action="store_true")
    p.set_defaults(handler=patient_hold)
    p = psub.add_parser("import-csv", help="import patients from an EHR's CSV export")
    add_user(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--map",
        required=True,
        metavar="MAPPING",
        help="e.g. family=Nachname,given=Vorname,dob=Geburtsdatum,external_id=PatNr,sex=Geschlecht",
    )
    p.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    p.add_argument("--delimiter", default=",", metavar="CHAR")
    p.add_argument("--encoding", default="utf-8", choices=["utf-8", "cp1252"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=patient_import_csv)
