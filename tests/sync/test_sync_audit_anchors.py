"""A key holder who cuts or rewrites a PC's audit chain, MACs and tip recomputed so that the
chain alone verifies, is caught by what the other PCs saw of it: the next round fails typed
and audited, and `audit verify` fails from then on, also offline (issue 14)."""

from __future__ import annotations

import hashlib
import hmac
import io

import pytest
from sqlalchemy import delete, select

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.audit.log import AuditLog
from pixiodoc_desktop.errors import SyncAuditMismatch
from pixiodoc_desktop.vault.schema import AuditEvent
from tests.sync.sync_support import LOGIN, PASSWORD, ClinicNet, Station


def rewrite_own_chain(station: Station, *, cut_after: int | None = None) -> None:
    """What anyone with a clinician password can do: drop the tail (or edit an event) and
    recompute every hash, MAC and the sealed tip, so that the chain verifies by itself."""
    ws = station.ws
    key = ws.vault.keys.audit
    with ws.vault.write_session() as session, session.begin():
        mine = AuditEvent.device_id == ws.device_id
        if cut_after is not None:
            session.execute(delete(AuditEvent).where(mine, AuditEvent.seq > cut_after))
        events = list(session.scalars(select(AuditEvent).where(mine).order_by(AuditEvent.seq)))
        if cut_after is None:
            events[1].details = {**events[1].details, "quietly": "changed"}
        prev = audit.GENESIS
        for event in events:
            event.prev_hash = prev
            event.hash = audit.event_hash(event)
            event.mac = hmac.new(key, event.hash, hashlib.sha256).digest()
            prev = event.hash
        audit.record_tip(
            session, device_id=ws.device_id, audit_key=key, seq=events[-1].seq, digest=prev
        )


def own_chain_verifies(station: Station) -> bool:
    with station.ws.vault.read_session() as session:
        return audit.verify_chain(session, station.ws.vault.keys.audit) == []


def synced_pair(clinic: ClinicNet) -> tuple[Station, Station]:
    front = clinic.first()
    for name in ("Anker", "Boje", "Kette"):
        front.services.patients.create(front.actor, family_name=name)
    front.sync()
    room = clinic.join("exam-room", via=front)
    clinic.settle()
    return front, room


@pytest.mark.parametrize("tamper", ["cut the tail", "rewrite an event"])
def test_a_recomputed_chain_is_caught_by_the_other_pcs_anchor(
    clinic: ClinicNet,
    tamper: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    front, _room = synced_pair(clinic)
    with front.ws.vault.read_session() as session:
        newest = session.scalar(
            select(AuditEvent.seq)
            .where(AuditEvent.device_id == front.ws.device_id)
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        )
    assert newest is not None and newest > 5
    rewrite_own_chain(front, cut_after=2 if tamper == "cut the tail" else None)
    assert own_chain_verifies(front)  # the chain alone cannot tell

    with pytest.raises(SyncAuditMismatch) as caught:
        front.sync()
    assert caught.value.device == front.ws.device_id
    with front.ws.vault.read_session() as session:
        (alert,) = session.scalars(
            select(AuditEvent).where(
                AuditEvent.event_type == str(audit.EventType.SECURITY_ALERT),
                AuditEvent.device_id == front.ws.device_id,
            )
        ).all()
    assert alert.details["check"] == "audit anchors"
    assert alert.details["device"] == front.ws.device_id
    front.sync()  # reported once per fault; the round itself goes on working
    faults, _count = AuditLog(front.ws).verify(front.actor)
    assert faults and faults[0].device_id == front.ws.device_id

    front.close()  # offline now: audit verify still fails from the anchor kept
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    code = cli.main(["audit", "verify", "--vault", str(front.folder), "--user", LOGIN,
                     "--password-stdin"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1 and "BROKEN" in out
    assert "saw it reach" in out or "differs from what" in out


def test_an_untouched_clinic_verifies_with_its_anchors(clinic: ClinicNet) -> None:
    front, room = synced_pair(clinic)
    clinic.settle()
    for station in (front, room):
        faults, _count = AuditLog(station.ws).verify(station.actor)
        assert faults == [], station.name
