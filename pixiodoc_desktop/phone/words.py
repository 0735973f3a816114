"""Body sites and modalities in both languages the phone page speaks (no Qt).

The page follows the phone's own language (navigator.language), as its other
words and the secure link's viewer do; so the pairing sends each name in
English and German and the page picks. The German body sites are the table
the link viewer reads too (web/body_sites_de.json), the German modalities the
workstation's own; tests hold both to resources/translations, so the phone
never names a site differently from the screen.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES
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


@cache
def _german_sites() -> dict[str, str]:
    folder = resources.files("pixiodoc_desktop.web")
    return dict(json.loads(folder.joinpath("body_sites_de.json").read_text("utf-8")))


def site_names(code: str) -> dict[str, str]:
    """{"en": ..., "de": ...} for a body-site code (the code itself when it is unknown)."""
    site = BODY_SITES.get(code)
    if site is None:
        return dict.fromkeys(LANGUAGES, code)
    return {"en": site.label, "de": _german_sites().get(code, site.label)}


def modality_names(code: str) -> dict[str, str]:
    return MODALITY_NAMES.get(code, dict.fromkeys(LANGUAGES, code))
