"""Orphans a crash leaves (temp files, objects no row names) are swept at unlock."""

from __future__ import annotations

import os

from vault_support import LOGIN, PASSWORD, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.vault import Vault


def _leave_orphans(vault: Vault) -> tuple[str, list[str]]:
    """One real photo, plus a temp file and an encrypted object no row names."""
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    patient = Patients(ws).create(actor, family_name="Orphanidis")
    photo = (
        Photos(ws)
        .ingest(
            actor, synthetic_jpeg(3), CaptureContext(patient_id=patient.id), source_name="a.jpg"
        )
        .photo
    )
    data = os.urandom(5000)
    orphan = blob_id_for(vault.keys.blob_id, patient.id, data)
    with vault.read_session() as session:
        key = vault.patient_key(session, patient.id)
    vault.blobs.put(orphan, data, key)
    shard = vault.blobs.root / orphan[:2]
    (shard / f".{orphan}.0123456789ab.tmp").write_bytes(b"half-written")
    lock(ws, actor)
    return photo.blob_id, [orphan]


def _crash_marker(vault: Vault) -> None:
    """What a process killed while unlocked leaves: a session marker nobody holds."""
    (vault.folder / locking.SESSIONS_DIR).mkdir(exist_ok=True)
    (vault.folder / locking.SESSIONS_DIR / "4242-deadbeef0000.lock").write_bytes(b"")


def test_clean_unlock_does_not_walk_the_blob_store(vault: Vault) -> None:
    _kept, orphans = _leave_orphans(vault)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    # The last session locked cleanly, so nothing is swept (and nothing is listed).
    assert set(orphans) <= set(vault.blobs.ids())
    lock(ws, actor)
    assert not list((vault.folder / locking.SESSIONS_DIR).iterdir())


def test_unlock_after_a_crash_sweeps_temp_files_and_orphan_objects(vault: Vault) -> None:
    kept, orphans = _leave_orphans(vault)
    _crash_marker(vault)
    assert set(orphans) <= set(vault.blobs.ids())
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    remaining = set(vault.blobs.ids())
    assert kept in remaining
    assert not set(orphans) & remaining
    assert list(vault.blobs.temp_files()) == []
    assert len(remaining) == 3  # original, thumbnail, screen of the one photo
    assert vault.sweep_orphans() == (0, 0)
    assert len(list((vault.folder / locking.SESSIONS_DIR).iterdir())) == 1  # only our own
    lock(ws, actor)


def test_no_sweep_while_another_writer_holds_the_lock(vault: Vault) -> None:
    _kept, orphans = _leave_orphans(vault)
    _crash_marker(vault)
    with locking.writing(vault.folder):  # another process mid-ingest
        ws, actor = log_in(vault, LOGIN, PASSWORD)
        assert set(orphans) <= set(vault.blobs.ids())
        assert len(list(vault.blobs.temp_files())) == 1
        assert vault.sweep_orphans() is None
    assert vault.sweep_orphans() == (1, 1)  # the writer is done: now it goes
    assert not set(orphans) & set(vault.blobs.ids())
    lock(ws, actor)
