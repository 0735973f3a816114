"""`pixiodoc vault`: create, verify, back up, restore, change a password."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from pixiodoc_desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    UsageError,
    VerifyProgress,
    add_user,
    add_vault,
    close_session,
    counted,
    open_session,
    print_json,
    read_secret,
    vault_dir,
)
from pixiodoc_desktop.clinic.access.key_rotation import rotate_workspace_key
from pixiodoc_desktop.clinic.access.login import log_in, log_in_with_recovery_key
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.safekeeping.backup import audit_restore, create_backup, restore_backup
from pixiodoc_desktop.clinic.safekeeping.verify import VerifyReport, verify_vault
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PermissionDenied, VaultDamaged
from pixiodoc_desktop.sync.engine import sync_keys, sync_once
from pixiodoc_desktop.sync.images import refetch
from pixiodoc_desktop.sync.renewal import Renewal, renew_keys
from pixiodoc_desktop.sync.settings import load_target, store_settings
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.vault import Vault

# The logged-in session a verify ran in, if the vault could be opened at all.
VerifySession = tuple[Workstation, Actor | None] | None


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
        if report.faults_not_listed:
            print(f"... and {counted(report.faults_not_listed, 'more fault')} not listed")
        verdict = "OK" if report.ok else counted(report.fault_count, "fault")
        print(
            f"{verdict}: {counted(report.photos_checked, 'photo')}, "
            f"{counted(report.objects_checked, 'image object')}, "
            f"{counted(report.audit_events_checked, 'audit event')} checked"
        )
        if report.objects_in_bucket:
            print(
                f"Not checked here: {counted(report.objects_in_bucket, 'image object')} "
                "in the clinic's bucket, not on this PC (images on demand; "
                "each is checked against its id when it is first shown)"
            )
    return EXIT_OK if report.ok else EXIT_FAIL


def _verify_unlocked(vault: Vault, args: argparse.Namespace) -> tuple[VerifyReport, VerifySession]:
    """Unlock and verify; a vault too damaged to open is itself the finding."""
    try:
        ws, actor = _unlock_for_maintenance(args, vault)
    except VaultDamaged as exc:
        return VerifyReport(faults=[exc.message]), None
    try:
        report = verify_vault(ws, progress=VerifyProgress())
        if not report.ok:
            # A damaged database may refuse the alert (and the logout event) too.
            with contextlib.suppress(DatabaseError):
                ws.audit_alone(
                    audit.EventDraft(
                        audit.EventType.SECURITY_ALERT,
                        actor.user_id if actor else None,
                        outcome=audit.Outcome.FAILURE,
                        details={"check": "vault verify", "faults": report.fault_count},
                    )
                )
    except BaseException:
        close_session(ws, actor)
        raise
    return report, (ws, actor)


def _fetch_again(session: tuple[Workstation, Actor | None], report: VerifyReport) -> VerifyReport:
    """`--repair`: fetch the image objects verify flagged from the clinic's bucket again
    (each checked against its id before it replaces the local copy), then verify again.

    A report lists at most DAMAGED_KEPT objects: with more, each round fetches the
    listed ones and verifies again, for as long as a round mends something."""
    ws, actor = session
    store = ObjectStore(store_settings(ws.vault))
    keys = sync_keys(ws)
    flagged_in_all, fetched = report.damaged_count, 0
    while report.damaged_objects:
        flagged = report.damaged_objects
        still = refetch(ws, store, keys, flagged, replace=True)
        fetched += len(flagged) - len(still)
        more = report.damaged_count > len(flagged) and len(still) < len(flagged)
        report = verify_vault(ws, progress=VerifyProgress())
        if not more:
            break
    print(f"Fetched {fetched} of {flagged_in_all} image objects again.")
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.SYNC_RUN,
            actor.user_id if actor else None,
            outcome=audit.Outcome.SUCCESS if fetched == flagged_in_all else audit.Outcome.FAILURE,
            details={
                "action": "repair",
                "fetched": fetched,
                "failed": flagged_in_all - fetched,
            },
        )
    )
    return report


def _finish_after_verify(report: VerifyReport, session: VerifySession) -> None:
    if session is None:
        return
    if report.ok:
        close_session(*session)
    else:
        with contextlib.suppress(DatabaseError):
            close_session(*session)


def vault_verify(args: argparse.Namespace) -> int:
    vault = Vault.open(vault_dir(args))
    report, session = _verify_unlocked(vault, args)
    if args.repair and session is not None and report.damaged_objects:
        report = _fetch_again(session, report)
    _finish_after_verify(report, session)
    return _print_report(report, args.json)


def vault_backup(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        if not actor.is_workspace_admin:
            raise PermissionDenied("Only a practice Admin may back up the whole vault.")
        summary = create_backup(ws, actor, Path(args.file))
    finally:
        close_session(ws, actor)
    print(
        f"Backup written to {summary.path} ({summary.objects} image objects, {summary.bytes_written} bytes)"
    )
    return EXIT_OK


def vault_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not getattr(args, "vault", None):
        raise UsageError("vault restore needs --vault NEWDIR, the new folder to restore into")
    target = Path(args.vault).expanduser().resolve()
    existed = target.exists()
    folder = restore_backup(source, target)
    print(f"Restored into {folder}; verifying ...")
    try:
        vault = Vault.open(folder)
        report, session = _verify_unlocked(vault, args)
    except BaseException:
        # A wrong password or another clinic's recovery key: the restore did not
        # happen for the person at the keyboard, so nothing of it stays (a retry
        # must not meet "not empty").
        shutil.rmtree(folder, ignore_errors=True)
        if existed:
            folder.mkdir(exist_ok=True)
        print(f"The restore was undone; {folder} holds nothing of it.", file=sys.stderr)
        raise
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
        close_session(ws, actor)
    print(f"Password changed for {actor.login}.")
    return EXIT_OK


def vault_rotate_key(args: argparse.Namespace) -> int:
    vault = Vault.open(vault_dir(args))
    password = read_secret(args, f"Password for {args.user}: ")
    ws, actor = log_in(vault, args.user, password)
    moved: Renewal | None = None
    try:
        if load_target(ws.vault) is None:
            renewed = rotate_workspace_key(ws, actor, password)
        else:
            store = ObjectStore(store_settings(ws.vault))
            moved = renew_keys(
                ws,
                actor,
                password,
                store,
                lambda: sync_once(ws, store, actor_id=actor.user_id),
            )
            renewed = moved.keys
    finally:
        close_session(ws, actor)
    if args.json:
        document: dict[str, object] = {
            "recovery_key": renewed.recovery_key,
            "awaiting_new_password": list(renewed.awaiting_password),
        }
        if moved is not None:
            document.update(
                old_bucket_folder=moved.old_folder,
                new_bucket_folder=moved.new_folder,
                sync_error=moved.error,
            )
        print_json(document)
        return EXIT_OK
    groups = renewed.recovery_key.split("-")
    print("Renewed the practice's keys: the database is rekeyed and the patient keys re-wrapped.")
    print("Copies of vault.json from before this no longer open the vault.")
    if moved is not None:
        _print_move(moved)
    print()
    print("NEW RECOVERY KEY - the old one no longer works. Print it or write it down and keep")
    print("it locked away. It is shown only this once.")
    print()
    print("    " + "  ".join(groups[:5]))
    print("    " + "  ".join(groups[5:]))
    print()
    if renewed.awaiting_password:
        print("These clinicians need a new password from an Admin before they can log in")
        print("again (pixiodoc user reset-password --login LOGIN):")
        for login in renewed.awaiting_password:
            print(f"    {login}")
        print()
    print("Make a new backup now: older backups still open with the old keys.")
    return EXIT_OK


def _print_move(moved: Renewal) -> None:
    print()
    print(f"Sync: this workstation now syncs to a new folder, {moved.new_folder}.")
    if moved.error is None:
        print(f"The old folder, {moved.old_folder}, is marked retired.")
    else:
        print(f"The first sync with the new keys did not finish ({moved.error});")
        print("the next sync finishes it and then marks the old folder retired.")
    print("Every other workstation stops syncing and asks to re-join: create an enrollment")
    print("code for each (pixiodoc sync enroll-code) and enter it there (pixiodoc sync rejoin).")
    print("Once all have re-joined, delete everything in the old folder but its object")
    print("named retired (old versions too, if the bucket keeps versions).")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `vault init|verify|backup|restore|change-password|rotate-key`."""
    vault = sub.add_parser("vault", help="create, check, back up and restore a vault")
    vsub = vault.add_subparsers(title="vault commands", metavar="ACTION", required=True)
    p = vsub.add_parser("init", help="create a new vault; prints the recovery key once")
    add_vault(p)
    p.add_argument("--clinic", required=True, help="the clinic's name")
    p.add_argument("--admin", required=True, metavar="LOGIN", help="login of the first Admin")
    p.add_argument("--admin-name", metavar="NAME", help="display name of the first Admin")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=vault_init)
    p = vsub.add_parser("verify", help="check every record and image; exit 1 naming each fault")
    add_vault(p)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", metavar="LOGIN")
    who.add_argument(
        "--recovery-key-stdin", action="store_true", help="unlock with the recovery key from stdin"
    )
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--repair",
        action="store_true",
        help="fetch missing or damaged image objects again from the clinic's bucket",
    )
    p.set_defaults(handler=vault_verify)
    p = vsub.add_parser("backup", help="write a consistent, still-encrypted backup file")
    add_user(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=vault_backup)
    p = vsub.add_parser("restore", help="restore a backup into a new folder, then verify it")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--vault",
        metavar="NEWDIR",
        default=argparse.SUPPRESS,
        help="the new folder to restore into (required; may also come before the command)",
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", metavar="LOGIN")
    who.add_argument("--recovery-key-stdin", action="store_true")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(handler=vault_restore)
    p = vsub.add_parser("change-password", help="change your own password")
    add_user(p)
    p.set_defaults(handler=vault_change_password)
    p = vsub.add_parser(
        "rotate-key",
        help="renew the practice's keys after a password leaked or a clinician left (Admins)",
        epilog="Prints a new recovery key once. Every other clinician then needs a new "
        "password from an Admin. On a vault that syncs, it moves to a new bucket folder "
        "and the other workstations re-join (pixiodoc sync rejoin).",
    )
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=vault_rotate_key)
