"""The patient list as a Qt model over `PatientSummary` rows from the search service.

Rows come a page at a time (`Patients.search_page`): the first with the search, the
next when the list is scrolled to its end (Qt's `canFetchMore`/`fetchMore`, which asks
the panel for them by `more_wanted`; the panel fetches them on the DB worker).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from pixiodoc_desktop.clinic.records.patients import PatientPage, PatientSummary
from pixiodoc_desktop.gui.locale_text import date_text

PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NEW_OPINION_ROLE = Qt.ItemDataRole.UserRole + 2


def describe(patient: PatientSummary) -> str:
    """Second line of a list entry: date of birth and patient number."""
    parts = []
    if patient.birth_date is not None:
        parts.append(date_text(patient.birth_date))
    if patient.external_id:
        parts.append(patient.external_id)
    return " · ".join(parts)


class PatientListModel(QAbstractListModel):
    more_wanted = Signal(int)  # the offset of the next page the list scrolled to

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PatientSummary] = []
        self._more = False  # the search matches more than the rows shown
        self._total: int | None = 0  # how many it matches in all (None: not counted yet)
        self._fetching = False
        self._flagged: set[str] = set()  # patients with a second opinion not yet seen
        self.badge = QIcon()

    def set_flagged(self, patient_ids: set[str], badge: QIcon) -> None:
        """Mark the patients whose record has a new second opinion (a badge beside the name)."""
        self.badge = badge
        if patient_ids == self._flagged:
            return
        self._flagged = set(patient_ids)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_rows(self, rows: list[PatientSummary]) -> None:
        self.set_page(PatientPage(tuple(rows), 0, False, len(rows)))

    def set_page(self, page: PatientPage) -> None:
        """A new search's first page: its rows, whether more follow, the total if known."""
        self.beginResetModel()
        self._rows = list(page.patients)
        self._more, self._total = page.more, page.total
        self._fetching = False
        self.endResetModel()

    def add_page(self, page: PatientPage) -> None:
        """The next page of the same search, below the rows shown (none of it twice)."""
        self._fetching = False
        if page.offset != len(self._rows):
            return  # an answer for rows the list no longer has (a new search began)
        self._more = page.more
        if page.total is not None:
            self._total = page.total
        if page.patients:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.patients) - 1)
            self._rows.extend(page.patients)
            self.endInsertRows()

    def set_total(self, total: int) -> None:
        """How many patients the search matches, counted after its first page."""
        self._total = total

    def total(self) -> int | None:
        """How many patients the search matches (None until counted)."""
        return self._total

    def fetch_failed(self) -> None:
        """The next page could not be read: the list may ask again when scrolled."""
        self._fetching = False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(len(self._rows))

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[PatientSummary]:
        return list(self._rows)

    def patient(self, row: int) -> PatientSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, patient_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == patient_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        patient = self.patient(index.row()) if index.isValid() else None
        if patient is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            second = describe(patient)
            return f"{patient.display_name}\n{second}" if second else patient.display_name
        flagged = patient.id in self._flagged
        if role == Qt.ItemDataRole.DecorationRole:
            return self.badge if flagged else None
        if role == NEW_OPINION_ROLE:
            return flagged
        if role == Qt.ItemDataRole.ToolTipRole and flagged:
            return QCoreApplication.translate("PatientListModel", "New second opinion")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if flagged:
                new = QCoreApplication.translate("PatientListModel", "new second opinion")
                return f"{patient.display_name}, {new}"
            return patient.display_name
        if role == PATIENT_ID_ROLE:
            return patient.id
        return None
