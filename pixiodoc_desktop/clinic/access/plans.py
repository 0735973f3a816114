"""Plans: what the clinic's licence allows (Free, Pro, Teams).

- Free: up to 10 patients, up to 3 clinicians sharing records practice-wide.
- Pro: unlimited patients and the progress slider (before/after comparison).
- Teams: Pro, plus the licence's seats (4 or more clinicians) and sharing a
  record with chosen colleagues (per-clinician grants). Practice-wide
  grants work on every plan: they are how a one-room practice with an
  assistant works at all, and a record's creator keeps it private by
  choosing no practice grant.

The plan comes from a licence: a JSON document signed with Ed25519 whose
public key is in this module (`tools/issue_licence.py` signs, with a private
key that never enters the repository). The licence is kept in the vault's
settings (clinic data, not a PC's preference; sync is to carry the
"licence" setting to the clinic's other workstations) and checked every time
the plan is read: an expired, tampered, foreign or unreadable licence
counts as Free, which refuses only new records beyond Free's limits and
never hides or deletes what exists.

The demo vault is built with a "demo" entitlement instead of a licence (a
setting only `demo/clinic.py` writes). That is not a loophole worth having:
anyone who can write that setting holds the workspace key and the source,
and could as well patch the check; and the demo plan caps patients at 25 and
clinicians at 3, so it is no way to run a clinic. It has every plan's
features, so that a practice can try each of them (sharing with a chosen
colleague included) before it buys.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PlanLimitReached
from pixiodoc_desktop.vault.schema import Clinician, Patient, Setting

# The licence issuer's Ed25519 public key (raw, hex). Tests monkeypatch it.
TRUSTED_PUBLIC_KEY = "ede6bcbac40bc268aa2f5d0f21e7bbfe547274ea3f0c4c2c70a56b5a0f0aade1"

LICENCE_SETTING = "licence"
DEMO_SETTING = "plan_demo"
PLANS = ("free", "pro", "teams", "demo")
PAID_PLANS = ("pro", "teams")
UPGRADE_HINT = (
    "Upgrade to PixioDoc Pro or Teams (see pixiodoc.example/pricing) and install the "
    "licence with 'pixiodoc licence install FILE' or File > Licence… in the workstation."
)
MIN_TEAM_SEATS = 4

_PRO_FEATURES = frozenset({"unlimited_patients", "progress_slider"})
_FEATURES: dict[str, frozenset[str]] = {
    "free": frozenset(),
    "pro": _PRO_FEATURES,
    "teams": _PRO_FEATURES | {"sharing_between_clinicians"},
}
# The demo lets a practice try every plan's features; its caps keep it a demo.
_FEATURES["demo"] = _FEATURES["teams"] - {"unlimited_patients"}
_MAX_PATIENTS = {"free": 10, "demo": 25}
_MAX_CLINICIANS = {"free": 3, "demo": 3, "pro": 3}
FEATURES = frozenset().union(*_FEATURES.values())


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan in force. `problem` says why a licence was not honoured, if one was not."""

    name: str
    clinic: str | None = None
    seats: int | None = None
    expires: dt.date | None = None
    licence_id: str | None = None
    problem: str | None = None
    features: frozenset[str] = field(default=frozenset())

    def allows(self, feature: str) -> bool:
        if feature not in FEATURES:
            raise ValueError(f"unknown plan feature {feature!r}")
        return feature in self.features

    @property
    def max_patients(self) -> int | None:
        return None if "unlimited_patients" in self.features else _MAX_PATIENTS[self.name]

    @property
    def max_clinicians(self) -> int | None:
        return self.seats if self.name == "teams" else _MAX_CLINICIANS.get(self.name)

    @property
    def label(self) -> str:
        return {"free": "Free", "pro": "Pro", "teams": "Teams", "demo": "Demo (every feature)"}[
            self.name
        ]


FREE = Plan("free", features=_FEATURES["free"])


