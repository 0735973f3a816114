"""What sync carries besides clinical records: clinicians, patient keys, clinic settings.

These live outside the op log (clinicians' wrapped keys are in vault.json,
patient keys and clinicians are not `Record`s), so each round compares them
with what was last exchanged (`sync_directory`) and records the differences
as ordinary outbox operations. Credentials that arrive from another PC are
written into vault.json after the apply transaction commits; a flag in the
same transaction makes that step safe to repeat after a crash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import and_, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync.ops import SYNCED_SETTINGS, core_table
from pixiodoc_desktop.vault.header import Credential, WrappedKey
from pixiodoc_desktop.vault.schema import (
    Clinician,
    OutboxOperation,
    Patient,
    PatientKey,
    Setting,
    SyncDirectoryEntry,
)

_MISSING = object()


def _save(session: Session, kind: str, key: str, snapshot: dict[str, Any]) -> None:
    stmt = sqlite_insert(SyncDirectoryEntry).values(
        kind=kind, key=key, snapshot=snapshot, header_pending=False
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["kind", "key"], set_={"snapshot": stmt.excluded.snapshot}
        )
    )


def _record(
    ws: Workstation, session: Session, entity: str, key: str, op: str, fields: dict[str, Any]
) -> None:
    session.add(
        OutboxOperation(
            entity=entity,
            entity_id=key,
            operation=op,
            fields=fields,
            hlc=ws.clock.now(),
            device_id=ws.device_id,
        )
    )


_KEEP = {"id", "created_at", "created_by"}


def scrubbed_patient(session: Session, patient_id: str) -> dict[str, Any]:
    """The erased patient's row as erasure left it: the other PCs take exactly this."""
    patient = session.get(Patient, patient_id)
    if patient is None:
        return {}
    table = Patient.__table__
    return {
        c.name: _json_value(getattr(patient, c.key)) for c in table.columns if c.name not in _KEEP
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def capture_local_changes(ws: Workstation, session: Session) -> list[str]:
    """Record clinician, patient key and setting changes made here; returns erased patients."""
    entries = {
        (e.kind, e.key): e
        for e in session.scalars(
            select(SyncDirectoryEntry).where(SyncDirectoryEntry.kind != "patient_key")
        )
    }
    credentials = {c.user_id: c for c in ws.vault.header.credentials}
    for clinician in session.scalars(select(Clinician)):
        entry = entries.get(("clinician", clinician.id))
        if entry is not None and entry.header_pending:
            continue  # vault.json is still catching up with what sync brought
        credential = credentials.get(clinician.id)
        if credential is None and clinician.active:
            continue  # being added right now: the row lands before its key
        current: dict[str, Any] = {
            "login": clinician.login,
            "display_name": clinician.display_name,
            "role": clinician.role,
            "active": clinician.active,
            "created_at": clinician.created_at.isoformat(),
            "credential": credential.key.to_json() if credential else None,
        }
        old = entry.snapshot if entry else {}
        changed = {k: v for k, v in current.items() if old.get(k, _MISSING) != v}
        if changed:
            _record(ws, session, "clinicians", clinician.id, "upsert", changed)
            _save(session, "clinician", clinician.id, current)

    erased: list[str] = []
    # Keys not yet sent, and keys sent but gone here since (erased): two anti-joins in
    # SQL, so that a round with nothing new does not read a group's 100,000 keys.
    sent = aliased(SyncDirectoryEntry)
    unsent = session.execute(
        select(PatientKey.patient_id, PatientKey.wrapped_key)
        .outerjoin(sent, and_(sent.kind == "patient_key", sent.key == PatientKey.patient_id))
        .where(sent.key.is_(None))
    ).all()
    if unsent:  # two executemany calls (a renewal sends a group's 100,000 keys at once)
        sent_now = [(p, {"wrapped_key": bytes(w).hex()}) for p, w in unsent]
        session.execute(
            insert(core_table(OutboxOperation)),
            [
                {
                    "entity": "patient_keys",
                    "entity_id": patient_id,
                    "operation": "upsert",
                    "fields": fields,
                    "hlc": ws.clock.now(),
                    "device_id": ws.device_id,
                }
                for patient_id, fields in sent_now
            ],
        )
        stmt = sqlite_insert(core_table(SyncDirectoryEntry))
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["kind", "key"], set_={"snapshot": stmt.excluded.snapshot}
            ),
            [
                {"kind": "patient_key", "key": p, "snapshot": f, "header_pending": False}
                for p, f in sent_now
            ],
        )
    gone = session.scalars(
        select(SyncDirectoryEntry)
        .outerjoin(PatientKey, PatientKey.patient_id == SyncDirectoryEntry.key)
        .where(SyncDirectoryEntry.kind == "patient_key", PatientKey.patient_id.is_(None))
    ).all()
    for entry in gone:
        if entry.snapshot.get("erased"):
            continue
        key = entry.key
        _record(
            ws,
            session,
            "patient_keys",
            key,
            "delete",
            {"scrub": scrubbed_patient(session, key)},
        )
        _save(session, "patient_key", key, {"erased": True})
        erased.append(key)

    for name in SYNCED_SETTINGS:
        row = session.get(Setting, name)
        if row is None:
            continue
        entry = entries.get(("setting", name))
        if entry is None or entry.snapshot.get("value") != row.value:
            _record(ws, session, "settings", name, "upsert", {"value": row.value})
            _save(session, "setting", name, {"value": row.value})
    return erased


def reconcile_header(ws: Workstation) -> bool:
    """Bring vault.json's clinicians in line with what sync brought; True if it changed."""
    vault = ws.vault
    with vault.write_session() as session, session.begin():
        pending = list(
            session.scalars(
                select(SyncDirectoryEntry).where(
                    SyncDirectoryEntry.kind == "clinician", SyncDirectoryEntry.header_pending
                )
            )
        )
        if not pending:
            return False
        header = vault.header
        deactivated = set(header.extra.get("deactivated_logins", []))
        for entry in pending:
            snap = entry.snapshot
            credential = snap.get("credential")
            if snap.get("active") is False or not credential:
                header = header.without_credential(entry.key)
                if snap.get("active") is False and snap.get("login"):
                    deactivated.add(str(snap["login"]).casefold())
                continue
            header = header.with_credential(
                Credential(
                    entry.key,
                    str(snap["login"]),
                    str(snap["display_name"]),
                    WrappedKey.from_json(credential, with_kdf=True),
                )
            )
            deactivated.discard(str(snap["login"]).casefold())
        header = replace(header, extra={**header.extra, "deactivated_logins": sorted(deactivated)})
        vault.store_header(header)
        for entry in pending:
            entry.header_pending = False
    return True
