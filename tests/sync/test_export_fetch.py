"""Exports on a PC that joined its clinic with images on demand (issue 19): the command
line fetches first, from the clinic's bucket (SeaweedFS), exactly the image objects the
export reads (a few at once), then writes the export. An object deleted from the bucket,
or a bucket out of reach, stops the export before it writes anything, with one message
that names the photo by its patient's MRN and visit date and the reason, audited as a
failed export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import CliRunner, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditLog
from pixiodoc_desktop.clinic.audit.rows import AuditFilter
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.errors import ImageInBucket
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.push import blob_key
from pixiodoc_desktop.sync.settings import SyncTarget, save_target
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import Photo, SyncBlob
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.sync_support import ACCESS_KEY, LOGIN, PASSWORD, SECRET_KEY, ClinicNet, Station

MRN = "K-4711"
VISIT = dt.date(2025, 4, 2)


@dataclass
class Joined:
    """The clinic's first PC (with a patient: two photos in one visit) and a second PC
    joined with images on demand, as its folder (the command line opens it)."""

    first: Station
    folder: Path
    photos: list[Photo]

    def states(self) -> dict[str, str]:
        ws, actor = log_in(Vault.open(self.folder), LOGIN, PASSWORD)
        try:
            with ws.read_session() as session:
                return dict(session.execute(select(SyncBlob.blob_id, SyncBlob.state)).all())
        finally:
            lock(ws, actor, logged_out=True)


@pytest.fixture
def joined(clinic: ClinicNet) -> Iterator[Joined]:
    a = clinic.first()
    patient = a.services.patients.create(
        a.actor, family_name="Abruf", given_name="Ida", external_id=MRN
    )
    ids = [
        a.services.photos.ingest(
            a.actor,
            synthetic_jpeg(n, captured_at=dt.datetime.combine(VISIT, dt.time(10, n))),
            CaptureContext(patient.id),
            source_name=f"{n}.jpg",
        ).photo.id
        for n in (1, 2)
    ]
    a.services.consents.record(a.actor, patient.id, scope="sharing", granted=True)
    a.sync()
    with a.ws.vault.read_session() as session:
        photos = list(session.scalars(select(Photo).where(Photo.id.in_(ids))))
        session.expunge_all()
    code, _expires = create_enrollment(a.ws, a.store, a.actor, kdf=MINIMUM_KDF)
    folder = clinic.root / "joined-pc"
    join(folder, clinic.target(), ACCESS_KEY, SECRET_KEY, code=code, on_demand=True)
    yield Joined(a, folder, photos)


def _user(folder: Path) -> list[str]:
    return ["--vault", str(folder), "--user", LOGIN, "--password-stdin"]


def _case(joined: Joined, out: Path) -> list[str | Path]:
    visit = joined.photos[0].visit_id
    return [
        "case",
        "export",
        *_user(joined.folder),
        "--patient",
        MRN,
        "--visit",
        visit,
        "--out",
        out,
    ]


def test_a_pc_with_images_on_demand_fetches_what_a_report_and_a_case_bundle_read(
    joined: Joined, run_cli: CliRunner, tmp_path: Path
) -> None:
    screens = {p.screen_blob_id for p in joined.photos}
    originals = {p.blob_id for p in joined.photos}
    before = joined.states()
    assert {before[b] for b in screens | originals} == {"remote"}
    ws, actor = log_in(Vault.open(joined.folder), LOGIN, PASSWORD)
    try:  # read without fetching first: the typed error that says what to do
        first = joined.photos[0]
        with pytest.raises(ImageInBucket, match="try again"):
            Photos(ws).thumbnails(actor, first.patient_id, [first.id])
    finally:
        lock(ws, actor, logged_out=True)

    report = tmp_path / "bericht.pdf"
    done = run_cli(
        "export",
        "pdf",
        *_user(joined.folder),
        "--patient",
        MRN,
        "--out",
        report,
        stdin=PASSWORD + "\n",
    )
    assert done.code == 0, done.stderr
    assert report.read_bytes().startswith(b"%PDF")
    after = joined.states()
    assert {after[b] for b in screens} == {"uploaded"}  # fetched: exactly the screens
    assert {after[b] for b in originals} == {"remote"}

    lone = joined.photos[0]  # one stored image written to a file: its original first
    done = run_cli(
        "photo", "export", *_user(joined.folder), "--photo", lone.id, "--out", tmp_path / "bild",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.code == 0, done.stderr
    assert (tmp_path / "bild.jpg").read_bytes().startswith(b"\xff\xd8")
    assert [joined.states()[p.blob_id] for p in joined.photos] == ["uploaded", "remote"]

    bundle = tmp_path / "fall.pxcase"
    done = run_cli(*_case(joined, bundle), stdin=f"{PASSWORD}\nFall-Passwort-2025\n")
    assert done.code == 0, done.stderr
    assert bundle.stat().st_size > 0
    assert {joined.states()[b] for b in originals} == {"uploaded"}


def _failed_exports(folder: Path) -> list[dict[str, object]]:
    ws, actor = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        rows = AuditLog(ws).query(actor, AuditFilter(event_type="DATA_EXPORTED", outcome="failure"))
    finally:
        lock(ws, actor, logged_out=True)
    return [row.details for row in rows]


def test_an_object_gone_from_the_bucket_stops_the_export_naming_the_photo(
    joined: Joined, run_cli: CliRunner, tmp_path: Path
) -> None:
    a = joined.first
    a.store.delete(blob_key(a.store, sync_keys(a.ws), joined.photos[1].screen_blob_id))
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    report = outbox / "bericht.pdf"
    done = run_cli(
        "export",
        "pdf",
        *_user(joined.folder),
        "--patient",
        MRN,
        "--out",
        report,
        stdin=PASSWORD + "\n",
    )
    assert done.code != 0
    assert (
        f"A photo of patient {MRN} from the visit of {VISIT.isoformat()} could not be "
        "fetched from the clinic's bucket: it is missing there or damaged. "
        "Nothing was exported."
    ) in done.stderr
    assert not report.exists()
    assert list(outbox.iterdir()) == []  # no half-written report either
    assert _failed_exports(joined.folder) == [
        {"format": "pdf", "error": "SyncImageNotFetched", "images_not_fetched": 1}
    ]


def test_offline_the_export_says_the_bucket_cannot_be_reached(
    joined: Joined, run_cli: CliRunner, tmp_path: Path
) -> None:
    vault = Vault.open(joined.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:  # the bucket's address answers nothing now (a closed port on this host)
        save_target(ws.vault, SyncTarget("http://127.0.0.1:9", "eu-central-1", "b", "p"))
    finally:
        lock(ws, actor, logged_out=True)
    bundle = tmp_path / "fall.pxcase"
    done = run_cli(*_case(joined, bundle), stdin=f"{PASSWORD}\nFall-Passwort-2025\n")
    assert done.code != 0
    assert "the clinic's bucket cannot be reached (is this PC offline?)" in done.stderr
    assert f"patient {MRN} from the visit of {VISIT.isoformat()}" in done.stderr
    assert not bundle.exists()
