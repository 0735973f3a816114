"""A joining workstation starts from the newest snapshot instead of every batch ever written.

Only a vault that holds nothing yet (no cursor, no patient: the first round of
`pixiodoc sync join`) takes one; a PC with records of its own goes on replaying
batches, because a snapshot is merged state without the bases that tell a
concurrent note edit from a later one (a re-join after key renewal is such a PC).

1. The manifests are read (snapshots.py) and the newest usable one is chosen. A
   manifest is refused when it does not open, when it names a batch beyond what
   the writers' heads say they wrote, or when it lacks an erasure the clinic's
   erasure list names (it predates the erasure).
2. The parts of the directory stage (clinicians, patients, patient keys, grants:
   what logging in, the patient list and its search need; snapshot_parts.py) and
   the last part are downloaded into a spool folder inside the vault (sealed bytes,
   as in the bucket: nothing plain reaches the disk), checked against the
   manifest's SHA-256 and opened (AES-GCM, the part's name as associated data): a
   part missing, flipped, from another snapshot, moved to another number, or a
   manifest naming bytes the bucket does not hold refuses the snapshot before
   anything is applied. The next snapshot is tried, then plain replay: the round
   converges as if there had been none. Each refusal is audited (SECURITY_ALERT,
   {"check": "sync snapshot", "snapshot", "reason"}).
3. Part by part, one transaction each (which also counts the part as applied in
   TAKING: `catching_up.py`), the records are merged: records new here go in bulk
   (snapshot_bulk.py), the rest (tombstones, records this PC holds already, e.g.
   edited here meanwhile) through the same `Merger` as a pull, note checks off (the
   snapshot carries the clinic's open note conflicts); the images they name are
   fetched as a pull would, the erasure list's tombstones applied in the same
   transaction (a patient the list names never shows), and so are erasures made
   here since (their records that arrive later are erased as they come); audit
   events appended to their chains.
4. How far a call goes is its `Pace`: `USABLE` (`sync join`) stops once the
   directory stage is in, so the PC can be used; `ROUND` (every other round) applies
   parts for `ROUND_SECONDS` at most, so a round stays short while the PC is used;
   `EVERYTHING` applies them all. Until the last part is in, a round pushes this
   PC's changes but pulls nothing (the cursors come with the last part).
5. A last transaction sets the cursors and links the manifest names; the pull that
   follows replays only the batches after them, and checks the first of each
   device against the manifest's link (links.py): a manifest whose cursors do not
   belong to the batches in the bucket fails the round, typed and audited.

A PC killed while applying resumes after the last part it committed, at its next
round. A part that fails after something was applied (missing or changed in the
bucket by then, or sealed by a key holder yet not a snapshot part) refuses the
snapshot for good on this PC: the round stops with SyncDataDamaged (audited) and
the next one replays every batch over what was applied.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.crypto import SyncKeys
from pixiodoc_desktop.sync.links import keep_applied
from pixiodoc_desktop.sync.ops import Op, record_models, table_info
from pixiodoc_desktop.sync.pull import Expected
from pixiodoc_desktop.sync.snapshot_apply import Applied, Part, apply_part
from pixiodoc_desktop.sync.snapshot_parts import (
    SPOOL,
    Refused,
    check_directory_stage,
    ends_directory,
    fetched,
    open_part,
    spool_path,
)
from pixiodoc_desktop.sync.snapshots import (
    TAKEN,
    TAKING,
    Manifest,
    erased_here,
    manifests,
)
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import Patient, Setting, SyncCursor

log = logging.getLogger(__name__)

__all__ = ["SPOOL", "TAKEN", "TAKING", "Pace", "Taken", "joining", "take_snapshot"]

MANIFEST = "snapshot_taking_manifest"  # sync_state: the manifest of the snapshot being taken
REFUSED = "snapshots_refused"  # sync_state: snapshots that failed while being applied
# A round (not the join) starts no new part after this many seconds of applying: a
# part of 5,000 records takes a second or two at a clinic group's size, so a round
# that a lock or quit waits for ends within seconds, and the GUI runs the next round
# right away while `catching_up` says parts are left (ten rounds a minute or so).
ROUND_SECONDS = 4.0

Progress = Callable[[str, int, int], None]


class Pace(enum.Enum):
    """How much of a snapshot one call applies (step 4 above)."""

    USABLE = "usable"
    ROUND = "round"
    EVERYTHING = "everything"


@dataclass(slots=True)
class Taken(Applied):
    sid: str = ""
    applied: int = 0  # parts in, of
    total: int = 0
    done: bool = False  # every part in, cursors set: the pull goes on from there


def joining(ws: Workstation) -> bool:
    """Whether this PC may start from a snapshot: it holds nothing yet, or is applying one."""
    with ws.vault.read_session() as session:
        if state.get(session, TAKEN) is not None:
            return False
        if state.get(session, TAKING) is not None:
            return True
        return (
            session.scalar(select(SyncCursor.device_id).limit(1)) is None
            and session.scalar(select(Patient.id).limit(1)) is None
        )


def take_snapshot(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    expect: Expected,
    listed_erasures: set[str],
    *,
    pace: Pace = Pace.EVERYTHING,
    progress: Progress | None = None,
    actor_id: str | None = None,
) -> Taken | None:
    """Apply the newest usable snapshot to a joining PC, as far as `pace` says; None
    when none is being applied (the pull then replays every batch). Network errors
    propagate (the round fails; the next one goes on from the last part applied)."""
    if not joining(ws):
        return None
    with ws.vault.read_session() as session:
        taking = state.get(session, TAKING)
        document = state.get(session, MANIFEST)
        refused = set(state.get(session, REFUSED) or [])
    if isinstance(taking, dict) and isinstance(document, dict):
        manifest = Manifest(str(taking["snapshot"]), document)
        return _go_on(ws, store, keys, manifest, expect, pace, progress, actor_id)
    found, damaged = manifests(store, keys)
    found = [m for m in found if m.sid not in refused]
    for sid, why in sorted(damaged.items()):
        _alert(ws, actor_id, sid, why)
    resuming = str(taking) if isinstance(taking, str) else None  # an older version's TAKING
    found.sort(key=lambda m: m.sid != resuming)  # a snapshot half applied: that one first
    for manifest in found:
        try:
            _check(manifest, expect, listed_erasures | erased_here(ws))
            check_directory_stage(store, keys, manifest, ws.vault.folder)
        except Refused as exc:
            _alert(ws, actor_id, manifest.sid, str(exc))
            _clear_spool(ws)
            continue
        try:
            return _go_on(ws, store, keys, manifest, expect, pace, progress, actor_id)
        except Refused as exc:
            if exc.untouched:
                continue  # nothing of it is here: the next one, or replay, as in step 2
            raise
    return None


def _go_on(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    manifest: Manifest,
    expect: Expected,
    pace: Pace,
    progress: Progress | None,
    actor_id: str | None,
) -> Taken:
    try:
        taken = _apply(ws, store, keys, manifest, expect.erasures, pace, progress)
    except Refused as exc:
        _alert(ws, actor_id, manifest.sid, str(exc))
        with ws.vault.write_session() as session, session.begin():
            state.drop(session, TAKING)  # the next round replays instead
            state.drop(session, MANIFEST)
            state.put(session, REFUSED, [*(state.get(session, REFUSED) or []), manifest.sid])
        _clear_spool(ws)
        if exc.untouched:
            raise
        raise SyncDataDamaged(
            f"A snapshot of the clinic's records in the bucket is damaged ({exc}); the "
            "next sync reads the clinic's changes one by one instead."
        ) from None
    if taken.done:
        _clear_spool(ws)
    return taken


def _clear_spool(ws: Workstation) -> None:
    shutil.rmtree(ws.vault.folder / SPOOL, ignore_errors=True)


def _alert(ws: Workstation, actor_id: str | None, sid: str, reason: str) -> None:
    log.warning("Sync: snapshot %s not used: %s", sid[:8], reason)
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.SECURITY_ALERT,
            actor_id,
            outcome=audit.Outcome.FAILURE,
            details={"check": "sync snapshot", "snapshot": sid[:8], "reason": reason},
        )
    )


def _check(manifest: Manifest, expect: Expected, erased: set[str]) -> None:
    for device, seq in manifest.cursors.items():
        if seq > expect.latest.get(device, 0):
            raise Refused(f"it names batch {seq} of a workstation whose head says fewer")
    if erased - manifest.erased:
        raise Refused("it predates an erasure")
    numbers = [n for _digest, n in manifest.chunks]
    if numbers != list(range(len(numbers))):
        raise Refused("its chunks are not numbered in order")


def _begin(ws: Workstation, session: Session, manifest: Manifest) -> None:
    """The first transaction of a snapshot taken here: what it is, the audit chains'
    checkpoints, and the clinic's clock (edits made here meanwhile come after it)."""
    state.put(session, TAKING, _taking(manifest, 0, usable=False))
    state.put(session, MANIFEST, manifest.document)
    for device, (seq, digest) in (manifest.document.get("audit_from") or {}).items():
        if session.get(Setting, f"audit_tip:{device}") is None:  # a chain purged there
            audit.seal_checkpoint(
                session,
                device_id=device,
                audit_key=ws.vault.keys.audit,
                seq=int(seq),
                digest=bytes.fromhex(digest),
            )
            session.add(Setting(key=f"audit_tip:{device}", value=f"{int(seq)}:{digest}"))
    high = str(manifest.document.get("hlc_high") or "")
    if high:
        state.put(session, state.HLC_HIGH, max(state.get(session, state.HLC_HIGH) or "", high))
        ws.clock.observe(high)


