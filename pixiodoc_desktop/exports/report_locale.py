"""The words, dates and numbers of a report in the reader's language (no Qt).

The command line writes English reports with ISO dates (scripts read them);
the workstation hands in its user's locale: German words, 05.12.2026, 4,2 mm,
and its own translated body sites, modalities and sexes. A German locale built
without them (`pixiodoc export pdf --language de`, a test, a background job)
still says everything in German: the body sites as the workstation shows them
(web/body_sites_de.json, which a test keeps in step with the .ts), modalities,
sexes and series poses from the tables below, dates as 05.12.2026 and 4,2 mm.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pixiodoc_desktop.clinic.records.body_series import STANDARD_POSES
from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES

MODALITIES = {
    "overview": "Clinical overview",
    "close-up": "Close-up",
    "dermoscopy-polarised": "Dermoscopy, polarised",
    "dermoscopy-non-polarised": "Dermoscopy, non-polarised",
}
SEXES = {"female": "Female", "male": "Male", "other": "Diverse", "unknown": "Not recorded"}
# As the workstation's translation says them (resources/translations, context Vocabulary).
GERMAN_MODALITIES = {
    "overview": "Klinische Übersicht",
    "close-up": "Nahaufnahme",
    "dermoscopy-polarised": "Dermatoskopie, polarisiert",
    "dermoscopy-non-polarised": "Dermatoskopie, nicht polarisiert",
}
GERMAN_SEXES = {
    "female": "Weiblich",
    "male": "Männlich",
    "other": "Divers",
    "unknown": "Keine Angabe",
}

# The standard poses as the workstation's translation says them (context BodySeries).
GERMAN_POSES = {
    "front": "Vorderseite, Arme seitlich",
    "back": "Rückseite, Arme seitlich",
    "left": "Linke Seite, Arme erhoben",
    "right": "Rechte Seite, Arme erhoben",
    "front-arms-raised": "Vorderseite, Arme erhoben",
    "back-arms-raised": "Rückseite, Arme erhoben",
    "legs-front": "Beine, vorne",
    "legs-back": "Beine, hinten",
    "head-front": "Kopf und Hals, vorne",
    "head-back": "Kopf und Hals, hinten",
    "head-left": "Kopf, linke Seite",
    "head-right": "Kopf, rechte Seite",
    "soles": "Fußsohlen",
    "palms": "Handflächen",
    "hands-back": "Handrücken",
    "feet-top": "Fußrücken",
}

GERMAN: dict[str, str] = {
    "Total-body series": "Ganzkörperserie",
    "Consultation report": "Befundbericht",
    "Your data at this practice": "Ihre Daten in dieser Praxis",
    "Patient": "Patient/in",
    "Date of birth": "Geburtsdatum",
    "Sex": "Geschlecht",
    "Patient number": "Patientennummer",
    "Visits": "Besuche",
    "Visit of {date}": "Besuch vom {date}",
    "Reason": "Anlass",
    "Findings": "Befund",
    "Treatment": "Therapie",
    "Notes": "Notizen",
    "Body site": "Körperstelle",
    "Lesion": "Läsion",
    "Tags": "Schlagwörter",
    "not recorded": "nicht erfasst",
    "none": "keine",
    "Comparison": "Vergleich",
    "before": "vorher",
    "after": "nachher",
    "Scale bar: {length}": "Maßstab: {length}",
    "(before only)": "(nur vorher)",
    "(after only)": "(nur nachher)",
    "diameter": "Durchmesser",
    "distance": "Abstand",
    "area": "Fläche",
    "Clinician": "Behandelnde/r",
    "Date, signature": "Datum, Unterschrift",
    "created {date}": "erstellt am {date}",
    "Page {page}": "Seite {page}",
    "Female": "weiblich",
    "Male": "männlich",
    "Diverse": "divers",
    "Not recorded": "nicht angegeben",
    "Second opinion from {who}, {date}": "Zweitmeinung von {who}, {date}",
    "Second opinions": "Zweitmeinungen",
    "a colleague": "einer Kollegin / einem Kollegen",
    "Suggested diagnosis": "Vorgeschlagene Diagnose",
    "Recommendation": "Empfehlung",
    "Marks on photos": "Markierungen auf Fotos",
    "Marked by a second opinion ({count})": "Markiert in einer Zweitmeinung ({count})",
    "Body map": "Körperkarte",
    "Front": "Vorderseite",
    "Back": "Rückseite",
    "Left side": "Linke Seite",
    "Right side": "Rechte Seite",
    "Face and scalp": "Gesicht und Kopfhaut",
    "Hands": "Hände",
    "Feet": "Füße",
    "New": "neu",
    "Grown": "gewachsen",
    "Stable": "stabil",
    "Biopsied": "biopsiert",
    "Excised": "exzidiert",
    "Status": "Status",
    "Largest diameter": "Größter Durchmesser",
    "Procedures": "Eingriffe",
    "Biopsy": "Biopsie",
    "Excision": "Exzision",
}


def _iso(value: dt.date) -> str:
    return value.isoformat()


def _plain_number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _english_site(code: str | None) -> str:
    site = BODY_SITES.get(code or "")
    return site.label if site else "not recorded"


def _english_modality(code: str) -> str:
    return MODALITIES.get(code, code)


def _english_sex(code: str) -> str:
    return SEXES.get(code, code)


def _english_pose(code: str) -> str:
    return STANDARD_POSES.get(code, code)


def _german_pose(code: str) -> str:
    return GERMAN_POSES.get(code, code)


@cache
def _german_sites() -> dict[str, str]:
    text = resources.files("pixiodoc_desktop.web").joinpath("body_sites_de.json").read_text("utf-8")
    return dict(json.loads(text))


def _german_site(code: str | None) -> str:
    site = BODY_SITES.get(code or "")
    if site is None:
        return "nicht erfasst"
    return _german_sites().get(site.code, site.label)


def _german_modality(code: str) -> str:
    return GERMAN_MODALITIES.get(code, code)


def _german_sex(code: str) -> str:
    return GERMAN_SEXES.get(code, code)


def _german_date(value: dt.date) -> str:
    return f"{value:%d.%m.%Y}"


def _german_number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


# What a German locale says in place of each English default it was not handed.
_GERMAN_DEFAULTS: dict[str, tuple[object, object]] = {
    "date": (_iso, _german_date),
    "number_format": (_plain_number, _german_number),
    "body_site": (_english_site, _german_site),
    "modality": (_english_modality, _german_modality),
    "sex": (_english_sex, _german_sex),
    "pose": (_english_pose, _german_pose),
}


@dataclass(frozen=True, slots=True)
class ReportLocale:
    """How a report says things; the default is the command line's English with ISO dates."""

    language: str = "en"
    date: Callable[[dt.date], str] = _iso
    number_format: Callable[[float, int], str] = _plain_number
    body_site: Callable[[str | None], str] = _english_site
    modality: Callable[[str], str] = _english_modality
    sex: Callable[[str], str] = _english_sex
    pose: Callable[[str], str] = _english_pose  # a total-body series' standard pose

    def __post_init__(self) -> None:
        if self.language != "de":
            return
        for name, (english, german) in _GERMAN_DEFAULTS.items():
            if getattr(self, name) is english:
                object.__setattr__(self, name, german)

    def word(self, text: str, **values: object) -> str:
        said = GERMAN.get(text, text) if self.language == "de" else text
        return said.format(**values) if values else said

    def number(self, value: float, decimals: int = 1) -> str:
        return self.number_format(value, decimals)

    def millimetres(self, length: float) -> str:
        """A ruler's length: '5 mm', '0.5 mm' (German '0,5 mm')."""
        decimals = 0 if float(length).is_integer() else 1
        return f"{self.number(length, decimals)} mm"

    def signed(self, value: float, decimals: int = 1) -> str:
        return ("+" if value >= 0 else "-") + self.number(abs(value), decimals)


ENGLISH = ReportLocale()
