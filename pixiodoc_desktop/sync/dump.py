"""A canonical dump of everything sync keeps equal across a clinic's workstations.

All synced records sorted by id, clinicians and their wrapped keys, patient
keys, the synced settings and every device's audit events (without the local
row numbers). Local bookkeeping (outbox, sync tables, this PC's settings) is
left out. Two converged workstations have equal dumps.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Table, select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync.audit_stream import audit_row_json
from pixiodoc_desktop.sync.ops import SYNCED_SETTINGS, record_models
from pixiodoc_desktop.vault.schema import AuditEvent, Clinician, PatientKey, Setting


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def canonical_dump(ws: Workstation) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with ws.vault.read_session() as session:
        for name, model in sorted(record_models().items()):
            table = model.__table__
            assert isinstance(table, Table)
            rows = session.execute(select(table).order_by(table.c.id)).mappings().all()
            out[name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
        out["clinicians"] = [
            {
                "id": c.id,
                "login": c.login,
                "display_name": c.display_name,
                "role": c.role,
                "active": c.active,
                "created_at": c.created_at.isoformat(),
            }
            for c in session.scalars(select(Clinician).order_by(Clinician.id))
        ]
        out["patient_keys"] = [
            [k.patient_id, bytes(k.wrapped_key).hex()]
            for k in session.scalars(select(PatientKey).order_by(PatientKey.patient_id))
        ]
        out["settings"] = {
            s.key: s.value
            for s in session.scalars(select(Setting).where(Setting.key.in_(SYNCED_SETTINGS)))
        }
        out["audit_events"] = [
            audit_row_json(e)
            for e in session.scalars(
                select(AuditEvent).order_by(AuditEvent.device_id, AuditEvent.seq)
            )
        ]
    out["credentials"] = sorted(
        (c.user_id, c.login, c.display_name, c.key.to_json()) for c in ws.vault.header.credentials
    )
    return out
