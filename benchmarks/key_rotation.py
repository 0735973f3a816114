"""Renewing the practice's keys on a full vault: how long the clinic waits.

A vault with many patients (each a wrapped data key) and a long audit trail;
timed from the Admin's confirmation to the rotation committed: the audit chain
verified, a consistent copy of the database, every patient key re-wrapped,
every audit event re-sealed, the copy rekeyed (SQLCipher PRAGMA rekey), the
new vault.json written and the copy swapped in. Images are not touched.

Baseline in the same run, alternating with the real runs: the consistent copy
alone (SQLite's backup API on the same database), which any rotation of a
SQLCipher file must at least pay. The ratio says what re-wrapping, re-sealing
and rekeying add; the absolute figure (goal <= 60 s for the full size) what
the Admin waits.

    python benchmarks/key_rotation.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

import _common

from pixiodoc_desktop.clinic.access.key_rotation import rotate_workspace_key
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import Patient, utcnow
from pixiodoc_desktop.vault.vault import Vault

LOGIN = "dr.bench"
PASSWORD = "Rotation-Ahorn-Kiesel-47"  # noqa: S105 - a throwaway benchmark vault
TARGET_SECONDS = 60.0


def build(folder: Path, patients: int, events: int) -> None:
    vault, _recovery = Vault.create(
        folder,
        clinic_name="Praxis Rotation",
        admin_login=LOGIN,
        admin_name="Dr. Bench",
        password=PASSWORD,
        kdf=MINIMUM_KDF,
    )
    vault.lock()
    ws, actor = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        # Rows as the patient service writes them (the plan limit aside), with their keys.
        with ws.vault.write_session() as session, session.begin():
            now = utcnow()
            for index in range(patients):
                patient_id = str(uuid.uuid4())
                session.add(
                    Patient(
                        id=patient_id,
                        family_name=f"Bench{index:05d}",
                        given_name="Rota",
                        search_key=f"bench{index:05d} rota",
                        created_at=now,
                        updated_at=now,
                        created_by=actor.user_id,
                        updated_by=actor.user_id,
                        version=1,
                    )
                )
                session.flush()
                ws.vault.new_patient_key(session, patient_id)
        batch = 1000
        for start in range(0, events, batch):
            with ws.vault.write_session() as session, session.begin():
                for index in range(start, min(events, start + batch)):
                    audit.append(
                        session,
                        device_id=ws.device_id,
                        audit_key=ws.vault.keys.audit,
                        draft=audit.EventDraft(
                            audit.EventType.PATIENT_VIEWED,
                            actor.user_id,
                            object_type="patient",
                            details={"n": index},
                        ),
                        floor=ws.audit_floor(),
                    )
    finally:
        lock(ws, actor, logged_out=True)


def rotate_once(folder: Path) -> float:
    ws, actor = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        start = time.perf_counter()
        rotate_workspace_key(ws, actor, PASSWORD)
        return time.perf_counter() - start
    finally:
        lock(ws, actor, logged_out=True)


def copy_once(folder: Path, scratch: Path) -> float:
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    target = scratch / "copy.db"
    target.unlink(missing_ok=True)
    try:
        start = time.perf_counter()
        with (
            database.raw_connection(folder / database.DB_NAME, vault.keys.database) as src,
            database.raw_connection(target, vault.keys.database) as dst,
        ):
            src.backup(dst)
        return time.perf_counter() - start
    finally:
        vault.lock()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small vault, one run")
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    patients, events = (200, 2000) if args.quick else (2000, 20000)
    runs = args.runs or (1 if args.quick else 3)
    scratch = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-rotation-"))
    try:
        folder = scratch / "vault"
        _common.log(f"building a vault: {patients} patients, {events} audit events")
        build(folder, patients, events)
        real: list[float] = []
        plain: list[float] = []
        for run in range(runs):
            plain.append(copy_once(folder, scratch))
            real.append(rotate_once(folder))
            _common.log(f"run {run + 1}: rotation {real[-1]:.3f} s, copy {plain[-1]:.3f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    real_s, plain_s = _common.median(real), _common.median(plain)
    _common.emit(
        _common.result(
            benchmark="key_rotation",
            metric=f"workspace key renewed on {patients} patients and {events} audit events "
            "(a consistent copy of the same database as baseline)",
            value=_common.rounded(real_s),
            unit="s",
            baseline=_common.rounded(plain_s),
            ratio=_common.rounded(real_s / plain_s),
            target=TARGET_SECONDS,
            meets_target=real_s <= TARGET_SECONDS,
            runs=runs,
            patients=patients,
            audit_events=events,
            real_seconds=[_common.rounded(v) for v in real],
            plain_seconds=[_common.rounded(v) for v in plain],
            load_average=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
