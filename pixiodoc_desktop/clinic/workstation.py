"""The unlocked clinic on this PC, and the one unit of work every write uses.

`Workstation` binds a vault to this device (its id and hybrid clock) and to
the audit key. `UnitOfWork` is the only way to write: it opens one write
transaction, records every changed clinical record as an outbox operation
(for sync, DESIGN.md §4) and appends audit events in the same transaction,
so that a change, its sync record and its audit entry land together or not
at all. A refused action is rolled back and its denial audited on its own.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.errors import PermissionDenied, VaultDamaged
from pixiodoc_desktop.vault.hlc import HybridClock
from pixiodoc_desktop.vault.schema import Base, OutboxOperation, Record, utcnow
from pixiodoc_desktop.vault.vault import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Actor:
    """The clinician on whose behalf a service acts."""

    user_id: str
    login: str
    display_name: str
    role: str  # "admin" | "clinician"

    @property
    def is_workspace_admin(self) -> bool:
        return self.role == "admin"


class AccessDenied(PermissionDenied):
    """PermissionDenied with what the audit trail needs to record the denial."""

    def __init__(self, message: str, draft: audit.EventDraft) -> None:
        super().__init__(message)
        self.draft = draft


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _fill_defaults(obj: object) -> None:
    """Apply column defaults now, so that the outbox carries the values the row gets."""
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        default = getattr(column, "default", None)
        if default is None or getattr(obj, attr.key) is not None:
            continue
        if default.is_scalar:
            setattr(obj, attr.key, default.arg)
        elif default.is_callable:
            setattr(obj, attr.key, default.arg(None))


def _changed_fields(obj: Base, *, new: bool) -> dict[str, Any]:
    state = inspect(obj)
    fields: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in ("version", "updated_at", "updated_by"):
            fields[key] = _json_value(getattr(obj, key))
            continue
        if new or state.attrs[key].history.has_changes():
            fields[key] = _json_value(getattr(obj, key))
    return fields


class Workstation:
    """An unlocked vault as used from this PC."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        device = vault.setting("device_id")
        if device is None:
            raise VaultDamaged("The vault has no device id; it was not created by PixioDoc.")
        self.device_id = device
        self.clock = HybridClock(device)

    def unit_of_work(self, actor: Actor | None) -> UnitOfWork:
        return UnitOfWork(self, actor)

    def read_session(self) -> Session:
        return self.vault.read_session()

    def audit_alone(self, draft: audit.EventDraft) -> None:
        """Write one audit event in a transaction of its own."""
        with self.vault.write_session() as session, session.begin():
            audit.append(
                session,
                device_id=self.device_id,
                audit_key=self.vault.keys.audit,
                draft=draft,
                floor=self.audit_floor(),
            )

    def audit_floor(self) -> int:
        """The seq this PC's trail had reached by vault.json's sealed mark (see `mark_audit`)."""
        return self.vault.header.audit_mark(self.device_id)

    def mark_audit(self) -> None:
        """Seal this PC's audit seq into vault.json (at login and lock), so that a trail
        later cut or rolled back to an older copy ends before the mark and is found."""
        with self.vault.read_session() as session:
            seq = audit.read_tip(session, self.device_id, self.vault.keys.audit).seq
        self.vault.raise_audit_mark(self.device_id, seq)


class UnitOfWork:
    """`with ws.unit_of_work(actor) as uow:` ... commits on success."""

    def __init__(self, workstation: Workstation, actor: Actor | None) -> None:
        self.workstation = workstation
        self.actor = actor
        self.session = workstation.vault.write_session()
        self._events: list[audit.EventDraft] = []
        event.listen(self.session, "before_flush", self._before_flush)

    def __enter__(self) -> UnitOfWork:
        self.session.begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                audit.append_all(
                    self.session,
                    device_id=self.workstation.device_id,
                    audit_key=self.workstation.vault.keys.audit,
                    drafts=self._events,
                    floor=self.workstation.audit_floor(),
                )
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, AccessDenied):
            self.workstation.audit_alone(exc.draft)

    def audit(self, draft: audit.EventDraft) -> None:
        """Queue an audit event; it is written with the commit."""
        self._events.append(draft)

    def send_whole(self, obj: Record) -> None:
        """Queue every field of `obj` for sync as if it were new: for a record written
        without a unit of work (moved into its table by a migration), which the clinic's
        other PCs would otherwise never receive."""
        self._record(obj, "upsert", new=True)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the unit that may fail alone (one photo of a batch): if it raises, its
        rows, outbox operations and queued audit events are undone; the rest stays."""
        queued = len(self._events)
        try:
            with self.session.begin_nested():
                yield
        except BaseException:
            del self._events[queued:]
            raise

    @property
    def actor_id(self) -> str:
        if self.actor is None:
            raise PermissionDenied("This action needs a clinician to be logged in.")
        return self.actor.user_id

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        for obj in list(session.new):
            if isinstance(obj, Record):
                obj.created_by = obj.created_by or self.actor_id
                obj.updated_by = obj.updated_by or obj.created_by
                obj.version = obj.version or 1
                _fill_defaults(obj)
                self._record(obj, "upsert", new=True)
        for obj in list(session.dirty):
            if isinstance(obj, Record) and session.is_modified(obj):
                obj.version = (obj.version or 1) + 1
                obj.updated_by = self.actor_id
                obj.updated_at = utcnow()  # now, not at INSERT time: the outbox carries it
                self._record(obj, "upsert", new=False)
        for obj in list(session.deleted):
            if isinstance(obj, Record):
                self._record(obj, "delete", new=False)

    def _record(self, obj: Record, operation: str, *, new: bool) -> None:
        assert isinstance(obj, Base)
        fields = {} if operation == "delete" else _changed_fields(obj, new=new)
        self.session.add(
            OutboxOperation(
                entity=obj.__tablename__,
                entity_id=obj.id,
                operation=operation,
                fields=fields,
                hlc=self.workstation.clock.now(),
                device_id=self.workstation.device_id,
            )
        )
