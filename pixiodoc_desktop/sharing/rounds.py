"""What a sync round does for links: collect replies, close expired links, tidy up.

Run by whoever runs a sync round (the CLI's `pixiodoc sync`, the GUI's
scheduler) just before `sync_once`, so that a second opinion added to the
record goes out to the other workstations in the same round. A reply is
taken once: the first one that opens becomes part of the record (appended to
the notes of the newest shared visit, audited as PATIENT_UPDATED); the slot
is deleted; later uploads into it are deleted unread. A reply that does not
open is deleted and audited as a SECURITY_ALERT. Expired links lose their
package and show "expired" until the page's own URL runs out, then go.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import SyncError
from pixiodoc_desktop.sharing import envelope, ledger
from pixiodoc_desktop.sharing.ledger import EXPIRED, LIVE, LinkRecord
from pixiodoc_desktop.sharing.links import ShareLinks, utcnow
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import Visit

log = logging.getLogger(__name__)

MAX_REPLY_BYTES = 256 * 1024
_FIELDS = {"opinion": 8000, "diagnosis": 300, "recommendation": 4000, "name": 200, "role": 200}


@dataclass(frozen=True, slots=True)
class LinkRound:
    replies: int = 0
    refused: int = 0
    expired: int = 0
    removed: int = 0


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
    for record in ledger.all_links(ws.vault):
        if record.state == LIVE and record.reply:
            taken = _collect_reply(ws, store, links, actor, record)
            replies += taken == "taken"
            refused += taken == "refused"
        if record.state == LIVE and now >= record.expires:
            links.close(record, EXPIRED)
            expired += 1
            ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.ACCESS_REVOKED,
                    actor.user_id,
                    patient_id=record.patient_id,
                    object_type="secure link",
                    object_id=record.id,
                    details={"what": "secure link", "reason": "expired"},
                )
            )
        elif record.state != LIVE and now >= record.page_expires:
            store.delete(record.page)
            ledger.forget(ws.vault, record.id)
            removed += 1
    return LinkRound(replies, refused, expired, removed)


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
    ledger.save(ws.vault, record)
    return "taken"


def _parse(plain: bytes | None) -> dict[str, str] | None:
    if plain is None:
        return None
    try:
        data: Any = json.loads(plain)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not str(data.get("opinion") or "").strip():
        return None
    reply = {
        key: str(data.get(key) or "").replace("\0", "")[:limit] for key, limit in _FIELDS.items()
    }
    reply["written_at"] = str(data.get("written_at") or "")[:40]
    return reply


def second_opinion_text(reply: dict[str, str], link_id: str) -> str:
    who = ", ".join(part for part in (reply["name"].strip(), reply["role"].strip()) if part)
    lines = [
        f"Second opinion (secure link {link_id}) from {who or 'a colleague'}, {reply['written_at'][:10]}:"
    ]
    lines.append(reply["opinion"].strip())
    if reply["diagnosis"].strip():
        lines.append(f"Suggested diagnosis: {reply['diagnosis'].strip()}")
    if reply["recommendation"].strip():
        lines.append(f"Recommendation: {reply['recommendation'].strip()}")
    return "\n".join(lines)


def _add_to_record(
    ws: Workstation, actor: Actor, record: LinkRecord, reply: dict[str, str]
) -> None:
    text = second_opinion_text(reply, record.id)
    with ws.unit_of_work(actor) as uow:
        visits = [uow.session.get(Visit, vid) for vid in record.visit_ids]
        live = [v for v in visits if v is not None and not v.deleted]
        if not live:
            return
        visit = max(live, key=lambda v: v.visit_date)
        visit.notes = (visit.notes.rstrip() + "\n\n" + text).strip()
        uow.audit(
            audit.EventDraft(
                audit.EventType.PATIENT_UPDATED,
                actor.user_id,
                patient_id=record.patient_id,
                object_type="visit",
                object_id=visit.id,
                details={
                    "what": "second opinion",
                    "via": "secure link",
                    "link": record.id,
                    "from": reply["name"][:80],
                    "role": reply["role"][:80],
                },
            )
        )
