"""Today's worklist in the workstation: the steps of a real Orthanc's worklist, one taken,
the patient and a visit linked to the order opened with the capture window; errors are one
line in the dialog. English and German."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from vault_support import LOGIN, PASSWORD, create_vault
from worklist_support import WORKLIST_PLUGIN, Order, WorklistOrthanc, start, write_worklist_file

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.practice.settings import WorklistSettings, configure_worklist
from pixiodoc_desktop.vault.vault import Vault


def _schedule(worklists: Path) -> None:
    """Two orders for today, dated when called (a date taken at import was yesterday's
    once CI passed midnight before this test ran)."""
    for n, (name, procedure) in enumerate(
        [("Größer^Jürgen", "Dermatoskopie Rücken"), ("Weiß^Ännchen", "Fotodokumentation Arm")]
    ):
        write_worklist_file(worklists, Order(
            f"SPS{n}", f"KH-{n}", name, f"ACC-{n}", f"1.2.826.0.1.3680043.8.498.{10 + n}",
            procedure, dt.date.today()))  # fmt: skip


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorklistOrthanc]:
    if shutil.which("Orthanc") is None or not WORKLIST_PLUGIN.exists():
        pytest.skip("Orthanc with its worklist plugin is not installed (apt-get install orthanc)")
    server = start(tmp_path_factory.mktemp("orthanc-worklist-gui"))
    _schedule(server.worklists)
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("language", ["en", "de"])
def test_todays_worklist_take_a_step(
    qtbot: QtBot, make_window: Callable[..., MainWindow], orthanc: WorklistOrthanc,
    tmp_path: Path, language: str, request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    if language == "de":
        request.getfixturevalue("german")
    made = create_vault(tmp_path / "vault")
    ws, actor = log_in(Vault.open(made.folder), LOGIN, PASSWORD)
    configure_worklist(ws, actor, WorklistSettings("ORTHANC", "127.0.0.1", orthanc.dicom_port))
    lock(ws, actor, logged_out=True)
    window = make_window(made.folder)
    window.resize(1366, 768)
    window.show()
    window.unlock(LOGIN, PASSWORD)
    action = window.practice_actions.show_worklist
    qtbot.waitUntil(action.isVisible, timeout=20000)
    _schedule(orthanc.worklists)  # dated now, not when the module's server started
    action.trigger()
    dialog = window.practice_actions.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.steps) == 2, timeout=20000)
    assert dialog.table.item(0, 1).text() == "Größer, Jürgen"
    shots = Path(os.environ.get("PIXIODOC_SHOT_DIR") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(shots / f"worklist-dialog-{language}.png"))
    dialog.table.selectRow(0)
    assert dialog.take_button.isEnabled()
    dialog.take_button.click()
    qtbot.waitUntil(lambda: window.record is not None, timeout=20000)
    record = window.record
    assert record is not None and record.patient.external_id == "KH-0"
    (visit,) = record.visits
    assert visit.order is not None and visit.order.accession_number == "ACC-0"
    assert visit.order.study_instance_uid == "1.2.826.0.1.3680043.8.498.10"
    qtbot.waitUntil(
        lambda: any(isinstance(w, CaptureView) and w.isVisible()
                    for w in QApplication.topLevelWidgets()), timeout=10000,
    )  # fmt: skip
    assert window.grab().save(str(shots / f"worklist-taken-{language}.png"))
