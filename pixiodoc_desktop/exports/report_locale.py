"""The words, dates and numbers of a report in the reader's language (no Qt).

The command line writes English reports with ISO dates (scripts read them);
the workstation hands in its user's locale: German words, 05.12.2026, 4,2 mm,
and its own translated body sites, modalities and sexes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES

MODALITIES = {
    "overview": "Clinical overview",
    "close-up": "Close-up",
    "dermoscopy-polarised": "Dermoscopy, polarised",
    "dermoscopy-non-polarised": "Dermoscopy, non-polarised",
}
SEXES = {"female": "Female", "male": "Male", "other": "Diverse", "unknown": "Not recorded"}

GERMAN: dict[str, str] = {
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


@dataclass(frozen=True, slots=True)
class ReportLocale:
    """How a report says things; the default is the command line's English with ISO dates."""

    language: str = "en"
    date: Callable[[dt.date], str] = _iso
    number_format: Callable[[float, int], str] = _plain_number
    body_site: Callable[[str | None], str] = _english_site
    modality: Callable[[str], str] = _english_modality
    sex: Callable[[str], str] = _english_sex

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
