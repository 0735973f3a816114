"""Where everything of the patient's timeline goes, for a given width.

Visits newest first, each with its second opinions, then its photos grouped by body
site and lesion (a total-body series as one group, each photo captioned with its pose):
groups flow side by side in the visit's row and wrap when the row is full. The result
is a flat list of rectangles computed once per width, which `TimelineView` paints
(only the rows in view) and hit-tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFontMetrics

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import VisitSummary

TILE_W = 176
TILE_H = 132  # 4:3, the shape of most clinical and dermoscopy photos
GAP = 10
GROUP_GAP = 28
SCALED_KEPT = 160  # tile pixmaps kept: a few screens either way of the one in view
MARGIN = 18
VISIT_HEIGHT = 50
GROUP_HEIGHT = 42  # a group's title in up to two lines: the body site, then the lesion
SECTION_GAP = 16
OPINION_HEIGHT = 26
CAPTION_HEIGHT = 38  # a tile's own caption (a series pose's name) under it, in two lines


@dataclass(slots=True)
class TimelineGroup:
    title: str  # 'Upper back · Naevus 1'
    photos: list[PhotoSummary]
    lesion: str = ""  # 'Naevus 1': the end of the title, never elided
    captions: list[str] = field(default_factory=list)  # one per photo (a series' poses)


@dataclass(slots=True)
class TimelineVisit:
    visit: VisitSummary
    title: str
    subtitle: str
    groups: list[TimelineGroup] = field(default_factory=list)
    opinions: list[str] = field(default_factory=list)  # second opinions, one line each
    empty_note: str = ""  # said when it shows no photo (default: "No photos in this visit")


def group_caption(metrics: QFontMetrics, title: str, lesion: str, width: int) -> list[str]:
    """A group's title in `width`, in one line when it fits, else in two: the body site
    above the lesion ('Gesäß, rechts' / 'Nävus 11'), or what comes before the last ' · '
    above what comes after. Every group's title has room for two lines, so the tiles of
    groups side by side start at the same height whatever their titles say. Only a line
    too long for the tile on its own is elided."""
    if metrics.horizontalAdvance(title) <= width:
        return [title]
    if lesion and title.endswith(f" · {lesion}"):
        head, tail = title[: -len(f" · {lesion}")], lesion
    elif " · " in title:
        head, tail = title.rsplit(" · ", 1)
    else:
        return [metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in (head, tail)]


@dataclass(slots=True)
class Item:
    top: int
    rect: QRect
    kind: str  # visit | opinion | group | photo | caption | empty
    text: str = ""
    subtitle: str = ""
    photo: PhotoSummary | None = None
    visit_id: str = ""


def lay_out(
    visits: Sequence[TimelineVisit], width: int
) -> tuple[list[Item], dict[str, QRect], int]:
    """The rectangles of a timeline `width` pixels wide, top to bottom: its items (sorted
    by their tops), each photo's tile by id, and the height of it all."""
    items: list[Item] = []
    rects: dict[str, QRect] = {}
    columns = max(1, (width - 2 * MARGIN + GAP) // (TILE_W + GAP))
    y = MARGIN
    for entry in visits:
        rect = QRect(MARGIN, y, width - 2 * MARGIN, VISIT_HEIGHT)
        items.append(Item(y, rect, "visit", entry.title, entry.subtitle, None, entry.visit.id))
        y += VISIT_HEIGHT
        for line in entry.opinions:
            rect = QRect(MARGIN, y + 4, width - 2 * MARGIN, OPINION_HEIGHT - 4)
            items.append(Item(y, rect, "opinion", line, visit_id=entry.visit.id))
            y += OPINION_HEIGHT
        if not entry.groups:
            rect = QRect(MARGIN, y, width - 2 * MARGIN, GROUP_HEIGHT)
            items.append(
                Item(
                    y,
                    rect,
                    "empty",
                    entry.empty_note
                    or QCoreApplication.translate("TimelineView", "No photos in this visit"),
                )
            )
            y += GROUP_HEIGHT
        # Groups flow side by side in the visit's row and wrap when the row is full;
        # a group wider than the row wraps inside itself.
        x = MARGIN
        line_height = 0
        y += 6
        right = width - MARGIN
        for group in entry.groups:
            count = len(group.photos)
            span = min(count, columns)
            group_width = span * TILE_W + (span - 1) * GAP
            if x > MARGIN and x + group_width > right:
                y += line_height + GAP
                x = MARGIN
                line_height = 0
            label = QRect(x, y, max(group_width, TILE_W), GROUP_HEIGHT)
            items.append(
                Item(y, label, "group", group.title, group.lesion, visit_id=entry.visit.id)
            )
            top = y + GROUP_HEIGHT + 2
            cell = TILE_H + (CAPTION_HEIGHT if group.captions else 0)
            for index, photo in enumerate(group.photos):
                row, col = divmod(index, columns)
                tile = QRect(x + col * (TILE_W + GAP), top + row * (cell + GAP), TILE_W, TILE_H)
                items.append(Item(tile.top(), tile, "photo", photo=photo, visit_id=entry.visit.id))
                rects[photo.id] = tile
                if index < len(group.captions) and group.captions[index]:
                    under = QRect(tile.left(), tile.bottom() + 3, TILE_W, CAPTION_HEIGHT - 3)
                    text = group.captions[index]
                    items.append(Item(under.top(), under, "caption", text, visit_id=entry.visit.id))
            rows = (count + columns - 1) // columns
            height = GROUP_HEIGHT + 2 + rows * (cell + GAP) - GAP
            line_height = max(line_height, height)
            x += group_width + GROUP_GAP
        if entry.groups:
            y += line_height + GAP
        y += SECTION_GAP
    items.sort(key=lambda item: item.top)
    return items, rects, y + MARGIN
