"""The patient's timeline: visits newest first, each a row of thumbnails by body site and lesion.

Hand-painted on a scroll area because a patient can have thousands of
photos: the layout is a flat list of rectangles computed once per width
(`timeline_layout.lay_out`),
painting walks only the rows in view (a bisect on their tops), and only the
visible thumbnails are requested from the loader. Thumbnails are drawn from
a small cache of pixmaps scaled to the tile size.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.gui.widgets.timeline_layout import (
    GAP,
    GROUP_HEIGHT,
    MARGIN,
    SCALED_KEPT,
    TILE_H,
    TILE_W,
    VISIT_HEIGHT,
    Item,
    TimelineGroup,
    TimelineVisit,
    group_caption,
    lay_out,
)
from pixiodoc_desktop.gui.widgets.timeline_painting import TEXT_KINDS, paint_note, paint_text

__all__ = ["TimelineGroup", "TimelineView", "TimelineVisit", "group_caption", "tile_image"]


class TimelineView(QAbstractScrollArea):
    """Emits `photo_selected` on click/arrow keys and `photo_activated` on double click/Enter."""

    photo_selected = Signal(str)
    photo_activated = Signal(str)
    files_dropped = Signal(list, str)  # paths, visit id ("" = by capture date)
    screenful_painted = Signal()

    def __init__(
        self,
        thumbnail: Callable[[str], QImage | None],
        request: Callable[[list[str]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._thumbnail = thumbnail
        self._request = request
        self._visits: list[TimelineVisit] = []
        self._items: list[Item] = []
        self._tops: list[int] = []
        self._photos: list[PhotoSummary] = []
        self._photo_rects: dict[str, QRect] = {}
        self._height = 0
        self._layout_width = -1
        self._selected: str | None = None
        self._scaled: OrderedDict[str, QPixmap] = OrderedDict()
        self._awaiting_screenful = False
        self._empty_text = ""
        self._notes: dict[str, str] = {}  # photo id -> what its placeholder says
        self.colours: dict[str, QColor] = {
            "surface": QColor("#ffffff"),
            "text": QColor("#1f2933"),
            "muted": QColor("#5f6b7a"),
            "accent": QColor("#2f6f8f"),
            "placeholder": QColor("#e3e7eb"),
            "border": QColor("#d5dbe1"),
            "opinion": QColor("#eef5f8"),
        }
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().setSingleStep(40)
        self.setAccessibleName(self.tr("Timeline"))

    # --- content ---------------------------------------------------------------

    def set_content(
        self, visits: Sequence[TimelineVisit], empty_text: str = "", *, keep_scroll: bool = False
    ) -> None:
        self._visits = list(visits)
        self._photos = [p for v in self._visits for g in v.groups for p in g.photos]
        if not keep_scroll:
            self._scaled.clear()
            self._notes.clear()
        self._empty_text = empty_text
        if self._selected not in {p.id for p in self._photos}:
            self._selected = None
        self._layout_width = -1
        scroll = self.verticalScrollBar().value() if keep_scroll else 0
        self._relayout()
        self.verticalScrollBar().setValue(scroll)
        self._awaiting_screenful = bool(self._photos) and not keep_scroll
        self._request_visible()
        self.viewport().update()

    def photos(self) -> list[PhotoSummary]:
        """The photos shown, in timeline order (what next/previous walks through)."""
        return list(self._photos)

    def clear(self) -> None:
        self.set_content([])

    def selected(self) -> str | None:
        return self._selected

    def select(self, photo_id: str | None, *, emit: bool = True) -> None:
        if photo_id == self._selected:
            return
        self._selected = photo_id
        if photo_id is not None:
            rect = self._photo_rects.get(photo_id)
            if rect is not None:
                self._ensure_visible(rect)
            if emit:
                self.photo_selected.emit(photo_id)
        self.viewport().update()

    def thumbnail_ready(self, photo_id: str) -> None:
        self._notes.pop(photo_id, None)
        self._update_tile(photo_id)

    def set_note(self, photo_id: str, text: str) -> None:
        """What the photo's placeholder says until its thumbnail arrives (it is being
        fetched from the clinic, or why it could not be); the tile's tooltip says it all."""
        self._notes[photo_id] = text
        self._update_tile(photo_id)

    def note(self, photo_id: str) -> str:
        return self._notes.get(photo_id, "")

    def _update_tile(self, photo_id: str) -> None:
        rect = self._photo_rects.get(photo_id)
        if rect is not None:
            self.viewport().update(rect.translated(0, -self.verticalScrollBar().value()))

    def laid_out(self, kind: str) -> list[tuple[str, QRect]]:
        """The texts the timeline paints of one kind ('group', 'caption', 'visit') with
        their places, top to bottom and left to right (for tests and accessibility)."""
        return [(i.text, QRect(i.rect)) for i in self._items if i.kind == kind]

    def group_titles(self) -> list[tuple[list[str], QRect]]:
        """Each group's title as painted, line by line, with its place (for tests)."""
        metrics = QFontMetrics(self._group_font())
        return [
            (group_caption(metrics, i.text, i.subtitle, i.rect.width()), QRect(i.rect))
            for i in self._items
            if i.kind == "group"
        ]

    def _group_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def visible_photo_ids(self) -> list[str]:
        return [item.photo.id for item in self._visible_items() if item.photo is not None]

    # --- layout ------------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.viewport().width()
        if width == self._layout_width:
            return
        self._layout_width = width
        self._items, self._photo_rects, self._height = lay_out(self._visits, width)
        self._tops = [item.top for item in self._items]
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, self._height - self.viewport().height()))
        bar.setPageStep(self.viewport().height())

    def _visible_items(self) -> list[Item]:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        start = max(0, bisect.bisect_left(self._tops, top - TILE_H - VISIT_HEIGHT - GROUP_HEIGHT))
        end = bisect.bisect_right(self._tops, bottom)
        return [item for item in self._items[start:end] if item.rect.bottom() >= top]

    def _ensure_visible(self, rect: QRect) -> None:
        bar = self.verticalScrollBar()
        top, height = bar.value(), self.viewport().height()
        if rect.top() - GROUP_HEIGHT < top:
            bar.setValue(rect.top() - GROUP_HEIGHT - VISIT_HEIGHT)
        elif rect.bottom() > top + height:
            bar.setValue(rect.bottom() - height + GAP)

    def _scrolled(self, _value: int) -> None:
        self._request_visible()
        self.viewport().update()

    def request_visible(self) -> None:
        """Ask for the thumbnails in view again (e.g. after failed ones may be retried)."""
        self._request_visible()

    def _request_visible(self) -> None:
        ids = self.visible_photo_ids()
        if ids:
            self._request(ids)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()
        self._request_visible()

    def sizeHint(self) -> QSize:
        return QSize(4 * (TILE_W + GAP) + 2 * MARGIN, 600)

    # --- painting ----------------------------------------------------------------------

    def prime(self, tiles: dict[str, QImage]) -> None:
        """Tile-sized images made off the GUI thread (see `tile_image`), for the first paint."""
        ratio = self.devicePixelRatioF()
        for photo_id, image in tiles.items():
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self._scaled[photo_id] = pixmap

    def _pixmap(self, photo_id: str) -> QPixmap | None:
        cached = self._scaled.get(photo_id)
        if cached is not None:
            self._scaled.move_to_end(photo_id)
            return cached
        image = self._thumbnail(photo_id)
        if image is None:
            return None
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(tile_image(image, ratio))
        pixmap.setDevicePixelRatio(ratio)
        self._scaled[photo_id] = pixmap
        while len(self._scaled) > SCALED_KEPT:
            self._scaled.popitem(last=False)
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        offset = self.verticalScrollBar().value()
        painter.fillRect(self.viewport().rect(), self.colours["surface"])
        painter.translate(0, -offset)
        if not self._items:
            painter.resetTransform()
            painter.setPen(self.colours["muted"])
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._empty_text,
            )
            painter.end()
            return
        base = QFont(self.font())
        title_font = QFont(base)
        if base.pointSizeF() > 0:
            title_font.setPointSizeF(base.pointSizeF() * 1.25)
        title_font.setBold(True)
        group_font = self._group_font()
        missing = 0
        for item in self._visible_items():
            if item.kind in TEXT_KINDS:
                paint_text(painter, item, self.colours, base, title_font, group_font)
            elif item.photo is not None:
                missing += self._paint_tile(painter, item)
        painter.end()
        if self._awaiting_screenful and missing == 0:
            self._awaiting_screenful = False
            self.screenful_painted.emit()

    def _paint_tile(self, painter: QPainter, item: Item) -> int:
        assert item.photo is not None
        rect = item.rect
        pixmap = self._pixmap(item.photo.id)
        missing = 0
        if pixmap is None:
            missing = 1
            painter.fillRect(rect, self.colours["placeholder"])
            note = self._notes.get(item.photo.id)
            if note:
                paint_note(painter, rect, note, self.font(), self.colours["muted"])
        else:
            size = pixmap.deviceIndependentSize().toSize()
            x = rect.left() + (rect.width() - size.width()) // 2
            y = rect.top() + (rect.height() - size.height()) // 2
            painter.drawPixmap(QPoint(x, y), pixmap)
        if item.photo.id == self._selected:
            painter.setPen(QPen(self.colours["accent"], 3))
            painter.drawRect(rect.adjusted(-2, -2, 1, 1))
        return missing

    # --- interaction ---------------------------------------------------------------------

    def photo_at(self, pos: QPoint) -> str | None:
        point = QPoint(pos.x(), pos.y() + self.verticalScrollBar().value())
        for item in self._visible_items():
            if item.photo is not None and item.rect.contains(point):
                return item.photo.id
        return None

    def visit_at(self, pos: QPoint) -> str:
        y = pos.y() + self.verticalScrollBar().value()
        index = bisect.bisect_right(self._tops, y) - 1
        return self._items[index].visit_id if 0 <= index < len(self._items) else ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            photo_id = self.photo_at(event.pos())
            note = self._notes.get(photo_id, "") if photo_id is not None else ""
            if note and self._thumbnail(photo_id or "") is None:
                QToolTip.showText(event.globalPos(), note, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        photo_id = self.photo_at(event.position().toPoint())
        if photo_id is not None:
            self.select(photo_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        photo_id = self.photo_at(event.position().toPoint())
        if photo_id is not None:
            self.select(photo_id)
            self.photo_activated.emit(photo_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ids = [p.id for p in self._photos]
        if not ids:
            super().keyPressEvent(event)
            return
        index = ids.index(self._selected) if self._selected in ids else -1
        moves = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
        }
        if key in moves:
            self.select(ids[max(0, min(len(ids) - 1, index + moves[Qt.Key(key)]))])
        elif key == Qt.Key.Key_Home:
            self.select(ids[0])
        elif key == Qt.Key.Key_End:
            self.select(ids[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.photo_activated.emit(self._selected)
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths, self.visit_at(event.position().toPoint()))


def tile_image(image: QImage, ratio: float) -> QImage:
    """A thumbnail scaled to the timeline's tile (thread-safe: QImage only)."""
    return image.scaled(
        int(TILE_W * ratio),
        int(TILE_H * ratio),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
