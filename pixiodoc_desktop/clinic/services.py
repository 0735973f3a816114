"""All clinic services of one logged-in workstation, built once and passed down."""

from __future__ import annotations

from dataclasses import dataclass

from pixiodoc_desktop.clinic.records.consent import Consents
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import Photos
from pixiodoc_desktop.clinic.records.visits import Lesions, Visits
from pixiodoc_desktop.clinic.workstation import Workstation


@dataclass(frozen=True, slots=True)
class ClinicServices:
    workstation: Workstation
    patients: Patients
    visits: Visits
    lesions: Lesions
    consents: Consents
    photos: Photos

    @classmethod
    def for_workstation(cls, ws: Workstation) -> ClinicServices:
        return cls(ws, Patients(ws), Visits(ws), Lesions(ws), Consents(ws), Photos(ws))

    @property
    def clinic_name(self) -> str:
        return self.workstation.vault.setting("clinic_name") or ""
