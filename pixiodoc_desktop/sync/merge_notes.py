"""Concurrent edits of clinical notes during a sync apply: kept as conflicts, not lost.

A note edit that was not made on top of the text this PC has (its "base"
stamp differs, or a local edit still waits to be pushed) is concurrent: both
texts go into `sync_conflicts` for the clinician, the newer one shown
meanwhile. A later edit made on top of every version resolves the conflict.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.sync.ops import ApplyResult, Op, RowState, TableInfo
from pixiodoc_desktop.vault.schema import SyncConflict, utcnow


class NoteConflicts:
    """The note conflicts of one apply. `pending_hlc(entity, id, field)` is the stamp of
    this PC's change of that field still waiting to be pushed, if any."""

    def __init__(
        self,
        session: Session,
        tables: dict[str, TableInfo],
        result: ApplyResult,
        pending_hlc: Callable[[str, str, str], str | None],
    ) -> None:
        self.session = session
        self.tables = tables
        self.result = result
        self._pending_hlc = pending_hlc
        self._conflicts: dict[tuple[str, str, str], SyncConflict] = {}

    def current_value(self, entity: str, entity_id: str, row: RowState, name: str) -> Any:
        if name in row.changes:
            return row.changes[name]
        info = self.tables.get(entity)
        if info is None or not row.exists:
            return None
        return self.session.scalar(select(info.table.c[name]).where(info.table.c.id == entity_id))

    def check(self, op: Op, row: RowState, name: str, value: Any, local: str) -> None:
        if not local or local == op.hlc:
            return
        pending = self._pending_hlc(op.entity, op.entity_id, name)
        base = op.base.get(name)
        current = row.clocks.get(name)
        concurrent = pending is not None or (current is not None and base != current)
        if not concurrent:
            if op.hlc > local:
                self._auto_resolve(op, name)
            return
        mine = self.current_value(op.entity, op.entity_id, row, name)
        if mine == value:
            return
        self._record_conflict(op, name, {local: mine, op.hlc: value}, row)

    def _open_conflict(self, entity: str, entity_id: str, name: str) -> SyncConflict | None:
        key = (entity, entity_id, name)
        if key not in self._conflicts:
            found = self.session.scalar(
                select(SyncConflict).where(
                    SyncConflict.entity == entity,
                    SyncConflict.entity_id == entity_id,
                    SyncConflict.field == name,
                    SyncConflict.resolved_at.is_(None),
                )
            )
            if found is None:
                return None
            self._conflicts[key] = found
        return self._conflicts[key]

    def _record_conflict(self, op: Op, name: str, versions: dict[str, Any], row: RowState) -> None:
        conflict = self._open_conflict(op.entity, op.entity_id, name)
        if conflict is None:
            conflict = SyncConflict(
                id=str(uuid.uuid4()),
                entity=op.entity,
                entity_id=op.entity_id,
                field=name,
                patient_id=self._patient_of(op, row),
                versions={},
                kept_hlc="",
                detected_at=utcnow(),
            )
            self.session.add(conflict)
            self._conflicts[(op.entity, op.entity_id, name)] = conflict
            self.result.conflicts += 1
        merged = {**conflict.versions, **{k: ("" if v is None else v) for k, v in versions.items()}}
        conflict.versions = merged
        conflict.kept_hlc = max(merged)

    def _auto_resolve(self, op: Op, name: str) -> None:
        conflict = self._open_conflict(op.entity, op.entity_id, name)
        if conflict is not None and op.hlc > max(conflict.versions, default=""):
            conflict.resolved_at = utcnow()
            conflict.resolved_by = str(op.fields.get("updated_by") or "") or None

    def _patient_of(self, op: Op, row: RowState) -> str | None:
        if op.entity == "patients":
            return op.entity_id
        value = op.fields.get("patient_id") or self.current_value(
            op.entity, op.entity_id, row, "patient_id"
        )
        return str(value) if value else None
