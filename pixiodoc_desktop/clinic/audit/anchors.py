"""Anchors: what this PC, and the other PCs of the clinic, have seen of each audit chain.

Anyone who can log in can recompute a chain, its MACs and its tip (the audit
key comes from the workspace key), so the chain alone cannot prove that a
key holder did not rewrite or cut it. Sync publishes every device's
(seq, hash) in its head object and every PC keeps, per device and per
witness, the newest pair it was told (`record`). A chain that no longer holds
an event a witness saw, or holds a different one, is a fault (`faults`), for
`audit verify` and for the sync round alike:

- a different hash at the same seq is always a fault;
- a chain shorter than an anchor is a fault for this PC's own chain (others
  saw those events, so they were written here) and for any chain whose
  anchor this PC itself recorded (it held those events); a shorter replica of
  another PC's chain that only another witness vouches for is sync not having
  brought the events yet;
- an anchor older than a retention checkpoint is compared with the checkpoint
  when their seqs meet, and otherwise passed over (the events were purged).

Stored as settings `audit_anchors:<device>` = {witness: "seq:hash:mac"}; the
MAC (audit key) catches a careless edit, not a key holder: what catches a key
holder is the other PCs, which keep their own anchors and compare at every round.
"""

from __future__ import annotations

import hashlib
import hmac
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit.chain import ChainFault

__all__ = ["ChainFault", "faults", "record", "reseal"]
from pixiodoc_desktop.vault.schema import AuditEvent, Setting

_PREFIX = "audit_anchors:"


def _seal(audit_key: bytes, device: str, witness: str, seq: int, digest: bytes) -> str:
    message = f"anchor:{device}:{witness}:{seq}:{digest.hex()}".encode()
    mac = hmac.new(audit_key, message, hashlib.sha256).hexdigest()
    return f"{seq}:{digest.hex()}:{mac}"


def _stored(session: Session, device: str) -> dict[str, str]:
    row = session.get(Setting, _PREFIX + device)
    if row is None:
        return {}
    try:
        value = json.loads(row.value)
    except ValueError:
        return {"?": "altered"}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def record(
    session: Session,
    audit_key: bytes,
    device: str,
    seq: int,
    digest: bytes,
    *,
    witness: str | None = None,
) -> None:
    """Keep (device, seq, hash) as seen by `witness` (None: this PC) unless an anchor
    of a higher seq from the same witness is already kept."""
    local = session.get(Setting, "device_id")
    who = witness or (local.value if local is not None else "local")
    anchors = _stored(session, device)
    old = anchors.get(who)
    if old is not None:
        try:
            if int(old.split(":", 1)[0]) > seq:
                return
        except ValueError:
            pass
    anchors[who] = _seal(audit_key, device, who, seq, digest)
    value = json.dumps(anchors, sort_keys=True)
    row = session.get(Setting, _PREFIX + device)
    if row is None:
        session.add(Setting(key=_PREFIX + device, value=value))
    else:
        row.value = value
    session.flush()


def reseal(session: Session, *, old_key: bytes, new_key: bytes) -> None:
    """Re-MAC every anchor under a new audit key (a workspace-key rotation); an anchor
    whose MAC fails under the old key stays as it is, so it is still reported."""
    for row in session.scalars(select(Setting).where(Setting.key.like(_PREFIX + "%"))).all():
        device = row.key[len(_PREFIX) :]
        anchors = _stored(session, device)
        for witness, value in anchors.items():
            parts = value.split(":")
            try:
                seq, digest = int(parts[0]), bytes.fromhex(parts[1])
            except (ValueError, IndexError):
                continue
            if hmac.compare_digest(_seal(old_key, device, witness, seq, digest), value):
                anchors[witness] = _seal(new_key, device, witness, seq, digest)
        row.value = json.dumps(anchors, sort_keys=True)


def _checkpoint(session: Session, device: str) -> tuple[int, str] | None:
    row = session.get(Setting, f"audit_checkpoint:{device}")
    if row is None:
        return None
    parts = row.value.split(":")
    try:
        return int(parts[0]), parts[1]
    except (ValueError, IndexError):
        return None


def faults(session: Session, audit_key: bytes) -> list[ChainFault]:
    """Each device whose chain here is shorter than, or differs from, an anchor."""
    local_row = session.get(Setting, "device_id")
    local = local_row.value if local_row is not None else ""
    found: list[ChainFault] = []
    rows = session.scalars(select(Setting).where(Setting.key.like(_PREFIX + "%"))).all()
    for row in sorted(rows, key=lambda r: r.key):
        device = row.key[len(_PREFIX) :]
        fault = _device_fault(session, audit_key, device, _stored(session, device), local)
        if fault is not None:
            found.append(fault)
    return found


def _device_fault(
    session: Session, audit_key: bytes, device: str, anchors: dict[str, str], local: str
) -> ChainFault | None:
    newest = session.scalar(
        select(AuditEvent.seq)
        .where(AuditEvent.device_id == device)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )
    checkpoint = _checkpoint(session, device)
    for witness, value in sorted(anchors.items()):
        parts = value.split(":")
        try:
            seq, digest = int(parts[0]), bytes.fromhex(parts[1])
        except (ValueError, IndexError):
            return ChainFault(device, 0, None, "an anchor of this chain was altered")
        if not hmac.compare_digest(_seal(audit_key, device, witness, seq, digest), value):
            return ChainFault(device, seq, None, "an anchor of this chain was altered")
        who = "this workstation" if witness == local else f"workstation {witness[:8]}"
        held = session.scalar(
            select(AuditEvent.hash).where(AuditEvent.device_id == device, AuditEvent.seq == seq)
        )
        if held is not None:
            if bytes(held) != digest:
                return ChainFault(device, seq, None, f"differs from what {who} saw (rewritten)")
            continue
        if checkpoint is not None and seq <= checkpoint[0]:
            if seq == checkpoint[0] and checkpoint[1] != digest.hex():
                return ChainFault(device, seq, None, f"differs from what {who} saw (rewritten)")
            continue  # purged by retention
        if device == local or witness == local:
            return ChainFault(
                device,
                seq,
                None,
                f"the chain ends at {newest or 0} but {who} saw it reach {seq} "
                "(events removed or rolled back)",
            )
    return None
