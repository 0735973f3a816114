"""Day one, on the demo's mole-mapping patient (Reza Ahmadi) at 1366x768: what the
timeline's groups call their photos is read whole.

The group titles show the body site whole ('Gesäß, rechts' above 'Nävus 11' when both
do not fit one tile's width: the title has two lines, and the tiles of groups side by
side still start at one height).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import demo_app, shoot, shots, whole_record
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.main_window import MainWindow

__all__ = ["demo_app", "shots"]  # fixtures used below


@pytest.fixture(scope="module")
def demo_vaults(moles_demo_vaults: Callable[[str], DemoVault]) -> Callable[[str], DemoVault]:
    """The mole-mapping patient alone (overrides day_one's; shared with the series tests)."""
    return moles_demo_vaults


@pytest.mark.parametrize("language", ["de", "en"])
def test_group_titles_show_the_body_site_and_the_lesion_whole(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    whole_record(qtbot, window)
    record = window.record
    assert record is not None and record.patient.family_name == "Ahmadi"
    view = window.timeline.timeline
    metrics = QFontMetrics(view._group_font())
    lesions = {lesion.id: lesion.label for lesion in record.lesions}
    expected = {
        (labels.body_site(p.body_site), lesions[p.lesion_id])
        for p in record.photos
        if p.lesion_id and p.body_site
    }
    titles = view.group_titles()
    # The right buttock's naevus, the one cut in German before, in view.
    buttock = labels.body_site("buttock-right")
    rect = next(r for lines, r in titles if lines[0].startswith(buttock[:5]))
    view.verticalScrollBar().setValue(rect.top() - 80)
    shoot(window, shots, f"group-titles-{language}")
    shown = {tuple(lines) for lines, _rect in titles}
    wrapped = 0
    for site, lesion in expected:
        whole = f"{site} · {lesion}"
        assert (whole,) in shown or (site, lesion) in shown, (whole, sorted(shown))
        wrapped += (site, lesion) in shown
    assert wrapped, "no title needed two lines: the test would prove nothing"
    for lines, rect in titles:
        assert len(lines) <= 2 and "…" not in "".join(lines), lines
        assert all(metrics.horizontalAdvance(line) <= rect.width() for line in lines), lines
        assert len(lines) * metrics.lineSpacing() <= rect.height(), (lines, rect)
    # Each group's first tiles start right under its title's box, whatever the title says
    # (one line or two): groups side by side keep their tiles at one height.
    photos = list(view._photo_rects.values())
    for lines, rect in titles:
        below = [
            r.top()
            for r in photos
            if rect.left() <= r.left() <= rect.right() and r.top() > rect.bottom()
        ]
        assert min(below) == rect.bottom() + 3, (lines, rect)
