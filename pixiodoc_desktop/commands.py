"""What each `pixiodoc` sub-command does; `cli.py` only parses."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import signal
import sys
import threading
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.exc import DatabaseError

from pixiodoc_desktop.clinic import audit
from pixiodoc_desktop.clinic.backup import audit_restore, create_backup, restore_backup
from pixiodoc_desktop.clinic.body_sites import BODY_SITES, check_body_site
from pixiodoc_desktop.clinic.importing import import_files as run_import
from pixiodoc_desktop.clinic.login import lock, log_in, log_in_with_recovery_key
from pixiodoc_desktop.clinic.patients import Patients, parse_date
from pixiodoc_desktop.clinic.photos import CaptureContext, Photos
from pixiodoc_desktop.clinic.verify import VerifyReport, verify_vault
from pixiodoc_desktop.clinic.vocabulary import Modality, parse
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.config import default_vault_dir
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, PixioDocError, VaultDamaged
from pixiodoc_desktop.vault.vault import Vault

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


# The logged-in session a verify ran in, if the vault could be opened at all.
VerifySession = tuple[Workstation, Actor | None] | None


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


def print_json(data: Any, out: TextIO | None = None) -> None:
    # sys.stdout looked up at call time, not bound at import: redirections apply.
    (out or sys.stdout).write(
        json.dumps(data, default=_json_default, indent=2, ensure_ascii=False) + "\n"
    )


def read_secret(args: argparse.Namespace, prompt: str) -> str:
    """One line from stdin with --password-stdin, else a terminal prompt."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--password-stdin was given but standard input is empty")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("No terminal to ask for the password; use --password-stdin")
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


def _session(args: argparse.Namespace) -> tuple[Workstation, Actor]:
    vault = Vault.open(vault_dir(args))
    password = read_secret(args, f"Password for {args.user}: ")
    return log_in(vault, args.user, password)


def _finish(ws: Workstation, actor: Actor | None) -> None:
    lock(ws, actor, logged_out=True)


# --- vault -----------------------------------------------------------------------


def vault_init(args: argparse.Namespace) -> int:
    folder = vault_dir(args)
    password = read_secret(args, f"New password for {args.admin}: ")
    if not args.password_stdin and sys.stdin.isatty():
        again = read_secret(args, "Repeat the password: ")
        if again != password:
            raise UsageError("The two passwords differ; nothing was created")
    vault, recovery_key = Vault.create(
        folder,
        clinic_name=args.clinic,
        admin_login=args.admin,
        admin_name=args.admin_name or args.admin,
        password=password,
    )
    vault.lock()
    if args.json:
        print_json(
            {
                "vault": str(vault.folder),
                "vault_id": vault.header.vault_id,
                "recovery_key": recovery_key,
            }
        )
        return EXIT_OK
    groups = recovery_key.split("-")
    print(f"Created the vault for {args.clinic.strip()} at {vault.folder}")
    print()
    print("RECOVERY KEY - shown only this once. Print it or write it down and keep it")
    print("locked away. It opens the vault if every password is lost.")
    print()
    print("    " + "  ".join(groups[:5]))
    print("    " + "  ".join(groups[5:]))
    print()
    return EXIT_OK


def _unlock_for_maintenance(
    args: argparse.Namespace, vault: Vault
) -> tuple[Workstation, Actor | None]:
    if args.recovery_key_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise UsageError("--recovery-key-stdin was given but standard input is empty")
        return log_in_with_recovery_key(vault, line.strip()), None
    password = read_secret(args, f"Password for {args.user}: ")
    return log_in(vault, args.user, password)


def _print_report(report: VerifyReport, as_json: bool) -> int:
    if as_json:
        print_json(asdict(report) | {"ok": report.ok})
    else:
        for fault in report.faults:
            print(f"FAULT: {fault}")
        verdict = "OK" if report.ok else f"{len(report.faults)} fault(s)"
        print(
            f"{verdict}: {report.photos_checked} photos, {report.objects_checked} image objects, "
            f"{report.audit_events_checked} audit events checked"
        )
    return EXIT_OK if report.ok else EXIT_FAIL


