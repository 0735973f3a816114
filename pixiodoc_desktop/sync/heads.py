"""Each workstation's head object: what it has put in the bucket and what it has seen.

    <prefix>/<workspace>/devices/<device>/head     sealed like a batch, rewritten every round

    {"format": 1, "device": d, "batch": the last batch number d put,
     "audit": [seq, hash] of d's own audit chain as far as it has pushed it,
     "seen": {other: {"batch": last batch applied, "audit": [seq, hash] of the replica}},
     "want": {other: the first batch number d could not get (missing or damaged)}}

Every PC reads all heads at the start of a round and keeps the highest batch
number it has ever heard of per device (`sync_state` "batch_anchors"), so a
batch deleted from the bucket is noticed even when it was the newest one and
even when the head object is later rolled back with it. A PC that finds a gap
says so in its "want"; the PC that wrote the batch reads that and puts it back
(`repair.py`). The audit parts are the chain anchors that `audit verify`
compares (`clinic/audit/anchors.py`).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import func, select

from pixiodoc_desktop.clinic.audit import anchors as audit_anchors
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.compact import SHREDDED
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, seal_json
from pixiodoc_desktop.sync.images import MISSING as MISSING_IMAGE
from pixiodoc_desktop.sync.links import own_link
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import AuditEvent, SyncBlob, SyncCursor

log = logging.getLogger(__name__)

BATCH_ANCHORS = "batch_anchors"  # sync_state: {device: highest batch number ever heard of}
MISSING = "missing_batches"  # sync_state: {device: first batch this PC cannot get}

WANT_IMAGES = 200  # image objects one head asks for at a time

Heads = dict[str, dict[str, Any]]


def head_key(store: ObjectStore, keys: SyncKeys, device: str) -> str:
    return store.key(keys.workspace, "devices", device, "head")


def devices(store: ObjectStore, keys: SyncKeys) -> list[str]:
    return sorted(store.folders(store.key(keys.workspace, "devices") + "/"))


def read_heads(store: ObjectStore, keys: SyncKeys, listed: list[str]) -> Heads:
    """Every listed device's head that is in the bucket and opens (a damaged one is
    skipped: its writer rewrites it at its next round, and the anchors kept here count)."""
    heads: Heads = {}
    for device in listed:
        name = head_key(store, keys, device)
        try:
            document = open_json(keys.ops, store.get(name), name=name)
        except NotFound:
            continue
        except SyncDataDamaged:
            log.warning("Sync: the head object of device %s does not open", device[:8])
            continue
        if document.get("device") == device:
            heads[device] = document
    return heads


def known_latest_batches(ws: Workstation, heads: Heads) -> dict[str, int]:
    """The highest batch number of each device that this PC, or any head, has ever named."""
    with ws.vault.write_session() as session, session.begin():
        latest: dict[str, int] = {
            str(k): int(v) for k, v in (state.get(session, BATCH_ANCHORS) or {}).items()
        }
        for cursor in session.scalars(select(SyncCursor)):
            latest[cursor.device_id] = max(latest.get(cursor.device_id, 0), cursor.last_seq)

        def saw(device: str, seq: Any) -> None:
            if isinstance(seq, int) and seq > latest.get(device, 0):
                latest[device] = seq

        for device, head in heads.items():
            saw(device, head.get("batch"))
            for other, seen in (head.get("seen") or {}).items():
                if isinstance(seen, dict):
                    saw(str(other), seen.get("batch"))
        latest.pop(ws.device_id, None)  # this PC's own number is its next_seq
        state.put(session, BATCH_ANCHORS, latest)
    return latest


def head_links(heads: Heads) -> dict[str, tuple[int, str]]:
    """(last batch, its link) each writer's head names (links.py checks the batch)."""
    out: dict[str, tuple[int, str]] = {}
    for device, head in heads.items():
        batch, link = head.get("batch"), head.get("link")
        if isinstance(batch, int) and isinstance(link, str) and batch > 0:
            out[device] = (batch, link)
    return out


def wanted_from_me(ws: Workstation, heads: Heads) -> set[int]:
    """Batch numbers of this PC that other PCs could not get."""
    wanted: set[int] = set()
    for device, head in heads.items():
        if device == ws.device_id:
            continue
        seq = (head.get("want") or {}).get(ws.device_id)
        if isinstance(seq, int) and seq > 0:
            wanted.add(seq)
    return wanted


