"""`pixiodoc share grant|revoke|list` run as a subprocess (README "Command line", "Plans").

A record's Admin grants View Only to a colleague: the colleague then finds the
patient (`patient list`) and their photos (`photo list`) but may not import;
revoking takes the access away again. On Free only the practice-wide grant
works; a grant to one chosen colleague needs Teams and is refused naming it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from access_support import LicenceIssuer
from vault_support import (
    CLINIC,
    LOGIN,
    PASSWORD,
    SECOND_LOGIN,
    SECOND_PASSWORD,
    CliResult,
    CliRunner,
    MadeVault,
    add_clinician,
    cli_env,
    synthetic_jpeg,
)

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.vault.vault import Vault

ADMIN_PW = PASSWORD + "\n"
KAYA_PW = SECOND_PASSWORD + "\n"

# `python -m pixiodoc_desktop`, but trusting the test's licence issuer (first argument).
_TRUSTING_BOOT = (
    "import sys\n"
    "import pixiodoc_desktop.clinic.access.plans as plans\n"
    "plans.TRUSTED_PUBLIC_KEY = sys.argv.pop(1)\n"
    "from pixiodoc_desktop.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


@pytest.fixture
def issuer(monkeypatch: pytest.MonkeyPatch) -> LicenceIssuer:
    return LicenceIssuer(monkeypatch)


@dataclass(frozen=True, slots=True)
class Record:
    folder: Path
    patient: str
    photo: str
    kaya_id: str


@pytest.fixture
def record(made_vault: MadeVault) -> Record:
    """A private record (no practice grant) with one photo, and dr.kaya with no access to it."""
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        kaya = add_clinician(ws, SECOND_LOGIN, SECOND_PASSWORD)
        patient = Patients(ws).create(admin, family_name="Teilhaber", practice_level=None).id
        photo = Photos(ws).ingest(
            admin, synthetic_jpeg(700), CaptureContext(patient_id=patient), source_name="a.jpg"
        )
    finally:
        lock(ws, admin, logged_out=True)
    return Record(made_vault.folder, patient, photo.photo.id, kaya.user_id)


def _as(login: str, record: Record) -> tuple[object, ...]:
    return ("--vault", record.folder, "--user", login, "--password-stdin")


def _refused(result: CliResult) -> str:
    assert result.code == 1, result.output
    assert "Traceback" not in result.output, result.output
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("pixiodoc: "), result.stderr
    return lines[-1]


def _kaya_sees(run: CliRunner, record: Record) -> list[str]:
    found = run("patient", "list", *_as(SECOND_LOGIN, record), "--json", stdin=KAYA_PW)
    assert found.code == 0, found.output
    return [p["id"] for p in json.loads(found.stdout)]


def _kaya_has_view_only(run: CliRunner, record: Record, tmp_path: Path) -> None:
    assert _kaya_sees(run, record) == [record.patient]
    photos = run(
        "photo", "list", *_as(SECOND_LOGIN, record), "--patient", record.patient, "--json",
        stdin=KAYA_PW,
    )  # fmt: skip
    assert photos.code == 0, photos.output
    assert [p["id"] for p in json.loads(photos.stdout)] == [record.photo]
    image = tmp_path / "neu.jpg"
    image.write_bytes(synthetic_jpeg(701))
    imported = run(
        "import", *_as(SECOND_LOGIN, record), "--patient", record.patient, image, stdin=KAYA_PW
    )
    assert "may not edit" in _refused(imported)


def _kaya_has_no_access(run: CliRunner, record: Record) -> None:
    assert _kaya_sees(run, record) == []
    photos = run(
        "photo", "list", *_as(SECOND_LOGIN, record), "--patient", record.patient, stdin=KAYA_PW
    )
    assert "may not view" in _refused(photos)


def _photo_count(record: Record) -> int:
    ws, admin = log_in(Vault.open(record.folder), LOGIN, PASSWORD)
    try:
        return len(Photos(ws).list(admin, record.patient))
    finally:
        lock(ws, admin, logged_out=True)


def test_view_only_to_a_chosen_colleague_on_teams(
    record: Record, issuer: LicenceIssuer, tmp_path: Path
) -> None:
    public_key = plans.TRUSTED_PUBLIC_KEY  # the issuer's, in this process only

    def run(*args: str | Path | object, stdin: str = "") -> CliResult:
        done = subprocess.run(
            [sys.executable, "-c", _TRUSTING_BOOT, public_key, *map(str, args)],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=cli_env(),
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    _kaya_has_no_access(run, record)
    licence = tmp_path / "teams.pxlicence"
    licence.write_text(issuer.licence(CLINIC, "teams", seats=4), encoding="utf-8")
    installed = run("licence", "install", *_as(LOGIN, record), licence, stdin=ADMIN_PW)
    assert installed.code == 0, installed.output

    granted = run(
        "share", "grant", *_as(LOGIN, record), "--patient", record.patient, "--to", SECOND_LOGIN,
        "--level", "view", stdin=ADMIN_PW,
    )  # fmt: skip
    assert granted.code == 0, granted.output
    assert granted.stdout.strip() == "Dr. Kaya now has view access."
    listed = run("share", "list", *_as(LOGIN, record), "--patient", record.patient, "--json",
                 stdin=ADMIN_PW)  # fmt: skip
    assert listed.code == 0, listed.output
    grants = {g["grantee"]: g["level"] for g in json.loads(listed.stdout)}
    assert grants[record.kaya_id] == "view" and "*" not in grants
    _kaya_has_view_only(run, record, tmp_path)
    assert _photo_count(record) == 1  # the refused import added nothing

    revoked = run(
        "share", "revoke", *_as(LOGIN, record), "--patient", record.patient, "--to", SECOND_LOGIN,
        stdin=ADMIN_PW,
    )  # fmt: skip
    assert revoked.code == 0 and revoked.stdout.strip() == "Access revoked.", revoked.output
    _kaya_has_no_access(run, record)
    # Both changes are on the trail, acted by the Admin, naming the grantee.
    ws, admin = log_in(Vault.open(record.folder), LOGIN, PASSWORD)
    try:
        log = AuditLog(ws)
        events = [
            (r.event, r.actor_login, r.patient, r.object_id, r.outcome)
            for r in log.query(admin, AuditFilter(patient_id=record.patient))
            if r.event in ("ACCESS_GRANTED", "ACCESS_REVOKED")
        ]
    finally:
        lock(ws, admin, logged_out=True)
    assert events == [
        ("ACCESS_GRANTED", LOGIN, record.patient, record.kaya_id, "success"),
        ("ACCESS_REVOKED", LOGIN, record.patient, record.kaya_id, "success"),
    ]


def test_free_shares_practice_wide_only(cli: CliRunner, record: Record, tmp_path: Path) -> None:
    chosen = cli(
        "share", "grant", *_as(LOGIN, record), "--patient", record.patient, "--to", SECOND_LOGIN,
        "--level", "view", stdin=ADMIN_PW,
    )  # fmt: skip
    line = _refused(chosen)
    assert "needs PixioDoc Teams" in line and "Free" in line

    practice = cli(
        "share", "grant", *_as(LOGIN, record), "--patient", record.patient, "--to", "practice",
        "--level", "view", stdin=ADMIN_PW,
    )  # fmt: skip
    assert practice.code == 0, practice.output
    assert practice.stdout.strip() == "Whole practice now has view access."
    listed = cli("share", "list", *_as(LOGIN, record), "--patient", record.patient, stdin=ADMIN_PW)
    assert listed.stdout.splitlines()[0].split() == ["Whole", "practice", "view"]
    _kaya_has_view_only(cli, record, tmp_path)
    # A View Only colleague may not pass the record on.
    passed_on = cli(
        "share", "grant", *_as(SECOND_LOGIN, record), "--patient", record.patient, "--to",
        "practice", "--level", "edit", stdin=KAYA_PW,
    )  # fmt: skip
    assert "may not share" in _refused(passed_on)

    revoked = cli(
        "share", "revoke", *_as(LOGIN, record), "--patient", record.patient, "--to", "practice",
        stdin=ADMIN_PW,
    )  # fmt: skip
    assert revoked.code == 0, revoked.output
    _kaya_has_no_access(cli, record)
