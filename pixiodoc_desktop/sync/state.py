"""Small values of this workstation's sync, kept in the local `sync_state` table."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pixiodoc_desktop.vault.schema import SyncState

NEXT_SEQ = "next_seq"
IN_FLIGHT = "in_flight"
AUDIT_PUSHED = "audit_pushed_seq"
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_error"
HLC_HIGH = "hlc_high"
CLINIC_PUBLISHED = "clinic_published"
ACCEPTED_LOSSES = "accepted_losses"  # {device: [batch, ...]} an Admin accepted as lost


def get(session: Session, key: str) -> Any:
    row = session.get(SyncState, key)
    return None if row is None else json.loads(row.value)


def put(session: Session, key: str, value: Any) -> None:
    stmt = sqlite_insert(SyncState).values(key=key, value=json.dumps(value))
    session.execute(
        stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value})
    )
    row = session.get(SyncState, key)
    if row is not None:
        session.refresh(row)


def drop(session: Session, key: str) -> None:
    row = session.get(SyncState, key)
    if row is not None:
        session.delete(row)