@dataclass(frozen=True, slots=True)
class Licence:
    clinic: str
    plan: str
    seats: int
    expires: dt.date
    issued: dt.date
    licence_id: str


def canonical(body: dict[str, Any]) -> bytes:
    """The bytes that are signed: the licence body as sorted, compact JSON."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def parse_licence(text: str, public_key_hex: str | None = None) -> Licence:
    """Check the signature and shape of a licence document; InvalidInput says what is wrong."""
    try:
        document = json.loads(text)
        body = document["licence"]
        signature = base64.b64decode(document["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise InvalidInput("This is not a PixioDoc licence file") from None
    if not isinstance(body, dict):
        raise InvalidInput("This is not a PixioDoc licence file")
    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex or TRUSTED_PUBLIC_KEY))
    try:
        key.verify(signature, canonical(body))
    except InvalidSignature:
        raise InvalidInput(
            "The licence's signature does not match (it was altered or not issued by PixioDoc)"
        ) from None
    try:
        licence = Licence(
            clinic=str(body["clinic"]),
            plan=str(body["plan"]),
            seats=int(body["seats"]),
            expires=dt.date.fromisoformat(str(body["expires"])),
            issued=dt.date.fromisoformat(str(body["issued"])),
            licence_id=str(body["id"]),
        )
    except (KeyError, ValueError, TypeError):
        raise InvalidInput("The licence is signed but incomplete") from None
    if licence.plan not in PAID_PLANS:
        raise InvalidInput(f"The licence names an unknown plan {licence.plan!r}")
    return licence


def _same_clinic(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def plan_from_settings(
    licence_text: str | None,
    demo: bool,
    clinic_name: str,
    *,
    today: dt.date | None = None,
) -> Plan:
    """The plan a vault's settings give, never raising: problems fall back to Free."""
    if licence_text:
        try:
            licence = parse_licence(licence_text)
        except InvalidInput as exc:
            return Plan("free", problem=exc.message, features=_FEATURES["free"])
        if not _same_clinic(licence.clinic, clinic_name):
            return Plan(
                "free",
                problem="The licence was issued for another clinic",
                features=_FEATURES["free"],
            )
        if licence.expires < (today or dt.date.today()):
            return Plan(
                "free",
                clinic=licence.clinic,
                expires=licence.expires,
                problem=f"The {licence.plan.title()} licence expired on {licence.expires}",
                features=_FEATURES["free"],
            )
        return Plan(
            licence.plan,
            clinic=licence.clinic,
            seats=licence.seats,
            expires=licence.expires,
            licence_id=licence.licence_id,
            features=_FEATURES[licence.plan],
        )
    if demo:
        return Plan("demo", clinic=clinic_name, features=_FEATURES["demo"])
    return FREE


def current_plan(session: Session) -> Plan:
    def value(key: str) -> str | None:
        row = session.get(Setting, key)
        return row.value if row else None

    return plan_from_settings(
        value(LICENCE_SETTING), value(DEMO_SETTING) == "1", value("clinic_name") or ""
    )


def patient_room(session: Session) -> tuple[int | None, int]:
    """(how many more patients the plan allows, or None for no limit; the count now)."""
    limit = current_plan(session).max_patients
    count = int(
        session.scalar(select(func.count()).select_from(Patient).where(~Patient.deleted)) or 0
    )
    return (None if limit is None else max(0, limit - count)), count


def limit_reached_message(session: Session, count: int) -> str:
    """The plan's limit in words, for a clinic that has (or would have) `count` patients."""
    plan = current_plan(session)
    why = f" ({plan.problem})" if plan.problem else ""
    return (
        f"The {plan.label} plan keeps up to {plan.max_patients} patients and this clinic has "
        f"{count}{why}. Existing records stay available. {UPGRADE_HINT}"
    )


