"""Patients from the EHR's CSV: mapping, Windows-1252 with ';', per-line validation,
a dry run that changes nothing, duplicates matched by external id, never doubled."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, CliRunner, MadeVault

from pixiodoc_desktop.clinic.exchange.ehr_import import RowStatus, import_csv, parse_mapping
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied

MAPPING = "family=Nachname,given=Vorname,dob=Geburtsdatum,external_id=PatNr,sex=Geschlecht"
CSV_TEXT = (
    "PatNr;Nachname;Vorname;Geburtsdatum;Geschlecht\r\n"
    "1001;Müller;Jürgen;01.05.1970;M\r\n"  # line 2: new
    "1002;Weiß;Renée;1985-12-24;W\r\n"  # line 3: new
    "1003;Groß;Ödön;31.02.1990;M\r\n"  # line 4: no such date
    "1001;Müller;Jürgen;01.05.1970;M\r\n"  # line 5: same external id as line 2
    "2000;Bestand;Anna;;\r\n"  # line 6: already in the vault
    ";;Niemand;;X\r\n"  # line 7: no family name
    "\r\n"
)


def _cp1252() -> bytes:
    return CSV_TEXT.encode("cp1252")


@pytest.fixture
def existing(services: ClinicServices, actor: Actor) -> str:
    return services.patients.create(
        actor, family_name="Bestand", given_name="Anna", external_id="2000"
    ).id


def test_dry_run_counts_and_changes_nothing(
    workstation: Workstation, services: ClinicServices, actor: Actor, existing: str
) -> None:
    summary = import_csv(
        workstation,
        actor,
        _cp1252(),
        parse_mapping(MAPPING),
        delimiter=";",
        encoding="cp1252",
        dry_run=True,
    )
    assert (summary.new, summary.matched, summary.invalid) == (2, 2, 2)
    assert summary.text() == "2 new (would be created), 2 matched by external id, 2 invalid"
    by_line = {r.line: r for r in summary.rows}
    assert (
        by_line[4].status is RowStatus.INVALID
        and "'31.02.1990' is not a date" in by_line[4].message
    )
    assert by_line[5].status is RowStatus.MATCHED and "line 2" in by_line[5].message
    assert by_line[6].patient_id == existing
    assert by_line[7].status is RowStatus.INVALID and "family name is empty" in by_line[7].message
    assert services.patients.count() == 1


def test_real_run_creates_new_patients_once(
    workstation: Workstation, services: ClinicServices, actor: Actor, existing: str
) -> None:
    mapping = parse_mapping(MAPPING)
    first = import_csv(workstation, actor, _cp1252(), mapping, delimiter=";", encoding="cp1252")
    assert first.created == 2
    made = {p.external_id: p for p in services.patients.search(actor, "", audited=False)}
    assert set(made) == {"1001", "1002", "2000"}
    assert (made["1001"].family_name, made["1001"].given_name) == ("Müller", "Jürgen")
    assert made["1001"].birth_date == dt.date(1970, 5, 1) and made["1001"].sex == "male"
    assert (made["1002"].family_name, made["1002"].sex) == ("Weiß", "female")
    by_line = {r.line: r for r in first.rows}
    assert by_line[5].patient_id == made["1001"].id  # matched to the row that created it
    again = import_csv(workstation, actor, _cp1252(), mapping, delimiter=";", encoding="cp1252")
    assert (again.new, again.matched, again.created) == (0, 4, 0)
    assert services.patients.count() == 3


def test_wrong_encoding_and_unknown_column_are_clear(
    workstation: Workstation, actor: Actor
) -> None:
    with pytest.raises(
        InvalidInput, match=r"Line 2 is not valid utf-8 text \(try --encoding cp1252\)"
    ):
        import_csv(workstation, actor, _cp1252(), parse_mapping(MAPPING), delimiter=";")
    with pytest.raises(InvalidInput, match="no column 'Nachname'"):
        import_csv(workstation, actor, _cp1252(), parse_mapping(MAPPING), encoding="cp1252")
    with pytest.raises(InvalidInput, match="not a patient field"):
        parse_mapping("surname=Nachname")


def test_import_takes_a_workspace_admin(workstation: Workstation, second_clinician: Actor) -> None:
    with pytest.raises(PermissionDenied):
        import_csv(
            workstation,
            second_clinician,
            _cp1252(),
            parse_mapping(MAPPING),
            delimiter=";",
            encoding="cp1252",
        )


def test_import_csv_command_dry_run_then_real(
    run_cli: CliRunner, made_vault: MadeVault, tmp_path: Path
) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes(_cp1252())
    args = ("patient", "import-csv", source, "--vault", made_vault.folder, "--user", LOGIN,
            "--password-stdin", "--map", MAPPING, "--delimiter", ";", "--encoding", "cp1252")  # fmt: skip
    dry = run_cli(*args, "--dry-run", stdin=PASSWORD + "\n")
    assert dry.code == 0, dry.output
    assert "line 4: '31.02.1990' is not a date of birth" in dry.stdout
    assert "Dry run: 3 new (would be created), 1 matched by external id, 2 invalid" in dry.stdout
    real = run_cli(*args, "--json", stdin=PASSWORD + "\n")
    assert real.code == 1  # some rows were invalid: scripts notice
    report = json.loads(real.stdout)
    assert (report["created"], report["matched"], report["invalid"]) == (3, 1, 2)
