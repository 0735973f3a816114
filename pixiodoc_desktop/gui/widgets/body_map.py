"""The body map: the patient's figure (male, female, child or neutral, by the record) from the
front and back, from the sides, and the face, hands and feet as close-ups, one page at a
time under a row of page buttons. Clicking a region chooses its body site and a point on
it, the patient's lesions are markers at their stored place coloured by status, with counts
per region.

The drawings and where a stored place lies on each figure are `clinic.records.body_outlines`
(no Qt): each SVG polygon's id is ``site:<code>`` of the body-site vocabulary, and places are
stored as fractions of the neutral figure's view, so a lesion stays where it was whichever
figure shows it. The pages, their regions and their words are body_map_pages.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records import body_outlines
from pixiodoc_desktop.clinic.records.body_outlines import (
    BodyOutline,
    shown_at,
    stored_at,
    view_size,
)
from pixiodoc_desktop.clinic.records.visits import LesionStatus, LesionSummary, MapView
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.widgets.body_map_pages import (
    PAGES,
    STATUS_COLOURS,
    Region,
    page_of,
    page_title,
    regions,
    status_label,
    view_title,
)

_TOP = 20.0  # room for the views' titles


class BodyMap(QWidget):
    """The patient's figure, one page of views at a time; click to choose a site and a place."""

    site_chosen = Signal(str)  # body-site code
    place_chosen = Signal(str, float, float, str)  # view, x, y (stored fractions), site code
    lesion_chosen = Signal(str)  # lesion id: its marker was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 300)
        self._outline = BodyOutline.NEUTRAL
        self._renderers: dict[MapView, QSvgRenderer] = {}
        self._page = "body"
        self._lesions: tuple[LesionSummary, ...] = ()
        self._chosen: Region | None = None
        self._hovered: Region | None = None
        self.setAccessibleName(self.tr("Body map"))
        # The page buttons along the top; the views are painted below them.
        self.page_buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        self._rows = (QHBoxLayout(), QHBoxLayout())
        for row in self._rows:
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
        for key in PAGES:
            button = QToolButton()
            button.setText(page_title(key))
            button.setObjectName(f"bodyMapPage-{key}")
            button.setCheckable(True)
            button.setChecked(key == self._page)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False, k=key: self.show_page(k))
            group.addButton(button)
            self.page_buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # The whole body on the first row, the close-ups on the second: the same at any
        # width, so the map never jumps when the panel narrows or a count appears.
        for index, button in enumerate(self.page_buttons.values()):
            self._rows[0 if index < 2 else 1].addWidget(button)
        for row in self._rows:
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        self._load_renderers()

    # --- what it shows ------------------------------------------------------------------

    @property
    def outline(self) -> BodyOutline:
        return self._outline

    def set_outline(self, outline: BodyOutline) -> None:
        """Show the patient's figure (the stored places stay on the same spot of the body)."""
        if outline is not self._outline:
            self._outline = outline
            self._chosen = None if self._chosen is None else self._region(self._chosen.code)
            self._hovered = None
            self._load_renderers()
            self.update()

    def _load_renderers(self) -> None:
        self._renderers = {
            v: QSvgRenderer(str(body_outlines.svg_path(self._outline, v))) for v in MapView
        }

    @property
    def page(self) -> str:
        return self._page

    @property
    def views(self) -> tuple[MapView, ...]:
        """The views on the page shown."""
        return PAGES[self._page]

    def show_page(self, key: str) -> None:
        self._page = key
        self.page_buttons[key].setChecked(True)
        self._hovered = None
        self.update()

    def set_lesions(self, lesions: Iterable[LesionSummary]) -> None:
        self._lesions = tuple(lesions)
        self._label_pages()
        self.update()

    def _label_pages(self) -> None:
        """Each page button says how many of the patient's lesions are placed on it."""
        placed = Counter(page_of(x.position.view) for x in self._lesions if x.position is not None)
        for key, button in self.page_buttons.items():
            count = placed.get(key, 0)
            button.setText(page_title(key) + (f" ({count})" if count else ""))

    def _region(self, code: str | None) -> Region | None:
        """The region of a site, on the page shown if it has it, else on the first that does."""
        pages = [self._page, *(k for k in PAGES if k != self._page)]
        for key in pages:
            for view in PAGES[key]:
                for region in regions(view, self._outline):
                    if region.code == code:
                        return region
        return None

    def choose_site(self, code: str | None) -> None:
        """Highlight a site chosen elsewhere (the list), turning to a page that has it."""
        self._chosen = self._region(code)
        if self._chosen is not None and self._chosen.view not in self.views:
            self.show_page(page_of(self._chosen.view))
        self.update()

    @property
    def chosen_site(self) -> str | None:
        return None if self._chosen is None else self._chosen.code

    def counts(self) -> Counter[str]:
        """Lesions per body site (all of the patient's, placed or not)."""
        return Counter(lesion.body_site for lesion in self._lesions)

    def sizeHint(self) -> QSize:
        return QSize(420, 560)

    # --- geometry -----------------------------------------------------------------------

    def _top(self) -> float:
        bottom = max(b.geometry().bottom() for b in self.page_buttons.values())
        return float(bottom) + 4.0 + _TOP

    def view_rect(self, view: MapView) -> QRectF:
        """Where a view of the page is drawn (aspect kept, side by side, legend below); an
        empty rectangle for a view on another page."""
        views = self.views
        if view not in views:
            return QRectF()
        top = self._top()
        column = self.width() / len(views)
        height = max(1.0, self.height() - top - self._legend_height() - 8.0)
        size = view_size(view)
        scale = min((column - 6) / size[0], height / size[1])
        w, h = size[0] * scale, size[1] * scale
        left = views.index(view) * column + (column - w) / 2
        return QRectF(left, top, w, h)

    def to_widget(self, view: MapView, x: float, y: float) -> QPointF:
        """Where a stored place (fractions of the neutral view) is on the screen."""
        rect = self.view_rect(view)
        sx, sy = shown_at(self._outline, view, x, y)
        return QPointF(rect.left() + sx * rect.width(), rect.top() + sy * rect.height())

    def marker_at(self, point: QPointF) -> LesionSummary | None:
        """The lesion whose marker is under `point` (the nearest, within its radius)."""
        best, best_gap = None, 8.0
        for lesion in self._lesions:
            if lesion.position is None or lesion.position.view not in self.views:
                continue
            where = self.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
            gap = ((where.x() - point.x()) ** 2 + (where.y() - point.y()) ** 2) ** 0.5
            if gap <= best_gap:
                best, best_gap = lesion, gap
        return best

    def _hit(self, point: QPointF) -> tuple[Region, float, float] | None:
        """The region under `point` and the place to store for it."""
        for view in self.views:
            rect = self.view_rect(view)
            if not rect.contains(point):
                continue
            x = (point.x() - rect.left()) / rect.width()
            y = (point.y() - rect.top()) / rect.height()
            size = view_size(view)
            svg = QPointF(x * size[0], y * size[1])
            for region in reversed(regions(view, self._outline)):
                if region.outline.containsPoint(svg, Qt.FillRule.OddEvenFill):
                    return (region, *stored_at(self._outline, view, x, y))
        return None

    # --- events -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        marker = self.marker_at(event.position())
        if marker is not None:
            self.lesion_chosen.emit(marker.id)
            return
        hit = self._hit(event.position())
        if hit is None:
            return
        region, x, y = hit
        self._chosen = region
        self.update()
        self.site_chosen.emit(region.code)
        self.place_chosen.emit(region.view.value, x, y, region.code)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        region = None if hit is None else hit[0]
        if region != self._hovered:
            self._hovered = region
            self.update()
            if region is not None:
                count = self.counts()[region.code]
                text = labels.body_site(region.code)
                if count:
                    text += " · " + self.tr("Lesions: %1").replace("%1", str(count))
                QToolTip.showText(event.globalPosition().toPoint(), text, self)

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        counts = self.counts()
        for view in self.views:
            rect = self.view_rect(view)
            size = view_size(view)
            painter.setPen(self.palette().text().color())
            title = QRectF(rect.left() - 40, rect.top() - _TOP, rect.width() + 80, _TOP - 2)
            painter.drawText(title, Qt.AlignmentFlag.AlignCenter, view_title(view))
            self._renderers[view].render(painter, rect)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(rect.width() / size[0], rect.height() / size[1])
            for region, colour in ((self._hovered, "#40808080"), (self._chosen, "#602a7fd4")):
                if region is not None and region.view is view:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(colour))
                    for same in regions(view, self._outline):
                        if same.code == region.code:
                            painter.drawPolygon(same.outline)
            painter.restore()
            self._paint_counts(painter, view, counts)
        self._paint_markers(painter)
        self._paint_legend(painter)

    def _paint_counts(self, painter: QPainter, view: MapView, counts: Counter[str]) -> None:
        shown: set[str] = set()
        rect = self.view_rect(view)
        for region in regions(view, self._outline):
            count = counts.get(region.code, 0)
            if not count or region.code in shown:
                continue
            shown.add(region.code)
            box = region.outline.boundingRect()
            size = view_size(view)
            # Top right of the region, out of the markers' way.
            corner = QPointF(
                rect.left() + box.right() / size[0] * rect.width(),
                rect.top() + box.top() / size[1] * rect.height(),
            )
            badge = QRectF(corner.x() - 16, corner.y() + 2, 16, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 210))
            painter.drawRoundedRect(badge, 7, 7)
            painter.setPen(QColor("#3b2a20"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))

    def _paint_markers(self, painter: QPainter) -> None:
        for lesion in self._lesions:
            if lesion.position is None or lesion.position.view not in self.views:
                continue
            centre = self.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(STATUS_COLOURS[lesion.status])
            painter.drawEllipse(centre, 6.0, 6.0)

    def _legend_places(self) -> list[tuple[LesionStatus, QPointF]]:
        """Where each status's dot goes: one row if it fits the width, else more rows."""
        metrics = self.fontMetrics()
        x, row, places = 8.0, 0, []
        for status in LesionStatus:
            width = 28 + metrics.horizontalAdvance(status_label(status))
            if x + width > self.width() and x > 8.0:
                x, row = 8.0, row + 1
            places.append((status, QPointF(x, row * 18.0)))
            x += width
        return places

    def _legend_height(self) -> float:
        return 18.0 * (1 + max(p.y() for _, p in self._legend_places()) / 18.0) + 6

    def _paint_legend(self, painter: QPainter) -> None:
        top = max(self.view_rect(v).bottom() for v in self.views) + 10
        for status, place in self._legend_places():
            x, y = place.x(), top + place.y()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STATUS_COLOURS[status])
            painter.drawEllipse(QPointF(x + 6, y + 6), 5.0, 5.0)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 15, y + 10), status_label(status))
