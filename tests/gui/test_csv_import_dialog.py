"""The EHR CSV import dialog: guessed mapping, a check (dry run), then the import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.exchange.ehr_import import import_csv
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.gui.views.csv_import_dialog import CsvImportDialog

CSV = (
    "PatNr;Nachname;Vorname;Geburtsdatum;Geschlecht\r\n"
    "1001;Müller;Jürgen;01.05.1970;M\r\n"
    "1002;Groß;Ödön;31.02.1990;M\r\n"
).encode("cp1252")


@pytest.fixture
def dialog(qtbot: QtBot) -> CsvImportDialog:
    widget = CsvImportDialog(CSV, "export.csv")
    qtbot.addWidget(widget)
    return widget


def test_mapping_is_guessed_from_german_headers(dialog: CsvImportDialog) -> None:
    assert dialog.delimiter.currentData() == ";"
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
    assert dialog.mapping() == {
        "family": "Nachname",
        "given": "Vorname",
        "dob": "Geburtsdatum",
        "external_id": "PatNr",
        "sex": "Geschlecht",
    }
    dialog.columns["family"].setCurrentIndex(0)
    assert not dialog.check_button.isEnabled()  # the family name must be mapped


def test_check_then_import(
    dialog: CsvImportDialog,
    qtbot: QtBot,
    workstation: Workstation,
    services: ClinicServices,
    actor: Actor,
) -> None:
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))

    # What the controller does (on the database worker in the app).
    def run(mapping: dict[str, str], delimiter: str, encoding: str, *, dry_run: bool) -> None:
        dialog.showSummary(
            import_csv(
                workstation,
                actor,
                CSV,
                mapping,
                delimiter=delimiter,
                encoding=encoding,
                dry_run=dry_run,
            )
        )

    dialog.checkRequested.connect(lambda m, d, e: run(m, d, e, dry_run=True))
    dialog.importRequested.connect(lambda m, d, e: run(m, d, e, dry_run=False))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "1 new" in dialog.summary.text() and "1 invalid" in dialog.summary.text()
    problem = dialog.problems.item(0, 1)
    assert dialog.problems.item(0, 0).text() == "3" and problem is not None
    assert "31.02.1990" in problem.text()
    assert services.patients.count() == 0
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert services.patients.count() == 1
    assert not dialog.import_button.isEnabled()


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_list_past_the_plan_limit_is_checked_and_said_once(
    qtbot: QtBot,
    workstation: Workstation,
    services: ClinicServices,
    actor: Actor,
    request: pytest.FixtureRequest,
    tmp_path: object,
    language: str,
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    rows = "".join(f"P-{n};Name{n};Vor\r\n" for n in range(40))
    data = ("PatNr;Nachname;Vorname\r\n" + rows).encode()
    dialog = CsvImportDialog(data, "praxis.csv")
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()

    def run(mapping: dict[str, str], delimiter: str, encoding: str, *, dry_run: bool) -> None:
        dialog.showSummary(
            import_csv(
                workstation, actor, data, mapping, delimiter=delimiter, encoding=encoding,
                dry_run=dry_run,
            )
        )  # fmt: skip

    dialog.checkRequested.connect(lambda m, d, e: run(m, d, e, dry_run=True))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    text = dialog.summary.text()
    if language == "en":
        assert text.startswith("Check: 10 new, 0 matched by patient number, 0 invalid\n")
        assert "30 more were not imported: the plan's limit. The Free plan keeps up to 10" in text
    else:
        assert "30 weitere wurden nicht importiert: die Grenze des Tarifs. Der Tarif Free" in text
    assert dialog.problems.isHidden()  # no row-by-row refusals
    folder = Path(os.environ.get("PIXIODOC_SHOT_DIR") or str(tmp_path))
    QApplication.processEvents()
    assert dialog.grab().save(str(folder / f"csv-import-plan-limit-{language}.png"))
