"""`pixiodoc sync ...`: configure, test, run one round, enroll and join workstations."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
from pathlib import Path

from pixiodoc_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    add_user,
    close_session,
    open_session,
    print_json,
    read_secret,
    vault_dir,
)
from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.errors import PermissionDenied
from pixiodoc_desktop.sharing.rounds import tend_before_round
from pixiodoc_desktop.sync.engine import sync_once, sync_status
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.losses import accept_loss
from pixiodoc_desktop.sync.renewal import rejoin
from pixiodoc_desktop.sync.settings import (
    FULL_IMAGES_SETTING,
    INTERVAL_SETTING,
    SyncTarget,
    check_target,
    save_credentials,
    save_target,
    set_setting,
    store_settings,
)
from pixiodoc_desktop.sync.snapshot_take import Pace
from pixiodoc_desktop.sync.snapshot_write import audit_snapshot, write_snapshot
from pixiodoc_desktop.sync.store import DEFAULT_REGION, ObjectStore
from pixiodoc_desktop.vault.vault import Vault


def _second_secret(args: argparse.Namespace, prompt: str) -> str:
    """The sync secret: the next stdin line with --password-stdin, else a prompt."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise UsageError(
                "With --password-stdin give the sync secret on the line after the password"
            )
        return line.rstrip("\r\n")
    import getpass

    return getpass.getpass(prompt)


def _target(args: argparse.Namespace) -> SyncTarget:
    return check_target(
        SyncTarget(args.endpoint, args.region or DEFAULT_REGION, args.bucket, args.prefix or "")
    )


def _warn_region(target: SyncTarget) -> None:
    warning = target.region_warning()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)


def sync_configure(args: argparse.Namespace) -> int:
    target = _target(args)
    ws, actor = open_session(args)
    try:
        if not actor.is_workspace_admin:
            raise PermissionDenied("Only a practice Admin may change the sync settings.")
        secret = _second_secret(args, "Sync secret key: ")
        # The secret first: without a credential store nothing else is saved either.
        save_credentials(ws.vault.header.vault_id, args.access_key, secret)
        save_target(ws.vault, target)
        if args.full_images:
            set_setting(ws.vault, FULL_IMAGES_SETTING, args.full_images)
        if args.interval_minutes:
            set_setting(ws.vault, INTERVAL_SETTING, str(args.interval_minutes))
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SECURITY_SETTING_CHANGED,
                actor.user_id,
                details={"setting": "sync endpoint", "region": target.region, "eu": target.in_eu},
            )
        )
    finally:
        close_session(ws, actor)
    _warn_region(target)
    print(
        f"Sync set up: bucket {target.bucket} at {target.endpoint or 'AWS S3'} ({target.region})."
    )
    return EXIT_OK


def sync_test(args: argparse.Namespace) -> int:
    """Test connection: list the bucket, write and delete a probe object."""
    ws, actor = open_session(args)
    try:
        store = ObjectStore(store_settings(ws.vault))
        store.check_bucket()
        list(store.objects(store.key("probe") + "/"))
        probe = store.key("probe", uuid.uuid4().hex)
        store.put(probe, b"pixiodoc connection test")
        store.delete(probe)
    finally:
        close_session(ws, actor)
    print(f"Connection OK: {store.settings.where} can be listed, written and cleaned up.")
    if not store.settings.in_eu:
        print(f"warning: the region {store.settings.region!r} is not in the EU.", file=sys.stderr)
    return EXIT_OK


def sync_now(args: argparse.Namespace) -> int:
    if not getattr(args, "user", None):
        raise UsageError("pixiodoc sync needs --user LOGIN (the clinician running the round)")
    ws, actor = open_session(args)
    quiet = getattr(args, "json", False)
    parts = _PartsArriving(quiet=quiet)
    try:
        store = ObjectStore(store_settings(ws.vault))

        def progress(phase: str, done: int, total: int) -> None:
            parts(phase, done, total)
            if phase != "snapshot" and not quiet and sys.stderr.isatty():
                print(f"\r{phase} {done}/{total}   ", end="", file=sys.stderr, flush=True)

        links = tend_before_round(ws, store, actor)  # replies first: they go out in this round
        try:  # a new PC: every part of the snapshot it takes, each its own transaction
            report = sync_once(
                ws, store, progress=progress, actor_id=actor.user_id, catch_up=Pace.EVERYTHING
            )
        finally:
            parts.end_line()
    finally:
        close_session(ws, actor)
    if getattr(args, "json", False):
        print_json(report)
    else:
        if parts.total:
            print(f"Clinic records: {parts.applied} of {parts.total} parts are here.")
        print(
            f"Sync done: pushed {report.pushed_ops} changes, {report.pushed_blobs} images; "
            f"pulled {report.pulled_ops} changes, {report.pulled_blobs} images; "
            f"{report.conflicts} conflicts"
        )
        if links.replies or links.refused or links.expired:
            print(
                f"Secure links: {links.replies} second opinions received, "
                f"{links.refused} replies refused, {links.expired} links expired"
            )
    return EXIT_OK


