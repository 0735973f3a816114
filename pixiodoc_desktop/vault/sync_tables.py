"""The tables of sync: the outbox of changes waiting to be pushed (written in the same
transaction as the change), and this workstation's own bookkeeping of its rounds
(never synced). The tables' names are importable from `schema` too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import repeat
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Dialect, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from pixiodoc_desktop.vault.orm_base import Base, utcnow


class OutboxOperation(Base):
    """A change waiting to be pushed by sync, written in the same transaction."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    operation: Mapped[str] = mapped_column(String(8))  # "upsert" | "delete"
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hlc: Mapped[str] = mapped_column(String(40), index=True)
    device_id: Mapped[str] = mapped_column(String(36))


# --- sync bookkeeping (local to this workstation, never synced) ----------------


class SyncState(Base):
    """Small values of this PC's sync: next batch number, batch in flight, last run."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


_SHARED_STAMP, _SHARED_FIELDS = "~stamp", "~fields"  # never a column's name


class Clocks(TypeDecorator[dict[str, Any]]):
    """{field: clock} as JSON, the clock most fields share written once: a record made
    in one go has one stamp for its 30 fields (2.1 KB a photo written out in full, 0.6
    KB so; a PC that joins a clinic group writes 2.4 million). Read back as the plain
    {field: clock}; rows stored in full before read as they are."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if not isinstance(value, dict) or len(value) < 3:
            return value
        stamps = value.values()
        if not all(map(isinstance, stamps, repeat(str))):  # C loops: a joiner writes millions
            return value
        counts = Counter(stamps)
        common, shared = counts.most_common(1)[0]
        if shared < 3:
            return value
        if len(counts) == 1:  # a record made in one go
            return {_SHARED_STAMP: common, _SHARED_FIELDS: sorted(value)}
        out: dict[str, Any] = {}
        names: list[str] = []
        for k, v in value.items():
            if v == common:
                names.append(k)
            else:
                out[k] = v
        out[_SHARED_STAMP] = common
        out[_SHARED_FIELDS] = sorted(names)
        return out

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if not isinstance(value, dict) or _SHARED_STAMP not in value:
            return value
        out = {k: v for k, v in value.items() if k not in (_SHARED_STAMP, _SHARED_FIELDS)}
        for name in value.get(_SHARED_FIELDS) or ():
            out[name] = value[_SHARED_STAMP]
        return out


class SyncClock(Base):
    """The hybrid clock of each field's current value, and a tombstone's, per record."""

    __tablename__ = "sync_clocks"
    # every round asks for the erased patients (key tombstones) among a group's records
    __table_args__ = (
        Index(
            "ix_sync_clocks_tombstones",
            "entity",
            sqlite_where=text("deleted_hlc IS NOT NULL"),
        ),
    )
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    clocks: Mapped[dict[str, Any]] = mapped_column(Clocks, default=dict)
    deleted_hlc: Mapped[str | None] = mapped_column(String(80))


class SyncCursor(Base):
    """The last op batch applied from each other device."""

    __tablename__ = "sync_cursors"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class SyncSentBatch(Base):
    """This PC's own op batches as it put them in the bucket (redacted after an erasure),
    so that a batch lost from the bucket (deleted, damaged, rolled back) is put back."""

    __tablename__ = "sync_sent_batches"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)


class SyncBlob(Base):
    """Image objects known to be in the bucket ("uploaded"), or left there on purpose
    until first opened ("remote": full images fetched on demand)."""

    __tablename__ = "sync_blobs"
    # every round asks for the "missing" ones; a joined PC holds millions of "remote"
    __table_args__ = (Index("ix_sync_blobs_state", "state"),)
    blob_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(8))  # "uploaded" | "remote"
    patient_id: Mapped[str | None] = mapped_column(String(36))


class SyncDirectoryEntry(Base):
    """What was last sent or received for things outside the op log: a clinician
    (login, role, wrapped key), a patient's wrapped key, a clinic-wide setting."""

    __tablename__ = "sync_directory"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    header_pending: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncConflict(Base):
    """A clinical note edited on two PCs at once: every version is kept for the
    clinician to resolve; the one shown meanwhile is the newest by clock."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_open", "resolved_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(32))
    patient_id: Mapped[str | None] = mapped_column(String(36))
    versions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    kept_hlc: Mapped[str] = mapped_column(String(80))
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
