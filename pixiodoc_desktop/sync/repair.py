"""This PC puts back its own op batches that the bucket lost.

A batch can vanish from the bucket (a bucket admin, a lifecycle rule, a
partial restore, a rollback to a snapshot) or be damaged there. The other PCs
then stop at the gap (pull.py) and say which number they want in their head
objects (heads.py). At the start of every round this PC lists its own batches,
reads what the others want, and puts back from its own copy
(`sync_sent_batches`, redacted like the bucket's after an erasure) every
settled batch that is missing, or wanted and does not open. Only this PC ever
writes under its prefix, so putting back never races with another writer.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, seal_json
from pixiodoc_desktop.sync.links import link_of
from pixiodoc_desktop.sync.push import batch_key
from pixiodoc_desktop.sync.resend import rebuilt_batch
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import SyncSentBatch

log = logging.getLogger(__name__)


def _intact(
    store: ObjectStore,
    keys: SyncKeys,
    name: str,
    device: str,
    seq: int,
    copy: dict[str, Any] | None,
) -> bool:
    """The bucket's batch opens, is the one its name says and (with a copy here) links
    as this PC's copy does: neither replaced nor moved by a holder of the key."""
    try:
        document = open_json(keys.ops, store.get(name), name=name)
    except (NotFound, SyncDataDamaged):
        return False
    if document.get("device") != device or document.get("seq") != seq:
        return False
    return copy is None or link_of(document) == link_of(copy)


def put_back_own_batches(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    wanted: set[int],
    own_head: dict[str, Any] | None,
) -> list[int]:
    """Put back this PC's settled batches the bucket lacks (or that others could not
    open); returns their numbers. A batch this PC keeps no copy of (written before
    copies were kept) is rebuilt from its records (resend.py).

    The listing is skipped while nobody wants anything and this PC's head in the bucket
    names its last batch: a batch deleted meanwhile is then wanted by whoever needs it
    (a rolled-back bucket rolls the head back too)."""
    with ws.vault.read_session() as session:
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
    if next_seq <= 1:
        return []
    if not wanted and own_head is not None and own_head.get("batch") == next_seq - 1:
        return []
    prefix = store.key(keys.workspace, "devices", ws.device_id, "ops") + "/"
    present = {
        int(tail)
        for name, _size in store.objects(prefix)
        if (tail := name.rsplit("/", 1)[-1]).isdigit()
    }
    settled = range(1, next_seq)
    redo = {seq for seq in settled if seq not in present}
    # a wanted batch, and its neighbours (a swap moves two), checked against the copies
    check = {n for seq in wanted for n in (seq - 1, seq, seq + 1) if 0 < n < next_seq} - redo
    with ws.vault.read_session() as session:
        copies = {
            row.seq: row.document
            for row in session.scalars(
                select(SyncSentBatch).where(SyncSentBatch.seq.in_(sorted(redo | check)))
            )
        }
    for seq in sorted(check):
        name = batch_key(store, keys, ws.device_id, seq)
        if not _intact(store, keys, name, ws.device_id, seq, copies.get(seq)):
            redo.add(seq)
    if not redo:
        return []
    done: list[int] = []
    for seq in sorted(redo):
        document = copies.get(seq)
        if document is None:  # written before copies were kept: rebuilt from the records
            log.warning("Sync: batch %d of this PC is lost and no copy is kept; rebuilt", seq)
            document = rebuilt_batch(ws, store, keys, seq)
            with ws.vault.write_session() as session, session.begin():
                session.merge(SyncSentBatch(seq=seq, document=document))
        name = batch_key(store, keys, ws.device_id, seq)
        store.put(name, seal_json(keys.ops, document, name=name))
        done.append(seq)
    if done:
        log.warning("Sync: %d batch(es) of this PC were missing or damaged; put back", len(done))
    return done