def _verify_unlocked(vault: Vault, args: argparse.Namespace) -> tuple[VerifyReport, VerifySession]:
    """Unlock and verify; a vault too damaged to open is itself the finding."""
    try:
        ws, actor = _unlock_for_maintenance(args, vault)
    except VaultDamaged as exc:
        return VerifyReport(faults=[exc.message]), None
    try:
        report = verify_vault(ws)
        if not report.ok:
            # A damaged database may refuse the alert (and the logout event) too.
            with contextlib.suppress(DatabaseError):
                ws.audit_alone(
                    audit.EventDraft(
                        audit.EventType.SECURITY_ALERT,
                        actor.user_id if actor else None,
                        outcome=audit.Outcome.FAILURE,
                        details={"check": "vault verify", "faults": len(report.faults)},
                    )
                )
    except BaseException:
        _finish(ws, actor)
        raise
    return report, (ws, actor)


def _finish_after_verify(report: VerifyReport, session: VerifySession) -> None:
    if session is None:
        return
    if report.ok:
        _finish(*session)
    else:
        with contextlib.suppress(DatabaseError):
            _finish(*session)


def vault_verify(args: argparse.Namespace) -> int:
    vault = Vault.open(vault_dir(args))
    report, session = _verify_unlocked(vault, args)
    _finish_after_verify(report, session)
    return _print_report(report, args.json)


def vault_backup(args: argparse.Namespace) -> int:
    ws, actor = _session(args)
    try:
        if not actor.is_workspace_admin:
            raise PermissionDenied("Only a practice Admin may back up the whole vault.")
        summary = create_backup(ws, actor, Path(args.file))
    finally:
        _finish(ws, actor)
    print(
        f"Backup written to {summary.path} ({summary.objects} image objects, {summary.bytes_written} bytes)"
    )
    return EXIT_OK


def vault_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    folder = restore_backup(source, Path(args.vault))
    print(f"Restored into {folder}; verifying ...")
    vault = Vault.open(folder)
    report, session = _verify_unlocked(vault, args)
    if session is not None:
        try:
            audit_restore(session[0], session[1], source)
        except DatabaseError:
            if report.ok:
                raise
    _finish_after_verify(report, session)
    return _print_report(report, False)


def vault_change_password(args: argparse.Namespace) -> int:
    vault = Vault.open(vault_dir(args))
    old = read_secret(args, f"Current password for {args.user}: ")
    new = read_secret(args, "New password: ")
    ws, actor = log_in(vault, args.user, old)
    try:
        vault.change_password(args.user, old, new)
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.CREDENTIAL_CHANGED,
                actor.user_id,
                object_type="clinician",
                object_id=actor.user_id,
            )
        )
    finally:
        _finish(ws, actor)
    print(f"Password changed for {actor.login}.")
    return EXIT_OK


# --- patients ----------------------------------------------------------------------


def patient_add(args: argparse.Namespace) -> int:
    family, given = parse_name(args.name)
    dob = parse_date(args.dob, "date of birth") if args.dob else None
    ws, actor = _session(args)
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
        _finish(ws, actor)
    if args.json:
        print_json(patient)
    else:
        print(patient.id)
    return EXIT_OK


def patient_list(args: argparse.Namespace) -> int:
    ws, actor = _session(args)
    try:
        patients = Patients(ws).search(actor, args.search)
    finally:
        _finish(ws, actor)
    if args.json:
        print_json(patients)
        return EXIT_OK
    for p in patients:
        born = p.birth_date.isoformat() if p.birth_date else "----------"
        print(f"{p.id}  {born}  {p.display_name}  ({p.photo_count} photos)")
    print(f"{len(patients)} patient(s)", file=sys.stderr)
    return EXIT_OK


# --- photos --------------------------------------------------------------------------


