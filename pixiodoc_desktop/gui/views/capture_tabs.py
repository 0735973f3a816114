"""The capture screen's settings beside the live preview: Record, Camera and Hot folder
tabs, each page scrolling on a small screen, as wide as the widest page needs."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QTabWidget, QVBoxLayout, QWidget

SIDE_MAX_WIDTH = 480  # the settings tabs beside the preview
SIDE_MIN_WIDTH = 340


class CaptureTabs(QTabWidget):
    """Where the next photo goes (record, ghost), the camera (device, profile, trigger
    keys) and the tethered camera's hot folder."""

    def __init__(
        self,
        record: tuple[QWidget, ...],
        camera: tuple[QWidget, ...],
        hot_folder: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CaptureTabs")
        self.setAccessibleName(self.tr("Capture settings"))
        self.addTab(_scrolled(_page(*record)), self.tr("Record"))
        self.addTab(_scrolled(_page(*camera)), self.tr("Camera"))
        self.addTab(_scrolled(hot_folder), self.tr("Hot folder"))
        self.setMinimumWidth(SIDE_MIN_WIDTH)
        self.setMaximumWidth(SIDE_MAX_WIDTH)

    def fit(self) -> None:
        """As wide as the widest page needs (combos and "Body map…" whole, English or
        German), the preview taking the rest of the window."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        areas = [self.widget(i) for i in range(self.count())]
        pages = [a.widget() for a in areas if isinstance(a, QScrollArea)]
        need = max((p.minimumSizeHint().width() for p in pages if p is not None), default=0)
        pane = 8  # the tab pane's frame around the page
        self.setMinimumWidth(min(SIDE_MAX_WIDTH, max(SIDE_MIN_WIDTH, need + bar + pane)))


def _page(*parts: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    for part in parts:
        layout.addWidget(part)
    layout.addStretch(1)
    return page


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
