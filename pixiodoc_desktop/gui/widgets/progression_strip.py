"""The progression strip under the compare view: every visit of a site or lesion, in order.

One item per photo (its date and "week N"); with the workspace's thumbnail
loader each item also shows the photo, from the same bounded in-memory cache
as the timeline. Clicking an item asks for that photo by `photoClicked`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader

ICON = QSize(88, 66)  # a visit's photo
TEXT_ONLY_HEIGHT = 40


class ProgressionStrip(QListWidget):
    photoClicked = Signal(str)

    def __init__(self, thumbnails: ThumbnailLoader | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.setFlow(QListWidget.Flow.LeftToRight)
        # One row that scrolls sideways: room for the scroll bar is kept from the start,
        # so more visits than fit neither cut the photos nor add a vertical bar.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.horizontalScrollBar().sizeHint().height()
        if thumbnails is not None:
            self.setIconSize(ICON)
            self.setFixedHeight(ICON.height() + 22 + bar)
            thumbnails.thumbnailReady.connect(self._thumbnail_ready)
        else:
            self.setFixedHeight(TEXT_ONLY_HEIGHT + bar)
        self.itemClicked.connect(
            lambda item: self.photoClicked.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        )

    def set_photos(self, photos: Sequence[tuple[str, str]], current: str | None) -> None:
        """(photo id, label) in time order; `current` is selected."""
        self.clear()
        for photo_id, label in photos:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            self.addItem(item)
            if photo_id == current:
                self.setCurrentItem(item)
            self._thumbnail_ready(photo_id)
        if self.thumbnails is not None:
            self.thumbnails.request([p for p, _label in photos], replace_pending=False)

    def _thumbnail_ready(self, photo_id: str) -> None:
        """Put a thumbnail the loader has (now or just decoded) on its item."""
        image = self.thumbnails.thumbnail(photo_id) if self.thumbnails is not None else None
        if image is None or image.isNull():
            return
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == photo_id:
                pixmap = QPixmap.fromImage(image).scaled(
                    ICON,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                icon = QIcon(pixmap)
                icon.addPixmap(pixmap, QIcon.Mode.Selected)  # the photo as it is, not tinted
                item.setIcon(icon)
