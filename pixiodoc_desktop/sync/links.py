"""Each op batch names the one before it by hash, so a batch replaced or reordered in
the bucket is found even when it is validly sealed (by a holder of the workspace key).

    batch n: {"device", "seq": n, "prev": link of batch n-1 ("" for batch 1), ...}
    link(batch) = SHA-256 over its device, number, "prev", and each op's entity, id,
                  operation and clock and each audit event's device, seq and hash

The link leaves out the ops' field values on purpose: erasure rewrites a PC's
settled batches in place (`compact.py`) and empties an erased patient's fields,
and that must not break the chain. What it covers is what compaction never
changes, and through "prev" every batch before it. A PC that pulls keeps the
link of the last batch it applied per device (`sync_state` "batch_links") and
checks the next one against it; the writer's head names the link of its newest
batch too (heads.py), so a replaced newest batch is found before any later one
exists. A batch written before links existed has no "prev" (nor has one that
follows a batch this PC keeps no copy of, or a batch rebuilt by `resend.py`);
once a device's batch has named its predecessor, every later one must.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.vault.schema import SyncSentBatch

LINKS = "batch_links"  # sync_state: {device: [seq, link, chained]} of the last batch applied

Link = tuple[int, str, bool]  # (seq, link, whether that batch named its predecessor)


def link_of(document: dict[str, Any]) -> str:
    ops = [[o.get("e"), o.get("id"), o.get("op"), o.get("h")] for o in document.get("ops") or []]
    events = [
        [e.get("device_id"), e.get("seq"), e.get("hash")] for e in document.get("audit") or []
    ]
    body = {
        "device": document.get("device"),
        "seq": document.get("seq"),
        "prev": document.get("prev"),
        "ops": ops,
        "audit": events,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def own_link(session: Session, seq: int) -> str | None:
    """The link of this PC's batch `seq` from its own copy ("" before batch 1; None:
    no copy is kept, so the next batch cannot name it)."""
    if seq <= 0:
        return ""
    copy = session.get(SyncSentBatch, seq)
    return None if copy is None else link_of(copy.document)


def chain(ws: Workstation, document: dict[str, Any]) -> None:
    """Add "prev" to a batch about to be put, when this PC keeps the one before it."""
    with ws.vault.read_session() as session:
        prev = own_link(session, int(document["seq"]) - 1)
    if prev is not None:
        document["prev"] = prev


def follows(document: dict[str, Any], before: Link | None, head: tuple[int, str] | None) -> bool:
    """Whether `document` is the batch that belongs after `before` (the last batch applied
    here, if known) and, when it is the one the writer's head names, the one it names."""
    if head is not None and head[0] == document.get("seq") and head[1] != link_of(document):
        return False
    if document.get("rebuilt"):
        return True  # put back from the writer's records: its successor cannot name it
    if "prev" not in document:
        return before is None or not before[2]  # older batches; never after a linked one
    if before is None:
        return True
    return bool(before[0] == int(document.get("seq") or 0) - 1 and before[1] == document["prev"])


def applied_links(session: Session) -> dict[str, Link]:
    raw = state.get(session, LINKS) or {}
    out: dict[str, Link] = {}
    for device, value in raw.items():
        if isinstance(value, list) and len(value) == 3:
            out[str(device)] = (int(value[0]), str(value[1]), bool(value[2]))
    return out


def keep_applied(session: Session, links: dict[str, Link | None]) -> None:
    """Remember the link of the last batch applied per device (None: not known)."""
    kept = applied_links(session)
    for device, link in links.items():
        if link is None:
            kept.pop(device, None)
        else:
            kept[device] = link
    state.put(session, LINKS, {d: list(v) for d, v in sorted(kept.items())})