def sync_show_status(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        status = sync_status(ws)
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(status)
        return EXIT_OK
    last = status.last_sync_at.isoformat(timespec="seconds") if status.last_sync_at else "never"
    print(
        f"last sync {last}; {status.pending_changes} changes waiting; "
        f"{status.open_conflicts} note conflicts"
    )
    if status.catching_up is not None:
        left = status.catching_up
        print(
            f"catching up with the clinic: {left.applied} of {left.total} parts of its records "
            f"are in; the next syncs bring the other {left.remaining}"
        )
    for device, seq in sorted(status.missing_batches.items()):
        print(f"missing: changes of workstation {device[:8]} from batch {seq} on")
    for device, seqs in sorted(status.accepted_losses.items()):
        print(f"accepted as lost: workstation {device[:8]}, batch {', '.join(map(str, seqs))}")
    if status.last_error:
        print(f"last error: {status.last_error}")
    return EXIT_OK


def sync_accept_loss(args: argparse.Namespace) -> int:
    """An Admin accepts a batch nobody can put back (its workstation is gone) as lost."""
    ws, actor = open_session(args)
    try:
        device = accept_loss(ws, actor, args.device, args.batch)
    finally:
        close_session(ws, actor)
    print(
        f"Accepted as lost: batch {args.batch} of workstation {device[:8]}. The next sync "
        "passes over it, and the other workstations do so after their next sync."
    )
    return EXIT_OK


def sync_snapshot(args: argparse.Namespace) -> int:
    """An Admin writes a snapshot of the clinic's records now (new PCs start from it)."""
    ws, actor = open_session(args)
    try:
        if not actor.is_workspace_admin:
            ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.SECURITY_ALERT,
                    actor.user_id,
                    outcome=audit.Outcome.DENIED,
                    details={"action": "write a sync snapshot"},
                )
            )
            raise PermissionDenied("Only a practice Admin may write a snapshot for new PCs.")
        store = ObjectStore(store_settings(ws.vault))
        sync_once(ws, store, actor_id=actor.user_id)  # everything of this PC goes out first
        info = write_snapshot(ws, store)
        audit_snapshot(ws, actor.user_id, info, trigger="Admin")
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(info)
    else:
        print(
            f"Snapshot written: {info.records} records in {info.chunks} parts, covering "
            f"{info.covers} batches. New workstations start from it."
        )
    return EXIT_OK


def sync_enroll_code(args: argparse.Namespace) -> int:
    ws, actor = open_session(args)
    try:
        store = ObjectStore(store_settings(ws.vault))
        code, expires = create_enrollment(
            ws, store, actor, valid_for=dt.timedelta(minutes=args.valid_minutes)
        )
    finally:
        close_session(ws, actor)
    local = expires.replace(tzinfo=dt.UTC).astimezone()
    print(f"Enrollment code for a new workstation (valid once, until {local.strftime('%H:%M')}):")
    print()
    print(f"    {code}")
    print()
    print("On the new PC: pixiodoc sync join --code CODE with the same endpoint and bucket.")
    return EXIT_OK


