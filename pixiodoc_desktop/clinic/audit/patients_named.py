"""Who an audit page is about: the patients its rows name, fetched in one query.

The trail stores a patient's id only (names never enter the hash chain); a reader
wants the name and record number. An erased patient is said to be erased: the
row left behind holds no name, and none is ever looked up elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.vault.schema import Patient


@dataclass(frozen=True, slots=True)
class AuditPatient:
    id: str
    family_name: str
    given_name: str
    external_id: str | None
    erased: bool


def patients_named(session: Session, patient_ids: Iterable[str | None]) -> dict[str, AuditPatient]:
    """The patients among `patient_ids` this vault holds, by id (one query)."""
    wanted = sorted({pid for pid in patient_ids if pid})
    if not wanted:
        return {}
    rows = session.execute(
        select(
            Patient.id,
            Patient.family_name,
            Patient.given_name,
            Patient.external_id,
            Patient.deleted,
        ).where(Patient.id.in_(wanted))
    )
    out = {}
    for pid, family, given, external, deleted in rows:
        erased = bool(deleted)
        out[pid] = AuditPatient(
            id=pid,
            family_name="" if erased else family,
            given_name="" if erased else given,
            external_id=None if erased else external,
            erased=erased,
        )
    return out
