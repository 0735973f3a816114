"""The demo clinic's own texts follow a language switched after it was built.

`pixiodoc --demo` calls `ensure_demo_vault(folder, language=settings.language)`
at every start. A demo built in English, opened after the clinician chose
German, has its reasons, findings, treatments, notes and lesion labels in
German; a note a person typed into the demo stays as typed; the rewrite is
audited; an unchanged language opens nothing; and back to English works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditLog
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.visits import Lesions, Visits
from pixiodoc_desktop.demo import clinic
from pixiodoc_desktop.demo.clinic import DEMO_PATIENTS, build_demo_vault, ensure_demo_vault
from pixiodoc_desktop.demo.language import spoken
from pixiodoc_desktop.vault.vault import Vault

TYPED = "Patient asks about sun protection; SPF 50 advised."


def _texts(folder: Path) -> tuple[set[str], set[str], int]:
    """(every visit text, every lesion label, audit events) in the demo vault now."""
    vault = Vault.open(folder)
    ws, actor = log_in(vault, clinic.DEMO_LOGIN, clinic.DEMO_PASSWORD)
    texts: set[str] = set()
    labels: set[str] = set()
    try:
        for patient in Patients(ws).search(actor, "", audited=False):
            for visit in Visits(ws).list(actor, patient.id):
                texts |= {visit.reason, visit.treatment, visit.notes, *visit.conditions}
            labels |= {lesion.label for lesion in Lesions(ws).list(actor, patient.id)}
        events = len(AuditLog(ws).query(actor))
    finally:
        lock(ws, actor, logged_out=True)
    return texts, labels, events


def test_the_demo_speaks_the_language_chosen_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A patient with a skin condition and the one with a tracked naevus.
    monkeypatch.setattr(clinic, "DEMO_PATIENTS", (DEMO_PATIENTS[0], DEMO_PATIENTS[6]))
    folder = tmp_path / "demo-vault"
    built = build_demo_vault(folder, patients=2, visits=2, size=(160, 120), language="en")
    assert spoken(folder) == "en"
    vault = Vault.open(folder)
    ws, actor = log_in(vault, built.login, built.password)
    try:
        patient = Patients(ws).search(actor, "", audited=False)[0]
        visit = Visits(ws).list(actor, patient.id)[-1]
        Visits(ws).update(actor, visit.id, notes=TYPED)
    finally:
        lock(ws, actor, logged_out=True)
    english, english_labels, events_before = _texts(folder)
    assert {"Follow-up", "Baseline photographs taken.", "Adapalene/benzoyl peroxide gel"} <= english
    assert english_labels == {"Naevus 1"}

    ensure_demo_vault(folder, language="de")  # the next `pixiodoc --demo` in German
    german, german_labels, events_after = _texts(folder)
    assert spoken(folder) == "de"
    assert {"Verlaufskontrolle", "Ausgangsbefund fotografiert.", "Kontrolle in Woche 6."} <= german
    assert "Adapalen/Benzoylperoxid-Gel" in german
    assert not german & {"Follow-up", "Baseline photographs taken.", "Week 6 review."}
    assert TYPED in german  # what a person typed stays as typed
    assert german_labels == {"Nävus 1"}
    assert events_after > events_before  # the rewrite is audited

    # Unchanged: nothing is opened or written (reading alone adds the same events each time).
    reading = _texts(folder)[2] - events_after
    ensure_demo_vault(folder, language="de")
    assert _texts(folder)[2] - events_after == 2 * reading

    ensure_demo_vault(folder, language="en")
    assert _texts(folder)[:2] == (english, english_labels)