def images_wanted(ws: Workstation, heads: Heads) -> list[str]:
    """Image objects other PCs could not get intact (this PC uploads those it has)."""
    wanted: set[str] = set()
    for device, head in heads.items():
        if device != ws.device_id:
            wanted.update(str(b) for b in (head.get("want_images") or []) if isinstance(b, str))
    return sorted(wanted)


def _chain_tip(session: Any, device: str, up_to: int | None = None) -> list[Any] | None:
    """[seq, hash hex] of the newest event of `device` held here (at most `up_to`)."""
    query = select(func.max(AuditEvent.seq)).where(AuditEvent.device_id == device)
    if up_to is not None:
        query = query.where(AuditEvent.seq <= up_to)
    seq = session.scalar(query)
    if not seq:
        return None
    digest = session.scalar(
        select(AuditEvent.hash).where(AuditEvent.device_id == device, AuditEvent.seq == seq)
    )
    return [int(seq), bytes(digest).hex()] if digest is not None else None


def publish_head(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    missing: dict[str, int],
    in_bucket: dict[str, Any] | None,
) -> None:
    """Rewrite this PC's head: its last batch, its pushed audit tip, what it has seen
    (not when the bucket's copy, `in_bucket`, already says exactly that)."""
    with ws.vault.write_session() as session, session.begin():
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
        pushed = int(state.get(session, state.AUDIT_PUSHED) or 0)
        seen: dict[str, dict[str, Any]] = {}
        for cursor in session.scalars(select(SyncCursor)):
            seen[cursor.device_id] = {"batch": cursor.last_seq}
        replicas = session.scalars(
            select(AuditEvent.device_id).distinct().where(AuditEvent.device_id != ws.device_id)
        ).all()
        for device in replicas:
            tip = _chain_tip(session, device)
            if tip is not None:
                seen.setdefault(device, {})["audit"] = tip
        own = _chain_tip(session, ws.device_id, pushed) if pushed else None
        shredded = list(state.get(session, SHREDDED) or [])
        images = list(
            session.scalars(
                select(SyncBlob.blob_id).where(SyncBlob.state == MISSING_IMAGE).limit(WANT_IMAGES)
            )
        )
        link = own_link(session, next_seq - 1)
        accepted = state.get(session, state.ACCEPTED_LOSSES) or {}
        state.put(session, MISSING, missing)
        # what this PC publishes of its own chain is an anchor for it too
        if own is not None:
            audit_anchors.record(
                session, ws.vault.keys.audit, ws.device_id, own[0], bytes.fromhex(own[1])
            )
    document = {
        "format": 1,
        "device": ws.device_id,
        "batch": next_seq - 1,
        "link": link,  # of that batch (None: no copy kept here)
        "audit": own,
        "seen": seen,
        "want": missing,
        "shredded": shredded,  # erasures this PC's batches in the bucket are redacted for
        "accepted": accepted,  # batches an Admin accepted as lost (losses.py)
        "want_images": images,  # image objects it could not get intact: any PC that has one
    }
    if document == in_bucket:
        return
    name = head_key(store, keys, ws.device_id)
    store.put(name, seal_json(keys.ops, document, name=name))


ALERTED = "audit_anchor_alerts"  # sync_state: anchor faults a round already failed on


def check_audit_anchors(ws: Workstation, heads: Heads) -> list[audit_anchors.ChainFault]:
    """Keep what the other PCs saw of each audit chain and compare it with the chains
    here; returns the faults no round has reported yet (`audit verify` shows them all)."""
    key = ws.vault.keys.audit
    with ws.vault.write_session() as session, session.begin():
        for device, head in heads.items():
            if device == ws.device_id:
                continue
            claims: list[tuple[str, Any]] = [(device, head.get("audit"))]
            claims += [
                (str(other), seen.get("audit"))
                for other, seen in (head.get("seen") or {}).items()
                if isinstance(seen, dict)
            ]
            for subject, claim in claims:
                if not (isinstance(claim, list) and len(claim) == 2):
                    continue
                try:
                    seq, digest = int(claim[0]), bytes.fromhex(str(claim[1]))
                except ValueError:
                    continue
                audit_anchors.record(session, key, subject, seq, digest, witness=device)
        found = audit_anchors.faults(session, key)
        told = set(state.get(session, ALERTED) or [])
        new = [f for f in found if f"{f.device_id}:{f.seq}" not in told]
        state.put(session, ALERTED, sorted(told | {f"{f.device_id}:{f.seq}" for f in found}))
    return new