def require_room_for_patient(session: Session) -> None:
    """Refuse a new patient beyond the plan's limit (existing ones stay untouched)."""
    room, count = patient_room(session)
    if room == 0:
        raise PlanLimitReached(limit_reached_message(session, count))


def require_room_for_clinician(session: Session) -> None:
    plan = current_plan(session)
    limit = plan.max_clinicians
    if limit is None:
        return
    count = int(
        session.scalar(select(func.count()).select_from(Clinician).where(Clinician.active)) or 0
    )
    if count >= limit:
        raise PlanLimitReached(
            f"The {plan.label} plan has room for {limit} active clinicians and all are taken. "
            + (
                "Ask for more seats on the Teams licence."
                if plan.name == "teams"
                else "PixioDoc Teams has 4 or more seats. " + UPGRADE_HINT
            )
        )


def require_feature(session: Session, feature: str, what: str) -> None:
    plan = current_plan(session)
    if not plan.allows(feature):
        raise PlanLimitReached(
            f"{what} needs PixioDoc Teams; this clinic has {plan.label}. {UPGRADE_HINT}"
            if feature == "sharing_between_clinicians"
            else f"{what} needs PixioDoc Pro; this clinic has {plan.label}. {UPGRADE_HINT}"
        )


class Plans:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def current(self) -> Plan:
        with self.ws.read_session() as session:
            return current_plan(session)

    def patient_count(self) -> int:
        with self.ws.read_session() as session:
            return int(
                session.scalar(select(func.count()).select_from(Patient).where(~Patient.deleted))
                or 0
            )

    def install(self, actor: Actor, text: str) -> Plan:
        """Install a licence (a workspace Admin; audited as SECURITY_SETTING_CHANGED)."""
        if not actor.is_workspace_admin:
            draft = audit.EventDraft(
                audit.EventType.SECURITY_SETTING_CHANGED,
                actor.user_id,
                outcome=audit.Outcome.DENIED,
                details={"setting": "plan"},
            )
            self.ws.audit_alone(draft)
            raise AccessDenied("Only a practice Admin may install a licence.", draft)
        licence = parse_licence(text)
        clinic = self.ws.vault.setting("clinic_name") or ""
        if not _same_clinic(licence.clinic, clinic):
            raise InvalidInput(
                f"This licence was issued for {licence.clinic!r}, not for this clinic ({clinic!r})"
            )
        if licence.expires < dt.date.today():
            raise InvalidInput(f"This licence expired on {licence.expires}")
        if licence.plan == "teams" and licence.seats < MIN_TEAM_SEATS:
            raise InvalidInput(f"A Teams licence has at least {MIN_TEAM_SEATS} seats")
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Setting, LICENCE_SETTING)
            if row is None:
                uow.session.add(Setting(key=LICENCE_SETTING, value=text))
            else:
                row.value = text
            uow.audit(
                audit.EventDraft(
                    audit.EventType.SECURITY_SETTING_CHANGED,
                    actor.user_id,
                    object_type="setting",
                    object_id="plan",
                    details={
                        "setting": "plan",
                        "plan": licence.plan,
                        "seats": licence.seats,
                        "expires": licence.expires.isoformat(),
                        "licence": licence.licence_id,
                    },
                )
            )
        return self.current()

    def mark_demo(self, actor: Actor) -> Plan:
        """Give a demo vault its demo entitlement (called only by the demo builder)."""
        with self.ws.unit_of_work(actor) as uow:
            if uow.session.get(Setting, DEMO_SETTING) is None:
                uow.session.add(Setting(key=DEMO_SETTING, value="1"))
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.SECURITY_SETTING_CHANGED,
                        actor.user_id,
                        object_type="setting",
                        object_id="plan",
                        details={"setting": "plan", "plan": "demo"},
                    )
                )
        return self.current()

    def install_file(self, actor: Actor, path: Path) -> Plan:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"Cannot read the licence file {path}: {exc}") from None
        return self.install(actor, text)