def _apply(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    manifest: Manifest,
    erasures: list[Op],
    pace: Pace,
    progress: Progress | None,
) -> Taken:
    total = len(manifest.chunks)
    with ws.vault.write_session() as session, session.begin():
        taking = state.get(session, TAKING)
        if not isinstance(taking, dict):
            _begin(ws, session, manifest)
            taking = _taking(manifest, 0, usable=False)
    applied, usable = int(taking.get("applied") or 0), bool(taking.get("usable"))
    taken = Taken(sid=manifest.sid, applied=applied, total=total)
    gone = {op.entity_id for op in erasures}
    credentials = {c.user_id: c.key.to_json() for c in ws.vault.header.credentials}
    tables = {name: table_info(model) for name, model in record_models().items()}
    began = time.monotonic()
    if pace is Pace.USABLE and usable:
        return taken
    parts = fetched(store, keys, manifest, ws.vault.folder, range(applied, total))
    try:
        with contextlib.closing(parts):
            for n, data in parts:
                document = open_part(store, keys, manifest, n, data)
                usable = usable or ends_directory(document)
                part = Part(n, document, _taking(manifest, n + 1, usable=usable))
                apply_part(
                    ws, store, keys, manifest, part, erasures, gone, credentials, tables, taken
                )
                spool_path(ws.vault.folder, manifest, n).unlink(missing_ok=True)
                taken.applied = n + 1
                if progress:
                    progress("snapshot", n + 1, total)
                if pace is Pace.USABLE and usable:
                    break
                if pace is Pace.ROUND and time.monotonic() - began > ROUND_SECONDS:
                    break
    except Refused as exc:
        exc.untouched = taken.applied == 0  # nothing of it is here yet
        raise
    if taken.applied == total:
        _finish(ws, manifest)
        taken.done = True
        log.info("Sync: joined from snapshot %s", manifest.sid[:8])
    return taken


