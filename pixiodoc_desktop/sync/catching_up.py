"""Whether this workstation is still catching up with the clinic: a new PC that joined
from a snapshot is usable once the directory stage is in (clinicians, patients with
their search words, patient keys, grants), and later rounds apply the snapshot's other
parts, each its own transaction (snapshot_take.py). The GUI calls `catching_up` after
every round (one small read) to show "n of m parts" and to run the next round soon."""

from __future__ import annotations

from dataclasses import dataclass

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.snapshots import TAKING


@dataclass(frozen=True, slots=True)
class CatchingUp:
    """`applied` of the `total` parts (chunks) of the snapshot being taken are in."""

    applied: int
    total: int

    @property
    def remaining(self) -> int:
        return max(self.total - self.applied, 0)


def catching_up(ws: Workstation) -> CatchingUp | None:
    """The snapshot parts still arriving; None when nothing is (joined, or replaying)."""
    with ws.vault.read_session() as session:
        taking = state.get(session, TAKING)
    if taking is None:
        return None
    if not isinstance(taking, dict):  # written by an older version: the count is not known
        return CatchingUp(0, 0)
    return CatchingUp(int(taking.get("applied") or 0), int(taking.get("total") or 0))
