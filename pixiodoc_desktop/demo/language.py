"""The demo clinic speaks the interface's language, also after the language is switched.

The demo's reasons, findings, treatments, notes and lesion labels are records
in its vault, written when the demo is built (in the language chosen then,
`build_demo_vault(language=...)`); a translator cannot reach them. When the
clinician switches the language (it takes effect at the next start),
`pixiodoc --demo` rewrites the demo's own texts in the new language before
the window opens (the histology reports of the mole map's excised naevus are
part of a procedure's history, which is never rewritten, and stay as built). Only a text that is exactly one of the demo's own, in
another language, is rewritten: whatever a person typed into the demo stays
as typed. The demo vault never holds a real patient (its password is public
and its header marks it), so rewriting its sample texts changes no clinical
record; the edits are audited like any other (PATIENT_UPDATED, by the demo's
Admin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.visits import Lesions, Visits
from pixiodoc_desktop.demo.words import GERMAN, demo_text
from pixiodoc_desktop.vault.header import DEMO_LANGUAGE, read_header
from pixiodoc_desktop.vault.vault import Vault

LANGUAGES = ("en", "de")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Rewritten:
    visits: int
    lesions: int


def _in(language: str, text: str) -> str:
    """`text`, one of the demo's own in any language, in `language`; else `text` unchanged.

    A text with a number in it ("Week {weeks} review.", "Naevus {n}") keeps its number.
    """
    for source, german in GERMAN.items():
        if "{" not in source:
            if text in (source, german):
                return demo_text(source, language)
            continue
        for template in (source, german):
            name = _PLACEHOLDER.search(template)
            assert name is not None
            pattern = re.escape(template).replace(re.escape(name[0]), r"(\d+)")
            found = re.fullmatch(pattern, text)
            if found is not None:
                return demo_text(source, language).format(**{name[1]: found[1]})
    return text


def spoken(folder: Path) -> str | None:
    """The language the demo vault's texts are in (None: built before it was recorded)."""
    value = read_header(folder).extra.get(DEMO_LANGUAGE)
    return value if isinstance(value, str) else None


def speak(folder: Path, login: str, password: str, language: str) -> Rewritten:
    """Rewrite the demo vault's own texts at `folder` in `language` ("en" or "de").

    Nothing is opened when they are in that language already (the header says so).
    """
    if language not in LANGUAGES or spoken(folder) == language:
        return Rewritten(0, 0)
    vault = Vault.open(folder)
    ws, actor = log_in(vault, login, password)
    visits_done = lesions_done = 0
    try:
        visits, lesions = Visits(ws), Lesions(ws)
        for patient in Patients(ws).search(actor, "", limit=100_000, audited=False):
            for visit in visits.list(actor, patient.id):
                reason, treatment, notes = (
                    _in(language, visit.reason),
                    _in(language, visit.treatment),
                    _in(language, visit.notes),
                )
                conditions = tuple(_in(language, c) for c in visit.conditions)
                if (reason, treatment, notes, conditions) != (
                    visit.reason,
                    visit.treatment,
                    visit.notes,
                    tuple(visit.conditions),
                ):
                    visits.update(
                        actor,
                        visit.id,
                        reason=reason,
                        conditions=conditions,
                        treatment=treatment,
                        notes=notes,
                    )
                    visits_done += 1
            for lesion in lesions.list(actor, patient.id):
                label = _in(language, lesion.label)
                if label != lesion.label:
                    lesions.relabel(actor, lesion.id, label)
                    lesions_done += 1
        vault.mark_as_demo(language)
    finally:
        lock(ws, actor, logged_out=True)
    return Rewritten(visits_done, lesions_done)
