"""Erasing a patient revokes the patient's secure links, against a real SeaweedFS.

At once when the erasing PC reaches the bucket (`pixiodoc patient erase`), else
at the next round of any PC of the clinic: the link's package and reply slot
are deleted, its page (the presigned URL the colleague holds) says "revoked",
and the erasure's audit names the links.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import urllib.request

import pytest
from vault_support import synthetic_jpeg

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.safekeeping.erasure import erase_patient
from pixiodoc_desktop.sharing import ledger
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.sharing.rounds import tend_before_round, tend_links
from pixiodoc_desktop.vault.schema import AuditEvent
from tests.sync.sync_support import LOGIN, PASSWORD, ClinicNet, Station

FAMILY = "Lindqvist"


def _patient(station: Station, family: str = FAMILY) -> str:
    services, actor = station.services, station.actor
    patient = services.patients.create(actor, family_name=family, given_name="Maren")
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    for seed in (11, 12):
        services.photos.ingest(
            actor,
            synthetic_jpeg(seed, size=(320, 240)),
            CaptureContext(patient.id, visit_date=dt.date(2025, 5, seed), body_site="face"),
            source_name=f"IMG_{seed}.jpg",
        )
    return patient.id


def _page_state(url: str) -> str:
    page = urllib.request.urlopen(url.split("#")[0]).read().decode()  # noqa: S310 (loopback)
    start = page.index('id="link-config">') + len('id="link-config">')
    config = json.loads(page[start : page.index("</script>", start)])
    assert FAMILY not in page
    return str(config["state"])


def _audit(station: Station, kind: str) -> list[AuditEvent]:
    with station.ws.read_session() as session:
        return [
            e for e in session.query(AuditEvent).order_by(AuditEvent.seq) if e.event_type == kind
        ]


def test_erasing_on_the_command_line_revokes_the_patients_links_at_once(
    clinic: ClinicNet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    station = clinic.first()
    patient_id = _patient(station)
    other_id = _patient(station, "Olsen")
    links = ShareLinks(station.ws, station.store)
    viewed = links.create(station.actor, patient_id)
    replied = links.create(station.actor, patient_id, reply=True)
    kept = links.create(station.actor, other_id)
    folders = {
        made.id: record.folder
        for made in (viewed, replied, kept)
        if (record := ledger.load(station.ws.vault, made.id)) is not None
    }
    pages = {r.id: r.page for r in ledger.all_links(station.ws.vault)}
    assert len(clinic.weed.all_objects(folders[replied.id])) > 1
    station.close()

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    user = ["--vault", str(station.folder), "--user", LOGIN, "--password-stdin"]
    code = cli.main(["patient", "erase", *user, "--patient", patient_id, "--confirm", FAMILY])
    out = capsys.readouterr().out
    assert code == 0 and "2 secure links of the patient revoked" in out

    # The bucket: of the erased patient's links only their pages remain, saying "revoked".
    for made in (viewed, replied):
        left = clinic.weed.all_objects(folders[made.id])
        assert [key for key, _ in left] == [pages[made.id]]
        assert _page_state(made.url) == "revoked"
    assert len(clinic.weed.all_objects(folders[kept.id])) > 1
    assert _page_state(kept.url) == "live"

    again = clinic._open("front-desk-again", station.folder)
    states = {r.id: r.state for r in ledger.all_links(again.ws.vault)}
    assert states == {viewed.id: "revoked", replied.id: "revoked", kept.id: "live"}
    (erased,) = _audit(again, "PATIENT_ERASED")
    assert sorted(erased.details["secure links revoked"]) == sorted([viewed.id, replied.id])
    revoked = [e for e in _audit(again, "ACCESS_REVOKED") if e.object_type == "secure link"]
    assert sorted(e.object_id for e in revoked) == sorted([viewed.id, replied.id])
    assert {e.details["reason"] for e in revoked} == {"patient erased"}
    assert tend_links(again.ws, again.store, again.actor).expired == 0  # nothing left to do


def test_erased_while_offline_the_next_round_of_any_pc_revokes_the_links(
    clinic: ClinicNet,
) -> None:
    station = clinic.first()
    patient_id = _patient(station)
    made = ShareLinks(station.ws, station.store).create(station.actor, patient_id, reply=True)
    record = ledger.load(station.ws.vault, made.id)
    assert record is not None
    station.sync()
    other = clinic.join("consult-room", via=station)
    clinic.settle([station, other])

    # Erased on the PC that made the link, the bucket out of reach: the link waits.
    erase_patient(station.ws, station.actor, patient_id, FAMILY)
    offline = clinic.store(endpoint="http://127.0.0.1:9")
    tend_before_round(station.ws, offline, station.actor)
    assert ledger.load(station.ws.vault, made.id).state == "erased"  # type: ignore[union-attr]
    assert _page_state(made.url) == "live"

    # Its change reaches the other PC, whose next round closes the link.
    station.sync()
    other.sync()
    tend_links(other.ws, other.store, other.actor)
    assert [key for key, _ in clinic.weed.all_objects(record.folder)] == [record.page]
    assert _page_state(made.url) == "revoked"
    clinic.settle([station, other])
    back = ledger.load(station.ws.vault, made.id)
    assert back is not None and back.state == "revoked"
