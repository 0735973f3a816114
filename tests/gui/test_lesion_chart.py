"""The lesion card's chart in a side panel as narrow as a German 1366x768 screen leaves it:
the visits' dates under the points never run into each other (the first and the latest
always show; all of them are in the tooltip)."""

from __future__ import annotations

import datetime as dt
import itertools

from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.lesion_sizes import LesionSize, SizeSource
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.widgets.lesion_chart import LesionChart


def _size(day: dt.date, mm: float) -> LesionSize:
    return LesionSize(f"s{day}", "l", f"p{day}", day, mm * mm, mm, None, None, SizeSource.OUTLINE)


def test_dates_under_the_chart_do_not_run_into_each_other(qtbot: QtBot) -> None:
    first = dt.date(2026, 8, 1)
    days = [first + dt.timedelta(weeks=w) for w in (0, 6, 12, 18)]  # the demo's visits
    chart = LesionChart()
    qtbot.addWidget(chart)
    chart.set_sizes([_size(d, 3.6 + 0.1 * i) for i, d in enumerate(days)], 1.0)
    for width in (285, 310, 420):  # the German panel, the English one, a wide screen
        chart.resize(width, 112)
        places = chart.date_places()
        words = [w for _place, w in places]
        assert words[0] == date_text(days[0]) and words[-1] == date_text(days[-1])
        for (a, _), (b, _) in itertools.pairwise(places):
            assert not a.intersects(b), (width, words)
        assert all(p.left() >= 0 and p.right() <= width for p, _ in places), (width, places)
        assert all(date_text(d) in chart.toolTip() for d in days)
    assert len(chart.date_places()) == 4  # room for every date on a wide screen