def _taking(manifest: Manifest, applied: int, *, usable: bool) -> dict[str, Any]:
    return {
        "snapshot": manifest.sid,
        "applied": applied,
        "total": len(manifest.chunks),
        "usable": usable,
    }


def _finish(ws: Workstation, manifest: Manifest) -> None:
    """The cursors and links the snapshot stands for: the pull goes on from there."""
    links = manifest.document.get("links") or {}
    with ws.vault.write_session() as session, session.begin():
        for device, seq in manifest.cursors.items():
            stmt = sqlite_insert(SyncCursor).values(device_id=device, last_seq=seq)
            session.execute(
                stmt.on_conflict_do_update(
                    index_elements=["device_id"], set_={"last_seq": stmt.excluded.last_seq}
                )
            )
        keep_applied(
            session,
            {
                str(d): (int(v[0]), str(v[1]), bool(v[2]))
                for d, v in links.items()
                if isinstance(v, list) and len(v) == 3
            },
        )
        high = str(manifest.document.get("hlc_high") or "")
        if high:
            high = max(state.get(session, state.HLC_HIGH) or "", high)
            state.put(session, state.HLC_HIGH, high)
            ws.clock.observe(high)
        state.put(session, TAKEN, {"snapshot": manifest.sid, "covers": manifest.covers})
        state.drop(session, TAKING)
        state.drop(session, MANIFEST)
