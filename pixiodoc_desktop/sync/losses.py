"""An Admin accepts a batch as lost for good: the one way past a gap nobody can fill.

A batch missing from the bucket (or one that breaks its chain) stops every PC
that lacks it until its writer puts it back (repair.py). When the writer is
gone for good (retired, its disk lost) nobody can; the gap stays a typed error
on every PC that has not got the batch. An Admin then says so, explicitly, for
that device and that batch (`pixiodoc sync accept-loss`, or the GUI's sync
status): audited (SECURITY_SETTING_CHANGED, details name the device and
batch), kept in `sync_state` and published in this PC's head, so every other
PC adopts it at its next round (audited there too, with the PC it came from).

After that each PC passes over that number of that device (missing, damaged,
or breaking its chain: pull.py), and every PC that had applied the batch
before it was lost sends that device's records again with its clocks
(resend.py), so the PCs that never got it converge with those that did.
Only the batch's audit events cannot come back: the other PCs' copies of that
device's audit trail stop at the gap (its events stay on the PCs that had them).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PermissionDenied, SyncLossNotPending
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.heads import MISSING
from pixiodoc_desktop.sync.resend import queue_for
from pixiodoc_desktop.vault.schema import SyncCursor

log = logging.getLogger(__name__)

RESENT = "losses_resent"  # sync_state: ["device:seq"] this PC has sent records again for
SETTING = "sync batch accepted as lost"


def accepted(ws: Workstation) -> dict[str, set[int]]:
    with ws.vault.read_session() as session:
        return _accepted(session)


def _accepted(session: Any) -> dict[str, set[int]]:
    raw = state.get(session, state.ACCEPTED_LOSSES) or {}
    return {str(d): {int(s) for s in seqs} for d, seqs in raw.items() if isinstance(seqs, list)}


def _keep(session: Any, losses: dict[str, set[int]]) -> None:
    state.put(session, state.ACCEPTED_LOSSES, {d: sorted(s) for d, s in sorted(losses.items())})


def accept_loss(ws: Workstation, actor: Actor, device: str, batch: int) -> str:
    """Accept batch `batch` of `device` (its id, or the first 8 characters sync status
    shows) as lost; returns the device's full id. Only what this PC reports missing now
    can be accepted; only a practice Admin may."""
    if not actor.is_workspace_admin:
        raise PermissionDenied("Only a practice Admin may accept lost changes.")
    with ws.vault.write_session() as session, session.begin():
        missing = {str(d): int(s) for d, s in (state.get(session, MISSING) or {}).items()}
        found = [d for d in missing if d == device or (len(device) >= 8 and d.startswith(device))]
        if len(found) != 1 or missing[found[0]] != batch:
            raise SyncLossNotPending(device[:8], batch)
        full = found[0]
        losses = _accepted(session)
        losses.setdefault(full, set()).add(batch)
        _keep(session, losses)
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.SECURITY_SETTING_CHANGED,
            actor.user_id,
            details={"setting": SETTING, "device": full, "batch": batch},
        )
    )
    log.warning("Sync: batch %d of device %s accepted as lost by an Admin", batch, full[:8])
    return full


def adopt(ws: Workstation, heads: dict[str, dict[str, Any]], actor_id: str | None) -> None:
    """Take the losses other PCs' Admins accepted (from their heads), audited; then send
    again the records of each such device this PC applied the lost batch of."""
    new: list[tuple[str, int, str]] = []
    if not any(isinstance(h.get("accepted"), dict) and h["accepted"] for h in heads.values()):
        with ws.vault.read_session() as session:
            if not state.get(session, state.ACCEPTED_LOSSES):
                return  # the usual round: nothing was ever accepted
    with ws.vault.write_session() as session, session.begin():
        losses = _accepted(session)
        for witness, head in sorted(heads.items()):
            if witness == ws.device_id or not isinstance(head.get("accepted"), dict):
                continue
            for device, seqs in head["accepted"].items():
                for seq in seqs if isinstance(seqs, list) else []:
                    if isinstance(seq, int) and seq not in losses.get(str(device), set()):
                        losses.setdefault(str(device), set()).add(seq)
                        new.append((str(device), seq, witness))
        if new:
            _keep(session, losses)
        cursors = {c.device_id: c.last_seq for c in session.scalars(select(SyncCursor))}
        done = set(state.get(session, RESENT) or [])
        held = [
            (device, seq)
            for device, seqs in losses.items()
            for seq in seqs
            if f"{device}:{seq}" not in done and device != ws.device_id
        ]
        if held:
            state.put(session, RESENT, sorted(done | {f"{d}:{s}" for d, s in held}))
    for device, seq, witness in new:
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SECURITY_SETTING_CHANGED,
                actor_id,
                details={
                    "setting": SETTING,
                    "device": device,
                    "batch": seq,
                    "accepted_on": witness,
                },
            )
        )
    for device in sorted({d for d, s in held if cursors.get(d, 0) >= s}):
        sent = queue_for(ws, device)  # this PC has the lost batch's records: they go out again
        log.warning("Sync: %d records of device %s sent again after a loss", sent, device[:8])
