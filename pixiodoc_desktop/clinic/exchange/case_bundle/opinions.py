"""The second opinions a case bundle carries: those given on its visits (as the visits'
notes go with them), with their marks on the bundle's photos.

In the manifest each is a colleague's reply as it came back through a secure link
(name, role, when, text, suggested diagnosis, recommendation, marks); the receiving
clinic records them on the new record's visits, as seen (its clinician opened the
bundle), with marks only on photos the bundle holds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.records import second_opinions
from pixiodoc_desktop.clinic.workstation import UnitOfWork
from pixiodoc_desktop.vault.schema import SecondOpinion, utcnow

MAX_OPINIONS = 200
_LIMITS = {"opinion": 8000, "diagnosis": 300, "recommendation": 4000, "name": 200, "role": 200}


def bundle_opinions(
    session: Session, visit_ids: list[str], photo_ids: set[str]
) -> list[dict[str, Any]]:
    """The manifest's second opinions: those on the chosen visits, oldest first."""
    rows = session.scalars(
        select(SecondOpinion)
        .where(SecondOpinion.visit_id.in_(visit_ids), ~SecondOpinion.deleted)
        .order_by(SecondOpinion.created_at, SecondOpinion.id)
    )
    return [
        {
            "visit_id": row.visit_id,
            "link_id": row.link_id,
            "name": row.author_name,
            "role": row.author_role,
            "written_at": (row.written_at or row.created_at).isoformat(),
            "opinion": row.opinion,
            "diagnosis": row.diagnosis,
            "recommendation": row.recommendation,
            "marks": [m for m in second_opinions.clean_marks(row.marks) if m["photo"] in photo_ids],
        }
        for row in rows
    ]


def record_opinions(
    uow: UnitOfWork,
    patient_id: str,
    manifest: dict[str, Any],
    visit_ids: dict[str, str],
    photo_ids: dict[str, str],
) -> int:
    """Add the manifest's second opinions to the new record (after its photos are written);
    a damaged entry raises ValueError or KeyError, which refuses the whole bundle."""
    entries = manifest.get("second_opinions", [])
    if not isinstance(entries, list) or len(entries) > MAX_OPINIONS:
        raise ValueError("second opinions")
    for entry in entries:
        if not isinstance(entry, dict) or not str(entry.get("opinion") or "").strip():
            raise ValueError("second opinion")
        reply: dict[str, Any] = {
            key: str(entry.get(key) or "").replace("\0", "")[:limit]
            for key, limit in _LIMITS.items()
        }
        reply["written_at"] = str(entry.get("written_at") or "")[:40]
        reply["marks"] = [
            {**mark, "photo": photo_ids[mark["photo"]]}
            for mark in second_opinions.clean_marks(entry.get("marks"))
            if mark["photo"] in photo_ids
        ]
        row = second_opinions.add(
            uow,
            patient_id=patient_id,
            visit_id=visit_ids[str(entry["visit_id"])],
            link_id=str(entry.get("link_id") or "")[:16],
            reply=reply,
            for_clinician=uow.actor_id,
        )
        row.seen_at = utcnow()
    return len(entries)
