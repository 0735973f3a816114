"""Plans: Free's patient limit, signed licences, expiry and tampering fall back to Free."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from access_support import LicenceIssuer
from vault_support import CLINIC, LOGIN, ROOT, SECOND_LOGIN, SECOND_PASSWORD, add_clinician

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.access.plans import LICENCE_SETTING, Plans
from pixiodoc_desktop.clinic.access.sharing import Sharing
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.demo.clinic import build_demo_vault
from pixiodoc_desktop.errors import InvalidInput, PlanLimitReached
from pixiodoc_desktop.vault.schema import Setting
from pixiodoc_desktop.vault.vault import Vault


@pytest.fixture
def issuer(monkeypatch: pytest.MonkeyPatch) -> LicenceIssuer:
    return LicenceIssuer(monkeypatch)


def _fill(services: ClinicServices, actor: Actor, count: int) -> list[str]:
    return [services.patients.create(actor, family_name=f"Planmann {i}").id for i in range(count)]


def _store_licence(services: ClinicServices, text: str) -> None:
    """Put a licence into the settings as a sync or a backup could (no install checks)."""
    with services.workstation.vault.write_session() as session, session.begin():
        row = session.get(Setting, LICENCE_SETTING)
        if row is None:
            session.add(Setting(key=LICENCE_SETTING, value=text))
        else:
            row.value = text


def test_free_keeps_ten_patients_and_says_how_to_upgrade(
    services: ClinicServices, actor: Actor
) -> None:
    plan = Plans(services.workstation).current()
    assert plan.name == "free" and not plan.allows("progress_slider")
    _fill(services, actor, 10)
    with pytest.raises(PlanLimitReached) as refused:
        services.patients.create(actor, family_name="Elfte")
    message = refused.value.message
    assert "10 patients" in message and "Free" in message
    assert "Upgrade" in message and "licence install" in message
    assert services.patients.count() == 10


def test_pro_licence_lifts_the_limit_and_allows_the_slider(
    services: ClinicServices, actor: Actor, issuer: LicenceIssuer
) -> None:
    _fill(services, actor, 10)
    plan = Plans(services.workstation).install(actor, issuer.licence(CLINIC, "pro"))
    assert plan.name == "pro" and plan.allows("progress_slider")
    assert not plan.allows("sharing_between_clinicians")
    services.patients.create(actor, family_name="Elfte")
    assert services.patients.count() == 11
    with pytest.raises(ValueError, match="unknown plan feature"):
        plan.allows("time_travel")


@pytest.mark.parametrize("fault", ["expired", "tampered", "foreign", "garbage"])
def test_bad_licence_falls_back_to_free_without_losing_records(
    services: ClinicServices, actor: Actor, issuer: LicenceIssuer, fault: str
) -> None:
    Plans(services.workstation).install(actor, issuer.licence(CLINIC, "pro"))
    ids = _fill(services, actor, 12)
    if fault == "expired":
        text = issuer.licence(CLINIC, "pro", expires=dt.date.today() - dt.timedelta(days=1))
    elif fault == "tampered":
        document = json.loads(issuer.licence(CLINIC, "pro"))
        document["licence"]["plan"] = "teams"
        document["licence"]["seats"] = 50
        text = json.dumps(document)
    elif fault == "foreign":
        text = issuer.licence("Andere Praxis", "pro")
    else:
        text = "{not json"
    _store_licence(services, text)
    plan = Plans(services.workstation).current()
    assert plan.name == "free" and plan.problem
    assert not plan.allows("progress_slider")
    # Everything stays readable ...
    assert len(services.patients.search(actor, "planmann")) == 12
    assert all(services.patients.get(actor, pid).id == pid for pid in ids)
    services.patients.update(actor, ids[0], notes="still editable")
    # ... only new records are refused, naming the reason.
    with pytest.raises(PlanLimitReached) as refused:
        services.patients.create(actor, family_name="Dreizehnte")
    assert plan.problem in refused.value.message


def test_install_refuses_bad_licences(
    services: ClinicServices, actor: Actor, issuer: LicenceIssuer
) -> None:
    plans = Plans(services.workstation)
    document = json.loads(issuer.licence(CLINIC, "pro"))
    document["licence"]["expires"] = "2099-01-01"
    with pytest.raises(InvalidInput, match="signature"):
        plans.install(actor, json.dumps(document))
    with pytest.raises(InvalidInput, match=r"another|not for this clinic"):
        plans.install(actor, issuer.licence("Fremde Praxis", "pro"))
    with pytest.raises(InvalidInput, match="expired"):
        plans.install(actor, issuer.licence(CLINIC, expires=dt.date(2020, 1, 1)))
    with pytest.raises(InvalidInput, match="not a PixioDoc licence"):
        plans.install(actor, "hello")
    assert plans.current().name == "free"


def test_sharing_with_a_colleague_needs_teams(
    services: ClinicServices, actor: Actor, issuer: LicenceIssuer, second_clinician: Actor
) -> None:
    patient = services.patients.create(actor, family_name="Teamfall", practice_level=None).id
    sharing = Sharing(services.workstation)
    sharing.grant(actor, patient, "practice", "view")  # practice-wide works on every plan
    with pytest.raises(PlanLimitReached, match="Teams"):
        sharing.grant(actor, patient, SECOND_LOGIN, "edit")
    Plans(services.workstation).install(actor, issuer.licence(CLINIC, "pro"))
    with pytest.raises(PlanLimitReached, match="Teams"):
        sharing.grant(actor, patient, SECOND_LOGIN, "edit")
    plan = Plans(services.workstation).install(actor, issuer.licence(CLINIC, "teams", seats=5))
    assert plan.allows("sharing_between_clinicians") and plan.allows("progress_slider")
    granted = sharing.grant(actor, patient, SECOND_LOGIN, "edit")
    assert granted.level == "edit"
    assert services.patients.get(second_clinician, patient).access == "edit"


def test_teams_licence_needs_four_seats(issuer: LicenceIssuer) -> None:
    with pytest.raises(ValueError, match="at least 4 seats"):
        issuer.licence(CLINIC, "teams", seats=3)


def test_seats_limit_new_clinicians(
    services: ClinicServices, actor: Actor, issuer: LicenceIssuer
) -> None:
    clinicians = Clinicians(services.workstation)
    add_clinician(services.workstation, "dr.zwei", SECOND_PASSWORD)
    add_clinician(services.workstation, "dr.drei", SECOND_PASSWORD)
    with pytest.raises(PlanLimitReached, match="Teams"):
        clinicians.add(
            actor, login="dr.vier", display_name="Dr. Vier", password=SECOND_PASSWORD + "x"
        )
    Plans(services.workstation).install(actor, issuer.licence(CLINIC, "teams", seats=4))
    clinicians.add(actor, login="dr.vier", display_name="Dr. Vier", password=SECOND_PASSWORD + "x")
    with pytest.raises(PlanLimitReached, match="more seats"):
        clinicians.add(
            actor, login="dr.fuenf", display_name="Dr. Fuenf", password=SECOND_PASSWORD + "y"
        )


def test_demo_vault_is_pro(tmp_path: Path) -> None:
    demo = build_demo_vault(tmp_path / "demo", patients=1, visits=1, size=(160, 120))
    ws, actor = log_in(Vault.open(demo.folder), demo.login, demo.password)
    try:
        plan = Plans(ws).current()
        assert plan.name == "demo" and plan.allows("progress_slider")
        assert plan.licence_id is None
    finally:
        lock(ws, actor)


def test_issue_licence_tool_writes_a_licence_the_app_accepts(
    tmp_path: Path, services: ClinicServices, actor: Actor, issuer: LicenceIssuer
) -> None:
    key = tmp_path / "issuer.pem"
    key.write_bytes(issuer.pem())
    out = tmp_path / "praxis.pxlicence"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "issue_licence.py"),
            "--private-key",
            str(key),
            "--clinic",
            CLINIC,
            "--plan",
            "teams",
            "--seats",
            "6",
            "--expires",
            "2099-12-31",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    plan = Plans(services.workstation).install_file(actor, out)
    assert (plan.name, plan.seats, plan.expires) == ("teams", 6, dt.date(2099, 12, 31))


def test_licence_cli_show_and_refusal(cli: object, made_vault: object, tmp_path: Path) -> None:
    folder = made_vault.folder  # type: ignore[attr-defined]
    base = ("--vault", folder, "--user", LOGIN, "--password-stdin")
    pw = made_vault.password + "\n"  # type: ignore[attr-defined]
    shown = cli("licence", "show", *base, "--json", stdin=pw)  # type: ignore[operator]
    assert shown.code == 0, shown.output
    assert json.loads(shown.stdout)["plan"] == "free"
    forged = tmp_path / "forged.pxlicence"
    forged.write_text(json.dumps({"licence": {"plan": "pro"}, "signature": "AAAA"}))
    refused = cli("licence", "install", *base, forged, stdin=pw)  # type: ignore[operator]
    assert refused.code == 1 and "signature" in refused.stderr
    assert "Traceback" not in refused.output
