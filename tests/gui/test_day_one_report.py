"""Day one, on the demo as shipped: the report builder (Patient › Export report (PDF)…).

Visits and photos ticked in the builder, a saved comparison with its
measurement, the PDF read back by poppler: the user's language and locale,
sex as a word, the clinician's name and signature line, a scale bar instead
of px/mm, a suggested file name without the patient's name, "Open" after.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from day_one import click, click_menu, demo_app, demo_vaults, dialog_of, shoot, shots
from gui_support import in_vault
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.comparisons import Comparisons, MeasurementTrace, Side
from pixiodoc_desktop.demo.clinic import build_demo_vault
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.settings_opening import apply_saved_settings
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog
from pixiodoc_desktop.imaging.measure import MeasureKind

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) missing"
)


def _text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return " ".join(done.stdout.decode("utf-8").split())


def _page_shots(pdf: Path, folder: Path, name: str) -> None:
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / name)],
            check=True,
            capture_output=True,
            timeout=60,
        )


def _save_comparison(qtbot: QtBot, window: MainWindow) -> str:
    """A comparison the clinician saved earlier: first and latest close-up, one distance each,
    without a title (as the compare view saves it; the builder says what it compares)."""
    assert window.record is not None
    photos = sorted(
        (p for p in window.record.photos if p.modality != "overview"),
        key=lambda p: p.visit_date,
    )
    first, latest = photos[0], photos[-1]

    def save(services, actor):  # type: ignore[no-untyped-def]
        return (
            Comparisons(services.workstation)
            .save(
                actor,
                first.id,
                latest.id,
                measurements=[
                    MeasurementTrace(
                        MeasureKind.DISTANCE, Side.BEFORE, ((100, 100), (140, 100)), "A"
                    ),
                    MeasurementTrace(
                        MeasureKind.DISTANCE, Side.AFTER, ((100, 100), (150, 100)), "A"
                    ),
                ],
            )
            .id
        )

    return str(in_vault(qtbot, window, save))


def _compared(record: PatientRecord) -> str:
    """What the saved comparison compares: its first photo's lesion and site, or its site."""
    first = min((p for p in record.photos if p.modality != "overview"), key=lambda p: p.visit_date)
    lesion = next((x.label for x in record.lesions if x.id == first.lesion_id), "")
    return " · ".join(w for w in (lesion, labels.body_site(first.body_site)) if w)


@pytest.mark.parametrize("language", ["en", "de"])
def test_report_builder_writes_what_was_ticked_in_the_users_language(
    qtbot: QtBot,
    demo_app: Callable[[str], MainWindow],
    shots: Path,
    tmp_path: Path,
    language: str,
) -> None:
    window = demo_app(language)
    record = window.record
    assert record is not None
    _save_comparison(qtbot, window)
    german = language == "de"
    compared = _compared(record)
    actions = window.record_actions
    asked: list[str] = []

    def ask(_title: str, _filter: str, suggested: str = "") -> Path:
        asked.append(suggested)
        return tmp_path / suggested

    actions.ask_save_path = ask  # type: ignore[method-assign]
    click_menu(
        qtbot,
        window,
        "Patient",
        "Bericht exportieren (PDF)…" if german else "Export report (PDF)…",
    )
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    qtbot.waitUntil(lambda: bool(dialog.comparisons), timeout=10000)
    # Tick the saved comparison with the keyboard.
    dialog.comparison_list.setFocus()
    dialog.comparison_list.setCurrentRow(0)
    QTest.keyClick(dialog.comparison_list, Qt.Key.Key_Space)
    assert len(dialog.chosen_comparisons()) == 1
    # Labelled by what it compares (this patient's site or lesion, in the shown language).
    assert dialog.comparison_list.item(0).text().startswith(compared + " · ")  # type: ignore[union-attr]
    shoot(dialog, shots, f"report-01-builder-{language}")
    opened: list[Path] = []
    dialog.open_file = opened.append  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.written, timeout=60000):
        click(dialog.write_button)
    assert asked and record.patient.family_name not in asked[0]
    assert record.patient.external_id and record.patient.external_id in asked[0]
    pdf = tmp_path / asked[0]
    click(dialog.open_button)
    assert opened == [pdf]
    shoot(dialog, shots, f"report-02-written-{language}")
    _page_shots(pdf, shots, f"report-03-pdf-{language}")

    text = _text(pdf)
    latest = max(record.visits, key=lambda v: v.visit_date)
    if german:
        expected = [
            f"Besuch vom {latest.visit_date:%d.%m.%Y}",
            "Geschlecht",
            "Männlich",
            "Behandelnde/r: Dr. Anna Weber",
            "Datum, Unterschrift",
            f"{compared}: vorher",
            "A, Abstand:",
            "Maßstab:",
            " mm -> ",
        ]
    else:
        expected = [
            "Sex",
            "Male",
            "Clinician: Dr. Anna Weber",
            "Date, signature",
            f"{compared}: before",
            "A, distance:",
            "Scale bar:",
            " mm -> ",
        ]
    for phrase in expected:
        assert phrase in text, phrase
    assert "px/mm" not in text


def test_report_after_choosing_german_stays_in_the_language_on_screen(
    qtbot: QtBot,
    demo_app: Callable[[str], MainWindow],
    tmp_path: Path,
) -> None:
    """Settings › Language applies at the next start: until then the PDF says what the
    screens say, all of it (labels, values, dates), never half German, half English."""
    window = demo_app("en")
    record = window.record
    assert record is not None
    old = window.settings
    apply_saved_settings(window, replace(old, language="de"), old)  # as Settings › Save does
    window.record_actions.ask_save_path = (  # type: ignore[method-assign]
        lambda _title, _filter, suggested="": tmp_path / suggested
    )
    click_menu(qtbot, window, "Patient", "Export report (PDF)…")
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    dialog.open_file = lambda _path: None  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.written, timeout=60000):
        click(dialog.write_button)
    assert dialog.path is not None
    text = _text(dialog.path)
    born = record.patient.birth_date
    for phrase in ("Sex", "Date of birth", "Clinician: Dr. Anna Weber", "Date, signature"):
        assert phrase in text, phrase
    assert born is None or f"{born:%d/%m/%Y}" in text or f"{born:%m/%d/%Y}" in text
    for german in ("Geschlecht", "Geburtsdatum", "Männlich", "Weiblich", "Besuch vom"):
        assert german not in text, german


def test_a_visit_of_many_photos_starts_on_the_first_page(
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],
    tmp_path: Path,
) -> None:
    """Ahmadi's mole map: one visit holds a photo of every naevus. The visit begins under
    the header on page 1 and flows on; page 1 is never empty below the header."""
    folder = tmp_path / "ahmadi"
    build_demo_vault(folder, families=("Ahmadi",), size=(240, 180), visits=2)
    window = demo_app("en", folder=folder)
    record = window.record
    assert record is not None and len(record.photos) > 12
    window.record_actions.ask_save_path = (  # type: ignore[method-assign]
        lambda _title, _filter, suggested="": tmp_path / suggested
    )
    click_menu(qtbot, window, "Patient", "Export report (PDF)…")
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    dialog.open_file = lambda _path: None  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.written, timeout=120000):
        click(dialog.write_button)
    assert dialog.path is not None
    done = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(dialog.path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    first_page = done.stdout.decode("utf-8")
    assert "Visit of" in first_page
    assert first_page.count("Dermoscopy") + first_page.count("overview") >= 2
