"""`pixiodoc`: the workstation (GUI) by default, sub-commands for clinic IT (DESIGN.md §7).

Errors print one clear line on stderr and exit 1 (2 for usage); no traceback
reaches the user. The log file has details, never patient data.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from pixiodoc_desktop import (
    __version__,
    audit_commands,
    case_commands,
    commands,
    export_commands,
    licence_commands,
    people_commands,
    sync_commands,
)
from pixiodoc_desktop.commands import EXIT_FAIL, EXIT_USAGE, UsageError
from pixiodoc_desktop.errors import PixioDocError, WrongPassword
from pixiodoc_desktop.logs import setup_logging

log = logging.getLogger(__name__)

# --- the parser --------------------------------------------------------------


def _add_vault(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--vault",
        metavar="DIR",
        help="vault folder (default: $PIXIODOC_VAULT or the user data folder)",
    )


def _add_user(p: argparse.ArgumentParser) -> None:
    _add_vault(p)
    p.add_argument("--user", required=True, metavar="LOGIN", help="the clinician acting")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password as one line from stdin"
    )


def open_workstation(args: argparse.Namespace) -> int:
    """Open the GUI (the product). `--demo` opens the demo clinic."""
    from pixiodoc_desktop.app import run

    return run(vault=Path(args.vault) if args.vault else None, demo=args.demo, camera=args.camera)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pixiodoc",
        description="PixioDoc Desktop: encrypted clinical photo documentation for dermatology.",
    )
    parser.add_argument("--version", action="version", version=f"PixioDoc Desktop {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation (throw-away vault, ingest, verify, Qt offscreen) and exit",
    )
    _add_vault(parser)
    parser.add_argument(
        "--demo", action="store_true", help="open the demo clinic (created on first use)"
    )
    parser.add_argument("--camera", metavar="PATH", help=argparse.SUPPRESS)
    parser.set_defaults(handler=open_workstation)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    vault = sub.add_parser("vault", help="create, check, back up and restore a vault")
    vsub = vault.add_subparsers(title="vault commands", metavar="ACTION", required=True)
    p = vsub.add_parser("init", help="create a new vault; prints the recovery key once")
    _add_vault(p)
    p.add_argument("--clinic", required=True, help="the clinic's name")
    p.add_argument("--admin", required=True, metavar="LOGIN", help="login of the first Admin")
    p.add_argument("--admin-name", metavar="NAME", help="display name of the first Admin")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.vault_init)
    p = vsub.add_parser("verify", help="check every record and image; exit 1 naming each fault")
    _add_vault(p)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", metavar="LOGIN")
    who.add_argument(
        "--recovery-key-stdin", action="store_true", help="unlock with the recovery key from stdin"
    )
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.vault_verify)
    p = vsub.add_parser("backup", help="write a consistent, still-encrypted backup file")
    _add_user(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=commands.vault_backup)
    p = vsub.add_parser("restore", help="restore a backup into a new folder, then verify it")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--vault", required=True, metavar="NEWDIR")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", metavar="LOGIN")
    who.add_argument("--recovery-key-stdin", action="store_true")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=commands.vault_restore)
    p = vsub.add_parser("change-password", help="change your own password")
    _add_user(p)
    p.set_defaults(handler=commands.vault_change_password)

    patient = sub.add_parser("patient", help="add and find patients")
    psub = patient.add_subparsers(title="patient commands", metavar="ACTION", required=True)
    p = psub.add_parser("add", help="create a patient record")
    _add_user(p)
    p.add_argument("--name", required=True, help='"Family, Given" or "Given Family"')
    p.add_argument("--dob", metavar="YYYY-MM-DD")
    p.add_argument("--sex", default="unknown", choices=["female", "male", "other", "unknown"])
    p.add_argument("--external-id", metavar="MRN")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.patient_add)
    p = psub.add_parser("list", help="list or search patients")
    _add_user(p)
    p.add_argument("--search", metavar="TEXT", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.patient_list)

    p = sub.add_parser("import", help="import image files or folders into a patient's record")
    _add_user(p)
    p.add_argument("--patient", required=True, metavar="ID")
    p.add_argument(
        "--visit", metavar="YYYY-MM-DD", help="visit date (default: each photo's capture date)"
    )
    p.add_argument("--body-site", metavar="CODE")
    p.add_argument("--modality", default="overview")
    p.add_argument("--json", action="store_true")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=commands.import_files)

    p = sub.add_parser("watch", help="import each photo a tethered camera saves into a folder")
    _add_user(p)
    p.add_argument("--folder", required=True, metavar="DIR", help="the camera's hot folder")
    p.add_argument("--patient", required=True, metavar="ID")
    p.add_argument("--body-site", metavar="CODE")
    p.add_argument("--modality", default="overview")
    p.add_argument(
        "--once", action="store_true", help="take what is there, wait for files in flight, exit"
    )
    p.set_defaults(handler=commands.watch_folder)

    photo = sub.add_parser("photo", help="list and export photos")
    fsub = photo.add_subparsers(title="photo commands", metavar="ACTION", required=True)
    p = fsub.add_parser("list", help="a patient's photos")
    _add_user(p)
    p.add_argument("--patient", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.photo_list)
    p = fsub.add_parser("export", help="write a stored image to a file (audited)")
    _add_user(p)
    p.add_argument("--photo", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=commands.photo_export)

    people_commands.add_parsers(sub, _add_user)
    sync_commands.add_parsers(sub, _add_user)
    export_commands.add_parsers(sub, _add_user)
    audit_commands.add_parsers(sub, _add_user)
    licence_commands.add_parsers(sub, _add_user)
    case_commands.add_parsers(sub, _add_user)

    p = sub.add_parser("body-sites", help="list the body site codes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=commands.body_sites)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.self_check:  # before logging and the GUI: it must leave no file behind
        from pixiodoc_desktop.app import self_check as run_self_check

        return run_self_check(print)
    try:
        log_file = setup_logging()
    except OSError:
        log_file = None
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        print(f"pixiodoc: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except WrongPassword as exc:
        print(f"pixiodoc: {exc.message}", file=sys.stderr)
        return EXIT_FAIL
    except PixioDocError as exc:
        log.info("Command failed: %s", type(exc).__name__)
        print(f"pixiodoc: {exc.message}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("pixiodoc: interrupted", file=sys.stderr)
        return 130
    except Exception:
        log.exception("Unexpected error")
        if os.environ.get("PIXIODOC_DEBUG"):  # developers only: the full text on the terminal
            traceback.print_exc()
        where = f" (details in {log_file})" if log_file else ""
        print(f"pixiodoc: an unexpected error stopped the command{where}", file=sys.stderr)
        return EXIT_FAIL
