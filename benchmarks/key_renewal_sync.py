"""Renewing the practice's keys on a clinic that syncs: how long the Admin and the other PC wait.

A clinic of two workstations on a real SeaweedFS on loopback, with patients
and photos (real encrypted objects of photo-like size). Timed on the front
desk: `renewal.renew_keys` from the Admin's confirmation to the old folder
retired (a round before, the local rotation, the whole snapshot with every
image pushed to the new folder). Then, on the exam room, `renewal.rejoin`
with an enrollment code (rekey in place, its own snapshot and images sent).

Baseline in the same run, on the same data and server: the front desk's first
full push of the same clinic into an empty folder (what a new clinic pays
once). Ratio = renewal / first push: what renewing adds to moving everything
once more.

    python benchmarks/key_renewal_sync.py [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

import _common
from _keyring import use_memory_keyring

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))

from sync_support import PASSWORD, ClinicNet, Station, Weed

from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.enroll import create_enrollment
from pixiodoc_desktop.sync.renewal import rejoin, renew_keys
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import Grant, Patient, Photo, utcnow

TARGET_RATIO = 2.0


def _clinic(station: Station, patients: int, photos: int, original_mb: float) -> int:
    """Patients, and photos of the first few with real encrypted objects; returns bytes."""
    services = station.services
    made: list[str] = []
    with station.ws.unit_of_work(station.actor) as uow:  # as the service writes them, no plan
        now = utcnow()
        for index in range(patients):
            made.append(str(uuid.uuid4()))
            uow.session.add(
                Patient(
                    id=made[-1],
                    family_name=f"Bench{index:05d}",
                    given_name="Rota",
                    search_key=f"bench{index:05d} rota",
                    created_at=now,
                    updated_at=now,
                    created_by=station.actor.user_id,
                    updated_by=station.actor.user_id,
                    version=1,
                )
            )
            uow.session.flush()
            uow.session.add(
                Grant(
                    id=str(uuid.uuid4()),
                    patient_id=made[-1],
                    grantee=station.actor.user_id,
                    level="admin",
                    created_at=now,
                    updated_at=now,
                    created_by=station.actor.user_id,
                    updated_by=station.actor.user_id,
                    version=1,
                )
            )
            uow.session.flush()
            station.ws.vault.new_patient_key(uow.session, made[-1])
    visits = {
        p: services.visits.create(station.actor, p, visit_date=dt.date(2025, 1, 1)).id
        for p in made[:photos]
    }
    vault = station.ws.vault
    total = 0
    with station.ws.unit_of_work(station.actor) as uow:
        for index in range(photos):
            patient = made[index % len(made)]
            key = vault.patient_key(uow.session, patient)
            ids = []
            for size in (int(original_mb * 1e6), 40_000, 400_000):
                data = os.urandom(size)
                blob = blob_id_for(vault.keys.blob_id, patient, data)
                vault.blobs.put(blob, data, key)
                ids.append(blob)
                total += size
            uow.session.add(
                Photo(
                    id=str(uuid.uuid4()),
                    patient_id=patient,
                    visit_id=visits[patient],
                    modality="clinical-overview",
                    width=4000,
                    height=3000,
                    media_type="image/jpeg",
                    size_bytes=int(original_mb * 1e6),
                    blob_id=ids[0],
                    thumbnail_blob_id=ids[1],
                    screen_blob_id=ids[2],
                    source="import",
                    source_name=f"bench-{index}.jpg",
                    captured_at=dt.datetime(2025, 1, 1),
                    tags=[],
                    annotations=[],
                )
            )
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run for CI")
    args = parser.parse_args()
    patients, photos, original_mb = (20, 4, 0.5) if args.quick else (500, 60, 4.5)
    use_memory_keyring()
    load_before = _common.load_average()
    tmp = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-renewal-"))
    weed = Weed(tmp / "weed")
    clinic = ClinicNet(weed, tmp / "pcs")
    try:
        weed.start(new_ports_on_clash=True)
        front = clinic.first()
        _common.log(f"Writing {patients} patients and {photos} photos ...")
        size = _clinic(front, patients, photos, original_mb)
        _common.log("First full push (baseline) ...")
        with _common.stopwatch() as pushed:
            sync_once(front.ws, front.store)
        room = clinic.join("exam-room", via=front)
        front.sync()
        _common.log("Renewing the keys on the front desk ...")
        with _common.stopwatch() as renewed:
            renewal = renew_keys(front.ws, front.actor, PASSWORD, front.store, front.sync)
        assert renewal.error is None, renewal.error
        code, _expires = create_enrollment(front.ws, front.store, front.actor, kdf=MINIMUM_KDF)
        _common.log("The exam room re-joins ...")
        with _common.stopwatch() as rejoined:
            done = rejoin(room.ws, room.actor, PASSWORD, room.store, code, room.sync)
        assert done.error is None, done.error
    finally:
        clinic.close()
        weed.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    ratio = renewed[0] / pushed[0]
    _common.emit(
        _common.result(
            benchmark="key_renewal_sync",
            metric="renewing the keys on a syncing clinic vs its first full push",
            value=_common.rounded(renewed[0]),
            unit="s",
            baseline=_common.rounded(pushed[0]),
            ratio=_common.rounded(ratio),
            target=TARGET_RATIO,
            meets_target=ratio <= TARGET_RATIO,
            patients=patients,
            photos=photos,
            image_mb=_common.rounded(size / 1e6),
            rejoin_s=_common.rounded(rejoined[0]),
            quick=args.quick,
            load_average_before=load_before,
            load_average_after=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
