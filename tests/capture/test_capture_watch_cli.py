"""`pixiodoc watch` runs the hot folder without the GUI, end to end as a subprocess."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import cv2
import pytest
from capture_support import Recordings
from vault_support import PASSWORD, MadeVault, plaintext_findings, start_cli

from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor


def drop(folder: Path, name: str, recordings: Recordings, shift: int) -> bytes:
    ok, data = cv2.imencode(".jpg", recordings.frame[:, ::-1] if shift % 2 else recordings.frame)
    assert ok
    pixels = cv2.imdecode(data, cv2.IMREAD_COLOR)
    pixels[:16, :16] = (shift * 40) % 256
    ok, data = cv2.imencode(".jpg", pixels)
    (folder / name).write_bytes(data.tobytes())
    return data.tobytes()


def test_watch_once_imports_what_is_there_and_exits(
    cli: object,
    made_vault: MadeVault,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    recordings: Recordings,
    tmp_path: Path,
) -> None:
    incoming = tmp_path / "eos-utility"
    incoming.mkdir()
    first = drop(incoming, "IMG_0041.jpg", recordings, 1)
    drop(incoming, "IMG_0042.jpg", recordings, 2)
    (incoming / "IMG_0041 (1).jpg").write_bytes(first)  # the same shot saved twice
    (incoming / "notes.txt").write_text("not a photo")
    assert callable(cli)
    result = cli(
        "watch",
        "--vault",
        made_vault.folder,
        "--user",
        made_vault.login,
        "--password-stdin",
        "--folder",
        incoming,
        "--patient",
        patient.id,
        "--body-site",
        "shoulder-left",
        "--modality",
        "close-up",
        "--once",
        stdin=PASSWORD + "\n",
    )
    assert result.code == 1, result.output  # one file was quarantined
    lines = result.stdout.splitlines()
    assert "imported IMG_0041.jpg" in lines
    assert "imported IMG_0042.jpg" in lines
    assert "duplicate IMG_0041 (1).jpg: already in the record (removed)" in lines
    assert any(
        line.startswith("quarantined notes.txt: notes.txt is not an image") for line in lines
    )
    assert "2 imported, 1 duplicates, 1 quarantined" in result.stderr
    photos = services.photos.list(actor, patient.id)
    assert sorted(p.source_name for p in photos) == ["IMG_0041.jpg", "IMG_0042.jpg"]
    assert {(p.body_site, p.modality, p.source) for p in photos} == {
        ("shoulder-left", "close-up", "hotfolder")
    }
    assert sorted(p.name for p in incoming.iterdir()) == ["quarantine"]
    assert (incoming / "quarantine" / "notes.txt.reason.txt").is_file()
    assert plaintext_findings([made_vault.folder], []) == []


def test_watch_once_with_nothing_wrong_exits_0(
    cli: object, made_vault: MadeVault, patient: PatientSummary, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert callable(cli)
    args = ["watch", "--vault", made_vault.folder, "--user", made_vault.login]
    where = ["--folder", empty, "--patient", patient.id]
    result = cli(*args, "--password-stdin", *where, "--once", stdin=PASSWORD + "\n")
    assert result.code == 0, result.output
    bad = cli(*args, "--password-stdin", "--folder", tmp_path / "nope", "--patient", patient.id)
    assert bad.code == 2
    assert "does not exist" in bad.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_watch_runs_until_sigterm(
    made_vault: MadeVault, patient: PatientSummary, recordings: Recordings, tmp_path: Path
) -> None:
    incoming = tmp_path / "tethered"
    incoming.mkdir()
    args = ["watch", "--vault", str(made_vault.folder)]
    args += ["--user", made_vault.login, "--password-stdin", "--folder", str(incoming)]
    args += ["--patient", patient.id]
    process = start_cli(args, cwd=tmp_path)
    try:
        assert process.stdout is not None
        time.sleep(1.0)
        drop(incoming, "DSC_0001.jpg", recordings, 3)
        line = process.stdout.readline()  # blocks until the file is reported
        assert line.strip() == "imported DSC_0001.jpg"
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "1 imported, 0 duplicates, 0 quarantined" in err
    assert not (incoming / "DSC_0001.jpg").exists()
