"""The app itself refuses a Teams licence with fewer than 4 seats, even one that is
properly signed (the issuing tool refuses to make one; this is signed by hand)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid

import pytest
from access_support import LicenceIssuer
from vault_support import CLINIC

from pixiodoc_desktop.clinic.access.plans import MIN_TEAM_SEATS, Plans, canonical
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput


def _signed_teams(issuer: LicenceIssuer, seats: int) -> str:
    body = {
        "clinic": CLINIC,
        "plan": "teams",
        "seats": seats,
        "expires": (dt.date.today() + dt.timedelta(days=365)).isoformat(),
        "issued": dt.date.today().isoformat(),
        "id": str(uuid.uuid4()),
    }
    signature = base64.b64encode(issuer.key.sign(canonical(body))).decode("ascii")
    return json.dumps({"licence": body, "signature": signature})


@pytest.mark.parametrize("seats", [1, MIN_TEAM_SEATS - 1])
def test_install_refuses_a_signed_teams_licence_with_too_few_seats(
    services: ClinicServices, actor: Actor, monkeypatch: pytest.MonkeyPatch, seats: int
) -> None:
    issuer = LicenceIssuer(monkeypatch)
    plans = Plans(services.workstation)
    with pytest.raises(InvalidInput) as refused:
        plans.install(actor, _signed_teams(issuer, seats))
    assert refused.value.message == "A Teams licence has at least 4 seats"
    assert plans.current().name == "free"
    # The same hand-signed licence with 4 seats is accepted: only the seat count was wrong.
    plan = plans.install(actor, _signed_teams(issuer, MIN_TEAM_SEATS))
    assert (plan.name, plan.seats) == ("teams", MIN_TEAM_SEATS)
