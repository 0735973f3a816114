"""What a sync round does for links: collect replies, close expired links, tidy up.

Run by whoever runs a sync round (the CLI's `pixiodoc sync`, the GUI's
scheduler) just before `sync_once`, so that a second opinion added to the
record goes out to the other workstations in the same round. Each PC tends
the links it made (it alone holds the key their replies are sealed to); any
PC of the clinic may revoke one. A reply is taken once: the first one that
opens becomes a second opinion of the record (clinic/records/second_opinions.py,
audited as PATIENT_UPDATED); the slot is deleted; later uploads into it are
deleted unread. A reply that does not open is deleted and audited as a
SECURITY_ALERT. Expired links lose their package and show "expired" until the
page's own URL runs out, then go. The links of an erased patient (marked
`erased` by the erasure, on whichever PC) are closed by the first PC of the
clinic that reaches the bucket: package and reply slot deleted, the page says
"revoked" (audited as ACCESS_REVOKED, reason "patient erased").
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records import second_opinions
from pixiodoc_desktop.clinic.safekeeping.erasure import LINK_ERASED
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import ShareLinkNeedsSync, SyncError
from pixiodoc_desktop.sharing import envelope, ledger
from pixiodoc_desktop.sharing.ledger import EXPIRED, LIVE, REVOKED, LinkRecord
from pixiodoc_desktop.sharing.links import ShareLinks, open_store, utcnow
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import Patient, Visit

log = logging.getLogger(__name__)

MAX_REPLY_BYTES = 256 * 1024
_FIELDS = {"opinion": 8000, "diagnosis": 300, "recommendation": 4000, "name": 200, "role": 200}


@dataclass(frozen=True, slots=True)
class LinkRound:
    replies: int = 0
    refused: int = 0
    expired: int = 0
    removed: int = 0
    patients: tuple[str, ...] = ()  # the records a second opinion was added to


def tend_before_round(ws: Workstation, store: ObjectStore, actor: Actor) -> LinkRound:
    """`tend_links`, but a bucket that cannot be reached is left to the sync round itself,
    which raises and audits it (SYNC_RUN, failure); the links are tended next time."""
    try:
        return tend_links(ws, store, actor)
    except SyncError as exc:
        log.info("Secure links not tended this round: %s", type(exc).__name__)
        return LinkRound()


def tend_links(
    ws: Workstation, store: ObjectStore, actor: Actor, *, now: dt.datetime | None = None
) -> LinkRound:
    now = now or utcnow()
    links = ShareLinks(ws, store)
    replies = refused = expired = removed = 0
    patients: list[str] = []
    ledger.queue_unsent(ws, actor)  # links moved in by migration 0014 go out this round
    close_erased(ws, store, actor)
    for record in ledger.all_links(ws.vault):
        if record.device_id != ws.device_id:
            continue  # the PC that made it tends it
        if record.state == LIVE and record.reply:
            taken = _collect_reply(ws, store, links, actor, record)
            replies += taken == "taken"
            refused += taken == "refused"
            if taken == "taken":
                patients.append(record.patient_id)
        if record.state == LIVE and now >= record.expires:
            links.close(actor, record, EXPIRED, reason="expired")
            expired += 1
        elif record.state != LIVE and now >= record.page_expires:
            store.delete(record.page)
            ledger.forget(ws, actor, record.id)
            removed += 1
    return LinkRound(replies, refused, expired, removed, tuple(dict.fromkeys(patients)))


def close_erased(ws: Workstation, store: ObjectStore, actor: Actor) -> list[str]:
    """Close the links of erased patients (made on any PC): their package and reply slot
    deleted, the page saying "revoked". Returns the links closed."""
    links = ShareLinks(ws, store)
    closed = []
    for record in ledger.all_links(ws.vault):
        if record.state != LINK_ERASED:
            continue
        links.close(actor, record, REVOKED, reason="patient erased")
        closed.append(record.id)
    return closed


def close_erased_now(ws: Workstation, actor: Actor) -> list[str]:
    """Right after an erasure: close the patient's links if the bucket can be reached;
    otherwise (no sync, offline) the next sync round of any PC of the clinic does it."""
    try:
        return close_erased(ws, open_store(ws), actor)
    except (ShareLinkNeedsSync, SyncError) as exc:
        log.info("Secure links of an erased patient left to the next round: %s", type(exc).__name__)
        return []


def _collect_reply(
    ws: Workstation, store: ObjectStore, links: ShareLinks, actor: Actor, record: LinkRecord
) -> str:
    """'taken', 'refused' or '' (nothing there)."""
    size = store.size(record.reply)
    if size is None:
        return ""
    try:
        sealed = store.get(record.reply) if size <= MAX_REPLY_BYTES else b""
    except NotFound:
        return ""
    store.delete(record.reply)
    if record.replies:
        return ""  # single use: a later upload into the slot is dropped unread
    aad = envelope.REPLY_AAD + record.reply.rsplit("/", 1)[1]
    plain = envelope.open_reply(links.reply_key(), sealed, aad) if sealed else None
    reply = _parse(plain)
    if reply is None:
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SECURITY_ALERT,
                actor.user_id,
                patient_id=record.patient_id,
                object_type="secure link",
                object_id=record.id,
                outcome=audit.Outcome.FAILURE,
                details={"what": "secure link reply", "reason": "cannot be opened or altered"},
            )
        )
        return "refused"
    _add_to_record(ws, actor, record, reply)
    record.replies += 1
    ledger.save(ws, actor, record)
    return "taken"


def _parse(plain: bytes | None) -> dict[str, Any] | None:
    if plain is None:
        return None
    try:
        data: Any = json.loads(plain)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not str(data.get("opinion") or "").strip():
        return None
    reply: dict[str, Any] = {
        key: str(data.get(key) or "").replace("\0", "")[:limit] for key, limit in _FIELDS.items()
    }
    reply["written_at"] = str(data.get("written_at") or "")[:40]
    reply["marks"] = second_opinions.clean_marks(data.get("marks"))
    return reply


def _add_to_record(
    ws: Workstation, actor: Actor, record: LinkRecord, reply: dict[str, Any]
) -> None:
    """The reply as a second opinion of the record, tied to the newest shared visit."""
    with ws.unit_of_work(actor) as uow:
        patient = uow.session.get(Patient, record.patient_id)
        if patient is None or patient.deleted:
            return  # erased meanwhile: nothing of it is written back
        visits = [uow.session.get(Visit, vid) for vid in record.visit_ids]
        live = [v for v in visits if v is not None and not v.deleted]
        visit = max(live, key=lambda v: v.visit_date) if live else None
        opinion = second_opinions.add(
            uow,
            patient_id=record.patient_id,
            visit_id=visit.id if visit is not None else None,
            link_id=record.id,
            reply=reply,
            for_clinician=record.created_by,
        )
        uow.audit(
            audit.EventDraft(
                audit.EventType.PATIENT_UPDATED,
                actor.user_id,
                patient_id=record.patient_id,
                object_type="second opinion",
                object_id=opinion.id,
                details={
                    "what": "second opinion",
                    "via": "secure link",
                    "link": record.id,
                    "visit": opinion.visit_id or "",
                    "from": reply["name"][:80],
                    "role": reply["role"][:80],
                    "marks": len(opinion.marks),
                },
            )
        )
