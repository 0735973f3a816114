"""Day two, the practice owner erases a patient (GDPR art. 17) on the demo clinic, German
and English, 1366x768: afterwards no part of the window names them. The "Recent" list
kept the erased patient's name, and clicking it said the clinician lacked permission and
should ask the record's Admin to share it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, click_menu, demo_app, demo_vaults, dialog_of, open_patient, shoot, shots
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.record_dialogs import EraseDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


# In English this sequence (open a patient, type the next name while its thumbnails
# decode) once deadlocked the window: a QTranslator written in Python (English plurals)
# was entered from the decoding pool under Qt's locks. English plurals are a compiled
# .qm now (tools/english_plurals.py).
@pytest.mark.parametrize("language", ["de", "en"])
def test_an_erased_patient_leaves_the_recent_list(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    open_patient(qtbot, window, "Nowak")
    search = window.patients.search  # typed as a keyboard without umlauts types it
    search.clear()
    qtbot.keyClicks(search, "schafer")
    qtbot.waitUntil(
        lambda: [p.family_name for p in window.patients.model.rows()] == ["Schäfer"],
        timeout=10000,
    )
    QTest.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == "Schäfer",
        timeout=10000,
    )
    recent = window.patients.recent

    def names() -> list[str]:
        return [recent.item(row).text() for row in range(recent.count())]

    assert any("Nowak" in name for name in names())
    assert any("Schäfer" in name for name in names())
    patient = QCoreApplication.translate("MainWindow", "&Patient").replace("&", "")
    erase_entry = QCoreApplication.translate("RecordActions", "Erase patient…")
    click_menu(qtbot, window, patient, erase_entry)
    qtbot.waitUntil(lambda: dialog_of(EraseDialog, window) is not None, timeout=5000)
    erase = dialog_of(EraseDialog, window)
    assert isinstance(erase, EraseDialog)
    qtbot.keyClicks(erase.family, "Schafer")
    click(erase.erase_button)
    qtbot.waitUntil(lambda: window.record is None, timeout=30000)
    assert window.ctx.worker.wait_idle()
    shoot(window, shots, f"erased-{language}")
    assert not any("Schäfer" in name for name in names()), names()
    assert any("Nowak" in name for name in names())  # the others stay
    assert recent.isVisible()
