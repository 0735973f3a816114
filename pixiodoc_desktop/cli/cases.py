"""`pixiodoc case export|import|key`: encrypted case bundles for outside colleagues."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    PATIENT_HELP,
    UsageError,
    add_user,
    close_session,
    open_session,
    print_json,
)
from pixiodoc_desktop.clinic.exchange.case_bundle import CaseBundles, read_bundle_file, read_header
from pixiodoc_desktop.clinic.records.patients import parse_date
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    """The bundle passphrase: the second stdin line with --password-stdin, else a prompt."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(
                "With --password-stdin give two lines: your password, then the passphrase"
            )
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("No terminal to ask for the passphrase; use --password-stdin")
    first = getpass.getpass("Case bundle passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise UsageError("The two passphrases differ; nothing was exported")
    return first


def case_export(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        passphrase = None if args.recipient_key else _passphrase(args, confirm=True)
        fetch_for_export(ws, actor, args.patient, Export.CASE_BUNDLE, visit_ids=list(args.visit))
        done = CaseBundles(ws).export(
            actor,
            args.patient,
            list(args.visit),
            Path(args.out),
            passphrase=passphrase,
            recipient_key=args.recipient_key,
            expires=parse_date(args.expires, "expiry date") if args.expires else None,
        )
    finally:
        close_session(ws, actor)
    print(
        f"Wrote {done.path} ({done.visits} visits, {done.photos} photos), "
        f"valid until {done.expires}."
    )
    return EXIT_OK


def case_import(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        bundles = CaseBundles(ws)
        data = read_bundle_file(Path(args.file))
        needs_passphrase = read_header(data)[0].get("protection", {}).get("type") == "passphrase"
        passphrase = _passphrase(args, confirm=False) if needs_passphrase else None
        done = bundles.import_bundle(actor, data, passphrase=passphrase)
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(done)
        return EXIT_OK
    print(
        f"Imported patient {done.patient_id} (View Only; {done.origin}): "
        f"{done.visits} visits, {done.photos} photos."
    )
    return EXIT_OK


def case_key(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        key = CaseBundles(ws).public_key(actor)
    finally:
        close_session(ws, actor)
    print(key)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `case` on the top-level sub-parser set."""
    case = sub.add_parser("case", help="share visits with an outside colleague, encrypted")
    csub = case.add_subparsers(title="case commands", metavar="ACTION", required=True)
    p = csub.add_parser(
        "export",
        help="write chosen visits as an encrypted .pxcase (needs the patient's consent to sharing)",
    )
    add_user(p)
    p.add_argument("--patient", required=True, metavar="ID", help=PATIENT_HELP)
    p.add_argument("--visit", required=True, action="append", metavar="ID", help="repeatable")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--recipient-key",
        metavar="KEY",
        help="the colleague's case key (pxcase-x25519:...); default: ask for a passphrase",
    )
    p.add_argument("--expires", metavar="YYYY-MM-DD", help="default: in 30 days")
    p.set_defaults(handler=case_export)
    p = csub.add_parser("import", help="import a .pxcase as a View Only record")
    add_user(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=case_import)
    p = csub.add_parser("key", help="print this clinic's case key for colleagues to send to")
    add_user(p)
    p.set_defaults(handler=case_key)
