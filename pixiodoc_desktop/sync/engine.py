"""One sync round, and what the GUI needs to schedule rounds (DESIGN.md §4).

`sync_once(ws, store)` is a plain function: push this PC's changes (image
objects first, then one numbered op batch), pull every other PC's new
batches and apply them in one transaction, write clinicians' keys that came
along into vault.json, and audit the round (SYNC_RUN with its counts, or
its failure). The GUI runs it on its network pool on a `SyncSchedule`; the
command line runs it once. Every failure is a typed `SyncError` and leaves
nothing half-done that the next round would not finish.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NoReturn

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import (
    SyncAuditMismatch,
    SyncBatchAltered,
    SyncBatchMissing,
    SyncError,
    SyncImageMissing,
    SyncUnavailable,
)
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.catching_up import CatchingUp, catching_up
from pixiodoc_desktop.sync.compact import (
    compact_history,
    erasures_pending,
    recheck_if_rolled_back,
)
from pixiodoc_desktop.sync.crypto import SyncKeys, seal_json
from pixiodoc_desktop.sync.directory import reconcile_header
from pixiodoc_desktop.sync.erasures import keep_erasures, listed_tombstones, read_list
from pixiodoc_desktop.sync.heads import (
    MISSING,
    check_audit_anchors,
    devices,
    head_links,
    images_wanted,
    known_latest_batches,
    publish_head,
    read_heads,
    wanted_from_me,
)
from pixiodoc_desktop.sync.images import missing_images, offer_images, refetch
from pixiodoc_desktop.sync.losses import accepted, adopt
from pixiodoc_desktop.sync.pull import Expected, PullResult, drop_erased_locally, pull
from pixiodoc_desktop.sync.push import delete_remote_blobs, forget_blobs, push
from pixiodoc_desktop.sync.renewal import check_not_retired, finish_move
from pixiodoc_desktop.sync.repair import put_back_own_batches
from pixiodoc_desktop.sync.restored import reapply_own_erasures
from pixiodoc_desktop.sync.snapshot_take import Pace, take_snapshot
from pixiodoc_desktop.sync.snapshot_write import maybe_write_snapshot
from pixiodoc_desktop.sync.snapshots import retire_stale
from pixiodoc_desktop.sync.store import ObjectStore, disk_full, is_disk_full
from pixiodoc_desktop.vault.credentials import CARRIED_BLOB_ID_KEY
from pixiodoc_desktop.vault.schema import OutboxOperation, SyncConflict, utcnow

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
DEFAULT_INTERVAL = dt.timedelta(minutes=15)


def sync_keys(ws: Workstation) -> SyncKeys:
    return SyncKeys.derive(ws.vault.keys.workspace, ws.vault.header.vault_id)


@dataclass(frozen=True, slots=True)
class SyncReport:
    pushed_ops: int = 0
    pushed_blobs: int = 0
    pushed_bytes: int = 0
    pushed_audit_events: int = 0
    pulled_ops: int = 0
    pulled_batches: int = 0
    pulled_blobs: int = 0
    pulled_bytes: int = 0
    pulled_audit_events: int = 0
    conflicts: int = 0
    erased_patients: int = 0
    finished_at: dt.datetime = field(default_factory=utcnow)

    @property
    def moved_records(self) -> bool:
        """Clinical changes went either way (audit-only traffic does not count)."""
        return bool(self.pushed_ops or self.pulled_ops or self.pushed_blobs or self.conflicts)

    def summary(self) -> str:
        return (
            f"pushed {self.pushed_ops} changes and {self.pushed_blobs} images, "
            f"pulled {self.pulled_ops} changes and {self.pulled_blobs} images, "
            f"{self.conflicts} conflicts"
        )


def _publish_clinic(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> None:
    """Once: the object a recovery-key join finds the clinic by (no patient data)."""
    with ws.vault.read_session() as session:
        if state.get(session, state.CLINIC_PUBLISHED):
            return
    header = ws.vault.header
    name = store.key(keys.workspace, "clinic")
    sealed = seal_json(keys.ops, {"clinic_name": ws.vault.setting("clinic_name") or ""}, name=name)
    document = {
        "format": 1,
        "vault_id": header.vault_id,
        "recovery": header.recovery.to_json(),
        "sealed": sealed.hex(),
    }
    carried = header.extra.get(CARRIED_BLOB_ID_KEY)
    if carried:  # wrapped under WK: a recovery-key join names images as the clinic does
        document[CARRIED_BLOB_ID_KEY] = carried
    store.put(name, json.dumps(document).encode())
    with ws.vault.write_session() as session, session.begin():
        state.put(session, state.CLINIC_PUBLISHED, True)


def sync_once(
    ws: Workstation,
    store: ObjectStore,
    *,
    progress: Progress | None = None,
    actor_id: str | None = None,
    push_changes: bool = True,
    catch_up: Pace = Pace.ROUND,
) -> SyncReport:
    """One round: push, pull, apply. Raises a SyncError subclass on failure (audited).

    A PC taking a snapshot (a new one: snapshot_take.py) applies as much of it as
    `catch_up` says (a round: a few seconds' worth of parts) and pulls no batch until
    every part is in; it pushes its own changes meanwhile."""
    keys = sync_keys(ws)
    try:
        reconcile_header(ws)  # finish what a round cut off after its commit left
        store.check_bucket()  # some servers would create a missing bucket on the first write
        check_not_retired(store, keys)  # keys renewed elsewhere: push nothing, re-join
        reapply_own_erasures(ws, store, keys)  # a vault restored from an older backup
        listed = devices(store, keys)
        heads = read_heads(store, keys, listed)
        own_head = heads.get(ws.device_id)
        recheck_if_rolled_back(ws, (own_head or {}).get("shredded"))
        put_back_own_batches(ws, store, keys, wanted_from_me(ws, heads), own_head)
        adopt(ws, heads, actor_id)  # losses other PCs' Admins accepted (losses.py)
        offer_images(ws, store, keys, images_wanted(ws, heads))
        pushed = push(ws, store, keys, progress) if push_changes else None
        _publish_clinic(ws, store, keys)
        if push_changes:
            finish_move(ws, store, keys)  # after a key renewal: retire the old folder
        refetch(ws, store, keys, missing_images(ws), replace=False)  # earlier rounds' gaps
        expect = Expected(known_latest_batches(ws, heads), head_links(heads), accepted(ws))
        erasure_list = read_list(store, keys)
        expect.erasures = listed_tombstones(ws, erasure_list)  # applied with the batches
        taken = take_snapshot(  # a new PC: the newest snapshot, then only later batches
            ws,
            store,
            keys,
            expect,
            set(erasure_list),
            pace=catch_up,
            progress=progress,
            actor_id=actor_id,
        )
        if taken is not None:
            expect.erasures = listed_tombstones(ws, erasure_list)
        if taken is None or taken.done:
            pulled = pull(ws, store, keys, progress, expect, listed)
        else:  # parts still to come: the batches after the snapshot follow its last part
            pulled = PullResult()
        if taken is not None:
            pulled.ops += taken.ops
            pulled.audit_events += taken.audit_events
            pulled.blobs += taken.blobs
            pulled.blob_bytes += taken.blob_bytes
            pulled.erased_patients += [
                p for p in taken.erased_patients if p not in pulled.erased_patients
            ]
        if pulled.erased_patients:
            gone = drop_erased_locally(ws, pulled.erased_patients)
            delete_remote_blobs(store, keys, gone)  # in case the erasing PC could not
            forget_blobs(ws, gone)
        keep_erasures(ws, store, keys, erasure_list)  # erasure survives a bucket rolled back
        recheck = erasures_pending(ws)
        compact_history(ws, store, keys)  # erased patients leave this PC's batches too
        retire_stale(ws, store, keys, recheck=recheck)  # and no snapshot holds them
        reconcile_header(ws)
        publish_head(ws, store, keys, pulled.missing, own_head)
        mismatches = check_audit_anchors(ws, heads)
        if mismatches:
            first = mismatches[0]
            raise SyncAuditMismatch(first.device_id, first.seq, first.reason)
        if pulled.altered:
            raise SyncBatchAltered(pulled.altered)
        if pulled.missing:
            raise SyncBatchMissing(pulled.missing)
        absent = missing_images(ws)
        if absent:
            raise SyncImageMissing(len(absent))
        if push_changes and (taken is None or taken.done):
            maybe_write_snapshot(ws, store, keys, actor_id)  # batches since the newest one
    except OSError as exc:
        if is_disk_full(exc):
            _failed(ws, actor_id, disk_full(exc))
        raise
    except OperationalError as exc:
        if is_disk_full(exc):
            _failed(ws, actor_id, disk_full())
        raise
    except SyncError as exc:
        _failed(ws, actor_id, exc)
    report = SyncReport(
        pushed_ops=pushed.ops if pushed else 0,
        pushed_blobs=pushed.blobs if pushed else 0,
        pushed_bytes=pushed.blob_bytes if pushed else 0,
        pushed_audit_events=pushed.audit_events if pushed else 0,
        pulled_ops=pulled.ops,
        pulled_batches=pulled.batches,
        pulled_blobs=pulled.blobs,
        pulled_bytes=pulled.blob_bytes,
        pulled_audit_events=pulled.audit_events,
        conflicts=pulled.conflicts,
        erased_patients=len(pulled.erased_patients),
    )
    with ws.vault.write_session() as session, session.begin():
        state.put(session, state.LAST_SYNC, report.finished_at.isoformat())
        state.drop(session, state.LAST_ERROR)
    if report.moved_records:
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SYNC_RUN,
                actor_id,
                details={
                    "pushed_ops": report.pushed_ops,
                    "pushed_images": report.pushed_blobs,
                    "pulled_ops": report.pulled_ops,
                    "pulled_images": report.pulled_blobs,
                    "conflicts": report.conflicts,
                },
            )
        )
    return report


def _alert(exc: SyncError) -> dict[str, object] | None:
    """What a SECURITY_ALERT says about a failure that is an integrity fault (else None)."""
    if isinstance(exc, SyncBatchAltered):
        return {"check": "sync batch links", "altered": exc.missing}
    if isinstance(exc, SyncBatchMissing):
        return {"check": "sync batches", "missing": exc.missing}
    if isinstance(exc, SyncAuditMismatch):
        return {
            "check": "audit anchors",
            "device": exc.device,
            "seq": exc.seq,
            "reason": exc.reason,
        }
    if isinstance(exc, SyncImageMissing):
        return {"check": "sync images", "count": exc.count}
    return None


def _failed(ws: Workstation, actor_id: str | None, exc: SyncError) -> NoReturn:
    log.warning("Sync round failed: %s", type(exc).__name__)
    alert = _alert(exc)
    try:
        with ws.vault.write_session() as session, session.begin():
            state.put(session, state.LAST_ERROR, exc.message)
        details: dict[str, object] = {"error": type(exc).__name__}
        if alert is not None:
            details.update(alert)
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SYNC_RUN,
                actor_id,
                outcome=audit.Outcome.FAILURE,
                details=details,
            )
        )
        if alert is not None:
            ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.SECURITY_ALERT,
                    actor_id,
                    outcome=audit.Outcome.FAILURE,
                    details=alert,
                )
            )
    except OperationalError:
        log.warning("Sync failure could not be recorded (the disk is full?)")
    raise exc


# --- for the GUI: status and schedule --------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows."""

    configured: bool
    last_sync_at: dt.datetime | None
    pending_changes: int
    open_conflicts: int
    last_error: str | None
    missing_batches: dict[str, int] = field(default_factory=dict)  # device: first not got
    accepted_losses: dict[str, list[int]] = field(default_factory=dict)  # Admin: lost for good
    catching_up: CatchingUp | None = None  # a new PC: snapshot parts still arriving


def sync_status(ws: Workstation) -> SyncStatus:
    with ws.vault.read_session() as session:
        last = state.get(session, state.LAST_SYNC)
        pending = int(session.scalar(select(func.count()).select_from(OutboxOperation)) or 0)
        conflicts = int(
            session.scalar(
                select(func.count())
                .select_from(SyncConflict)
                .where(SyncConflict.resolved_at.is_(None))
            )
            or 0
        )
        error = state.get(session, state.LAST_ERROR)
        missing = dict(state.get(session, MISSING) or {})
        losses = dict(state.get(session, state.ACCEPTED_LOSSES) or {})
    return SyncStatus(
        configured=bool(ws.vault.setting("sync.bucket")),
        last_sync_at=dt.datetime.fromisoformat(last) if last else None,
        pending_changes=pending,
        open_conflicts=conflicts,
        last_error=error,
        missing_batches=missing,
        accepted_losses=losses,
        catching_up=catching_up(ws),
    )


@dataclass(slots=True)
class SyncSchedule:
    """When the next round is due: at start, every `interval`, sooner on demand,
    backing off (1, 2, 4, ... minutes, capped at the interval) while offline."""

    interval: dt.timedelta = DEFAULT_INTERVAL
    first_backoff: dt.timedelta = dt.timedelta(minutes=1)
    failures: int = 0
    next_run: dt.datetime | None = None  # None: due now (at start)

    def due(self, now: dt.datetime) -> bool:
        return self.next_run is None or now >= self.next_run

    def succeeded(self, now: dt.datetime) -> dt.datetime:
        self.failures = 0
        self.next_run = now + self.interval
        return self.next_run

    def failed(self, now: dt.datetime, error: BaseException) -> dt.datetime:
        """Back off while unreachable; other errors (credentials, ...) wait a full interval."""
        self.failures += 1
        if isinstance(error, SyncUnavailable):
            delay = min(self.first_backoff * (2 ** (self.failures - 1)), self.interval)
        else:
            delay = self.interval
        self.next_run = now + delay
        return self.next_run

    def sync_now(self) -> None:
        self.next_run = None
