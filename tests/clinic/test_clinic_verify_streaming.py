"""`vault verify` at a clinic group's size: memory stays flat, progress is told, faults capped.

A vault of millions of photos must verify in the memory of a small one: the photo
rows are streamed, the stray-object check keeps its ids in an encrypted scratch
database, and a vault with millions of missing images keeps only the first
FAULTS_KEPT fault lines (plus a count). The rows here are copies of one real photo
row: the patients without a data key cost verify nothing per photo, the others name
objects that are not on disk (a fault each).
"""

from __future__ import annotations

import io
import json
import secrets
import tracemalloc
import uuid

import pytest
from sqlalchemy import delete, insert, select
from vault_support import LOGIN, PASSWORD, MadeVault, synthetic_jpeg

from pixiodoc_desktop import cli
from pixiodoc_desktop.cli.common import VerifyProgress
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.safekeeping import verify
from pixiodoc_desktop.clinic.safekeeping.verify import FAULTS_KEPT, VerifyReport, verify_vault
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.vault.schema import PatientKey, Photo
from pixiodoc_desktop.vault.stray_objects import SCRATCH_PREFIX
from pixiodoc_desktop.vault.vault import Vault

KEYLESS_PATIENTS = 8  # the Free plan keeps 10 patients


class Crowd:
    """One real photo, then many copies of its row: some under patients whose data key
    is gone (`keyless`), some under a patient with a key, naming objects not on disk."""

    def __init__(self, ws: Workstation, actor: Actor) -> None:
        services = ClinicServices.for_workstation(ws)
        self.ws = ws
        self.patient = services.patients.create(actor, family_name="Vielfoto")
        stored = services.photos.ingest(
            actor,
            synthetic_jpeg(7),
            CaptureContext(patient_id=self.patient.id),
            source_name="p.jpg",
        )
        self.keyless = [
            services.patients.create(actor, family_name=f"Ohneschlüssel {n}").id
            for n in range(KEYLESS_PATIENTS)
        ]
        with ws.vault.write_session() as session, session.begin():
            session.execute(delete(PatientKey).where(PatientKey.patient_id.in_(self.keyless)))
            self.template = dict(
                session.execute(select(Photo.__table__).where(Photo.id == stored.photo.id))
                .mappings()
                .one()
            )

    def add(self, *, keyless_each: int, missing: int) -> None:
        rows = [self._row(patient) for patient in self.keyless for _ in range(keyless_each)]
        rows += [self._row(self.patient.id) for _ in range(missing)]
        with self.ws.vault.write_session() as session, session.begin():
            session.execute(insert(Photo.__table__), rows)

    def _row(self, patient_id: str) -> dict[str, object]:
        return self.template | {
            "id": str(uuid.uuid4()),
            "patient_id": patient_id,
            "blob_id": secrets.token_hex(32),
            "thumbnail_blob_id": secrets.token_hex(32),
            "screen_blob_id": secrets.token_hex(32),
        }


def _verify_peak(ws: Workstation) -> tuple[VerifyReport, int]:
    """The report and the lower peak of two runs: a table the interpreter grows once
    (its interned strings, a cache) is not verify's memory and shows in one run only;
    rows or id sets held by verify show in both."""
    peaks = []
    for _run in range(2):
        tracemalloc.start()
        try:
            report = verify_vault(ws)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    return report, min(peaks)


def test_memory_stays_flat_when_the_vault_grows_fivefold(
    workstation: Workstation, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "DAMAGED_KEPT", 300)  # full in both runs, like the fault lines
    crowd = Crowd(workstation, actor)
    crowd.add(keyless_each=200, missing=400)
    verify_vault(workstation)  # warm: SQLAlchemy's statement cache, imports
    small, small_peak = _verify_peak(workstation)
    crowd.add(keyless_each=800, missing=1_600)
    large, large_peak = _verify_peak(workstation)

    assert small.photos_checked == 1 + KEYLESS_PATIENTS * 200 + 400
    assert large.photos_checked == 1 + KEYLESS_PATIENTS * 1_000 + 2_000
    # every missing object counted, only the first FAULTS_KEPT lines kept
    assert large.fault_count == KEYLESS_PATIENTS + 3 * 2_000
    assert (
        len(large.faults) == FAULTS_KEPT
        and large.faults_not_listed == large.fault_count - FAULTS_KEPT
    )
    assert large.damaged_count == 6_000 and len(large.damaged_objects) == 300
    # Holding every row and a set of every object id (what verify did before) grows by
    # megabytes here; streaming stays within the noise of one partition of rows.
    assert large_peak < small_peak * 1.3, (small_peak, large_peak)