def import_files(args: argparse.Namespace) -> int:
    visit = parse_date(args.visit, "visit date") if args.visit else None
    if visit is not None and visit > dt.date.today():
        raise UsageError("The visit date lies in the future")
    context = CaptureContext(
        patient_id=args.patient,
        visit_date=visit,
        body_site=check_body_site(args.body_site),
        modality=args.modality,
    )
    paths = [Path(f) for f in args.files]
    ws, actor = _session(args)

    def progress(done: int, total: int, path: Path) -> None:
        if not args.json:
            print(f"\r[{done}/{total}] {path.name[:60]:<60}", end="", file=sys.stderr, flush=True)

    try:
        report = run_import(Photos(ws), actor, context, paths, on_progress=progress)
    finally:
        _finish(ws, actor)
    if not args.json:
        print(file=sys.stderr)
    if args.json:
        print_json(
            {
                "imported": [p.id for p in report.imported],
                "duplicates": [p.id for p in report.duplicates],
                "refused": [{"file": str(r.path), "reason": r.reason} for r in report.refused],
            }
        )
    else:
        for refusal in report.refused:
            print(f"refused: {refusal.reason}", file=sys.stderr)
        print(report.summary)
    return EXIT_OK if report.imported or report.duplicates or not report.refused else EXIT_FAIL


def watch_folder(args: argparse.Namespace) -> int:
    """The hot folder without the GUI: until Ctrl+C or SIGTERM, or with --once until idle."""
    from pixiodoc_desktop.capture.hotfolder import COMPLETE_WITHIN, HotFolder, HotFolderEvent

    folder = Path(args.folder)
    if not folder.is_dir():
        raise UsageError(f"The folder {folder} does not exist")
    context = CaptureContext(
        patient_id=args.patient,
        body_site=check_body_site(args.body_site),
        modality=parse(Modality, args.modality, "modality"),
    )
    ws, actor = _session(args)
    stop = threading.Event()

    def report(event: HotFolderEvent) -> None:
        print(event.line, flush=True)

    try:
        photos = Photos(ws)
        photos.check_can_add(actor, args.patient)
        watcher = HotFolder(folder, photos, actor, context, on_outcome=report)
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            watcher.start(watch=not args.once)
            if args.once:
                idle = watcher.wait_idle(COMPLETE_WITHIN + 30)
            else:
                print(f"Watching {folder} (Ctrl+C to stop)", file=sys.stderr, flush=True)
                while not stop.wait(0.5):
                    pass
                idle = True
        except KeyboardInterrupt:
            idle = True
        finally:
            watcher.stop()
            signal.signal(signal.SIGTERM, previous)
    finally:
        _finish(ws, actor)
    counts = watcher.counts
    print(
        f"{counts.imported} imported, {counts.duplicates} duplicates, "
        f"{counts.quarantined} quarantined",
        file=sys.stderr,
    )
    if not idle:
        print(f"pixiodoc: {watcher.pending_count} file(s) never completed", file=sys.stderr)
    return EXIT_OK if idle and not (counts.quarantined or counts.failed) else EXIT_FAIL


def photo_list(args: argparse.Namespace) -> int:
    ws, actor = _session(args)
    try:
        photos = Photos(ws).list(actor, args.patient)
    finally:
        _finish(ws, actor)
    if args.json:
        print_json(photos)
        return EXIT_OK
    for p in photos:
        print(
            f"{p.id}  {p.visit_date}  {p.body_site or '-':<18} {p.modality:<24} {p.width}x{p.height}"
        )
    return EXIT_OK


def photo_export(args: argparse.Namespace) -> int:
    ws, actor = _session(args)
    try:
        target = Photos(ws).export(actor, args.photo, Path(args.out))
    finally:
        _finish(ws, actor)
    print(f"Exported to {target}")
    return EXIT_OK


def body_sites(args: argparse.Namespace) -> int:
    if args.json:
        print_json([asdict(site) for site in BODY_SITES.values()])
        return EXIT_OK
    for site in BODY_SITES.values():
        print(f"{site.code:<24} {site.label:<28} SNOMED CT {site.snomed}")
    return EXIT_OK
