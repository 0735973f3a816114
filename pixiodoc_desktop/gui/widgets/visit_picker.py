"""A patient's visits as a checklist, newest first, each with its photos beneath it.

A visit reads "05.12.2026 · Week 18 · Follow-up (3 photos)"; a photo reads
"Naevus A · Chest · Dermoscopy, polarised" (the lesion first: it is never the part
cut off), a total-body series photo "Total-body series · Legs, front" with its thumbnail when the
workspace has one. With `photos_checkable` each photo is a choice of its own
(the report builder); without, the photos only show what a visit holds (the
case bundle, which shares whole visits). Owns no data beyond what it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from pixiodoc_desktop.clinic.records.body_series import pose_of
from pixiodoc_desktop.clinic.records.comparisons import weeks_since
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import LesionSummary, VisitSummary
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.pose_labels import pose_label

_ID = Qt.ItemDataRole.UserRole
_ICON = 48


def photo_line(
    photo: PhotoSummary,
    lesions: dict[str, LesionSummary],
    series_names: Iterable[tuple[str, str]] = (),
) -> str:
    if (pose := pose_of(photo)) is not None:  # as the timeline groups it: by its pose
        series = QCoreApplication.translate("VisitPicker", "Total-body series")
        return f"{series} · {pose_label(pose, series_names)}"
    parts = [labels.body_site(photo.body_site), labels.modality(photo.modality)]
    lesion = lesions.get(photo.lesion_id or "")
    if lesion is not None and lesion.label:
        parts.insert(0, lesion.label)
    return " · ".join(parts)


class VisitPicker(QTreeWidget):
    """Check visits (and, if asked, photos); `chosen_visits()` / `chosen_photos()` say which."""

    changed = Signal()

    def __init__(
        self,
        *,
        photos_checkable: bool,
        thumbnail: Callable[[str], QImage | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("VisitPicker")
        self.setHeaderHidden(True)
        self.setIconSize(QSize(_ICON, _ICON))
        self.setUniformRowHeights(False)
        self.setAccessibleName(self.tr("Visits and photos"))
        self.photos_checkable = photos_checkable
        self._thumbnail = thumbnail
        self.itemChanged.connect(lambda _item, _column: self.changed.emit())

    def visit_heading(
        self, visit: VisitSummary, first_visit: VisitSummary | None, photos: int
    ) -> str:
        """'05.12.2026 · Week 18 · Follow-up (3 photos)': date, weeks since the first visit."""
        parts = [date_text(visit.visit_date)]
        if first_visit is not None and first_visit.visit_date != visit.visit_date:
            weeks = weeks_since(first_visit.visit_date, visit.visit_date)
            parts.append(self.tr("Week %1").replace("%1", str(weeks)))
        elif first_visit is not None:
            parts.append(self.tr("Baseline"))  # the compare window's word for it too
        if visit.reason:
            parts.append(visit.reason)
        return " · ".join(parts) + " " + self.tr("(%n photo(s))", "", photos)

    def show_record(
        self,
        visits: tuple[VisitSummary, ...],
        photos: tuple[PhotoSummary, ...],
        lesions: tuple[LesionSummary, ...],
        *,
        checked_visits: set[str] | None = None,
        series_names: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Fill the list; `checked_visits` (default: the newest visit) start ticked."""
        self.blockSignals(True)
        self.clear()
        by_visit: dict[str, list[PhotoSummary]] = {}
        for photo in photos:
            by_visit.setdefault(photo.visit_id, []).append(photo)
        ordered = sorted(visits, key=lambda v: v.visit_date, reverse=True)
        first = ordered[-1] if ordered else None
        if checked_visits is None:
            checked_visits = {ordered[0].id} if ordered else set()
        named = {lesion.id: lesion for lesion in lesions}
        for visit in ordered:
            own = by_visit.get(visit.id, [])
            item = QTreeWidgetItem([self.visit_heading(visit, first, len(own))])
            item.setData(0, _ID, ("visit", visit.id))
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if self.photos_checkable:
                flags |= Qt.ItemFlag.ItemIsAutoTristate
            item.setFlags(flags)
            ticked = visit.id in checked_visits
            item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.addTopLevelItem(item)
            for photo in own:
                row = QTreeWidgetItem([photo_line(photo, named, series_names)])
                row.setToolTip(0, row.text(0))
                row.setData(0, _ID, ("photo", photo.id))
                if self.photos_checkable:
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(
                        0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                    )
                image = self._thumbnail(photo.id) if self._thumbnail else None
                if image is not None and not image.isNull():
                    row.setIcon(0, QIcon(QPixmap.fromImage(image)))
                item.addChild(row)
            item.setExpanded(ticked)
        self.blockSignals(False)
        self.changed.emit()

    def _tops(self) -> list[QTreeWidgetItem]:
        tops = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [top for top in tops if top is not None]

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for top in self._tops():
            found.append(top)
            children = (top.child(i) for i in range(top.childCount()))
            found.extend(child for child in children if child is not None)
        return found

    def item_for(self, kind: str, record_id: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, _ID) == (kind, record_id):
                return item
        return None

    def chosen_visits(self) -> list[str]:
        """Visits ticked (fully, or in part when photos are choices)."""
        return [
            str(item.data(0, _ID)[1])
            for item in self._tops()
            if item.checkState(0) != Qt.CheckState.Unchecked
        ]

    def chosen_photos(self) -> list[str]:
        return [
            str(item.data(0, _ID)[1])
            for item in self._items()
            if item.data(0, _ID)[0] == "photo" and item.checkState(0) == Qt.CheckState.Checked
        ]
