"""Requests from the practice software open, create and update patients; results go back
as 6310 beside the visit's PDF; everything through `pixiodoc gdt ...` as IT would run it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from gdt_fixtures import new_examination, request
from practice_support import Exchange
from sqlalchemy import select
from vault_support import LOGIN, PASSWORD, SECOND_LOGIN, SECOND_PASSWORD, CliRunner, synthetic_jpeg

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.practice import gdt
from pixiodoc_desktop.practice.gdt_charsets import Charset
from pixiodoc_desktop.vault.schema import AuditEvent


def _events(ws: Workstation, event_type: str) -> list[tuple[str | None, str, dict[str, Any]]]:
    with ws.read_session() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.event_type == event_type)
            .order_by(AuditEvent.id.desc())
        ).all()
        return [(r.patient_id, r.outcome, dict(r.details or {})) for r in rows]


def _process(run_cli: CliRunner, vault: Path, path: Path, *, login: str = LOGIN,
             password: str = PASSWORD) -> Any:  # fmt: skip
    done = run_cli("gdt", "process", "--vault", vault, "--user", login, "--password-stdin",
                   path, "--json", stdin=password + "\n")  # fmt: skip
    assert done.code == 0, done.output
    return json.loads(done.stdout)


def test_configure_from_the_command_line(
    run_cli: CliRunner, made_vault: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "exchange"
    folder.mkdir()
    done = run_cli(
        "gdt", "configure", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        "--in", folder, "--gdt-version", "3.0", "--charset", "utf-8", "--read-charset", "cp1252",
        "--naming", "numbered", "--file-field", "path=6302", "--file-field", "format=6303",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.code == 0, done.output
    assert "GDT 03.00, utf-8, reading cp1252" in done.stdout
    bad = run_cli(
        "gdt", "configure", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        "--in", tmp_path / "nowhere", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert bad.code == 1 and "does not exist" in bad.stderr
    utf8_21 = run_cli(
        "gdt", "configure", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        "--in", folder, "--charset", "utf-8", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert utf8_21.code == 1 and "GDT 2.1 has no UTF-8" in utf8_21.stderr


def test_a_6302_creates_the_patient_and_todays_visit_then_updates_on_change(
    run_cli: CliRunner, made_vault: Any, exchange: Exchange, workstation: Workstation,
    services: ClinicServices, actor: Actor,
) -> None:  # fmt: skip
    first = exchange.inbox / "PIXOPVS1.gdt"
    first.write_bytes(new_examination("4711", "Müßig", "Jürgen", "01051970", "1"))
    outcome = _process(run_cli, made_vault.folder, first)
    assert outcome["created"] is True and outcome["screen"] == "capture"
    assert not first.exists()  # the receiver removes a handled request
    patient = services.patients.get(actor, outcome["patient_id"], audited=False)
    assert (patient.family_name, patient.given_name) == ("Müßig", "Jürgen")
    assert (patient.birth_date, patient.sex, patient.external_id) == (
        dt.date(1970, 5, 1), "male", "4711"
    )  # fmt: skip
    visits = services.visits.list(actor, patient.id)
    assert [(v.id, v.visit_date) for v in visits] == [(outcome["visit_id"], dt.date.today())]
    assert _events(workstation, "PATIENT_CREATED")[0][2] == {"source": "GDT"}

    # Married and renamed in the PVS; the same request again the same day.
    again = exchange.inbox / "PIXOPVS1.gdt"
    again.write_bytes(new_examination("4711", "Öztürk-Müßig", "Jürgen", "01051970", "1"))
    second = _process(run_cli, made_vault.folder, again)
    assert (second["patient_id"], second["created"]) == (patient.id, False)
    assert second["changed"] == ["family_name"] and second["visit_id"] == outcome["visit_id"]
    assert services.patients.get(actor, patient.id, audited=False).family_name == "Öztürk-Müßig"
    updated = [d for p, _, d in _events(workstation, "PATIENT_UPDATED") if "source" in d]
    assert updated == [{"fields": ["family_name"], "source": "GDT"}]
    assert len(services.visits.list(actor, patient.id)) == 1


def test_6311_opens_the_timeline_and_6300_is_answered_with_6301(
    run_cli: CliRunner, made_vault: Any, exchange: Exchange, workstation: Workstation,
    services: ClinicServices, actor: Actor,
) -> None:  # fmt: skip
    patient = services.patients.create(
        actor, family_name="Weiß", given_name="Ännchen", birth_date=dt.date(1960, 12, 24),
        sex="female", external_id="815",
    )  # fmt: skip
    show = exchange.inbox / "PIXOPVS1.001"
    show.write_bytes(request("6311", [("3000", b"815")], charset="2"))
    shown = _process(run_cli, made_vault.folder, show)
    assert (shown["patient_id"], shown["screen"], shown["visit_id"]) == (
        patient.id, "timeline", None
    )  # fmt: skip
    assert services.visits.list(actor, patient.id) == []

    ask = exchange.inbox / "PIXOPVS1.002"
    ask.write_bytes(request("6300", [("3000", b"815")]))
    answered = _process(run_cli, made_vault.folder, ask)
    assert answered["answer_file"] == "PVS1PIXO.gdt"
    (answer,) = gdt.read_file(exchange.outbox / "PVS1PIXO.gdt")
    assert answer.record_type is gdt.RecordType.MASTER_DATA
    assert (answer.receiver, answer.sender, answer.charset) == ("PVS1", "PIXO", Charset.ANSI)
    assert [answer.first(f) for f in ("3000", "3101", "3102", "3103", "3110")] == [
        "815", "Weiß", "Ännchen", "24121960", "2"
    ]  # fmt: skip
    assert (exchange.outbox / "PVS1PIXO.gdt").read_bytes().count("Weiß".encode("latin-1")) == 1
    exported = _events(workstation, "DATA_EXPORTED")[0]
    assert exported[0] == patient.id and exported[2]["format"] == "GDT"


def test_a_patient_the_clinician_may_not_see_opens_nothing_and_is_audited_as_denied(
    run_cli: CliRunner, made_vault: Any, exchange: Exchange, workstation: Workstation,
    services: ClinicServices, actor: Actor, second_clinician: Actor,
) -> None:  # fmt: skip
    private = services.patients.create(
        actor, family_name="Geheim", external_id="999", practice_level=None
    )
    path = exchange.inbox / "PIXOPVS1.gdt"
    path.write_bytes(new_examination("999", "Geheim", "", "00000000", "2"))
    done = run_cli("gdt", "process", "--vault", made_vault.folder, "--user", SECOND_LOGIN,
                   "--password-stdin", path, stdin=SECOND_PASSWORD + "\n")  # fmt: skip
    assert done.code == 1 and "Geheim" not in done.output
    assert path.exists()  # not handled: it stays for someone who may
    denied = [e for e in _events(workstation, "PATIENT_VIEWED") if e[1] == "denied"]
    assert denied and denied[0][0] == private.id
    assert services.visits.list(actor, private.id) == []
    assert services.patients.count() == 1


def test_malformed_request_is_refused_with_the_reason(
    run_cli: CliRunner, made_vault: Any, exchange: Exchange, services: ClinicServices
) -> None:
    path = exchange.inbox / "PIXOPVS1.gdt"
    path.write_bytes(new_examination("1", "A", "B", "01011990", "1")[:-5])
    done = run_cli("gdt", "process", "--vault", made_vault.folder, "--user", LOGIN,
                   "--password-stdin", path, stdin=PASSWORD + "\n")  # fmt: skip
    assert done.code == 1
    assert done.stderr.strip() == "pixiodoc: PIXOPVS1.gdt ends in the middle of a line " \
        "(the file is truncated)"  # fmt: skip
    assert services.patients.count() == 0


def _visit_with_photos(
    services: ClinicServices, actor: Actor, number: str | None
) -> tuple[str, str]:
    patient = services.patients.create(
        actor, family_name="Müller", given_name="Jürgen", birth_date=dt.date(1970, 5, 1),
        sex="male", external_id=number,
    )  # fmt: skip
    visit = services.visits.create(
        actor, patient.id, visit_date=dt.date(2025, 3, 14), reason="Kontrolle Nävus",
        conditions=("Nävus", "Ekzem"), notes="Juckt seit Januar.\nGrößenzunahme?",
    )  # fmt: skip
    for seed, site in ((1, "forearm-left"), (2, "forearm-left"), (3, "face")):
        services.photos.ingest(
            actor, synthetic_jpeg(seed), CaptureContext(patient.id, visit_id=visit.id,
            body_site=site), source_name=f"{seed}.jpg",
        )  # fmt: skip
    return patient.id, visit.id


@pytest.mark.parametrize(
    ("version", "charset"), [("2.1", "7bit"), ("2.1", "cp437"), ("3.0", "utf-8")]
)
def test_result_6310_beside_its_pdf(
    run_cli: CliRunner, made_vault: Any, exchange: Exchange, workstation: Workstation,
    services: ClinicServices, actor: Actor, version: str, charset: str,
) -> None:  # fmt: skip
    _, visit_id = _visit_with_photos(services, actor, "4711")
    configured = run_cli(
        "gdt", "configure", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        "--in", exchange.inbox, "--out", exchange.outbox, "--gdt-version", version,
        "--charset", charset, "--naming", "numbered", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert configured.code == 0, configured.output
    paths = []
    for _ in range(2):
        done = run_cli("gdt", "result", "--vault", made_vault.folder, "--user", LOGIN,
                       "--password-stdin", "--visit", visit_id, "--json",
                       stdin=PASSWORD + "\n")  # fmt: skip
        assert done.code == 0, done.output
        paths.append(json.loads(done.stdout))
    assert [Path(p["gdt"]).name for p in paths] == ["PVS1PIXO.001", "PVS1PIXO.002"]
    (result,) = gdt.read_file(Path(paths[0]["gdt"]))
    assert result.record_type is gdt.RecordType.RESULT
    assert (
        result.charset is Charset(charset)
        and result.version == {"2.1": "02.10", "3.0": "03.00"}[version]
    )
    assert [result.first(f) for f in ("3000", "3101", "3102", "3103", "6200")] == [
        "4711", "Müller", "Jürgen", "01051970", "14032025"
    ]  # fmt: skip
    assert result.all("6220") == ["Anlass: Kontrolle Nävus", "Befund: Nävus; Ekzem"]
    assert result.all("6227") == ["Juckt seit Januar.", "Größenzunahme?"]
    assert result.all("6228") == [
        "Face (SNOMED CT 89545001): 1 Foto", "Forearm, left (SNOMED CT 14975008): 2 Fotos"
    ]  # fmt: skip
    pdf = Path(result.first("6305") or "")
    assert pdf.parent == exchange.outbox and pdf.read_bytes().startswith(b"%PDF")
    assert (result.first("6302"), result.first("6303")) == (f"PIXIODOC-{visit_id[:8]}", "PDF")
    assert result.objects == (
        ("Obj_Patient", "Obj_Untersuchung", "Obj_Anhang") if version == "3.0" else ()
    )
    gdt_exports = [d for p, o, d in _events(workstation, "DATA_EXPORTED") if d["format"] == "GDT"]
    assert len(gdt_exports) == 2 and gdt_exports[0]["photos"] == 3
    assert gdt_exports[0]["destination"] == "practice software folder"


def test_result_file_field_mapping_and_fixed_names(
    exchange: Exchange, workstation: Workstation, services: ClinicServices, actor: Actor
) -> None:
    from dataclasses import replace

    from pixiodoc_desktop.errors import InvalidInput, PracticeError
    from pixiodoc_desktop.practice.exchange import write_result
    from pixiodoc_desktop.practice.settings import configure_gdt

    _, visit_id = _visit_with_photos(services, actor, "4711")
    vendor = configure_gdt(workstation, actor, replace(
        exchange.settings, file_fields={"path": "6302", "description": "6304"}))  # fmt: skip
    files = write_result(workstation, actor, visit_id, vendor)
    (result,) = gdt.read_file(files.gdt)
    assert result.first("6302") == str(files.pdf) and result.first("6304") == "Fotodokumentation"
    assert result.first("6303") is None and result.first("6305") is None
    with pytest.raises(PracticeError, match=r"has not collected PVS1PIXO\.gdt yet"):
        write_result(workstation, actor, visit_id, vendor)
    _, no_number = _visit_with_photos(services, actor, None)
    files.gdt.unlink()
    with pytest.raises(InvalidInput, match="no patient number"):
        write_result(workstation, actor, no_number, vendor)
