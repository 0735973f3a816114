"""What every `pixiodoc` sub-command shares: exit codes, secrets, the session, JSON out."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pixiodoc_desktop.config import default_vault_dir
from pixiodoc_desktop.errors import InvalidInput, PixioDocError

if TYPE_CHECKING:
    from pixiodoc_desktop.clinic.workstation import Actor, Workstation

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(PixioDocError):
    """Bad command-line usage (exit 2)."""


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(type(value).__name__)


_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def print_json(data: Any, out: TextIO | None = None) -> None:
    # sys.stdout looked up at call time, not bound at import: redirections apply.
    text = json.dumps(data, default=_json_default, indent=2, ensure_ascii=False)
    # JSON escapes C0 itself; DEL, C1 and direction overrides stored earlier are escaped too.
    (out or sys.stdout).write(text.translate(_JSON_ESCAPES) + "\n")


def read_secret(args: argparse.Namespace, prompt: str) -> str:
    """One line from stdin with --password-stdin, else a terminal prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--password-stdin was given but standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("No terminal to ask for the password; use --password-stdin")
    import getpass  # a command's prompt; not loaded when the workstation starts

    return getpass.getpass(prompt)


def vault_dir(args: argparse.Namespace) -> Path:
    return Path(args.vault) if getattr(args, "vault", None) else default_vault_dir()


def parse_name(text: str) -> tuple[str, str]:
    """'Family, Given' or 'Given Family' -> (family, given)."""
    if "," in text:
        family, _, given = text.partition(",")
        return family.strip(), given.strip()
    parts = text.split()
    if not parts:
        raise InvalidInput("The patient's name is empty")
    return parts[-1], " ".join(parts[:-1])


def open_session(args: argparse.Namespace) -> tuple[Workstation, Actor]:
    # Imported here: the vault machinery (SQLAlchemy, SQLCipher) is not loaded when
    # `pixiodoc` starts the workstation, whose unlock screen must paint first.
    from pixiodoc_desktop.clinic.access.login import log_in
    from pixiodoc_desktop.vault.vault import Vault

    vault = Vault.open(vault_dir(args))
    password = read_secret(args, f"Password for {args.user}: ")
    ws, actor = log_in(vault, args.user, password)
    if isinstance(getattr(args, "patient", None), str):
        from pixiodoc_desktop.clinic.records.patients import patient_id_for

        args.patient = patient_id_for(ws, args.patient)
    return ws, actor


def close_session(ws: Workstation, actor: Actor | None) -> None:
    from pixiodoc_desktop.clinic.access.login import lock

    lock(ws, actor, logged_out=True)


PATIENT_HELP = "the patient: the record id (patient list) or the practice's number (MRN)"


def add_vault(p: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """`--vault DIR`, before the command (`pixiodoc --vault D patient list`) or after it.

    A command's own `--vault` only sets the folder when given: its default is
    suppressed, so it never overwrites the one given before the command.
    """
    p.add_argument(
        "--vault",
        metavar="DIR",
        default=None if top_level else argparse.SUPPRESS,
        help="vault folder (default: $PIXIODOC_VAULT or the user data folder)",
    )


def add_user(p: argparse.ArgumentParser) -> None:
    add_vault(p)
    p.add_argument("--user", required=True, metavar="LOGIN", help="the clinician acting")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password as one line from stdin"
    )


# --- progress of long commands on standard error (stdout stays for --json) ---------
# On a terminal one line overwrites itself a few times a second; in a log or a pipe
# a plain line appears every few seconds, and once at the end.

TERMINAL_EVERY_S = 0.2
LOG_EVERY_S = 5.0


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """An English count: "1 patient", "3 patients", "0 patients" (`plural` when not noun+s)."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


class VerifyProgress:
    """A `Progress` callback for `verify_vault` that writes to stderr."""

    def __init__(
        self,
        out: TextIO | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        every_s: float | None = None,
    ) -> None:
        self.out = out or sys.stderr
        self.terminal = self.out.isatty()
        self.every_s = (
            every_s if every_s is not None else (TERMINAL_EVERY_S if self.terminal else LOG_EVERY_S)
        )
        self.clock = clock
        self.started = clock()
        self.next_at = self.started + self.every_s
        self.shown = False

    def __call__(self, done: int, total: int, bytes_read: int) -> None:
        now = self.clock()
        if done < total and now < self.next_at:
            return
        self.next_at = now + self.every_s
        elapsed = max(now - self.started, 1e-9)
        share = f"{100 * done / total:5.1f}%" if total else "100.0%"
        line = (
            f"Verifying: {share}, {done:,} of {total:,} photos, "
            f"{_size(bytes_read)} read ({_size(int(bytes_read / elapsed))}/s)"
        )
        if self.terminal:
            end = "\n" if done >= total else ""
            self.out.write(f"\r\x1b[2K{line}{end}")
        else:
            self.out.write(line + "\n")
        self.out.flush()
        self.shown = True
