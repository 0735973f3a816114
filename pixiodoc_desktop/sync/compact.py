"""Erasure reaches the bucket's history: each PC rewrites its own op batches.

Batches are kept forever (a new PC replays them), so without this an erased
patient's name, notes and wrapped data key would stay readable to every
workstation of the clinic, present or future, in the batches that carried
them. Each PC only ever writes under its own device prefix, so each PC cleans
its own history: when it learns of an erasure (its own, or one it applied
from another PC), it rewrites every batch it has settled, in place, under the
same number:

- the patient's key op loses its wrapped key;
- the patient's own ops keep only the tombstone's values (the row stays, as on
  every PC, so that audit events and emergency accesses still resolve);
- ops of records that are deleted (the patient's visits, photos, lesions,
  consents, grants, comparisons) and of records of an erased patient lose
  their fields.

Ops keep their entity, id, operation and clock, so a batch's identity (what
push compares before writing a number that is already taken) is unchanged,
and batch numbers stay gap-free, so other PCs' cursors are unaffected: a PC
that has read a batch never reads it again, one that has not reads the
rewritten one. No op that would still change a record is altered: a deleted
record stays deleted (a tombstone wins over every upsert), an erased
patient's row is the tombstone everywhere. Only batches below the next
number are touched, never the one being pushed.

A PC that never syncs again keeps its history as it is: retire a PC only
after it has done a round following the last erasure.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, seal_json
from pixiodoc_desktop.sync.directory import scrubbed_patient
from pixiodoc_desktop.sync.ops import record_models
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import SyncClock, SyncSentBatch

log = logging.getLogger(__name__)

SHREDDED = "history_shredded"  # sync_state: erased patients this PC's batches no longer carry


class Redaction:
    """What an erasure leaves of an op: the rules above, for one PC's knowledge."""

    def __init__(self, session: Session) -> None:
        tables = set(record_models())
        self.erased: set[str] = set()
        self.dead: set[tuple[str, str]] = set()
        for entity, entity_id in session.execute(
            select(SyncClock.entity, SyncClock.entity_id).where(SyncClock.deleted_hlc.is_not(None))
        ):
            if entity == "patient_keys":
                self.erased.add(entity_id)
            elif entity in tables:
                self.dead.add((entity, entity_id))
        self.tombstones: dict[str, dict[str, Any]] = {
            patient_id: scrubbed_patient(session, patient_id) for patient_id in self.erased
        }

    def op(self, raw: dict[str, Any]) -> dict[str, Any]:
        if raw.get("op") != "upsert":
            return raw  # deletes (and the key's tombstone with its scrub) stay as they are
        entity, entity_id = str(raw.get("e")), str(raw.get("id"))
        fields: dict[str, Any] = dict(raw.get("f") or {})
        if entity == "patient_keys" and entity_id in self.erased:
            fields = {}
        elif entity == "patients" and entity_id in self.erased:
            tombstone = self.tombstones.get(entity_id) or {}
            fields = {
                name: tombstone.get(name, value)
                for name, value in fields.items()
                if name in tombstone or name in ("id", "created_at", "created_by")
            }
        elif (entity, entity_id) in self.dead or fields.get("patient_id") in self.erased:
            fields = {}
        if fields == (raw.get("f") or {}):
            return raw
        return {**raw, "f": fields}


def erasures_pending(ws: Workstation) -> bool:
    with ws.vault.read_session() as session:
        done = set(state.get(session, SHREDDED) or [])
        erased = set(
            session.scalars(
                select(SyncClock.entity_id).where(
                    SyncClock.entity == "patient_keys", SyncClock.deleted_hlc.is_not(None)
                )
            )
        )
    return bool(erased - done)


def compact_history(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> int:
    """Rewrite this PC's settled batches that still carry erased patients' data; returns
    how many were rewritten. Safe to repeat: a batch already clean is left alone."""
    if not erasures_pending(ws):
        return 0
    with ws.vault.read_session() as session:
        redaction = Redaction(session)
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
    prefix = store.key(keys.workspace, "devices", ws.device_id, "ops") + "/"
    rewritten = 0
    for name, _size in list(store.objects(prefix)):
        seq_text = name.rsplit("/", 1)[-1]
        if not seq_text.isdigit() or int(seq_text) >= next_seq:
            continue  # not settled yet: push still owns it
        try:
            document = open_json(keys.ops, store.get(name), name=name)
        except SyncDataDamaged:
            log.warning("Sync: batch %s of this PC does not open; not rewritten", seq_text)
            continue
        ops = list(document.get("ops") or [])
        cleaned = [redaction.op(raw) for raw in ops]
        if cleaned == ops:
            continue
        # A deliberate overwrite of this PC's own number (never another PC's).
        store.put(name, seal_json(keys.ops, {**document, "ops": cleaned}, name=name))
        rewritten += 1
    with ws.vault.write_session() as session, session.begin():
        for copy in session.scalars(select(SyncSentBatch)):  # what repair.py puts back
            kept = list(copy.document.get("ops") or [])
            clean = [redaction.op(raw) for raw in kept]
            if clean != kept:
                copy.document = {**copy.document, "ops": clean}
        state.put(session, SHREDDED, sorted(redaction.erased))
    if rewritten:
        log.info("Sync: %d batches of this PC rewritten after an erasure", rewritten)
    return rewritten


def recheck_if_rolled_back(ws: Workstation, published: Any) -> None:
    """This PC's head in the bucket names the erasures its batches were redacted for
    (`published`); one it lacks means the bucket was rolled back to older copies of
    them, so the next compaction reads them all again."""
    with ws.vault.write_session() as session, session.begin():
        done = set(state.get(session, SHREDDED) or [])
        if done - set(published if isinstance(published, list) else []):
            state.drop(session, SHREDDED)
