"""The patient list on the left: search as you type, recent patients, new patient."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.patients import COUNT_CAP, PAGE, PatientPage, PatientSummary
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import number_text
from pixiodoc_desktop.gui.models.patients import PatientListModel
from pixiodoc_desktop.gui.theme import icon
from pixiodoc_desktop.gui.workers import DbOperation

SEARCH_DELAY_MS = 200
RECENT_LIMIT = 5


class PatientPanel(QWidget):
    patient_chosen = Signal(str)
    new_patient_requested = Signal()
    search_done = Signal(int)
    files_dropped = Signal(str, list)  # patient id, paths

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("PatientPanel")
        self.model = PatientListModel()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a patient (name, number, date of birth)"))
        self.search.setAccessibleName(self.tr("Find a patient"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.new_button = QPushButton(icon("patient-add"), self.tr("New patient"))
        self.new_button.setAccessibleName(self.tr("New patient"))
        self.recent_label = QLabel(self.tr("Recent"))
        self.recent_label.setProperty("role", "section")
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent patients"))
        self.setMinimumWidth(240)
        self.list_label = QLabel(self.tr("Patients"))
        self.list_label.setProperty("role", "section")
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Patients"))
        self.list.setUniformItemSizes(True)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 8, 12)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.new_button)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.recent)
        self.setTabOrder(self.recent, self.new_button)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self._query_serial = 0
        self._recent: list[PatientSummary] = []
        self._query_text = ""
        self.page_size = PAGE  # rows a search (and each scroll to the end) fetches
        self.model.more_wanted.connect(self._fetch_more)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)
        self.list.activated.connect(self._chosen)
        self.list.clicked.connect(self._chosen)
        self.recent.itemActivated.connect(self._recent_chosen)
        self.recent.itemClicked.connect(self._recent_chosen)
        self.new_button.clicked.connect(self.new_patient_requested)
        ctx.changes.patients_changed.connect(self.refresh)
        self.list.setAcceptDrops(True)
        self.list.viewport().setAcceptDrops(True)
        self.list.viewport().installEventFilter(self)
        self._update_recent()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files dropped onto a patient in the list are imported for that patient."""
        if watched is self.list.viewport() and isinstance(event, QDropEvent | QDragMoveEvent):
            patient = self.model.patient(self.list.indexAt(event.position().toPoint()).row())
            if patient is None or not event.mimeData().hasUrls():
                event.ignore()
                return True
            event.acceptProposedAction()
            if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
                if paths:
                    self.files_dropped.emit(patient.id, paths)
            return True
        if watched is self.list.viewport() and event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Run the search for the current text on the DB worker; stale answers are dropped.

        Only the first page comes now, then (while the text is still the same) how many
        match in all; scrolling to the end of the list fetches the next page."""
        self._query_serial += 1
        serial = self._query_serial
        text = self._query_text = self.search.text()
        session, size = self.ctx.session, self.page_size

        def job() -> PatientPage:
            services, actor = session.require()
            return services.patients.search_page(actor, text, limit=size, counted=False)

        def done(page: PatientPage) -> None:
            if serial != self._query_serial:
                return
            self.model.set_page(page)
            self._show_count()
            self.search_done.emit(len(page.patients))
            if page.total is None:
                self._count(serial, text)

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def _count(self, serial: int, text: str) -> None:
        """How many patients the search matches, counted unless another search began."""
        session = self.ctx.session

        def job() -> int | None:
            if serial != self._query_serial:  # typed on: that search counts its own
                return None
            services, actor = session.require()
            return services.patients.count_matches(actor, text, at_most=COUNT_CAP)

        def done(total: int | None) -> None:
            if total is not None and serial == self._query_serial:
                self.model.set_total(total)
                self._show_count()

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def _fetch_more(self, offset: int) -> None:
        """The list scrolled to its end: the next page of the same search."""
        serial = self._query_serial
        text = self._query_text
        session, size = self.ctx.session, self.page_size

        def job() -> PatientPage:
            services, actor = session.require()
            return services.patients.search_page(
                actor, text, offset=offset, limit=size, counted=False
            )

        def done(page: PatientPage) -> None:
            if serial != self._query_serial:
                return
            self.model.add_page(page)
            self._show_count()

        def failed(exc: Exception) -> None:
            self.model.fetch_failed()
            self.ctx.notifier.failure(exc)

        DbOperation(job).success(done).failure(failed).run(self.ctx.worker)

    def _show_count(self) -> None:
        """ "50 of 1,234 patients": the rows shown so far, and how many match (shown once
        counted; until then the label keeps its text for the moment the count takes)."""
        shown, total = self.model.rowCount(), self.model.total()
        if total is None:
            return
        if total > COUNT_CAP:  # counted no further
            of_more = self.tr("%1 of more than %Ln patient(s)", "", COUNT_CAP)
            self.count_label.setText(of_more.replace("%1", number_text(shown, 0)))
        elif shown < total:
            of_total = self.tr("%1 of %Ln patient(s)", "", total)
            self.count_label.setText(of_total.replace("%1", number_text(shown, 0)))
        else:
            self.count_label.setText(self.tr("%n patient(s)", "", total))

    def _open_first(self) -> None:
        self._debounce.stop()
        if self.model.rowCount() > 0:
            self.select_row(0)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self._chosen(index)

    def _chosen(self, index: QModelIndex) -> None:
        patient = self.model.patient(index.row())
        if patient is not None:
            self.note_recent(patient)
            self.patient_chosen.emit(patient.id)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        patient_id = item.data(0x0100)
        if isinstance(patient_id, str):
            self.patient_chosen.emit(patient_id)

    def note_recent(self, patient: PatientSummary) -> None:
        """Recent patients live in memory for this session only (never in settings)."""
        self._recent = [patient] + [p for p in self._recent if p.id != patient.id]
        self._recent = self._recent[:RECENT_LIMIT]
        self._update_recent()

    def forget_recent(self, patient_id: str) -> None:
        """An erased patient's name leaves the list (clicking it only said "not allowed")."""
        self._recent = [p for p in self._recent if p.id != patient_id]
        self._update_recent()

    def _update_recent(self) -> None:
        self.recent.clear()
        for patient in self._recent:
            item = QListWidgetItem(patient.display_name)
            item.setData(0x0100, patient.id)
            self.recent.addItem(item)
        visible = bool(self._recent)
        row = self.recent.sizeHintForRow(0) if self._recent else 0
        self.recent.setFixedHeight(row * len(self._recent) + 10)
        self.recent.setVisible(visible)
        self.recent_label.setVisible(visible)

    def clear(self) -> None:
        self._query_serial += 1
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._debounce.stop()
        self.model.clear()
        self._recent.clear()
        self._update_recent()
        self.count_label.clear()
