"""Day one, on the demo as shipped (English and German): a colleague's reply by secure link
arrives at the next sync round, the sharing clinician is told (status bar, badge on the
patient), and the record shows it as a second opinion (timeline line, details panel).

The reply is sealed and PUT as the viewer page does it, through the presigned URLs
alone (the page itself is driven in Chromium in tests/sync/test_share_link_browser.py);
the bucket is a real SeaweedFS.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, demo_app, demo_vaults, shoot, shots
from gui_support import in_vault
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.models.patients import NEW_OPINION_ROLE
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target
from tests.sync.link_support import send_reply
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

WORDS = {
    "en": (
        "A second opinion arrived for",
        "New second opinion:",
        "Second opinion from",
        "Marks on this photo: 1",
        "Second opinion marks: 1",
    ),
    "de": (
        "Eine Zweitmeinung ist eingetroffen für",
        "Neue Zweitmeinung:",
        "Zweitmeinung von",
        "Markierungen auf diesem Foto: 1",
        "Markierungen der Zweitmeinung: 1",
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_second_opinion_arrives_and_the_sharing_clinician_is_told(
    qtbot: QtBot,
    demo_app: Callable[[str], MainWindow],
    shots: Path,
    weed: Weed,
    language: str,
) -> None:
    arrived, notice, line, marked, marked_caption = WORDS[language]
    window = demo_app(language)
    assert window.record is not None
    shared = window.record.patient
    photo = window.record.photos[0]

    def set_up(services: object, actor: object) -> str:
        s, a = services, actor
        s.consents.record(a, shared.id, scope="sharing", granted=True)  # type: ignore[attr-defined]
        vault = s.workstation.vault  # type: ignore[attr-defined]
        save_target(vault, SyncTarget(weed.endpoint, "eu-central-1", BUCKET, f"op-{language}"))
        save_credentials(vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
        return ShareLinks(s.workstation).create(a, shared.id, reply=True).url  # type: ignore[attr-defined]

    url = in_vault(qtbot, window, set_up)
    # The clinician goes on with another patient; the colleague answers meanwhile.
    listing = window.patients.list
    other = next(
        r
        for r in range(window.patients.model.rowCount())
        if window.patients.model.patient(r).id != shared.id  # type: ignore[union-attr]
    )
    chosen = window.patients.model.patient(other)
    assert chosen is not None
    # Wait for that patient's record: on the demo as shipped the first patient (Ahmadi, 92
    # photos) is still loading the rest of his timeline when the click comes.
    with qtbot.waitSignal(
        window.state.record_shown, timeout=30000, check_params_cb=lambda pid: pid == chosen.id
    ):
        QTest.mouseClick(
            listing.viewport(),
            Qt.MouseButton.LeftButton,
            pos=listing.visualRect(window.patients.model.index(other)).center(),
        )
    assert window.record is not None and window.record.patient.id == chosen.id
    send_reply(
        url,
        {
            "opinion": "Regular network, no regression structures.",
            "diagnosis": "Compound naevus",
            "recommendation": "Follow up in 12 months",
            "name": "Dr. Jonas Petersen",
            "role": "Dermatologist",
            "written_at": "2026-12-05T09:30:00.000Z",
            "marks": [{"photo": photo.id, "kind": "circle", "points": [[120, 90], [160, 90]]}],
        },
    )
    assert not window.opinions.button.isVisible()

    # The next sync round brings it in: a notice, and a badge on the patient.
    with qtbot.waitSignal(window.sync.round_finished, timeout=60000):
        window.sync.start()  # what saving the sync settings does; a round runs at once
    qtbot.waitUntil(window.opinions.button.isVisible, timeout=10000)
    assert shared.family_name in window.opinions.button.text()
    assert window.opinions.button.text().startswith(notice)
    assert any(
        level == "info" and text.startswith(arrived) and shared.family_name in text
        for level, text in window.ctx.notifier.history
    )
    model = window.patients.model
    row = model.row_of(shared.id)
    assert model.data(model.index(row), NEW_OPINION_ROLE) is True
    assert not model.data(model.index(row), Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(model.index(other), NEW_OPINION_ROLE) is False
    shoot(window, shots, f"second-opinion-01-notice-{language}")

    # A click on the notice opens the record: the opinion in the timeline and the details.
    with qtbot.waitSignal(window.state.record_shown, timeout=30000):
        click(window.opinions.button)
    assert window.record is not None and window.record.patient.id == shared.id
    (opinion,) = window.record.opinions
    assert opinion.marks_on(photo.id)
    lines = [text for v in window.timeline.timeline._visits for text in v.opinions]
    assert len(lines) == 1 and line in lines[0] and "Dr. Jonas Petersen" in lines[0]
    details = window.details.opinions_label
    assert details.isVisible() and "Compound naevus" in details.text()
    assert marked in details.text()
    shoot(window, shots, f"second-opinion-02-record-{language}")

    # The colleague's circle is drawn over the photo in the viewer (not burned into it).
    click(window.details.open_button)
    viewer = window.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.viewer.marksShown() == 1, timeout=15000)
    assert viewer.viewer.currentId() == photo.id and marked_caption in viewer.caption.text()
    grabbed = viewer.viewer.grab().toImage()
    yellow = sum(
        1
        for y in range(0, grabbed.height(), 2)
        for x in range(0, grabbed.width(), 2)
        if grabbed.pixelColor(x, y).name() == "#ffd400"
    )
    assert yellow > 20, "the mark is not painted over the photo"
    shoot(viewer, shots, f"second-opinion-03-viewer-{language}")
    viewer.close()
    # Seen now: the notice and the badge go.
    qtbot.waitUntil(lambda: not window.opinions.button.isVisible(), timeout=10000)
    assert model.data(model.index(model.row_of(shared.id)), NEW_OPINION_ROLE) is False
