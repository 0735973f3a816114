"""A PC that joined the demo clinic with images on demand writes a PDF report from the real
window (Patient › Bericht exportieren (PDF)…): the report builder fetches the screen images
it needs from the clinic's bucket (SeaweedFS) first. With one of them deleted from the
bucket the builder says, in German, which photo (the patient's number and visit date) and
why, and writes no file; once the object is back the same click writes the report.
Screenshots go to PIXIODOC_SHOT_DIR."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from day_one import click, click_menu, demo_vaults, dialog_of, shoot, shots
from gui_support import in_vault
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.gui.application import make_application
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog
from pixiodoc_desktop.sync.engine import sync_keys, sync_once
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.push import blob_key
from pixiodoc_desktop.sync.settings import (
    SyncTarget,
    save_credentials,
    save_target,
    store_settings,
)
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import Photo, SyncBlob, Visit
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

__all__ = ["demo_vaults", "shots"]  # fixtures used below


def _joined_pc(demo: DemoVault, weed: Weed, root: Path) -> tuple[Path, ObjectStore, str]:
    """The demo clinic pushed to the bucket, a second PC joined with images on demand;
    (its folder, the bucket, the workspace of the bucket's object names)."""
    writer = root / "front-desk"
    shutil.copytree(demo.folder, writer)
    target = SyncTarget(weed.endpoint, "eu-central-1", BUCKET, f"export-fetch-{id(root):x}")
    ws, actor = log_in(Vault.open(writer), demo.login, demo.password)
    try:
        save_target(ws.vault, target)
        save_credentials(ws.vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
        store = ObjectStore(store_settings(ws.vault))
        sync_once(ws, store, actor_id=actor.user_id)
        code, _expires = create_enrollment(ws, store, actor, kdf=MINIMUM_KDF)
        workspace = sync_keys(ws).workspace
    finally:
        lock(ws, actor, logged_out=True)
    folder = root / "joined-pc"
    join(folder, target, ACCESS_KEY, SECRET_KEY, code=code, on_demand=True)
    return folder, store, workspace


@pytest.fixture
def window_at(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[Path, DemoVault], MainWindow]]:
    windows: list[MainWindow] = []
    translators = []

    def open_at(folder: Path, demo: DemoVault) -> MainWindow:
        settings = Settings(language="de")
        _app, installed = make_application(settings)
        translators.append(installed)
        window = MainWindow(
            settings, vault_folder=folder, settings_path=tmp_path / "config" / "settings.toml"
        )
        window.ctx.notifier.show_boxes = False
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1366, 768)
        window.show()
        with qtbot.waitSignal(window.state.record_shown, timeout=30000):
            window.unlock(demo.login, demo.password, open_first_patient=True)
        return window

    yield open_at
    for window in windows:
        window.side.close_all()
        window.shutdown()
    for installed in translators:
        installed.remove()


def test_the_report_builder_fetches_its_images_and_names_one_missing_in_the_bucket(
    qtbot: QtBot,
    weed: Weed,
    tmp_path: Path,
    demo_vaults: Callable[[str], DemoVault],
    window_at: Callable[[Path, DemoVault], MainWindow],
    shots: Path,
) -> None:
    demo = demo_vaults("de")
    folder, store, workspace = _joined_pc(demo, weed, tmp_path)
    window = window_at(folder, demo)
    record = window.record
    assert record is not None
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    asked: list[str] = []

    def ask(_title: str, _filter: str, suggested: str = "") -> Path:
        asked.append(suggested)
        return outbox / suggested

    window.record_actions.ask_save_path = ask  # type: ignore[method-assign]
    click_menu(qtbot, window, "Patient", "Bericht exportieren (PDF)…")
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    visits = dialog.visits.chosen_visits()
    assert visits  # the builder ticks a visit to start from

    def screens(services: ClinicServices, _actor: Actor) -> list[tuple[str, str, str]]:
        with services.workstation.vault.read_session() as session:
            rows = session.execute(
                select(Photo.screen_blob_id, SyncBlob.state, Visit.visit_date)
                .join(SyncBlob, SyncBlob.blob_id == Photo.screen_blob_id)
                .join(Visit, Visit.id == Photo.visit_id)
                .where(Photo.visit_id.in_(visits), Photo.deleted.is_(False))
            ).all()
        return [(str(b), str(s), f"{d:%Y-%m-%d}") for b, s, d in rows]

    before = in_vault(qtbot, window, screens)
    assert before and {state for _b, state, _d in before} == {"remote"}
    gone, _state, visit_date = before[-1]
    key = blob_key(store, _Keys(workspace), gone)
    kept = store.get(key)
    store.delete(key)

    # 1. One screen image is gone from the bucket: named, in German; no file.
    click(dialog.write_button)
    mrn = record.patient.external_id
    assert mrn
    qtbot.waitUntil(lambda: mrn in dialog.message.text(), timeout=30000)
    assert dialog.message.text() == (
        f"Ein Foto des Patienten {mrn} vom Besuch am {visit_date} konnte nicht aus dem "
        "Bucket der Praxis geholt werden: es fehlt dort oder ist beschädigt. "
        "Es wurde nichts exportiert."
    )
    assert dialog.write_button.isEnabled()
    assert list(outbox.iterdir()) == []
    shoot(dialog, shots, "export-fetch-01-missing-de")

    # 2. Back in the bucket: the same click fetches the screens and writes the report.
    store.put(key, kept)
    with qtbot.waitSignal(dialog.written, timeout=60000):
        click(dialog.write_button)
    pdf = outbox / asked[-1]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert {s for _b, s, _d in in_vault(qtbot, window, screens)} == {"uploaded"}
    shoot(dialog, shots, "export-fetch-02-written-de")


class _Keys:
    """What `blob_key` reads of the sync keys: the bucket's workspace name."""

    def __init__(self, workspace: str) -> None:
        self.workspace = workspace
