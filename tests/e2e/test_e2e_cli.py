"""The `pixiodoc` command line as clinic IT uses it (DESIGN.md §7), run as a subprocess."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from vault_support import (
    LOGIN,
    PASSWORD,
    CliRunner,
    MadeVault,
    create_vault,
    decodes,
    synthetic_jpeg,
)

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, Photos, PhotoSummary
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"
GROUP = r"[0-9A-HJKMNP-TV-Z]{4}"


def _no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text and 'File "' not in text, text


@pytest.fixture
def fast_vault(tmp_path: Path) -> MadeVault:
    """A vault made in-process with the minimum KDF (the CLI reads it from vault.json)."""
    return create_vault(tmp_path / "clinic-vault")


@pytest.fixture
def patient(cli: CliRunner, fast_vault: MadeVault) -> str:
    result = cli(
        "patient", "add", "--vault", fast_vault.folder, "--user", LOGIN, "--password-stdin",
        "--name", "Müller, Jürgen", "--dob", "1987-03-14", "--external-id", "MRN-10231",
        stdin=PW,
    )  # fmt: skip
    assert result.code == 0, result.output
    return str(result.stdout.strip())


# --- vault init ------------------------------------------------------------------------------


def test_vault_init_prints_the_recovery_key_once(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "new vault"
    result = cli(
        "vault", "init", "--vault", folder, "--clinic", "Hautarztpraxis Süd", "--admin", "dr.weber",
        "--admin-name", "Dr. Anna Weber", "--password-stdin", stdin=PW,
    )  # fmt: skip
    assert result.code == 0, result.output
    _no_traceback(result.stdout, result.stderr)
    assert "RECOVERY KEY" in result.stdout
    key_lines = [
        line
        for line in result.stdout.splitlines()
        if re.fullmatch(rf"\s+{GROUP}(  {GROUP})+", line)
    ]
    groups = " ".join(key_lines).split()
    assert len(groups) == 9, result.stdout
    recovery_key = "-".join(groups)
    assert keys.normalise_recovery_key(recovery_key)
    assert PASSWORD not in result.output
    vault = Vault.open(folder)
    assert vault.clinicians() == [("dr.weber", "Dr. Anna Weber")]
    vault.unlock_with_recovery_key(recovery_key)
    assert vault.setting("clinic_name") == "Hautarztpraxis Süd"
    vault.lock()
    again = cli(
        "vault", "init", "--vault", folder, "--clinic", "X", "--admin", "dr.x", "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert again.code == 1 and "already a vault" in again.stderr
    _no_traceback(again.stdout, again.stderr)


def test_vault_init_json(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    result = cli(
        "vault", "init", "--vault", folder, "--clinic", "Praxis", "--admin", "dr.weber",
        "--password-stdin", "--json", stdin=PW,
    )  # fmt: skip
    assert result.code == 0, result.output
    data = json.loads(result.stdout)
    assert re.fullmatch(rf"{GROUP}(-{GROUP}){{8}}", data["recovery_key"])
    assert data["vault_id"] == Vault.open(folder).header.vault_id


def test_vault_init_refuses_a_weak_password(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    result = cli(
        "vault", "init", "--vault", folder, "--clinic", "Praxis", "--admin", "dr.weber",
        "--password-stdin", stdin="password123\n",
    )  # fmt: skip
    assert result.code == 1
    assert result.stderr.count("\n") == 1 and "too easy to guess" in result.stderr
    assert not (folder / "vault.json").exists()


# --- patients, import, photos, audit -----------------------------------------------------------


def test_patient_add_and_list(cli: CliRunner, fast_vault: MadeVault, patient: str) -> None:
    base = ("--vault", fast_vault.folder, "--user", LOGIN, "--password-stdin")
    added = cli("patient", "add", *base, "--name", "Inés García López", "--json", stdin=PW)
    assert added.code == 0, added.output
    garcia = json.loads(added.stdout)
    assert (garcia["family_name"], garcia["given_name"]) == ("López", "Inés García")
    found = json.loads(
        cli("patient", "list", *base, "--search", "muller", "--json", stdin=PW).stdout
    )
    assert [(p["id"], p["birth_date"], p["external_id"]) for p in found] == [
        (patient, "1987-03-14", "MRN-10231")
    ]
    text = cli("patient", "list", *base, stdin=PW)
    assert text.code == 0, text.output
    rows = text.stdout.strip().splitlines()
    assert len(rows) == 2 and text.stderr.strip() == "2 patients"
    assert any(patient in row and "1987-03-14  Müller, Jürgen" in row for row in rows)
    assert any(garcia["id"] in row and "López, Inés García" in row for row in rows)


def test_import_export_and_audit(
    cli: CliRunner, fast_vault: MadeVault, patient: str, tmp_path: Path
) -> None:
    base = ("--vault", fast_vault.folder, "--user", LOGIN, "--password-stdin")
    files = []
    for index in range(3):
        path = tmp_path / f"arm {index}.jpg"
        path.write_bytes(synthetic_jpeg(500 + index))
        files.append(path)
    bad = tmp_path / "befund.jpg"
    bad.write_text("Histologie: unauffällig\n", "utf-8")
    result = cli(
        "import", *base, "--patient", patient, "--body-site", "forearm-left", *files, bad, stdin=PW
    )
    assert result.code == 0, result.output
    _no_traceback(result.stdout, result.stderr)
    assert result.stdout.strip().splitlines()[-1] == "3 imported, 0 duplicates, 1 refused"
    refusals = [line for line in result.stderr.splitlines() if line.startswith("refused:")]
    assert len(refusals) == 1 and "befund.jpg" in refusals[0]
    again = cli("import", *base, "--patient", patient, files[0], stdin=PW)
    assert again.stdout.strip().splitlines()[-1] == "0 imported, 1 duplicates, 0 refused"

    photos = json.loads(
        cli("photo", "list", *base, "--patient", patient, "--json", stdin=PW).stdout
    )
    assert len(photos) == 3 and {p["body_site"] for p in photos} == {"forearm-left"}
    out = tmp_path / "export" / "photo"
    out.parent.mkdir()
    exported = cli("photo", "export", *base, "--photo", photos[0]["id"], "--out", out, stdin=PW)
    assert exported.code == 0, exported.output
    target = out.with_suffix(".jpg")
    assert decodes(target.read_bytes()) == (320, 240)

    events = json.loads(cli("audit", "list", *base, "--json", "--limit", "200", stdin=PW).stdout)
    exports = [e for e in events if e["event"] == "DATA_EXPORTED"]
    assert [(e["patient"], e["object"], e["outcome"]) for e in exports] == [
        (patient, f"photo:{photos[0]['id']}", "success")
    ]
    assert sum(e["event"] == "PHOTO_ADDED" for e in events) == 3
    verified = cli("audit", "verify", *base, stdin=PW)
    assert verified.code == 0 and verified.stdout.startswith("OK")


@dataclass(frozen=True, slots=True)
class Seeded:
    vault: MadeVault
    patient: str
    photo: PhotoSummary


@pytest.fixture
def seeded(fast_vault: MadeVault) -> Seeded:
    """A patient with one photo, made in-process (these tests are about other commands)."""
    vault = Vault.open(fast_vault.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        patient = Patients(ws).create(actor, family_name="Müller", given_name="Jürgen").id
        photo = (
            Photos(ws)
            .ingest(
                actor, synthetic_jpeg(600), CaptureContext(patient_id=patient), source_name="a.jpg"
            )
            .photo
        )
    finally:
        lock(ws, actor)
    return Seeded(fast_vault, patient, photo)


def test_verify_then_corrupt_a_blob(cli: CliRunner, seeded: Seeded) -> None:
    base = ("--vault", seeded.vault.folder, "--user", LOGIN, "--password-stdin")
    ok = cli("vault", "verify", *base, stdin=PW)
    assert ok.code == 0, ok.output
    assert ok.stdout.startswith("OK: 1 photo, 3 image objects")
    blob_id = seeded.photo.blob_id
    blob = seeded.vault.folder / "blobs" / blob_id[:2] / blob_id
    raw = bytearray(blob.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    blob.write_bytes(bytes(raw))
    bad = cli("vault", "verify", *base, stdin=PW)
    assert bad.code == 1
    _no_traceback(bad.stdout, bad.stderr)
    faults = [line for line in bad.stdout.splitlines() if line.startswith("FAULT:")]
    assert len(faults) == 1
    assert f"photo {seeded.photo.id} of patient {seeded.patient} (original image)" in faults[0]
    by_key = cli(
        "vault", "verify", "--vault", seeded.vault.folder, "--recovery-key-stdin", "--json",
        stdin=seeded.vault.recovery_key.lower() + "\n",
    )  # fmt: skip
    assert by_key.code == 1 and json.loads(by_key.stdout)["ok"] is False


def test_verify_names_a_damaged_database_page(cli: CliRunner, seeded: Seeded) -> None:
    db = seeded.vault.folder / "vault.db"
    assert not (seeded.vault.folder / "vault.db-wal").exists()
    raw = bytearray(db.read_bytes())
    assert len(raw) > 4096 * 4
    raw[4096 * 3 + 100] ^= 0x01
    db.write_bytes(bytes(raw))
    result = cli(
        "vault", "verify", "--vault", seeded.vault.folder, "--user", LOGIN, "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert result.code == 1
    _no_traceback(result.stdout, result.stderr)
    assert "ERROR CORE" not in result.stderr  # SQLCipher's own noise stays off the terminal
    assert "page 4" in result.output, result.output
    assert "FAULT:" in result.stdout or result.stderr.count("\n") == 1


def test_backup_and_restore(cli: CliRunner, seeded: Seeded, tmp_path: Path) -> None:
    base = ("--vault", seeded.vault.folder, "--user", LOGIN, "--password-stdin")
    backup = tmp_path / "backup.pxb"
    made = cli("vault", "backup", *base, backup, stdin=PW)
    assert made.code == 0, made.output
    assert "3 image objects" in made.stdout and backup.is_file()
    restored = tmp_path / "restored"
    as_admin = ("--user", LOGIN, "--password-stdin")
    result = cli("vault", "restore", backup, "--vault", restored, *as_admin, stdin=PW)
    assert result.code == 0, result.output
    assert "OK: 1 photo, 3 image objects" in result.stdout
    vault = Vault.open(restored)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        original = Photos(ws).image(actor, seeded.photo.id, ImageSize.ORIGINAL, audited=False)
        assert decodes(original) == (320, 240)
    finally:
        lock(ws, actor)
    occupied = cli("vault", "restore", backup, "--vault", restored, *as_admin, stdin=PW)
    assert occupied.code == 1 and "not empty" in occupied.stderr
    foreign = tmp_path / "holiday.tar"
    foreign.write_bytes(b"\x00" * 2048)
    refused = cli("vault", "restore", foreign, "--vault", tmp_path / "r2", *as_admin, stdin=PW)
    assert refused.code == 1 and "holiday.tar" in refused.stderr
    _no_traceback(occupied.stderr, refused.stderr)


# --- errors ------------------------------------------------------------------------------------


def test_wrong_password_is_one_line_and_no_traceback(cli: CliRunner, fast_vault: MadeVault) -> None:
    before = sorted(p.name for p in fast_vault.folder.iterdir())
    db_before = (fast_vault.folder / "vault.db").read_bytes()
    result = cli(
        "patient",
        "list",
        "--vault",
        fast_vault.folder,
        "--user",
        LOGIN,
        "--password-stdin",
        stdin="Not-The-Password-9\n",
    )
    assert result.code == 1
    assert result.stderr == f"pixiodoc: Wrong password for {LOGIN}.\n"
    assert result.stdout == ""
    _no_traceback(result.stdout, result.stderr)
    after = sorted(p.name for p in fast_vault.folder.iterdir())
    assert set(after) - set(before) <= {"unlock-attempts.json", ".in-use.lock"}  # no data
    assert (fast_vault.folder / "vault.db").read_bytes() == db_before


def test_wrong_password_on_an_empty_folder_never_makes_a_vault(
    cli: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("patient", "list", "--vault", empty, "--user", LOGIN, "--password-stdin", stdin=PW)
    assert result.code == 1 and "no vault" in result.stderr.lower()
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ("vault", "frobnicate"),
        ("patient", "add", "--name", "X"),
        ("import", "--user", LOGIN),
        ("audit", "list", "--user", LOGIN, "--limit", "many"),
    ],
)
def test_usage_errors_exit_2(cli: CliRunner, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.code == 2, result.output
    assert "usage:" in result.stderr
    _no_traceback(result.stdout, result.stderr)


def test_password_needed_but_no_terminal_is_a_usage_error(
    cli: CliRunner, fast_vault: MadeVault
) -> None:
    result = cli("patient", "list", "--vault", fast_vault.folder, "--user", LOGIN)
    assert result.code == 2 and "--password-stdin" in result.stderr


def test_missing_vault_folder_is_a_clear_message(cli: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "Praxis" / "vault"
    result = cli(
        "vault", "verify", "--vault", missing, "--user", LOGIN, "--password-stdin", stdin=PW
    )
    assert result.code == 1
    assert (
        result.stderr == f"pixiodoc: There is no vault at {missing} (the folder does not exist).\n"
    )
    assert not missing.exists()


def test_lost_vault_json_fails_closed_naming_restore(cli: CliRunner, fast_vault: MadeVault) -> None:
    (fast_vault.folder / "vault.json").unlink()
    result = cli(
        "vault", "verify", "--vault", fast_vault.folder, "--user", LOGIN, "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert result.code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "lost its vault.json" in result.stderr and "pixiodoc vault restore" in result.stderr
    assert sorted(p.name for p in fast_vault.folder.iterdir() if not p.name.startswith(".")) == [
        "vault.db"
    ]


def test_vault_from_the_environment(cli: CliRunner, fast_vault: MadeVault) -> None:
    result = cli(
        "patient",
        "list",
        "--user",
        LOGIN,
        "--password-stdin",
        "--json",
        stdin=PW,
        env={"PIXIODOC_VAULT": str(fast_vault.folder)},
    )
    assert result.code == 0 and json.loads(result.stdout) == []


def test_unknown_patient_and_photo_are_named(
    cli: CliRunner, fast_vault: MadeVault, tmp_path: Path
) -> None:
    base = ("--vault", fast_vault.folder, "--user", LOGIN, "--password-stdin")
    image = tmp_path / "a.jpg"
    image.write_bytes(synthetic_jpeg(800))
    result = cli("import", *base, "--patient", "no-such-patient", image, stdin=PW)
    assert result.code == 1 and "no-such-patient" in result.stderr
    export = cli(
        "photo", "export", *base, "--photo", "no-such-photo", "--out", tmp_path / "x.jpg", stdin=PW
    )
    assert export.code == 1 and "no-such-photo" in export.stderr
    _no_traceback(result.output, export.output)


# --- where the vault is and which patient is meant (found by a new user) ----------------------


def test_vault_given_before_the_command_is_the_one_used(
    cli: CliRunner, fast_vault: MadeVault, patient: str, tmp_path: Path
) -> None:
    """`pixiodoc --vault D patient list` once used the default folder instead of D.

    `--help` lists `--vault` before the command; the command's own `--vault` (absent)
    overwrote it, so `vault init` made a vault in the user data folder instead.
    """
    elsewhere = {"PIXIODOC_VAULT": str(tmp_path / "not-this-one")}
    listed = cli(
        "--vault", fast_vault.folder, "patient", "list", "--user", LOGIN, "--password-stdin",
        "--json", stdin=PW, env=elsewhere,
    )  # fmt: skip
    assert listed.code == 0, listed.output
    assert [p["id"] for p in json.loads(listed.stdout)] == [patient]
    wanted = tmp_path / "wanted vault"
    made = cli(
        "--vault", wanted, "vault", "init", "--clinic", "Praxis Test", "--admin", "admin",
        "--password-stdin", stdin=PW, env=elsewhere,
    )  # fmt: skip
    assert made.code == 0, made.output
    assert (wanted / "vault.json").is_file()
    assert not (tmp_path / "not-this-one").exists()
    restore = cli("vault", "restore", tmp_path / "b.pxbackup", "--user", LOGIN, stdin=PW)
    assert restore.code == 2 and "--vault NEWDIR" in restore.stderr


def test_a_command_takes_the_practice_number_the_workstation_shows(
    cli: CliRunner, fast_vault: MadeVault, patient: str, tmp_path: Path
) -> None:
    """The GUI and the practice software show MRN-10231; commands took only record ids."""
    base = ("--vault", fast_vault.folder, "--user", LOGIN, "--password-stdin")
    image = tmp_path / "arm.jpg"
    image.write_bytes(synthetic_jpeg(640))
    imported = cli("import", *base, "--patient", "mrn-10231", image, stdin=PW)
    assert imported.code == 0, imported.output
    photos = cli("photo", "list", *base, "--patient", "MRN-10231", "--json", stdin=PW)
    assert photos.code == 0, photos.output
    assert len(json.loads(photos.stdout)) == 1
    listed = cli("patient", "list", *base, stdin=PW)
    assert f"{patient}  MRN-10231  1987-03-14  Müller, Jürgen" in listed.stdout
    unknown = cli("import", *base, "--patient", "MRN-99999", image, stdin=PW)
    assert unknown.code == 1 and "There is no patient MRN-99999" in unknown.stderr


def test_a_file_given_as_the_vault_folder_is_named_a_file(cli: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a vault\n", "utf-8")
    result = cli("patient", "list", "--vault", notes, "--user", LOGIN, "--password-stdin", stdin=PW)
    assert result.code == 1
    assert (
        result.stderr == f"pixiodoc: There is no vault at {notes} (it is a file, not a folder).\n"
    )
    assert notes.read_text("utf-8") == "not a vault\n"
