"""A workstation's sync history written straight into the bucket, as its pushes would
have left it, for a vault whose rows were written without sync (scale.py's group).

Pushing 2.4 million records through `sync_once` would take hours: the outbox rows,
the per-batch bookkeeping. What a joiner meets in the bucket is the same either
way: numbered op batches under the writer's prefix, each one sealed by
`crypto.seal_json` under its name (`push.batch_key`), naming the batch before it
by `links.link_of`. This module makes exactly those, from the vault's rows:

* the directory ops (clinicians, patient keys, clinic settings) are recorded by
  the real `directory.capture_local_changes`, as a push records them;
* every record becomes one upsert with all its fields, as `UnitOfWork` records a
  new record (dates and times ISO, bytes hex), stamped by the PC's hybrid clock;
* ops go out `push.MAX_OPS_PER_BATCH` to a batch; the last batch carries the PC's
  audit events so far;
* the writer's bookkeeping is what `push._settle` leaves: field clocks per record
  (`sync_clocks`), the next batch number, the audit events pushed, the highest
  clock, and the copy of its newest batch (so its head names that batch's link).
  Copies of older batches are not kept (a real PC keeps every one).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import delete, func, insert, select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import audit_row_json
from pixiodoc_desktop.sync.crypto import SyncKeys, seal_json
from pixiodoc_desktop.sync.directory import capture_local_changes
from pixiodoc_desktop.sync.links import link_of
from pixiodoc_desktop.sync.ops import Op, core_table, record_models
from pixiodoc_desktop.sync.push import MAX_OPS_PER_BATCH, batch_key
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import AuditEvent, OutboxOperation, SyncClock, SyncSentBatch

# Tables in the order a clinic fills them (a patient before its visits, a visit before
# its photos); any other record table with rows follows.
ORDER = ("patients", "grants", "visits", "lesions", "photos")
READ_CHUNK = 20_000


def _plain(value: Any) -> Any:
    """A column value as `UnitOfWork` puts it into an op (workstation._json_value)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _directory_ops(ws: Workstation) -> list[Op]:
    """Clinicians, patient keys and settings, recorded by the real push code, then
    taken out of the outbox as a settled push does."""
    with ws.vault.write_session() as session, session.begin():
        capture_local_changes(ws, session)
        session.flush()
        rows = session.scalars(select(OutboxOperation).order_by(OutboxOperation.id)).all()
        ops = [Op(r.entity, r.entity_id, r.operation, dict(r.fields), r.hlc) for r in rows]
        session.execute(delete(OutboxOperation))
    return ops


def _record_ops(ws: Workstation) -> Iterator[Op]:
    models = record_models()
    names = [n for n in ORDER if n in models] + sorted(set(models) - set(ORDER))
    for name in names:
        table = models[name].__table__
        columns = [c.name for c in table.columns]  # type: ignore[attr-defined]
        last = ""
        while True:  # paged by id: one read transaction at a time, memory flat
            with ws.vault.read_session() as session:
                rows = session.execute(
                    select(table)
                    .where(table.c.id > last)  # type: ignore[attr-defined]
                    .order_by(table.c.id)  # type: ignore[attr-defined]
                    .limit(READ_CHUNK)
                ).all()
            if not rows:
                break
            for row in rows:
                fields = {c: _plain(v) for c, v in zip(columns, row, strict=True)}
                yield Op(name, str(fields["id"]), "upsert", fields, ws.clock.now())
            last = str(rows[-1].id)


def _batches(ops: Iterator[Op]) -> Iterator[list[Op]]:
    batch: list[Op] = []
    for op in ops:
        batch.append(op)
        if len(batch) >= MAX_OPS_PER_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _clock_rows(ops: list[Op]) -> list[dict[str, Any]]:
    """What `push._settle` records per op of a first push (one op per record)."""
    return [
        {
            "entity": op.entity,
            "entity_id": op.entity_id,
            "clocks": {n: op.hlc for n in op.fields if n != "id"},
            "deleted_hlc": None,
        }
        for op in ops
    ]


def write_history(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    log: Callable[[str], None] = lambda _m: None,
) -> dict[str, int]:
    """Seal and put this PC's whole history; returns counts (batches, ops, bytes)."""
    device = ws.device_id
    with ws.vault.read_session() as session:
        if int(state.get(session, state.NEXT_SEQ) or 1) != 1:
            raise RuntimeError("this PC has pushed before: its history is in the bucket")
        audit_to = int(
            session.scalar(select(func.max(AuditEvent.seq)).where(AuditEvent.device_id == device))
            or 0
        )

    def stream() -> Iterator[Op]:
        yield from _directory_ops(ws)
        yield from _record_ops(ws)

    counts = {"batches": 0, "ops": 0, "bytes": 0}
    prev = ""  # batch 1 names "" (links.own_link(0))
    high = ""
    pending: list[Any] = []
    document: dict[str, Any] = {}
    with ThreadPoolExecutor(4, thread_name_prefix="history-put") as pool:
        batches = _batches(stream())
        batch = next(batches, None)
        seq = 0
        while batch is not None:
            following = next(batches, None)
            seq += 1
            audit: list[dict[str, Any]] = []
            if following is None and audit_to:  # the last batch: the audit trail so far
                with ws.vault.read_session() as session:
                    events = session.scalars(
                        select(AuditEvent)
                        .where(AuditEvent.device_id == device, AuditEvent.seq <= audit_to)
                        .order_by(AuditEvent.seq)
                    ).all()
                    audit = [audit_row_json(e) for e in events]
            document = {
                "format": 1,
                "device": device,
                "seq": seq,
                "ops": [op.to_json() for op in batch],
                "audit": audit,
                "prev": prev,
            }
            prev = link_of(document)
            name = batch_key(store, keys, device, seq)
            sealed = seal_json(keys.ops, document, name=name)
            counts["bytes"] += len(sealed)
            pending.append(pool.submit(store.put, name, sealed, if_absent=True))
            with ws.vault.write_session() as session, session.begin():
                session.execute(insert(core_table(SyncClock)), _clock_rows(batch))
            counts["batches"] += 1
            counts["ops"] += len(batch)
            high = max(high, batch[-1].hlc)
            if seq % 10 == 0:
                log(f"  batch {seq}: {counts['ops']:,} ops, {counts['bytes'] / 1e6:.0f} MB sealed")
            while len(pending) > 8:  # backpressure: sealed batches wait in memory
                pending.pop(0).result()
            batch = following
        for done in pending:
            done.result()
    with ws.vault.write_session() as session, session.begin():
        session.merge(SyncSentBatch(seq=seq, document=json.loads(json.dumps(document))))
        state.put(session, state.NEXT_SEQ, seq + 1)
        state.put(session, state.AUDIT_PUSHED, audit_to)
        state.put(session, state.HLC_HIGH, high)
    return counts
