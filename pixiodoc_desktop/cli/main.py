"""`pixiodoc`: the workstation (GUI) by default, sub-commands for clinic IT (DESIGN.md §7).

Errors print one clear line on stderr and exit 1 (2 for usage); no traceback
reaches the user. The log file has details, never patient data.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pixiodoc_desktop.cli.common import EXIT_FAIL, EXIT_USAGE, UsageError, add_vault, vault_dir
from pixiodoc_desktop.errors import PixioDocError, WrongPassword
from pixiodoc_desktop.logs import setup_logging

log = logging.getLogger(__name__)


def open_workstation(args: argparse.Namespace) -> int:
    """Open the GUI (the product). `--demo` opens the demo clinic."""
    from pixiodoc_desktop.app import run

    return run(vault=Path(args.vault) if args.vault else None, demo=args.demo, camera=args.camera)


class _ShowVersion(argparse.Action):
    """argparse's "version" action, but the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from pixiodoc_desktop import __version__

        sys.stdout.write(f"PixioDoc Desktop {__version__}\n")
        parser.exit()


# The command groups in the order of `pixiodoc --help`, and which group adds each
# command. A command's own group is imported alone, so that `pixiodoc patient list`
# does not load boto3, pydicom or reportlab first (about 0.6 s of every command);
# `--help`, and a word no group adds, load them all. A test holds this table to what
# the groups' `add_parsers` add.
GROUPS = (
    "vault",
    "patients",
    "lesions",
    "photos",
    "phone",
    "people",
    "sync",
    "exports",
    "audit",
    "licence",
    "cases",
    "share_link",
    "gdt",
    "worklist",
)
COMMAND_GROUPS = {
    "vault": "vault",
    "patient": "patients",
    "lesion": "lesions",
    "import": "photos",
    "watch": "photos",
    "photo": "photos",
    "body-sites": "photos",
    "phone": "phone",
    "user": "people",
    "share": "people",
    "sync": "sync",
    "export": "exports",
    "pacs": "exports",
    "audit": "audit",
    "emergency": "audit",
    "licence": "licence",
    "case": "cases",
    "share-link": "share_link",
    "gdt": "gdt",
    "worklist": "worklist",
}


def build_parser(
    *, commands: bool = True, groups: Sequence[str] = GROUPS
) -> argparse.ArgumentParser:
    """The whole command line; without `commands` only the workstation's own options;
    with `groups` only those command groups' commands."""
    parser = argparse.ArgumentParser(
        prog="pixiodoc",
        description="PixioDoc Desktop: encrypted clinical photo documentation for dermatology.",
    )
    parser.add_argument(
        "--version", action=_ShowVersion, help="show the program's version number and exit"
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation (throw-away vault, ingest, verify, Qt offscreen) and exit",
    )
    add_vault(parser, top_level=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the demo clinic (created on first use)"
    )
    parser.add_argument(
        "--camera",
        metavar="PATH",
        help="also offer a video file (or an image sequence) as a camera in the capture screen",
    )
    parser.set_defaults(handler=open_workstation)
    if not commands:
        return parser
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in groups:
        # Imported here: the command groups load the vault, sync and export machinery,
        # which the workstation's start (an unlock screen to paint) does not need yet.
        importlib.import_module(f"{__package__}.{name}").add_parsers(sub)
    return parser


def _parse(argv: list[str]) -> argparse.Namespace:
    """The workstation's options alone when no command is given (the usual start:
    `pixiodoc`, `pixiodoc --vault DIR`), else the command's group, else (help, or a
    word that is no command) the whole command line."""
    if not {"-h", "--help"} & set(argv):
        args, rest = build_parser(commands=False).parse_known_args(argv)
        if not rest:
            return args
        group = COMMAND_GROUPS.get(rest[0])
        if group is not None:
            return build_parser(groups=(group,)).parse_args(argv)
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parse(list(sys.argv[1:] if argv is None else argv))
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
        if not hasattr(args, "password_stdin"):
            return handler(args)
        # A command that logs in writes (the audit trail at least): never beside a window.
        from pixiodoc_desktop.vault.in_use import claimed_by_command

        with claimed_by_command(vault_dir(args)):
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
