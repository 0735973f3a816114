"""The patient-screen chooser names monitors in words ('Screen 2 (1920×1080, right)'),
never by the system's name for them ('screen', 'HDMI-1'), in English and German."""

from __future__ import annotations

from PySide6.QtCore import QRect

from pixiodoc_desktop.gui.views.compare_consultation import screen_words

LAPTOP = QRect(0, 0, 1366, 768)
MONITOR = QRect(1366, 0, 1920, 1080)


def test_screens_side_by_side(qapp: object) -> None:
    rects = [LAPTOP, MONITOR]
    assert screen_words(1, LAPTOP, rects) == "Screen 1 (1366×768, left)"
    assert screen_words(2, MONITOR, rects) == "Screen 2 (1920×1080, right)"
    above = QRect(0, -1080, 1366, 1080)
    assert screen_words(2, above, [LAPTOP, above]) == "Screen 2 (1366×1080, top)"
    assert screen_words(1, LAPTOP, [LAPTOP]) == "Screen 1 (1366×768)"


def test_screens_in_german(german: None) -> None:
    rects = [LAPTOP, MONITOR]
    assert screen_words(1, LAPTOP, rects) == "Bildschirm 1 (1366×768, links)"
    assert screen_words(2, MONITOR, rects) == "Bildschirm 2 (1920×1080, rechts)"
