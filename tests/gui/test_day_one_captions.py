"""Day one in German: a lesion's label is never what gets cut off.

The timeline's group captions ('Oberer Rücken · Nävus 1') go on two lines when
they do not fit a tile, the lesion's label whole on the second; the report
builder's photo lines put the lesion first (the end of a long line is what a
tree cuts). Becker's naevus in the demo clinic,
the real main window at 1366x768.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click_menu, demo_app, demo_vaults, dialog_of, shoot, shots  # noqa: F401
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.clinic import build_demo_vault
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog
from pixiodoc_desktop.gui.widgets.timeline_view import group_caption


@pytest.mark.parametrize("language", ["de", "en"])
def test_lesion_labels_are_shown_whole(
    language: str,
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],  # noqa: F811
    shots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    folder = tmp_path / "becker"
    build_demo_vault(folder, language=language, families=("Becker",), size=(480, 360))
    window = demo_app(language, folder=folder)
    record = window.record
    assert record is not None and record.lesions
    label = record.lesions[0].label
    assert label.endswith(" 1")  # one label everywhere: 'Nävus 1', never 'Nävus 01'
    view = window.timeline.timeline
    bold = QFont(view.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    groups = [item for item in view._items if item.kind == "group" and item.subtitle]
    assert groups, "no lesion group in the timeline"
    for item in groups:
        lines = group_caption(metrics, item.text, item.subtitle, item.rect.width())
        assert lines[-1].endswith(label), lines
        assert all(metrics.horizontalAdvance(line) <= item.rect.width() for line in lines)
    # A caption too long for its tile goes on two lines, the lesion's label whole on the
    # second; only a site too long for the tile on its own is elided.
    narrow = group_caption(metrics, groups[0].text, label, metrics.horizontalAdvance(label) + 40)
    assert len(narrow) == 2 and narrow[1] == label, narrow
    shoot(window, shots, f"captions-timeline-{language}")

    report = "Bericht exportieren (PDF)…" if language == "de" else "Export report (PDF)…"
    click_menu(qtbot, window, "Patient", report)
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    rows = [
        row
        for top in dialog.visits._tops()
        for row in (top.child(i) for i in range(top.childCount()))
        if label in row.text(0)
    ]
    assert rows
    for row in rows:
        assert row.text(0).startswith(label) and row.toolTip(0) == row.text(0)
    dialog.visits.expandAll()
    shoot(dialog, shots, f"captions-report-{language}")
    dialog.reject()
