"""Renewing the practice's keys on a clinic that syncs: a new bucket folder, the old retired.

Everything in the bucket is sealed with keys derived from the workspace key
(WK), and the workspace folder's very name comes from it. So a renewed WK
means a new folder, and nothing the old WK opens ever carries the new one:

1. The renewing Admin's PC runs a round first (everything the others pushed is
   here, its own changes are out), then claims the old folder with a sealed
   `retired` object in state "renewing" (one renewal at a time; others still
   sync while it stands).
2. The local rotation (`clinic/access/key_rotation.py`) rewrites, in the same
   rekeyed copy of the database, this PC's sync bookkeeping for a new folder:
   batch numbers, cursors, what was uploaded and exchanged start over, and
   every record it holds goes into its outbox again with its own clocks.
3. Its next round (right away, or after a crash) pushes that snapshot to the
   new folder (images again, and those it never downloaded copied from the
   old folder), and only then turns the marker into "retired".
4. Another PC's round finds "retired" and stops before pushing anything:
   `SyncWorkspaceRetired`, audited, telling it to re-join. `rejoin` takes an
   enrollment code from an Admin (the only way the new WK reaches another
   PC), rekeys that PC the same way and sends its own full snapshot to the new
   folder, so changes it made after the renewal are not lost.

The old folder is left as it is (the marker says where things went); an Admin
deletes it once every PC has re-joined (docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.key_rotation import (
    KeyRotationRefused,
    audit_failure,
    check_admin,
    follow_workspace_key,
    rotate_workspace_key,
)
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import (
    EnrollmentInvalid,
    PixioDocError,
    SyncDataDamaged,
    SyncError,
    SyncWorkspaceRetired,
)
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, seal_json
from pixiodoc_desktop.sync.resend import stamped_ops
from pixiodoc_desktop.sync.store import NotFound, ObjectExists, ObjectStore
from pixiodoc_desktop.vault.rotation import RotatedKeys, check_password
from pixiodoc_desktop.vault.schema import (
    OutboxOperation,
    SyncBlob,
    SyncCursor,
    SyncDirectoryEntry,
    SyncSentBatch,
    SyncState,
    utcnow,
)

log = logging.getLogger(__name__)

MARKER = "retired"  # object in a workspace folder: {"state": "renewing" | "retired", ...}
MOVING = "moving_from"  # sync_state: {"old": folder, "marker": name, "sealed": hex}
STALE_CLAIM = dt.timedelta(hours=1)  # a "renewing" claim older than this was abandoned
_KEPT_STATE = (state.HLC_HIGH, state.LAST_SYNC)
BUSY = (
    "Another workstation is renewing the practice's keys right now; wait until it has "
    "finished, then re-join this one with an enrollment code from a practice Admin."
)


@dataclass(frozen=True, slots=True)
class Renewal:
    """What renewing the keys on a syncing PC hands back (`error`: the first round in
    the new folder failed; the next round finishes the move)."""

    keys: RotatedKeys
    old_folder: str
    new_folder: str
    error: str | None = None


def _marker_name(store: ObjectStore, keys: SyncKeys) -> str:
    return store.key(keys.workspace, MARKER)


def read_marker(store: ObjectStore, keys: SyncKeys) -> dict[str, Any] | None:
    """The sealed marker of this folder (None: none, or one that does not open here:
    anyone with write access could drop bytes there; only the clinic's key seals it)."""
    name = _marker_name(store, keys)
    try:
        data = store.get(name)
    except NotFound:
        return None
    try:
        return open_json(keys.ops, data, name=name)
    except SyncDataDamaged:
        log.warning("Sync: the workspace folder's marker does not open; ignored")
        return None


def check_not_retired(store: ObjectStore, keys: SyncKeys) -> None:
    """At the start of every round: a folder whose keys were renewed takes nothing more."""
    marker = read_marker(store, keys)
    if marker is not None and marker.get("state") == "retired":
        raise SyncWorkspaceRetired(str(marker.get("at") or "")[:16].replace("T", " "))


def _marker(ws: Workstation, status: str) -> dict[str, Any]:
    return {"format": 1, "state": status, "device": ws.device_id, "at": utcnow().isoformat()}


def _claim(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> bool:
    """Claim the old folder for this renewal; True when this call wrote a new claim."""
    name = _marker_name(store, keys)
    found = read_marker(store, keys)
    sealed = seal_json(keys.ops, _marker(ws, "renewing"), name=name)
    if found is None:
        try:
            store.put(name, sealed, if_absent=True)
        except ObjectExists as exc:
            raise KeyRotationRefused(BUSY) from exc
        return True
    if found.get("device") != ws.device_id and not claim_is_abandoned(found):
        raise KeyRotationRefused(BUSY)
    store.put(name, sealed)  # this PC's own earlier claim, or an abandoned one
    return False


def claim_is_abandoned(marker: dict[str, Any]) -> bool:
    """A claim older than STALE_CLAIM (or without a readable time) was abandoned; a
    retired folder is never claimed again (its round stops before this)."""
    try:
        at = dt.datetime.fromisoformat(str(marker.get("at")))
        return marker.get("state") == "renewing" and utcnow() - at >= STALE_CLAIM
    except (ValueError, TypeError):
        return marker.get("state") == "renewing"


def _start_over(ws: Workstation, session: Session, move: dict[str, Any]) -> dict[str, object]:
    """Inside the rekeyed copy: this PC's sync bookkeeping for a new, empty folder, and
    every record it holds queued again (with each value's own clock)."""
    session.execute(delete(SyncState).where(SyncState.key.not_in(_KEPT_STATE)))
    for model in (SyncCursor, SyncSentBatch, SyncDirectoryEntry):
        session.execute(delete(model))
    session.execute(delete(SyncBlob).where(SyncBlob.state == "uploaded"))
    # Clinicians go out from vault.json as it is after the renewal (directory.py), never
    # with a credential wrapped under the old key.
    ops = [op for op in stamped_ops(session, "") if op.entity != "clinicians"]
    for op in ops:
        session.add(
            OutboxOperation(
                entity=op.entity,
                entity_id=op.entity_id,
                operation=op.operation,
                fields=op.fields,
                hlc=op.hlc,
                device_id=ws.device_id,
            )
        )
    state.put(session, MOVING, move)
    return {"sync": "moved to a new bucket folder", "records_sent_again": len(ops)}


def finish_move(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> None:
    """After this PC's snapshot is in the new folder (called by the round, after push):
    images it never downloaded are copied over, then the old folder is marked retired."""
    with ws.vault.read_session() as session:
        move = state.get(session, MOVING)
        if not move:
            return  # every round asks: not one read of the (millions of) remote images
        remote = list(session.scalars(select(SyncBlob.blob_id).where(SyncBlob.state == "remote")))
    for blob_id in remote:  # encrypted under patient keys: copied as they are
        target = store.key(keys.workspace, "blobs", blob_id)
        if store.size(target) is not None:
            continue
        try:
            store.put(target, store.get(store.key(str(move["old"]), "blobs", blob_id)))
        except NotFound:
            log.warning("Sync: an image left in the old folder is not there to copy")
    if move.get("marker"):
        store.put(str(move["marker"]), bytes.fromhex(str(move["sealed"])))
    with ws.vault.write_session() as session, session.begin():
        state.drop(session, MOVING)
    log.info("Sync: moved to the renewed keys' folder; the old folder is retired")


def renew_keys(
    ws: Workstation,
    actor: Actor,
    password: str,
    store: ObjectStore,
    sync_round: Callable[[], object],
) -> Renewal:
    """Renew WK on a PC that syncs (practice Admins). `sync_round` runs one round (the
    engine's `sync_once` for this PC); it runs before (so nothing is left behind in the
    old folder) and after (the snapshot goes to the new folder). Audited either way."""
    from pixiodoc_desktop.sync.engine import sync_keys

    check_admin(ws, actor)
    claimed = False
    try:
        check_password(ws.vault, actor.user_id, password)
        sync_round()
        old = sync_keys(ws)
        claimed = _claim(ws, store, old)
    except PixioDocError as exc:
        audit_failure(ws, actor, exc)
        raise
    name = _marker_name(store, old)
    move = {
        "old": store.key(old.workspace),
        "marker": name,
        "sealed": seal_json(old.ops, _marker(ws, "retired"), name=name).hex(),
    }
    try:
        rotated = rotate_workspace_key(
            ws, actor, password, move_sync=lambda session: _start_over(ws, session, move)
        )
    except PixioDocError:
        if claimed:  # nothing changed here: let another Admin renew at once
            _drop_claim(store, name)
        raise
    new = sync_keys(ws)
    error: str | None = None
    try:
        sync_round()
    except SyncError as exc:  # audited by the round; the next one finishes the move
        error = exc.message
    return Renewal(rotated, move["old"], store.key(new.workspace), error)


def _drop_claim(store: ObjectStore, name: str) -> None:
    try:
        store.delete(name)
    except SyncError:
        log.warning("Sync: the renewal's claim on the old folder stays (it expires)")


@dataclass(frozen=True, slots=True)
class Rejoined:
    """A PC that followed a renewal: who here needs a new password, and the first round's
    error in the new folder (None: it went through)."""

    awaiting_password: tuple[str, ...]
    error: str | None = None


def rejoin(
    ws: Workstation,
    actor: Actor,
    password: str,
    store: ObjectStore,
    code: str,
    sync_round: Callable[[], object],
) -> Rejoined:
    """Follow keys an Admin renewed on another PC, with an enrollment code from them;
    the acting clinician (`password`: their own) keeps their password."""
    from pixiodoc_desktop.sync.engine import sync_keys
    from pixiodoc_desktop.sync.enroll import open_enrollment, release_enrollment

    try:
        header, wk, _clinic, enrollment = open_enrollment(store, code)
    except PixioDocError as exc:
        audit_failure(ws, actor, exc, step="follow")
        raise
    used = False
    try:
        problem = _not_for_here(ws, header.vault_id, wk)
        if problem is not None:
            audit_failure(ws, actor, problem, step="follow")
            raise problem
        old = sync_keys(ws)
        move = {"old": store.key(old.workspace), "marker": None, "sealed": None}
        awaiting = follow_workspace_key(  # audits its own failures
            ws, actor, password, wk, header, lambda session: _start_over(ws, session, move)
        )
        used = True
    finally:
        release_enrollment(store, enrollment, used=used)
    error: str | None = None
    try:
        sync_round()
    except SyncError as exc:
        error = exc.message
    return Rejoined(awaiting, error)


def _not_for_here(ws: Workstation, vault_id: str, wk: bytes) -> EnrollmentInvalid | None:
    if vault_id != ws.vault.header.vault_id:
        return EnrollmentInvalid(
            "This enrollment code belongs to another clinic's vault; ask a practice Admin "
            "of this clinic for one."
        )
    if wk == ws.vault.keys.workspace:
        return EnrollmentInvalid(
            "This workstation already has the practice's current keys; there is nothing to "
            "re-join (the code can still set up a new PC while it is valid)."
        )
    return None
