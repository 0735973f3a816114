"""Small fixed vocabularies of the clinic model."""

from __future__ import annotations

from enum import StrEnum

from pixiodoc_desktop.errors import InvalidInput


class Modality(StrEnum):
    CLINICAL_OVERVIEW = "overview"
    CLOSE_UP = "close-up"
    DERMOSCOPY_POLARISED = "dermoscopy-polarised"
    DERMOSCOPY_NON_POLARISED = "dermoscopy-non-polarised"

    @property
    def is_dermoscopy(self) -> bool:
        return self in (Modality.DERMOSCOPY_POLARISED, Modality.DERMOSCOPY_NON_POLARISED)


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ConsentScope(StrEnum):
    CLINICAL = "clinical"  # documentation of care
    SHARING = "sharing"  # with colleagues outside the practice
    TEACHING = "teaching"
    PUBLICATION = "publication"
    CONSULTATION_SCREEN = "consultation-screen"


class PhotoSource(StrEnum):
    IMPORT = "import"
    CAMERA = "camera"
    HOT_FOLDER = "hotfolder"
    PHONE = "phone"  # a paired phone's browser (pixiodoc_desktop/phone)


def parse(enum: type[StrEnum], value: str, what: str) -> str:
    try:
        return str(enum(value.strip().lower()))
    except ValueError:
        allowed = ", ".join(str(member) for member in enum)
        raise InvalidInput(f"{value!r} is not a {what}; choose one of: {allowed}") from None
