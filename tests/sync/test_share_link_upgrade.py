"""Links made before the upgrade reach the clinic's other PCs.

Migration 0014 moved each PC's links from its settings into the synced table,
writing the rows directly: no outbox operation, no sync clock. The next sync
round queues them whole, so the other PCs list them (and can revoke them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.sharing import ledger
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.sharing.rounds import tend_links
from pixiodoc_desktop.vault.schema import OutboxOperation
from tests.sync.sync_support import ClinicNet


def test_a_link_moved_in_by_the_upgrade_goes_out_at_the_next_round(clinic: ClinicNet) -> None:
    station = clinic.first()
    services, actor = station.services, station.actor
    patient = services.patients.create(actor, family_name="Vesterby")
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    services.photos.ingest(
        actor,
        synthetic_jpeg(21, size=(320, 240)),
        CaptureContext(patient.id, visit_date=dt.date(2025, 3, 3), body_site="upper-back"),
        source_name="IMG_21.jpg",
    )
    made = ShareLinks(station.ws, station.store).create(actor, patient.id, reply=True)
    # As migration 0014 leaves a link it moved: the row, and nothing queued for sync.
    with station.ws.vault.write_session() as session, session.begin():
        session.execute(delete(OutboxOperation).where(OutboxOperation.entity == "share_links"))
    station.sync()
    other = clinic.join("consult-room", via=station)
    clinic.settle([station, other])
    assert ledger.load(other.ws.vault, made.id) is None  # the gap: the other PC never hears

    tend_links(station.ws, station.store, actor)  # the next round, as `pixiodoc sync` runs it
    clinic.settle([station, other])
    there = ledger.load(other.ws.vault, made.id)
    assert there is not None and (there.state, there.level) == ("live", "reply")
    assert there.device_id == station.ws.device_id
    assert [r.id for r in ShareLinks(other.ws, other.store).links(other.actor)] == [made.id]
    ShareLinks(other.ws, other.store).revoke(other.actor, made.id)
    clinic.settle([station, other])
    assert ledger.load(station.ws.vault, made.id).state == "revoked"  # type: ignore[union-attr]
    # Queued once: later rounds find nothing more to send.
    assert ledger.queue_unsent(station.ws, actor) == []
