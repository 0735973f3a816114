"""The object store's contract, large objects, clinicians' keys travelling, the schedule."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid

import pytest

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.errors import (
    AccountDeactivated,
    SyncCredentialsRejected,
    SyncError,
    SyncUnavailable,
    WrongPassword,
)
from pixiodoc_desktop.sync.engine import SyncSchedule, sync_keys, sync_status
from pixiodoc_desktop.sync.pull import download_blob
from pixiodoc_desktop.sync.push import blob_key, upload_blobs
from pixiodoc_desktop.sync.store import MULTIPART_THRESHOLD, ObjectExists
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.sync_support import ClinicNet


def test_a_batch_name_is_never_overwritten(clinic: ClinicNet) -> None:
    store = clinic.store()
    name = store.key("probe", uuid.uuid4().hex)
    store.put(name, b"first", if_absent=True)
    with pytest.raises(ObjectExists):
        store.put(name, b"second", if_absent=True)
    assert store.get(name) == b"first"
    store.delete(name)
    store.delete(name)  # deleting twice is fine


def test_large_image_objects_go_in_parts_and_come_back_whole(clinic: ClinicNet) -> None:
    a = clinic.first()
    patient = a.services.patients.create(a.actor, family_name="Gross")
    data = os.urandom(MULTIPART_THRESHOLD + 3 * 1024 * 1024)
    vault = a.ws.vault
    with vault.read_session() as session:
        key = vault.patient_key(session, patient.id)
    blob = blob_id_for(vault.keys.blob_id, patient.id, data)
    vault.blobs.put(blob, data, key)
    keys = sync_keys(a.ws)
    count, size = upload_blobs(a.ws, a.store, keys, [blob])
    assert count == 1 and size == vault.blobs.path_for(blob).stat().st_size
    assert a.store.size(blob_key(a.store, keys, blob)) == size
    local = vault.blobs.path_for(blob)
    stored = local.read_bytes()
    local.unlink()
    assert download_blob(a.ws, a.store, keys, blob, patient.id) == size
    assert local.read_bytes() == stored
    assert vault.blobs.get(blob, key) == data


def test_clinicians_and_their_passwords_travel(clinic: ClinicNet) -> None:
    a = clinic.first()
    a.sync()
    b = clinic.join("second", via=a)
    Clinicians(a.ws).add(
        a.actor,
        login="dr.kaya",
        display_name="Dr. Deniz Kaya",
        password="Brandung-Zeder-Mosaik-83",
    )
    clinic.settle()
    ws, actor = log_in(Vault.open(b.folder), "dr.kaya", "Brandung-Zeder-Mosaik-83")
    assert actor.display_name == "Dr. Deniz Kaya"
    lock(ws, actor, logged_out=True)
    Clinicians(b.ws).deactivate(b.actor, "dr.kaya")
    clinic.settle()
    with pytest.raises(AccountDeactivated):
        log_in(Vault.open(a.folder), "dr.kaya", "Brandung-Zeder-Mosaik-83")


def test_schedule_backs_off_while_offline() -> None:
    now = dt.datetime(2026, 11, 27, 8, 0)
    schedule = SyncSchedule(interval=dt.timedelta(minutes=15))
    assert schedule.due(now)  # at start
    assert schedule.succeeded(now) == now + dt.timedelta(minutes=15)
    assert not schedule.due(now + dt.timedelta(minutes=5))
    offline = SyncUnavailable("offline")
    waits = [schedule.failed(now, offline) - now for _ in range(6)]
    assert waits == [dt.timedelta(minutes=m) for m in (1, 2, 4, 8, 15, 15)]
    schedule.sync_now()
    assert schedule.due(now)
    assert schedule.failed(now, SyncCredentialsRejected("no")) - now == dt.timedelta(minutes=15)
    schedule.succeeded(now)
    assert schedule.failures == 0


def test_the_same_login_created_on_two_pcs_at_once(clinic: ClinicNet) -> None:
    a = clinic.first()
    a.sync()
    b = clinic.join("second", via=a)
    for station, password in ((a, "Brandung-Zeder-Mosaik-83"), (b, "Gischt-Linde-Quarz-29")):
        Clinicians(station.ws).add(
            station.actor, login="dr.neu", display_name="Dr. Neu", password=password
        )
    clinic.settle()
    logins = [sorted(c.login for c in Clinicians(s.ws).list()) for s in (a, b)]
    assert logins[0] == logins[1]
    assert "dr.neu" in logins[0] and len([x for x in logins[0] if x.startswith("dr.neu")]) == 2
    renamed = next(x for x in logins[0] if x.startswith("dr.neu."))
    for station in (a, b):
        logged = []
        for login in ("dr.neu", renamed):
            for candidate in ("Brandung-Zeder-Mosaik-83", "Gischt-Linde-Quarz-29"):
                try:
                    ws, actor = log_in(Vault.open(station.folder), login, candidate)
                except WrongPassword:
                    continue  # the other clinician's password
                logged.append(login)
                lock(ws, actor, logged_out=True)
                break
        assert logged == ["dr.neu", renamed], station.name


def test_a_copied_vault_never_drops_its_changes_as_sent(clinic: ClinicNet) -> None:
    a = clinic.first()
    a.sync()
    a.close()
    shutil.copytree(a.folder, clinic.root / "copy")  # e.g. restored from last night's backup
    a = clinic._open("front-desk", a.folder)
    a.services.patients.create(a.actor, family_name="Original")
    a.sync()
    copy = clinic._open("copy", clinic.root / "copy")
    copy.services.patients.create(copy.actor, family_name="Kopie")
    pending = sync_status(copy.ws).pending_changes
    with pytest.raises(SyncError, match="restored from a backup or copied"):
        copy.sync()
    assert sync_status(copy.ws).pending_changes >= pending
