"""`pixiodoc export dicom` to a folder and to the PACS, `pixiodoc pacs configure|test`."""

from __future__ import annotations

from pathlib import Path

from orthanc_support import Orthanc
from vault_support import LOGIN, PASSWORD, CliRunner


def test_dicom_commands_to_folder_and_orthanc(
    run_cli: CliRunner,
    made_vault_with_case: tuple[Path, str],
    empty_orthanc: Orthanc,
    tmp_path: Path,
) -> None:
    folder, patient_id = made_vault_with_case
    user = ("--vault", folder, "--user", LOGIN, "--password-stdin")
    pw = PASSWORD + "\n"
    out = tmp_path / "dcm"
    out.mkdir()
    done = run_cli("export", "dicom", *user, "--patient", patient_id, "--out", out, stdin=pw)
    assert done.code == 0, done.output
    assert len(list(out.glob("*.dcm"))) == 3

    done = run_cli(
        "pacs", "configure", *user, "--ae-title", empty_orthanc.ae_title, "--host", "127.0.0.1",
        "--port", str(empty_orthanc.dicom_port), "--dicomweb-url", empty_orthanc.dicomweb_url,
        stdin=pw,
    )  # fmt: skip
    assert done.code == 0, done.output
    done = run_cli("pacs", "test", *user, stdin=pw)
    assert done.code == 0, done.output
    assert "C-ECHO" in done.stdout and "DICOMweb" in done.stdout
    done = run_cli(
        "export", "dicom", *user, "--patient", patient_id, "--to", "PACS", "--via", "stow-rs",
        stdin=pw,
    )  # fmt: skip
    assert done.code == 0, done.output
    assert len(empty_orthanc.get("/instances")) == 3
    done = run_cli("export", "dicom", *user, "--patient", patient_id, stdin=pw)
    assert done.code == 2 and "--out FOLDER or --to PACS" in done.stderr
