"""The record dialogs driven through their widgets: patient, visit, consent and lesion.

Each test fills the real dialog, clicks OK, and checks the result twice: in the
vault (read back through the clinic services on the DB worker) and on screen
(patient list, record header, timeline, details panel).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from gui_support import first_run_into_workspace, in_vault, write_jpegs
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.dialogs import (
    ConsentDialog,
    LesionDialog,
    PatientDialog,
    VisitDialog,
)

D = TypeVar("D", bound=QDialog)


@pytest.fixture
def admin(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window()
    first_run_into_workspace(qtbot, window)
    assert window.is_unlocked()
    return window


def open_dialog(qtbot: QtBot, window: MainWindow, kind: type[D]) -> D:
    """The visible dialog of this kind (a closed one may linger until deleteLater runs)."""
    found: list[D] = []

    def visible() -> bool:
        found[:] = [d for d in window.findChildren(kind) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(visible, timeout=5000)
    return found[0]


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def new_patient_in_vault(qtbot: QtBot, window: MainWindow, family: str, given: str) -> str:
    patient = in_vault(
        qtbot,
        window,
        lambda s, a: s.patients.create(
            a, family_name=family, given_name=given, birth_date=dt.date(1960, 8, 9)
        ),
    )
    window.open_patient(patient.id)
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.id == patient.id,
        timeout=10000,
    )
    return str(patient.id)


def timeline_visits(window: MainWindow) -> list[tuple[str, str]]:
    """(title, subtitle) of each visit heading the timeline lays out and paints."""
    items = window.timeline.timeline._items
    return [(item.text, item.subtitle) for item in items if item.kind == "visit"]


def list_entries(window: MainWindow) -> list[str]:
    model = window.patients.model
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


# --- 1. patient: create, then edit ----------------------------------------------------------


def test_new_patient_then_edit_name_birth_date_and_number(qtbot: QtBot, admin: MainWindow) -> None:
    window = admin
    qtbot.mouseClick(window.patients.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, PatientDialog)
    assert dialog.windowTitle() == "New patient"
    qtbot.keyClicks(dialog.family, "Hartmann")
    qtbot.keyClicks(dialog.given, "Olga")
    qtbot.keyClicks(dialog.birth, "1979-05-02")
    qtbot.keyClicks(dialog.external, "MRN-100")
    click_ok(qtbot, dialog)
    # The new patient is opened at once.
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == "Hartmann",
        timeout=10000,
    )
    assert window.record is not None
    pid = window.record.patient.id
    stored = in_vault(qtbot, window, lambda s, a: s.patients.get(a, pid, audited=False))
    assert (stored.family_name, stored.given_name) == ("Hartmann", "Olga")
    assert (stored.birth_date, stored.external_id) == (dt.date(1979, 5, 2), "MRN-100")
    qtbot.waitUntil(
        lambda: (
            list_entries(window) == [f"Hartmann, Olga\n{date_text(dt.date(1979, 5, 2))} · MRN-100"]
        )
    )
    assert window.timeline.name_label.text() == "Hartmann, Olga"

    qtbot.mouseClick(window.timeline.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, PatientDialog)
    assert dialog.windowTitle() == "Edit patient"
    assert (dialog.family.text(), dialog.birth.text()) == ("Hartmann", "1979-05-02")
    assert dialog.external.text() == "MRN-100"
    dialog.family.clear()
    qtbot.keyClicks(dialog.family, "Hartmann-Berg")
    dialog.birth.clear()
    qtbot.keyClicks(dialog.birth, "03.06.1978")  # the German way is understood too
    dialog.external.clear()
    qtbot.keyClicks(dialog.external, "MRN-101")
    click_ok(qtbot, dialog)

    stored = in_vault(qtbot, window, lambda s, a: s.patients.get(a, pid, audited=False))
    assert (stored.family_name, stored.given_name) == ("Hartmann-Berg", "Olga")
    assert (stored.birth_date, stored.external_id) == (dt.date(1978, 6, 3), "MRN-101")
    # Found under its new name and number; the old number finds nobody.
    found = in_vault(qtbot, window, lambda s, a: [p.id for p in s.patients.search(a, "MRN-101")])
    assert found == [pid]
    assert in_vault(qtbot, window, lambda s, a: s.patients.search(a, "MRN-100")) == []
    # The list and the open record's header follow.
    qtbot.waitUntil(
        lambda: (
            list_entries(window)
            == [f"Hartmann-Berg, Olga\n{date_text(dt.date(1978, 6, 3))} · MRN-101"]
        ),
        timeout=10000,
    )
    qtbot.waitUntil(lambda: window.timeline.name_label.text() == "Hartmann-Berg, Olga")
    assert window.timeline.facts_label.text().startswith(
        f"{date_text(dt.date(1978, 6, 3))} · MRN-101"
    )


def test_an_invalid_date_of_birth_is_refused_inside_the_dialog(
    qtbot: QtBot, admin: MainWindow
) -> None:
    window = admin
    window.commands.new_patient.trigger()
    dialog = open_dialog(qtbot, window, PatientDialog)
    qtbot.keyClicks(dialog.family, "Hartmann")
    qtbot.keyClicks(dialog.birth, "31.02.1979")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "not a valid date of birth" in dialog.message.text()
    assert dialog.isVisible()
    assert in_vault(qtbot, window, lambda s, a: s.patients.search(a, "")) == []


# --- 2. visit: create, then edit ------------------------------------------------------------


def test_new_visit_then_edit_it(qtbot: QtBot, admin: MainWindow, tmp_path: Path) -> None:
    window = admin
    pid = new_patient_in_vault(qtbot, window, "Brandt", "Paula")
    assert timeline_visits(window) == []
    qtbot.mouseClick(window.timeline.visit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, VisitDialog)
    dialog.date.setDate(QDate(2025, 3, 14))
    qtbot.keyClicks(dialog.reason, "Mole check")
    qtbot.keyClicks(dialog.conditions, "Naevus, Eczema")
    qtbot.keyClicks(dialog.treatment, "Emollient")
    qtbot.keyClicks(dialog.notes, "Itches at night")
    click_ok(qtbot, dialog)

    visits = in_vault(qtbot, window, lambda s, a: s.visits.list(a, pid))
    assert len(visits) == 1
    visit = visits[0]
    assert (visit.visit_date, visit.reason) == (dt.date(2025, 3, 14), "Mole check")
    assert (visit.conditions, visit.treatment, visit.notes) == (
        ("Naevus", "Eczema"),
        "Emollient",
        "Itches at night",
    )
    qtbot.waitUntil(
        lambda: (
            timeline_visits(window)
            == [(date_text(dt.date(2025, 3, 14)), "Mole check · Naevus, Eczema")]
        ),
        timeout=10000,
    )
    conditions = window.timeline.condition_filter
    assert {conditions.itemData(i) for i in range(conditions.count())} >= {"Naevus", "Eczema"}

    # The details panel shows (and edits) the visit of the selected photo.
    window.import_paths(write_jpegs(tmp_path / "camera", 1), visit.id)
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.photos) == 1, timeout=20000
    )
    assert window.record is not None
    photo = window.record.photos[0]
    assert photo.visit_id == visit.id
    window.timeline.timeline.select(photo.id)
    fields = window.details.visit_fields
    assert fields["treatment"].text() == "Emollient"
    assert fields["notes"].text() == "Itches at night"
    qtbot.mouseClick(window.details.visit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, VisitDialog)
    assert dialog.windowTitle() == "Edit visit"
    assert not dialog.date.isEnabled()
    assert dialog.conditions.text() == "Naevus, Eczema"
    dialog.reason.clear()
    qtbot.keyClicks(dialog.reason, "Follow-up")
    dialog.conditions.clear()
    qtbot.keyClicks(dialog.conditions, "Naevus")
    dialog.treatment.clear()
    qtbot.keyClicks(dialog.treatment, "Excision planned")
    dialog.notes.clear()
    qtbot.keyClicks(dialog.notes, "No more itching")
    click_ok(qtbot, dialog)

    visits = in_vault(qtbot, window, lambda s, a: s.visits.list(a, pid))
    assert [(v.id, v.visit_date, v.reason, v.conditions, v.treatment, v.notes) for v in visits] == [
        (
            visit.id,
            dt.date(2025, 3, 14),
            "Follow-up",
            ("Naevus",),
            "Excision planned",
            "No more itching",
        )
    ]
    qtbot.waitUntil(
        lambda: (
            timeline_visits(window) == [(date_text(dt.date(2025, 3, 14)), "Follow-up · Naevus")]
        ),
        timeout=10000,
    )
    qtbot.waitUntil(lambda: fields["treatment"].text() == "Excision planned", timeout=10000)
    assert fields["reason"].text() == "Follow-up"
    assert fields["notes"].text() == "No more itching"


# --- 3. consent -------------------------------------------------------------------------------


def test_consent_granted_and_refused_by_scope(qtbot: QtBot, admin: MainWindow) -> None:
    window = admin
    pid = new_patient_in_vault(qtbot, window, "Krüger", "Timo")
    assert window.details.consent_label.text() == "No consent recorded yet."
    qtbot.mouseClick(window.timeline.consent_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, ConsentDialog)
    dialog.scope.setCurrentIndex(dialog.scope.findData("teaching"))
    dialog.decision.setCurrentIndex(dialog.decision.findData(False))
    dialog.date.setDate(QDate(2025, 2, 3))
    qtbot.keyClicks(dialog.note, "no photos in lectures")
    click_ok(qtbot, dialog)

    current = in_vault(qtbot, window, lambda s, a: s.consents.current(a, pid))
    assert set(current) == {"teaching"}
    teaching = current["teaching"]
    assert (teaching.granted, teaching.decided_on) == (False, dt.date(2025, 2, 3))
    assert teaching.note == "no photos in lectures"
    refused = f"{labels.consent_scope('teaching')}: refused ({date_text(dt.date(2025, 2, 3))})"
    qtbot.waitUntil(lambda: window.details.consent_label.text() == refused, timeout=10000)

    # A second scope, from the details panel's button, granted today.
    qtbot.mouseClick(window.details.consent_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, ConsentDialog)
    dialog.scope.setCurrentIndex(dialog.scope.findData("sharing"))
    dialog.decision.setCurrentIndex(dialog.decision.findData(True))
    click_ok(qtbot, dialog)
    current = in_vault(qtbot, window, lambda s, a: s.consents.current(a, pid))
    assert current["sharing"].granted and current["sharing"].decided_on == dt.date.today()
    assert not current["teaching"].granted
    granted = f"{labels.consent_scope('sharing')}: granted ({date_text(dt.date.today())})"
    qtbot.waitUntil(lambda: granted in window.details.consent_label.text(), timeout=10000)
    assert refused in window.details.consent_label.text()


# --- 4. lesion ----------------------------------------------------------------------------------


def test_track_a_lesion(qtbot: QtBot, admin: MainWindow) -> None:
    window = admin
    pid = new_patient_in_vault(qtbot, window, "Lange", "Mia")
    qtbot.mouseClick(window.timeline.lesion_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, LesionDialog)
    dialog.site.setCurrentIndex(dialog.site.findData("upper-back"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no label yet: refused in the dialog
    assert dialog.message.text() == "Give the lesion a label."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.label, "Naevus 1")
    qtbot.keyClicks(dialog.notes, "irregular border")
    click_ok(qtbot, dialog)

    lesions = in_vault(qtbot, window, lambda s, a: s.lesions.list(a, pid))
    assert [(x.body_site, x.label, x.notes) for x in lesions] == [
        ("upper-back", "Naevus 1", "irregular border")
    ]
    qtbot.waitUntil(
        lambda: window.record is not None and len(window.record.lesions) == 1, timeout=10000
    )
    combo = window.timeline.lesion_filter
    assert (combo.itemData(1), combo.itemText(1)) == (lesions[0].id, "Naevus 1")
