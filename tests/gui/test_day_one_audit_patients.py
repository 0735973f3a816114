"""Day one, the practice owner reads the audit trail: whom each entry is about.

Practice › Audit trail… in the demo clinic names the patient of each entry as the
rest of the window does ("Müller, Jürgen · MRN-…"), keeps the record's id in the
cell's tooltip, finds entries by the patient number typed in the filter, and shows
an erased patient as erased, never the old name. English and German.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, click_menu, demo_app, demo_vaults, shoot, shots
from gui_support import in_vault
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pixiodoc_desktop.clinic.safekeeping.erasure import erase_patient
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.audit_view import PATIENT_COLUMN, AuditView
from pixiodoc_desktop.vault.schema import Patient

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def _word(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text).replace("&", "")


def _patient_cells(view: AuditView) -> list[tuple[str, str]]:
    model = view.model
    return [
        (
            model.index(r, PATIENT_COLUMN).data(),
            model.index(r, PATIENT_COLUMN).data(Qt.ItemDataRole.ToolTipRole) or "",
        )
        for r in range(model.rowCount())
    ]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_audit_trail_names_each_patient(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    assert window.record is not None
    shown = window.record.patient
    assert shown.external_id
    name = f"{shown.family_name}, {shown.given_name} · {shown.external_id}"

    def nowak(services: ClinicServices, actor: Actor) -> str | None:
        with services.workstation.read_session() as session:
            return session.scalar(select(Patient.id).where(Patient.family_name == "Nowak"))

    erased_id = in_vault(qtbot, window, nowak)
    in_vault(
        qtbot,
        window,
        lambda services, actor: erase_patient(services.workstation, actor, erased_id, "Nowak"),
    )

    click_menu(qtbot, window, _word("P&ractice"), _word("Audit trail…"))
    qtbot.waitUntil(lambda: window.findChild(AuditView) is not None, timeout=5000)
    view = window.findChild(AuditView)
    assert view is not None
    qtbot.waitUntil(lambda: any(tip == shown.id for _c, tip in _patient_cells(view)), timeout=10000)
    cells = _patient_cells(view)
    assert (name, shown.id) in cells  # the name and number; the id in the tooltip
    erased = QCoreApplication.translate("AuditWords", "Erased patient")
    assert (erased, erased_id) in cells
    assert not any("Nowak" in text for text, _tip in cells)
    assert not any(UUID.search(text) for text, _tip in cells if text)
    shoot(view, shots, f"audit-trail-patients-{language}")

    # The filter takes the patient number a person reads on the screen.
    assert shown.external_id.lower() != shown.id
    qtbot.keyClicks(view.patient, shown.external_id)
    show = next(
        b for b in view.findChildren(QPushButton) if b.text() == view.tr("Show") and b.isVisible()
    )
    click(show)
    qtbot.waitUntil(
        lambda: (
            view.model.rowCount() > 0 and {text for text, _tip in _patient_cells(view)} == {name}
        ),
        timeout=10000,
    )
    shoot(view, shots, f"audit-trail-patient-filter-{language}")
