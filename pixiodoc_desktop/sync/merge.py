"""Applying other workstations' operations: last writer wins per field, by clock.

Every field of every record remembers the hybrid-clock stamp of its value
(`sync_clocks`). A remote operation sets a field only if its stamp is newer
than the field's, counting this PC's changes still waiting to be pushed.
Stamps are unique (they end in the device id), so every PC picks the same
winner whatever order batches arrive in. A deletion leaves a tombstone that
no later upsert revives. Clinical notes are the exception to silent
overwriting: an edit that was not made on top of the text this PC has
(its "base" stamp differs) is a concurrent edit, and both texts are kept in
`sync_conflicts` for the clinician, the newer one shown meanwhile.

Applying writes straight through the session, never through a UnitOfWork,
so nothing applied here is recorded in the outbox again (no echo). The
notes' conflicts are merge_notes.py's; patient keys, clinicians and settings
are written by merge_directory.py.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.records.patients import search_key
from pixiodoc_desktop.sync.bulk_rows import insert_rows
from pixiodoc_desktop.sync.merge_directory import DirectoryWrites
from pixiodoc_desktop.sync.merge_notes import NoteConflicts
from pixiodoc_desktop.sync.ops import (
    BASE_KEY,
    CHUNK,
    IMMUTABLE_FIELDS,
    NATURAL_KEYS,
    NOTE_FIELDS,
    ApplyResult,
    Op,
    RecordWrites,
    RowState,
    core_table,
    record_models,
    table_info,
)
from pixiodoc_desktop.vault.schema import (
    OutboxOperation,
    Patient,
    SyncClock,
)

log = logging.getLogger(__name__)


class Merger:
    """One apply, inside the caller's transaction."""

    def __init__(
        self, session: Session, credentials: dict[str, Any] | None = None, *, notes: bool = True
    ) -> None:
        self.session = session
        # False for a snapshot (snapshot_take.py): it is merged state, not edits with
        # bases, and carries the clinic's note conflicts itself.
        self.check_notes = notes
        self.credentials = credentials or {}  # this PC's wrapped keys by user id (vault.json)
        self.models = record_models()
        self.tables = {name: table_info(model) for name, model in self.models.items()}
        self.rows: dict[tuple[str, str], RowState] = {}
        self.pending: dict[tuple[str, str], list[OutboxOperation]] = {}
        self.result = ApplyResult()
        self.notes = NoteConflicts(session, self.tables, self.result, self._pending_hlc)
        self.directory = DirectoryWrites(session, self.credentials, self.result)
        self._touched_outbox: set[int] = set()

    # --- loading ---------------------------------------------------------------

    def _load(self, ops: list[Op]) -> None:
        for outbox in self.session.scalars(select(OutboxOperation).order_by(OutboxOperation.id)):
            self.pending.setdefault((outbox.entity, outbox.entity_id), []).append(outbox)
        wanted: dict[str, set[str]] = {}
        for op in ops:
            wanted.setdefault(op.entity, set()).add(op.entity_id)
            if op.entity == "patients":  # is the patient erased? (its key's tombstone)
                wanted.setdefault("patient_keys", set()).add(op.entity_id)
        for entity, ids in wanted.items():
            id_list = sorted(ids)
            for start in range(0, len(id_list), CHUNK):
                chunk = id_list[start : start + CHUNK]
                for clock in self.session.scalars(
                    select(SyncClock).where(
                        SyncClock.entity == entity, SyncClock.entity_id.in_(chunk)
                    )
                ):
                    self.rows[(entity, clock.entity_id)] = RowState(
                        dict(clock.clocks), clock.deleted_hlc
                    )
            info = self.tables.get(entity)
            if info is not None:
                pk = info.table.c.id
                existing: set[str] = set()
                for start in range(0, len(id_list), CHUNK):
                    chunk = id_list[start : start + CHUNK]
                    existing.update(self.session.scalars(select(pk).where(pk.in_(chunk))))
                for entity_id in id_list:
                    self._row(entity, entity_id).exists = entity_id in existing

    def _row(self, entity: str, entity_id: str) -> RowState:
        row = self.rows.get((entity, entity_id))
        if row is None:
            row = self.rows[(entity, entity_id)] = RowState({}, None)
        return row

    def _pending_hlc(self, entity: str, entity_id: str, name: str) -> str | None:
        best: str | None = None
        for outbox in self.pending.get((entity, entity_id), ()):
            if outbox.operation == "delete":
                best = max(best or "", outbox.hlc)
            elif name in outbox.fields and (best is None or outbox.hlc > best):
                best = outbox.hlc
        return best

    # --- applying ----------------------------------------------------------------

    def apply(self, ops: list[Op]) -> ApplyResult:
        ops.sort(key=lambda o: o.hlc)
        self._load(ops)
        for op in ops:
            self.result.ops += 1
            self.result.highest_hlc = max(self.result.highest_hlc, op.hlc)
            self._apply_one(op)
        self._write()
        return self.result

    def _apply_one(self, op: Op) -> None:
        row = self._row(op.entity, op.entity_id)
        if op.operation == "delete":
            if row.deleted_hlc is None or op.hlc > row.deleted_hlc:
                row.deleted_hlc = op.hlc
                row.delete = True
                row.dirty = True
            if op.entity == "patient_keys":
                self._scrub_patient(op)
            return
        if row.deleted_hlc is not None:
            return  # a tombstone: no upsert revives a deleted record
        if op.entity == "patients" and self._row("patient_keys", op.entity_id).deleted_hlc:
            return  # erased: no edit from a PC that had not heard of it yet brings data back
        pending = (op.entity, op.entity_id) in self.pending  # changes here not yet pushed
        if pending:
            self._stamp_pending_bases(op.entity, op.entity_id, row)
        fixed = IMMUTABLE_FIELDS.get(op.entity, frozenset())
        clocks, changes, hlc = row.clocks, row.changes, op.hlc
        for name, value in op.fields.items():
            if name == "id":
                continue
            if name in fixed and (row.exists or name in clocks):
                continue  # a photo's image and identity never change once it is made
            local = clocks.get(name, "")
            if pending:
                local = max(local, self._pending_hlc(op.entity, op.entity_id, name) or "")
            if self.check_notes and (op.entity, name) in NOTE_FIELDS:
                self.notes.check(op, row, name, value, local)
            if hlc > local:
                changes[name] = value
                clocks[name] = hlc
                row.dirty = True
                if pending:
                    self._drop_pending_field(op.entity, op.entity_id, name)

    def _scrub_patient(self, op: Op) -> None:
        """Erasure: the patient's identifying fields as the erasing PC left them, everywhere."""
        scrub = op.fields.get("scrub")
        if not isinstance(scrub, dict):
            return
        row = self._row("patients", op.entity_id)
        for name, value in scrub.items():
            if op.hlc > row.clocks.get(name, ""):
                row.changes[name] = value
                row.clocks[name] = op.hlc
                row.dirty = True
                self._drop_pending_field("patients", op.entity_id, name)

    def _stamp_pending_bases(self, entity: str, entity_id: str, row: RowState) -> None:
        """Before a remote op moves a note's clock, remember what local edits were based on."""
        running = dict(row.clocks)
        for outbox in self.pending.get((entity, entity_id), ()):
            if outbox.operation != "upsert":
                continue
            notes = [n for n in outbox.fields if (entity, n) in NOTE_FIELDS]
            if not notes:
                continue
            base = dict(outbox.fields.get(BASE_KEY) or {})
            changed = False
            for name in notes:
                if name not in base:
                    base[name] = running.get(name)
                    changed = True
                running[name] = outbox.hlc
            if changed:
                outbox.fields = {**outbox.fields, BASE_KEY: base}
                self._touched_outbox.add(outbox.id)

    def _drop_pending_field(self, entity: str, entity_id: str, name: str) -> None:
        """A remote value won over a change not yet pushed: that change is moot."""
        for outbox in self.pending.get((entity, entity_id), ()):
            if outbox.operation == "upsert" and name in outbox.fields:
                outbox.fields = {k: v for k, v in outbox.fields.items() if k != name}
                self._touched_outbox.add(outbox.id)

    # --- writing -----------------------------------------------------------------

    def _write(self) -> None:
        plan = RecordWrites()
        for (entity, entity_id), row in list(self.rows.items()):
            if not row.dirty:
                continue
            if entity in self.tables:
                self._plan_record(plan, entity, entity_id, row)
            elif entity == "patient_keys":
                self.directory.patient_key(entity_id, row)
            elif entity == "clinicians":
                self.directory.clinician(entity_id, row)
            elif entity == "settings":
                self.directory.setting(entity_id, row)
        self.directory.flush()
        self._resolve_natural_keys(plan)
        plan.execute(self.session, self.tables)
        self._derive_search_keys(plan)
        self._write_clocks()
        touched = [
            {"_pk": outbox.id, "v_fields": outbox.fields}
            for outbox_list in self.pending.values()
            for outbox in outbox_list
            if outbox.id in self._touched_outbox
        ]
        if touched:
            self.session.execute(
                update(OutboxOperation)
                .where(OutboxOperation.id == bindparam("_pk"))
                .values(fields=bindparam("v_fields")),
                touched,
            )

    def _derive_search_keys(self, plan: RecordWrites) -> None:
        """Recompute the search key of every patient whose name or external id merged.

        Each field wins by its own clock, so a search key taken from one PC beside a
        family name taken from another would stop finding the patient by that name.
        """
        names = {"family_name", "given_name", "external_id", "search_key"}
        ids = [
            patient_id
            for writes in (plan.inserts.get("patients", {}), plan.updates.get("patients", {}))
            for patient_id, values in writes.items()
            if names & values.keys()
        ]
        if not ids:
            return
        rows = self.session.execute(
            select(
                Patient.id,
                Patient.family_name,
                Patient.given_name,
                Patient.external_id,
                Patient.search_key,
            ).where(Patient.id.in_(ids), ~Patient.deleted)
        )
        fixed = [
            {"_pk": row.id, "v_key": key}
            for row in rows
            if (key := search_key(row.family_name, row.given_name, row.external_id))
            != row.search_key
        ]
        if fixed:
            table = self.tables["patients"].table
            self.session.execute(
                update(table)
                .where(table.c.id == bindparam("_pk"))
                # updated_at as it merged: its onupdate default must not stamp this PC's time
                .values(search_key=bindparam("v_key"), updated_at=table.c.updated_at),
                fixed,
            )

    def _write_clocks(self) -> None:
        values = [
            {
                "entity": entity,
                "entity_id": entity_id,
                "clocks": row.clocks,
                "deleted_hlc": row.deleted_hlc,
            }
            for (entity, entity_id), row in self.rows.items()
            if row.dirty
        ]
        if not values:
            return
        insert_rows(  # no SQLAlchemy work per row (bulk_rows.py)
            self.session,
            core_table(SyncClock),
            values,
            on_conflict=("entity", "entity_id"),
            update=("clocks", "deleted_hlc"),
        )

    def _plan_record(self, plan: RecordWrites, entity: str, entity_id: str, row: RowState) -> None:
        info = self.tables[entity]
        if row.delete:
            if row.exists:
                plan.deletes.setdefault(entity, []).append(entity_id)
            row.exists = False
            return
        values = info.values(row.changes)
        if row.exists:
            plan.updates.setdefault(entity, {})[entity_id] = values
            return
        missing = info.required - values.keys()
        if missing:
            log.warning(
                "Sync: a %s record arrived without %d required field(s); it waits for them",
                entity,
                len(missing),
            )
            row.clocks = {}  # so that the full record is taken when it comes
            return
        plan.inserts.setdefault(entity, {})[entity_id] = values
        row.exists = True

    def _resolve_natural_keys(self, plan: RecordWrites) -> None:
        """Of two records unique by content (one image imported on two PCs), keep the
        smaller id everywhere; the other is tombstoned."""
        for entity, names in NATURAL_KEYS.items():
            inserts = plan.inserts.get(entity)
            if not inserts:
                continue
            table = self.tables[entity].table
            owners: dict[tuple[Any, ...], str] = {}
            # a row this apply deletes holds nothing: a photo deleted and imported again
            # arrives as the old id's delete and the new id's insert, in one batch
            going = set(plan.deletes.get(entity, ()))
            patients = sorted({str(v["patient_id"]) for v in inserts.values()})
            for start in range(0, len(patients), CHUNK):
                rows = self.session.execute(
                    select(table.c.id, *(table.c[n] for n in names)).where(
                        table.c.patient_id.in_(patients[start : start + CHUNK])
                    )
                ).all()
                for row in rows:
                    if row[0] not in going:
                        owners[tuple(row[1:])] = row[0]
            for entity_id in sorted(inserts):
                values = inserts[entity_id]
                key = tuple(values[n] for n in names)
                holder = owners.get(key)
                if holder is None or holder == entity_id:
                    owners[key] = entity_id
                    continue
                winner, loser = sorted((holder, entity_id))
                owners[key] = winner
                if loser in inserts:
                    del inserts[loser]
                else:
                    plan.deletes.setdefault(entity, []).append(loser)
                lost = self._row(entity, loser)
                lost.deleted_hlc = lost.deleted_hlc or max(lost.clocks.values(), default="0")
                lost.exists = False
                lost.dirty = True