def test_damaged_objects_are_capped_too(
    workstation: Workstation, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    Crowd(workstation, actor).add(keyless_each=0, missing=50)
    monkeypatch.setattr(verify, "DAMAGED_KEPT", 20)
    report = verify_vault(workstation)
    assert report.damaged_count == 150 and len(report.damaged_objects) == 20
    assert report.fault_count == 150 and not report.ok


def test_progress_counts_every_photo_up_to_the_total(
    services: ClinicServices, actor: Actor
) -> None:
    patients = [services.patients.create(actor, family_name=f"Fort {n}") for n in range(3)]
    for n in range(6):
        services.photos.ingest(
            actor,
            synthetic_jpeg(300 + n),
            CaptureContext(patient_id=patients[n % 3].id),
            source_name=f"{n}.jpg",
        )
    told: list[tuple[int, int, int]] = []
    report = verify_vault(services.workstation, progress=lambda *t: told.append(t))
    assert report.ok, report.faults
    assert [done for done, _total, _bytes in told] == [1, 2, 3, 4, 5, 6]
    assert {total for _done, total, _bytes in told} == {6}
    read = [b for _d, _t, b in told]
    assert read == sorted(read) and read[0] > 0
    blobs = services.workstation.vault.folder / "blobs"
    on_disk = sum(p.stat().st_size for p in blobs.rglob("*") if p.is_file())
    assert told[-1] == (6, 6, on_disk) and report.bytes_checked == on_disk


def test_the_scratch_list_of_objects_is_encrypted_and_gone_afterwards(
    services: ClinicServices, actor: Actor
) -> None:
    patient = services.patients.create(actor, family_name="Kratzer")
    photo = services.photos.ingest(
        actor, synthetic_jpeg(9), CaptureContext(patient_id=patient.id), source_name="k.jpg"
    ).photo
    folder = services.workstation.vault.folder
    seen: list[bytes] = []

    def look(_done: int, _total: int, _bytes: int) -> None:
        seen.extend(path.read_bytes() for path in folder.glob(f"{SCRATCH_PREFIX}*"))

    assert verify_vault(services.workstation, progress=look).ok
    assert seen, "the scratch database should exist while verify walks the photos"
    for content in seen:
        assert not content.startswith(b"SQLite format 3")
        assert photo.blob_id.encode() not in content and photo.blob_id[:12].encode() not in content
    assert not list(folder.glob(f"{SCRATCH_PREFIX}*"))


def test_cli_shows_progress_on_stderr_and_keeps_json_clean(
    made_vault: MadeVault,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, actor = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        Crowd(ws, actor).add(keyless_each=10, missing=400)
    finally:
        lock(ws, actor, logged_out=True)
    user = ["--vault", str(made_vault.folder), "--user", LOGIN, "--password-stdin"]

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli.main(["vault", "verify", *user, "--json"]) == 1
    out, err = capsys.readouterr()
    shown = json.loads(out)  # stdout is one JSON document, nothing else
    assert shown["ok"] is False and shown["fault_count"] == KEYLESS_PATIENTS + 1_200
    assert (
        len(shown["faults"]) == FAULTS_KEPT
        and shown["photos_checked"] == 1 + KEYLESS_PATIENTS * 10 + 400
    )
    assert "Verifying: 100.0%, 481 of 481 photos" in err

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli.main(["vault", "verify", *user]) == 1
    out, err = capsys.readouterr()
    assert out.count("FAULT: ") == FAULTS_KEPT
    assert f"... and {KEYLESS_PATIENTS + 1_200 - FAULTS_KEPT:,} more faults not listed" in out
    assert f"{KEYLESS_PATIENTS + 1_200:,} faults: 481 photos" in out
    assert "Verifying:" in err and "Verifying:" not in out


def test_a_terminal_sees_one_line_that_overwrites_itself() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    ticks = iter([0.0, 0.1, 0.3, 0.35, 0.6, 0.7])
    show = VerifyProgress(screen, clock=lambda: next(ticks))
    for done in range(1, 6):
        show(done, 5, done * 2_000_000)
    lines = screen.getvalue().split("\r\x1b[2K")[1:]
    assert [line.split(",")[0] for line in lines] == [
        "Verifying:  40.0%",
        "Verifying:  80.0%",
        "Verifying: 100.0%",
    ]
    assert screen.getvalue().endswith("\n") and screen.getvalue().count("\n") == 1
    assert "10.0 MB read" in lines[-1]
