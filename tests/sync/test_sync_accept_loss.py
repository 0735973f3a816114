"""A batch lost for good (deleted from a real SeaweedFS bucket, its workstation retired so
nobody can put it back) stays a typed, audited error on every PC that lacks it, round
after round, until an Admin accepts the loss by name (`pixiodoc sync accept-loss`):
audited, passed on through the heads, and the clinic converges, the lost batch's
records coming back from the PC that had them (issue 14)."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

import pytest
from sqlalchemy import select

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.errors import PermissionDenied, SyncBatchMissing
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_status
from pixiodoc_desktop.sync.losses import accept_loss
from pixiodoc_desktop.vault.schema import AuditEvent
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.bucket_faults import batch_name, delete, last_batch
from tests.sync.sync_support import LOGIN, PASSWORD, ClinicNet, Station


def names(station: Station) -> set[str]:
    return {p.family_name for p in station.services.patients.search(station.actor, "")}


def settings_changed(station: Station) -> list[dict[str, Any]]:
    with station.ws.vault.read_session() as session:
        return [
            dict(e.details)
            for e in session.scalars(
                select(AuditEvent).where(
                    AuditEvent.device_id == station.ws.device_id,
                    AuditEvent.event_type == str(audit.EventType.SECURITY_SETTING_CHANGED),
                )
            )
            if e.details.get("setting") == "sync batch accepted as lost"
        ]


def records(station: Station) -> dict[str, Any]:
    return {k: v for k, v in canonical_dump(station.ws).items() if k != "audit_events"}


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            *argv: str) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_batch_lost_for_good_is_accepted_by_an_admin_and_the_clinic_converges(
    clinic: ClinicNet,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    lab = clinic.join("lab", via=front)
    clinic.settle()
    front.services.patients.create(front.actor, family_name="Verloren")
    front.sync()
    lost = last_batch(front)
    lab.sync()  # the lab got the batch before it was lost
    front.services.patients.create(front.actor, family_name="Danach")
    front.sync()
    delete(clinic, batch_name(front, lost))
    device = front.ws.device_id
    front.close()  # the front desk PC is retired: nobody can put its batch back
    clinic.stations.remove(front)

    for _round in range(2):  # no silent round, and no one repairs it
        with pytest.raises(SyncBatchMissing) as caught:
            room.sync()
        assert caught.value.missing == {device: lost}
    assert not names(room) & {"Verloren", "Danach"}

    # a clinician who is not an Admin may not accept it
    with pytest.raises(PermissionDenied):
        accept_loss(room.ws, dataclasses.replace(room.actor, role="clinician"), device, lost)
    room.close()
    user = ["--vault", str(room.folder), "--user", LOGIN, "--password-stdin"]
    code, _out, err = run_cli(monkeypatch, capsys, "sync", "accept-loss", *user,
                              "--device", device[:8], "--batch", str(lost + 1))  # fmt: skip
    assert code == 1 and "no missing batch" in err and err.count("\n") == 1
    code, out, _err = run_cli(monkeypatch, capsys, "sync", "accept-loss", *user,
                              "--device", device[:8], "--batch", str(lost))  # fmt: skip
    assert code == 0 and f"batch {lost} of workstation {device[:8]}" in out
    code, out, _err = run_cli(monkeypatch, capsys, "sync", "status", *user, "--json")
    assert json.loads(out)["accepted_losses"] == {device: [lost]}

    ws, actor = log_in(Vault.open(room.folder), LOGIN, PASSWORD)
    room = Station("exam-room", room.folder, ws, actor, clinic.store())
    clinic.stations = [s for s in clinic.stations if s.name != "exam-room"] + [room]
    assert settings_changed(room)[-1] == {
        "setting": "sync batch accepted as lost",
        "device": device,
        "batch": lost,
    }
    room.sync()  # passes over the lost batch, takes the one after it
    assert "Danach" in names(room)
    lab.sync()  # adopts the loss from the room's head (audited) and sends its records again
    assert settings_changed(lab)[-1]["accepted_on"] == room.ws.device_id
    room.sync()
    assert {"Verloren", "Danach"} <= names(room)
    clinic.settle([room, lab])
    assert records(room) == records(lab)
    assert sync_status(room.ws).missing_batches == {}
