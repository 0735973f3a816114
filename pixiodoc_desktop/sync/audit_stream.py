"""Audit events travel in the op batches and are appended, never edited, to their
own device's chain on every workstation, so `audit verify` stays green everywhere."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from pixiodoc_desktop.vault.schema import (
    AuditEvent,
    Setting,
)

log = logging.getLogger(__name__)


def audit_row_json(event: AuditEvent) -> dict[str, Any]:
    return {
        "device_id": event.device_id,
        "seq": event.seq,
        "at": event.at.isoformat(timespec="microseconds"),
        "event_type": event.event_type,
        "actor_id": event.actor_id,
        "patient_id": event.patient_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": event.outcome,
        "details": event.details,
        "prev_hash": bytes(event.prev_hash).hex(),
        "hash": bytes(event.hash).hex(),
        "mac": bytes(event.mac).hex(),
    }


def apply_audit(session: Session, device_id: str, rows: Iterable[dict[str, Any]]) -> int:
    """Append another device's events to its own chain here (a union: never edited)."""
    tip_key = f"audit_tip:{device_id}"
    tip = session.get(Setting, tip_key)
    last = int(tip.value.split(":", 1)[0]) if tip else 0
    added = 0
    new_tip: str | None = None
    for raw in sorted(rows, key=lambda r: int(r["seq"])):
        seq = int(raw["seq"])
        if raw["device_id"] != device_id or seq <= last:
            continue
        if seq != last + 1:
            log.warning("Sync: audit events of a device arrived with a gap; waiting")
            break
        session.add(
            AuditEvent(
                device_id=device_id,
                seq=seq,
                at=dt.datetime.fromisoformat(raw["at"]),
                event_type=raw["event_type"],
                actor_id=raw["actor_id"],
                patient_id=raw["patient_id"],
                object_type=raw["object_type"],
                object_id=raw["object_id"],
                outcome=raw["outcome"],
                details=raw["details"] or {},
                prev_hash=bytes.fromhex(raw["prev_hash"]),
                hash=bytes.fromhex(raw["hash"]),
                mac=bytes.fromhex(raw["mac"]),
            )
        )
        last = seq
        new_tip = f"{seq}:{raw['hash']}"
        added += 1
    if new_tip is not None:
        if tip is None:
            session.add(Setting(key=tip_key, value=new_tip))
        else:
            tip.value = new_tip
    session.flush()
    return added
