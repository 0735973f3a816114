"""Body sites and modalities in both languages the phone page speaks (no Qt).

The page follows the phone's own language (navigator.language), as its other
words and the secure link's viewer do; so the pairing sends each name in
English and German and the page picks. The German is the workstation's own
(resources/translations, contexts BodySite and Vocabulary): a test keeps the
two equal, so the phone never says a site differently from the screen.
"""

from __future__ import annotations

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES, LEFT, RIGHT
from pixiodoc_desktop.clinic.records.vocabulary import Modality

LANGUAGES = ("en", "de")

MODALITY_NAMES: dict[str, dict[str, str]] = {
    Modality.CLINICAL_OVERVIEW: {"en": "Clinical overview", "de": "Klinische Übersicht"},
    Modality.CLOSE_UP: {"en": "Close-up", "de": "Nahaufnahme"},
    Modality.DERMOSCOPY_POLARISED: {
        "en": "Dermoscopy, polarised",
        "de": "Dermatoskopie, polarisiert",
    },
    Modality.DERMOSCOPY_NON_POLARISED: {
        "en": "Dermoscopy, non-polarised",
        "de": "Dermatoskopie, nicht polarisiert",
    },
}

GERMAN_SITES: dict[str, str] = {
    "Scalp": "Kopfhaut",
    "Face": "Gesicht",
    "Forehead": "Stirn",
    "Nose": "Nase",
    "Lips": "Lippen",
    "Chin": "Kinn",
    "Neck": "Hals",
    "Chest": "Brust",
    "Upper back": "Oberer Rücken",
    "Lower back": "Unterer Rücken",
    "Abdomen": "Abdomen",
    "Umbilicus": "Nabel",
    "Sacral region": "Sakralregion",
    "Genital region": "Genitalregion",
    "Perianal region": "Perianalregion",
    "Oral mucosa": "Mundschleimhaut",
    "Cheek": "Wange",
    "Ear": "Ohr",
    "Eyelid": "Augenlid",
    "Temple": "Schläfe",
    "Shoulder": "Schulter",
    "Axilla": "Achsel",
    "Upper arm": "Oberarm",
    "Elbow": "Ellenbogen",
    "Forearm": "Unterarm",
    "Wrist": "Handgelenk",
    "Back of hand": "Handrücken",
    "Palm": "Handfläche",
    "Finger": "Finger",
    "Fingernail": "Fingernagel",
    "Breast": "Mamma",
    "Flank": "Flanke",
    "Buttock": "Gesäß",
    "Groin": "Leiste",
    "Hip": "Hüfte",
    "Thigh": "Oberschenkel",
    "Knee": "Knie",
    "Back of knee": "Kniekehle",
    "Lower leg": "Unterschenkel",
    "Shin": "Schienbein",
    "Calf": "Wade",
    "Ankle": "Knöchel",
    "Top of foot": "Fußrücken",
    "Sole": "Fußsohle",
    "Toe": "Zehe",
    "Toenail": "Zehennagel",
}
_SIDES = {
    LEFT: {"en": "{0}, left", "de": "{0}, links"},
    RIGHT: {"en": "{0}, right", "de": "{0}, rechts"},
}


def site_names(code: str) -> dict[str, str]:
    """{"en": ..., "de": ...} for a body-site code (the code itself when it is unknown)."""
    site = BODY_SITES.get(code)
    if site is None:
        return dict.fromkeys(LANGUAGES, code)
    stem = site.label.split(",")[0]
    names = {"en": stem, "de": GERMAN_SITES.get(stem, stem)}
    if site.laterality in _SIDES:
        pattern = _SIDES[site.laterality]
        return {language: pattern[language].format(names[language]) for language in LANGUAGES}
    return names


def modality_names(code: str) -> dict[str, str]:
    return MODALITY_NAMES.get(code, dict.fromkeys(LANGUAGES, code))
