"""Showing a comparison's two photos: decrypted, audited as PHOTO_VIEWED with the
screen ("comparison" or "consultation") in the details.

The consultation screen (shown to the patient) follows one consent rule,
`may_show_to_patient`: a patient's photos are shown there when the consent in
force includes "consultation-screen"; where no decision on that scope was
ever recorded, consent to clinical documentation suffices (showing patients
their own documentation is part of their care). A recorded refusal of
"consultation-screen" always wins, and teaching, sharing or publication
consent alone never suffices.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.consent import Consents
from pixiodoc_desktop.clinic.records.photos import ImageSize, Photos
from pixiodoc_desktop.clinic.records.vocabulary import ConsentScope
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied


class Screen(StrEnum):
    COMPARISON = "comparison"  # the clinician's compare view
    CONSULTATION = "consultation"  # the patient-facing consultation screen


class NoConsentToShow(PermissionDenied):
    """The patient has not consented to being shown on the consultation screen."""


class ComparisonViewing:
    """Both photos of a pair for a screen, and whether the patient may see them."""

    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation
        self.photos = Photos(workstation)
        self.consents = Consents(workstation)

    def may_show_to_patient(self, actor: Actor, patient_id: str) -> bool:
        """Whether this patient's photos may appear on the consultation screen (see module doc)."""
        current = self.consents.current(actor, patient_id)
        screen = current.get(str(ConsentScope.CONSULTATION_SCREEN))
        if screen is not None:
            return screen.granted
        clinical = current.get(str(ConsentScope.CLINICAL))
        return clinical is not None and clinical.granted

    def require_show_to_patient(self, actor: Actor, patient_id: str) -> None:
        if self.may_show_to_patient(actor, patient_id):
            return
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.PHOTO_VIEWED,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                outcome=audit.Outcome.DENIED,
                details={"screen": str(Screen.CONSULTATION), "reason": "consent"},
            )
        )
        raise NoConsentToShow(
            "This patient has not consented to being shown photos on the consultation "
            "screen (record consent for 'consultation-screen' first)."
        )

    def images(
        self,
        actor: Actor,
        before_id: str,
        after_id: str,
        *,
        size: ImageSize = ImageSize.SCREEN,
        screen: Screen = Screen.COMPARISON,
        comparison_id: str | None = None,
    ) -> tuple[bytes, bytes]:
        """Both photos' decrypted bytes; audited as PHOTO_VIEWED on `screen`.

        The consultation screen also checks consent (NoConsentToShow).
        """
        before = self.photos.get(actor, before_id)
        after = self.photos.get(actor, after_id)
        if before.patient_id != after.patient_id:
            raise InvalidInput("Both photos of a comparison must be of the same patient")
        if screen is Screen.CONSULTATION:
            self.require_show_to_patient(actor, before.patient_id)
        data = (
            self.photos.image(actor, before_id, size, audited=False),
            self.photos.image(actor, after_id, size, audited=False),
        )
        with self.ws.unit_of_work(actor) as uow:
            for photo in (before, after):
                details: dict[str, Any] = {"screen": str(screen), "size": str(size)}
                if comparison_id is not None:
                    details["comparison"] = comparison_id
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.PHOTO_VIEWED,
                        actor.user_id,
                        patient_id=photo.patient_id,
                        object_type="photo",
                        object_id=photo.id,
                        details=details,
                    )
                )
        return data
