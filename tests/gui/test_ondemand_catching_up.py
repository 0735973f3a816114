"""A new PC still receiving the clinic's records (issue 19): a PC joins the demo clinic
from its snapshot with images on demand, and the join returns as soon as the patients
are in (the records' other parts follow in the next sync rounds). In the real window the status bar
says how far it is ("Receiving the clinic's records: 62 %", German too) and an open
patient's empty timeline says the photos are on their way, not that there are none. The
next sync round takes the rest: the photos appear, their thumbnails fetched on demand.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from day_one import demo_vaults, shoot, shots
from pytestqt.qtbot import QtBot
from test_ondemand_images import open_window

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.gui import sync_scheduler
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.sync import snapshot_take, snapshot_write
from pixiodoc_desktop.sync.catching_up import CatchingUp, catching_up
from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.settings import (
    SyncTarget,
    save_credentials,
    save_target,
    store_settings,
)
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

__all__ = ["demo_vaults", "open_window", "shots"]  # fixtures used below


def half_joined_pc(
    demo: DemoVault, weed: Weed, root: Path, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The demo clinic's snapshot in the bucket; a PC joined from it with images on
    demand, back as soon as the directory stage is in (clinicians, patients, keys)."""
    writer = root / "front-desk"
    shutil.copytree(demo.folder, writer)
    target = SyncTarget(weed.endpoint, "eu-central-1", BUCKET, prefix)
    ws, actor = log_in(Vault.open(writer), demo.login, demo.password)
    try:
        save_target(ws.vault, target)
        save_credentials(ws.vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
        store = ObjectStore(store_settings(ws.vault))
        sync_once(ws, store, actor_id=actor.user_id)
        with monkeypatch.context() as small:
            small.setattr(snapshot_write, "PER_CHUNK", 20)  # parts of a group's size, scaled
            snapshot_write.write_snapshot(ws, store)
        code, _expires = create_enrollment(ws, store, actor, kdf=MINIMUM_KDF)
    finally:
        lock(ws, actor, logged_out=True)
    folder = root / "joined-pc"
    join(folder, target, ACCESS_KEY, SECRET_KEY, code=code, on_demand=True)
    return folder


def looked_at(
    qtbot: QtBot, window: MainWindow, progress: CatchingUp, language: str, shots: Path
) -> None:
    """While the round that takes the rest is held: what the status bar and the open
    patient's timeline say."""
    percent = progress.applied * 100 // progress.total
    label = window.sync.label
    expected = {
        "en": f"Receiving the clinic's records: {percent} %",
        "de": f"Praxisdaten werden empfangen: {percent} %",
    }[language]
    qtbot.waitUntil(lambda: label.text() == expected, timeout=10000)
    assert window.sync.running  # the round that takes the rest is on its way
    record = window.record
    assert record is not None and not record.photos
    arriving = {
        "en": "This patient's photos are still arriving from the clinic.",
        "de": "Die Fotos dieses Patienten kommen noch aus der Praxis.",
    }[language]
    timeline = window.timeline.timeline
    still = {
        "en": "Photos still arriving from the clinic…",
        "de": "Fotos kommen noch aus der Praxis…",
    }[language]
    visits = [text for text, _place in timeline.laid_out("empty")]
    if record.visits:  # each visit in without its photos says so, not "No photos"
        assert visits and set(visits) == {still}, visits
    else:  # the whole timeline does
        assert timeline._empty_text.startswith(arriving)
    shoot(window, shots, f"ondemand-catching-up-01-{language}")


# One language by default (CI time; the other one's words are checked by the other
# test of images on demand): PIXIODOC_ONDEMAND_BOTH=1 runs both, as for the screenshots.
@pytest.mark.parametrize(
    "language", ["en", "de"] if os.environ.get("PIXIODOC_ONDEMAND_BOTH") else ["en"]
)
def test_a_pc_still_receiving_says_so_and_its_photos_arrive(
    language: str,
    qtbot: QtBot,
    weed: Weed,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_vaults: Callable[[str], DemoVault],
    open_window: Callable[[Path, DemoVault, str], MainWindow],
    shots: Path,
) -> None:
    demo = demo_vaults(language)
    prefix = f"catching-{language}-{id(tmp_path):x}"
    folder = half_joined_pc(demo, weed, tmp_path, prefix, monkeypatch)
    ws, actor = log_in(Vault.open(folder), demo.login, demo.password)
    try:
        progress = catching_up(ws)
    finally:
        lock(ws, actor, logged_out=True)
    assert progress is not None and 0 < progress.applied < progress.total

    # The window's first round is held until the test has looked at the screen.
    rounds = threading.Event()
    real_round = sync_scheduler.sync_once

    def held_round(*args: Any, **kwargs: Any) -> Any:
        assert rounds.wait(30), "the round was never let through"
        return real_round(*args, **kwargs)

    monkeypatch.setattr(sync_scheduler, "sync_once", held_round)
    monkeypatch.setattr(snapshot_take, "ROUND_SECONDS", 0.0)  # a part a round, as at group size
    try:
        window = open_window(folder, demo, language)
        looked_at(qtbot, window, progress, language, shots)
    finally:
        rounds.set()
    # The rounds go through, one after the other at once while parts keep coming: the
    # rest of the records, then the thumbnails on demand.
    rounds_run: list[object] = []
    window.sync.round_finished.connect(rounds_run.append)
    label = window.sync.label
    timeline = window.timeline.timeline
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.sync.status.catching_up is None, timeout=60000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(window.record and window.record.photos), timeout=30000)
    assert not label.text().startswith({"en": "Receiving", "de": "Praxisdaten"}[language])
    assert len(rounds_run) >= 2, rounds_run  # not left to the 15 minutes' schedule
    visible = timeline.visible_photo_ids()
    assert visible
    qtbot.waitUntil(
        lambda: all(window.thumbnails.thumbnail(p) is not None for p in visible), timeout=30000
    )
    shoot(window, shots, f"ondemand-catching-up-02-{language}")
