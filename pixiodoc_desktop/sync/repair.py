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
from pixiodoc_desktop.sync.push import batch_key
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import SyncSentBatch

log = logging.getLogger(__name__)


def _opens(store: ObjectStore, keys: SyncKeys, name: str, device: str, seq: int) -> bool:
    try:
        document = open_json(keys.ops, store.get(name), name=name)
    except (NotFound, SyncDataDamaged):
        return False
    return document.get("device") == device and document.get("seq") == seq


def put_back_own_batches(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    wanted: set[int],
    own_head: dict[str, Any] | None,
) -> list[int]:
    """Put back this PC's settled batches the bucket lacks (or that others could not
    open); returns their numbers. A batch this PC has no copy of is logged and left.

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
    for seq in sorted(wanted - redo):
        if 0 < seq < next_seq and not _opens(
            store, keys, batch_key(store, keys, ws.device_id, seq), ws.device_id, seq
        ):
            redo.add(seq)
    if not redo:
        return []
    with ws.vault.read_session() as session:
        copies = {
            row.seq: row.document
            for row in session.scalars(
                select(SyncSentBatch).where(SyncSentBatch.seq.in_(sorted(redo)))
            )
        }
    done: list[int] = []
    for seq in sorted(redo):
        document = copies.get(seq)
        if document is None:
            log.warning("Sync: batch %d of this PC is lost and no copy is kept here", seq)
            continue
        name = batch_key(store, keys, ws.device_id, seq)
        store.put(name, seal_json(keys.ops, document, name=name))
        done.append(seq)
    if done:
        log.warning("Sync: %d batch(es) of this PC were missing or damaged; put back", len(done))
    return done
