"""Where a person clicks on the body map, and which figure the map paints (read from its
pixels, not from its state)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from pixiodoc_desktop.clinic.records.body_outlines import (
    BodyOutline,
    region_at,
    svg_path,
    view_size,
)
from pixiodoc_desktop.clinic.records.visits import MapView
from pixiodoc_desktop.gui.widgets.body_map import BodyMap
from pixiodoc_desktop.gui.widgets.body_map_pages import regions


def click_point(widget: BodyMap, view: MapView, code: str) -> QPoint:
    """A point of the site's region on the figure shown, nearest its middle, where that
    region is on top and no lesion's marker is: where a person clicks to choose it."""
    outline = widget.outline
    size, rect = view_size(view), widget.view_rect(view)
    best: tuple[float, QPoint] | None = None
    for region in regions(view, outline):
        if region.code != code:
            continue
        box = region.outline.boundingRect()
        for i in range(1, 12):
            for j in range(1, 12):
                x = box.left() + box.width() * i / 12
                y = box.top() + box.height() * j / 12
                top = region_at(outline, view, x, y)
                if top is None or top.code != code:
                    continue
                point = QPointF(
                    rect.left() + x / size[0] * rect.width(),
                    rect.top() + y / size[1] * rect.height(),
                ).toPoint()
                if widget.marker_at(QPointF(point)) is not None:
                    continue
                gap = (QPointF(x, y) - box.center()).manhattanLength()
                if best is None or gap < best[0]:
                    best = (gap, point)
    assert best is not None, f"no free point of {code} on the {view} view"
    return best[1]


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    # A copy: the array must not outlive the converted image's buffer.
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


def painted_figure(widget: BodyMap, view: MapView = MapView.FRONT) -> BodyOutline:
    """The figure whose drawing matches what the map paints in that view's place best."""
    shown = widget.grab().toImage()
    area = widget.view_rect(view).toAlignedRect()
    painted = _pixels(shown)[area.top() : area.bottom(), area.left() : area.right()]
    scores = {}
    for outline in BodyOutline:
        drawn = QImage(shown.size(), QImage.Format.Format_RGB32)
        drawn.fill(widget.palette().base().color())
        painter = QPainter(drawn)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        QSvgRenderer(str(svg_path(outline, view))).render(painter, widget.view_rect(view))
        painter.end()
        expected = _pixels(drawn)[area.top() : area.bottom(), area.left() : area.right()]
        scores[outline] = float(np.abs(painted.astype(int) - expected.astype(int)).mean())
    return min(scores, key=lambda o: scores[o])