class _PartsArriving:
    """Prints how the snapshot's parts arrive (stderr: a self-overwriting line on a
    terminal, a line every 10 % otherwise) and keeps the last count."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.applied = self.total = 0
        self._shown = -1

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != "snapshot":
            return
        self.applied, self.total = done, total
        if self.quiet:
            return
        if sys.stderr.isatty():
            print(f"\rclinic records: part {done} of {total}   ", end="", file=sys.stderr)
            sys.stderr.flush()
            return
        step = done * 10 // max(total, 1)
        if step != self._shown or done == total:
            self._shown = step
            print(f"clinic records: part {done} of {total}", file=sys.stderr, flush=True)

    def end_line(self) -> None:
        if not self.quiet and self.total and sys.stderr.isatty():
            print(file=sys.stderr)


def sync_join(args: argparse.Namespace) -> int:
    target = _target(args)
    folder = vault_dir(args)
    secret = read_secret(args, "Sync secret key: ")
    recovery = None
    if args.recovery_key_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise UsageError("--recovery-key-stdin was given but no recovery key line follows")
        recovery = line.strip()
    parts = _PartsArriving()
    try:
        vault = join(
            Path(folder),
            target,
            args.access_key,
            secret,
            code=args.code,
            recovery_key=recovery,
            on_demand=not args.all_images,
            wait_for_everything=args.wait_for_everything,
            progress=parts,
        )
    finally:
        parts.end_line()
    _warn_region(target)
    print(f"Joined the clinic: this workstation's vault is at {vault.folder}.")
    print("Log in with your usual PixioDoc login and password.")
    left = parts.total - parts.applied
    if left > 0:
        print(
            f"Clinicians, patients and the patient search are here ({parts.applied} of "
            f"{parts.total} parts of the clinic's records). The other {left} parts (visits, "
            "photos, the audit trail) arrive while PixioDoc runs, a few with every sync; "
            "pixiodoc sync now brings all of them."
        )
    if not args.all_images:
        print("Thumbnails and images stay in the clinic's bucket until they are first shown.")
    return EXIT_OK


def sync_rejoin(args: argparse.Namespace) -> int:
    """Follow keys an Admin renewed on another workstation (with their enrollment code)."""
    password = read_secret(args, f"Password for {args.user}: ")
    ws, actor = log_in(Vault.open(vault_dir(args)), args.user, password)
    try:
        store = ObjectStore(store_settings(ws.vault))
        done = rejoin(
            ws,
            actor,
            password,
            store,
            args.code,
            lambda: sync_once(ws, store, actor_id=actor.user_id),
        )
    finally:
        close_session(ws, actor)
    if args.json:
        print_json(done)
        return EXIT_OK
    print("Re-joined the clinic with the renewed keys: this workstation's vault is rekeyed")
    print("and its records go to the clinic's new bucket folder.")
    if done.error is not None:
        print(f"The first sync did not finish ({done.error}); the next sync finishes it.")
    print(f"{args.user} logs in with the same password as before.")
    if done.awaiting_password:
        print("These clinicians need a new password from an Admin before they can log in")
        print("again (pixiodoc user reset-password --login LOGIN):")
        for login in done.awaiting_password:
            print(f"    {login}")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `sync` on the top-level sub-parser set."""
    sync = sub.add_parser(
        "sync", help="sync with the clinic's cloud bucket (no action: one round now)"
    )
    sync.add_argument("--vault", metavar="DIR", help="vault folder")
    sync.add_argument("--user", metavar="LOGIN", help="the clinician running the round")
    sync.add_argument("--password-stdin", action="store_true")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=sync_now)
    ssub = sync.add_subparsers(title="sync commands", metavar="ACTION")

    p = ssub.add_parser("now", help="run one sync round and print what moved")
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_now)

    p = ssub.add_parser(
        "configure", help="endpoint, bucket and credentials (secret: 2nd stdin line)"
    )
    add_user(p)
    _add_target(p)
    p.add_argument("--full-images", choices=["eager", "on_demand"])
    p.add_argument("--interval-minutes", type=int, metavar="N")
    p.set_defaults(handler=sync_configure)

    p = ssub.add_parser("test", help="test the connection: list, write and delete a probe")
    add_user(p)
    p.set_defaults(handler=sync_test)

    p = ssub.add_parser("status", help="last sync, changes waiting, note conflicts")
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_show_status)

    p = ssub.add_parser(
        "accept-loss",
        help="accept a missing batch nobody can put back as lost (Admins; see sync status)",
    )
    add_user(p)
    p.add_argument("--device", required=True, metavar="ID", help="workstation (8+ characters)")
    p.add_argument("--batch", required=True, type=int, metavar="N")
    p.set_defaults(handler=sync_accept_loss)

    p = ssub.add_parser(
        "snapshot", help="write a snapshot of the clinic's records for new workstations (Admins)"
    )
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_snapshot)

    p = ssub.add_parser("enroll-code", help="a one-time code to join a new workstation (Admins)")
    add_user(p)
    p.add_argument("--valid-minutes", type=int, default=30, metavar="N")
    p.set_defaults(handler=sync_enroll_code)

    p = ssub.add_parser(
        "rejoin",
        help="follow the practice's keys renewed on another workstation (enrollment code)",
    )
    add_user(p)
    p.add_argument("--code", required=True, metavar="CODE", help="the code an Admin created")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sync_rejoin)

    p = ssub.add_parser("join", help="set up this PC as another workstation of the clinic")
    p.add_argument("--vault", required=True, metavar="NEWDIR")
    _add_target(p)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--code", metavar="CODE", help="the enrollment code an Admin created")
    who.add_argument(
        "--recovery-key-stdin",
        action="store_true",
        help="use the clinic's recovery key (the stdin line after the secret)",
    )
    p.add_argument("--password-stdin", action="store_true", help="read the sync secret from stdin")
    p.add_argument(
        "--wait-for-everything",
        action="store_true",
        help="return once every record of the clinic is here (not as soon as the patient "
        "list and search can be used; the rest then arrives with the next syncs)",
    )
    images = p.add_mutually_exclusive_group()
    images.add_argument(
        "--on-demand",
        action="store_true",
        help="thumbnails and images stay in the bucket until first shown (the default)",
    )
    images.add_argument(
        "--all-images",
        action="store_true",
        help="download every thumbnail and screen image too (a PC used offline)",
    )
    p.set_defaults(handler=sync_join)


def _add_target(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", metavar="URL", help="S3 endpoint (default: AWS)")
    p.add_argument("--region", default=DEFAULT_REGION, metavar="REGION")
    p.add_argument("--bucket", required=True)
    p.add_argument("--prefix", default="", metavar="PATH")
    p.add_argument("--access-key", required=True, metavar="KEY")
