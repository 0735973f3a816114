"""The full matrix: who (by grant) x every service action -> allowed or PermissionDenied,
and each attempt, allowed or not, leaves exactly its audit event."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import SECOND_PASSWORD, add_clinician, synthetic_jpeg

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.emergency import EmergencyAccesses
from pixiodoc_desktop.clinic.access.sharing import Sharing
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import PermissionDenied
from pixiodoc_desktop.vault.schema import AuditEvent, Grant

FAMILY = "Matrixova"

# action -> the event type it writes (allowed or denied)
EVENTS = {
    "view": "PATIENT_VIEWED",
    "search": "PATIENT_SEARCHED",
    "add photo": "PHOTO_ADDED",
    "edit": "PATIENT_UPDATED",
    "delete photo": "PHOTO_DELETED",
    "erase": "PATIENT_ERASED",
    "export": "DATA_EXPORTED",
    "share": "ACCESS_GRANTED",
    "view audit": "AUDIT_LOG_ACCESSED",
}
Y, N, HIDDEN = "allowed", "denied", "hidden"  # hidden: search succeeds without the record
_ADMIN_ONLY = {"delete photo": N, "erase": N, "export": N, "share": N, "view audit": N}
MATRIX: dict[str, dict[str, str]] = {
    "view only": {"view": Y, "search": Y, "add photo": N, "edit": N, **_ADMIN_ONLY},
    "editor": {"view": Y, "search": Y, "add photo": Y, "edit": Y, **_ADMIN_ONLY},
    "record admin": dict.fromkeys(EVENTS, Y),
    "no grant": {**dict.fromkeys(EVENTS, N), "search": HIDDEN},
    "deactivated": dict.fromkeys(EVENTS, N),
    "emergency": {**dict.fromkeys(EVENTS, N), "view": Y, "search": HIDDEN},
    # A workspace Admin reads the audit trail but has no say over records without a grant.
    "workspace admin": {**dict.fromkeys(EVENTS, N), "search": HIDDEN, "view audit": Y},
}
GRANTS = {"view only": "view", "editor": "edit", "record admin": "admin", "deactivated": "admin"}


@dataclass(frozen=True, slots=True)
class Scene:
    services: ClinicServices
    owner: Actor
    patient_id: str
    photo_id: str
    tmp: Path


@pytest.fixture
def scene(services: ClinicServices, actor: Actor, tmp_path: Path) -> Scene:
    patient = services.patients.create(actor, family_name=FAMILY, practice_level=None).id
    photo = services.photos.ingest(
        actor, synthetic_jpeg(31), CaptureContext(patient_id=patient), source_name="m.jpg"
    )
    return Scene(services, actor, patient, photo.photo.id, tmp_path)


def _who(scene: Scene, kind: str) -> Actor:
    ws = scene.services.workstation
    role = "admin" if kind == "workspace admin" else "clinician"
    person = add_clinician(ws, f"dr.{kind.replace(' ', '')}", SECOND_PASSWORD, role=role)
    if kind in GRANTS:
        with ws.unit_of_work(scene.owner) as uow:
            uow.session.add(
                Grant(
                    id=str(uuid.uuid4()),
                    patient_id=scene.patient_id,
                    grantee=person.user_id,
                    level=GRANTS[kind],
                )
            )
    if kind == "emergency":
        EmergencyAccesses(ws).start(person, scene.patient_id, "Urgent consultation, owner away")
    if kind == "deactivated":
        Clinicians(ws).deactivate(scene.owner, person.login)
    return person


def _attempt(scene: Scene, who: Actor, action: str) -> Callable[[], object]:
    s, pid = scene.services, scene.patient_id
    return {
        "view": lambda: s.patients.get(who, pid),
        "search": lambda: [p.id for p in s.patients.search(who, FAMILY)],
        "add photo": lambda: s.photos.ingest(
            who, synthetic_jpeg(32), CaptureContext(patient_id=pid), source_name="n.jpg"
        ),
        "edit": lambda: s.patients.update(who, pid, notes="seen again"),
        "delete photo": lambda: s.photos.delete(who, scene.photo_id),
        "erase": lambda: s.patients.erase(who, pid, confirm_family_name=FAMILY),
        "export": lambda: s.photos.export(who, scene.photo_id, scene.tmp / "out.jpg"),
        "share": lambda: Sharing(s.workstation).grant(who, pid, "practice", "view"),
        "view audit": lambda: AuditLog(s.workstation).query(who, AuditFilter(patient_id=pid)),
    }[action]


def _events_of(scene: Scene, who: Actor, after: int) -> list[AuditEvent]:
    with scene.services.workstation.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.id > after, AuditEvent.actor_id == who.user_id)
                .order_by(AuditEvent.id)
            )
        )


def _last_id(scene: Scene) -> int:
    with scene.services.workstation.read_session() as session:
        return session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0


CELLS = [(kind, action) for kind in MATRIX for action in EVENTS]


@pytest.mark.parametrize(("kind", "action"), CELLS, ids=[f"{k}-{a}" for k, a in CELLS])
def test_cell(scene: Scene, kind: str, action: str) -> None:
    who = _who(scene, kind)
    expected = MATRIX[kind][action]
    before = _last_id(scene)
    attempt = _attempt(scene, who, action)
    if expected == N:
        with pytest.raises(PermissionDenied):
            attempt()
    else:
        result = attempt()
        if action == "search":
            assert (scene.patient_id in result) == (expected == Y)  # type: ignore[operator]
    events = [e for e in _events_of(scene, who, before) if e.event_type == EVENTS[action]]
    assert len(events) == 1, [(e.event_type, e.outcome) for e in _events_of(scene, who, before)]
    event = events[0]
    assert event.outcome == ("denied" if expected == N else "success")
    assert event.device_id == scene.services.workstation.device_id and event.at is not None
    if action != "search" and not (
        action == "view audit" and expected == N and kind == "deactivated"
    ):
        assert event.patient_id == scene.patient_id
    if expected != N and action in ("delete photo", "export"):
        assert (event.object_type, event.object_id) == ("photo", scene.photo_id)


def test_matrix_covers_every_actor_and_action() -> None:
    assert all(set(row) == set(EVENTS) for row in MATRIX.values())
    assert len(CELLS) == 7 * 9


def test_revoke_is_audited_as_access_revoked(scene: Scene) -> None:
    editor = _who(scene, "editor")
    sharing = Sharing(scene.services.workstation)
    before = _last_id(scene)
    with pytest.raises(PermissionDenied):
        sharing.revoke(editor, scene.patient_id, editor.login)
    kinds = [(e.event_type, e.outcome) for e in _events_of(scene, editor, before)]
    assert kinds == [("ACCESS_REVOKED", "denied")]
    sharing.grant(scene.owner, scene.patient_id, "practice", "view")
    before = _last_id(scene)
    sharing.revoke(scene.owner, scene.patient_id, "practice")
    kinds = [(e.event_type, e.outcome) for e in _events_of(scene, scene.owner, before)]
    assert kinds == [("ACCESS_REVOKED", "success")]
