"""Day two, the practice owner: Practice › Clinicians… on the demo clinic, English and
German, 1366x768. Every login, name, role and state reads whole: the table had fixed
columns that cut "Dr. Anna Weber" to "Dr. Anna …" and "Behandelnde Person" to
"Behandelnd…" while the state column stood half empty, with row numbers beside them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click_menu, demo_app, demo_vaults, shoot, shots
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.clinicians_dialog import CliniciansDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_clinician_reads_whole(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    practice = QCoreApplication.translate("MainWindow", "P&ractice").replace("&", "")
    click_menu(qtbot, window, practice, QCoreApplication.translate("MainWindow", "Clinicians…"))
    qtbot.waitUntil(lambda: window.findChild(CliniciansDialog) is not None, timeout=10000)
    people = window.findChild(CliniciansDialog)
    assert people is not None
    qtbot.waitUntil(lambda: len(people.people) > 1, timeout=10000)
    shoot(people, shots, f"clinicians-{language}")
    table = people.table
    metrics = table.fontMetrics()
    cells = 0
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            assert item is not None
            room = table.visualItemRect(item).width()
            needed = metrics.horizontalAdvance(item.text())
            assert needed < room, f"{item.text()!r} is cut ({needed} px in {room} px)"
            cells += 1
    assert cells == 4 * len(people.people)
    assert not table.verticalHeader().isVisible()
    roles = {table.item(row, 2).text() for row in range(table.rowCount())}  # type: ignore[union-attr]
    clinician = QCoreApplication.translate("CliniciansDialog", "Clinician")
    assert clinician in roles  # the demo's colleague; German "Behandelnde Person"
    people.reject()
