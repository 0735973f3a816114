"""How the timeline paints its rows of words: a visit's heading (date, then what it
holds), a colleague's opinion on a tinted band, a group's caption by body site and
lesion (two lines when the tile is narrow), an empty visit's note, a series
photo's pose caption, and what a photo's placeholder says while it has no thumbnail. Photo tiles are the view's own (timeline_view.py)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from pixiodoc_desktop.gui.widgets.timeline_layout import Item, group_caption

TEXT_KINDS = ("visit", "opinion", "group", "empty", "caption")


def paint_text(
    painter: QPainter,
    item: Item,
    colours: Mapping[str, QColor],
    base: QFont,
    title_font: QFont,
    group_font: QFont,
) -> None:
    """Paint one row of words (an item whose kind is in TEXT_KINDS)."""
    if item.kind == "visit":
        painter.setFont(title_font)
        painter.setPen(colours["text"])
        text_rect = item.rect.adjusted(0, 4, 0, -22)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            item.text,
        )
        painter.setFont(base)
        painter.setPen(colours["muted"])
        sub = item.rect.adjusted(0, 28, 0, 0)
        painter.drawText(
            sub, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), item.subtitle
        )
        painter.setPen(QPen(colours["border"], 1))
        painter.drawLine(
            item.rect.left(), item.rect.bottom(), item.rect.right(), item.rect.bottom()
        )
    elif item.kind == "opinion":
        painter.setFont(base)
        painter.fillRect(item.rect, colours["opinion"])
        painter.fillRect(item.rect.adjusted(0, 0, 3 - item.rect.width(), 0), colours["accent"])
        painter.setPen(colours["text"])
        inner = item.rect.adjusted(10, 0, -6, 0)
        painter.drawText(
            inner,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(item.text, Qt.TextElideMode.ElideRight, inner.width()),
        )
    elif item.kind in ("group", "empty"):
        painter.setFont(group_font if item.kind == "group" else base)
        painter.setPen(colours["muted"])
        painter.drawText(
            item.rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            "\n".join(
                group_caption(painter.fontMetrics(), item.text, item.subtitle, item.rect.width())
            )
            if item.kind == "group"
            else item.text,
        )
    elif item.kind == "caption":
        painter.setFont(base)
        painter.setPen(colours["muted"])
        # Two lines, so that German names ('Rechte Seite, Arme erhoben') show whole.
        painter.drawText(
            item.rect,
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            item.text,
        )


def paint_note(painter: QPainter, rect: QRect, text: str, base: QFont, colour: QColor) -> None:
    """A placeholder's words (fetching from the clinic, or why not), wrapped inside the
    tile, in a smaller type when a long reason needs it; cut off at the tile's edge."""
    area = rect.adjusted(8, 6, -8, -6)
    flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
    for scale in (1.0, 0.9, 0.8):
        font.setPointSizeF(max(7.0, size * scale))
        if QFontMetrics(font).boundingRect(area, flags, text).height() <= area.height():
            break
    painter.save()
    painter.setClipRect(area)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(area, flags, text)
    painter.restore()
