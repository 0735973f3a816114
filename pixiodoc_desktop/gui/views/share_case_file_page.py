"""Patient › Share… › Outside colleague: an encrypted case file (.pxcase) of the
visits ticked, each shown by date with its photos, protected by a passphrase (told
by phone) or the colleague's case key, valid until a date. `CaseBundles.export`
checks consent and audits; a refusal is shown on the page, translated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.exchange.case_bundle import (
    DEFAULT_DAYS,
    MAX_DAYS,
    MIN_PASSPHRASE,
    CaseBundles,
    ExportedCase,
)
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.locale_text import date_format, date_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.widgets.visit_picker import VisitPicker
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export

Runner = Callable[..., None]  # ShareDialog._run(job, done, message_label, after_failure)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class CaseFilePage(QWidget):
    """The visits to send, how the file is protected, until when, and Write case file…"""

    written = Signal(object)  # ExportedCase

    def __init__(
        self,
        ctx: GuiContext,
        record: PatientRecord,
        run: Runner,
        thumbnail: Callable[[str], QImage | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self._run = run
        self._build(thumbnail)

    def _build(self, thumbnail: Callable[[str], QImage | None] | None) -> None:
        intro = QLabel(
            self.tr(
                "An encrypted case file (.pxcase) with the visits ticked below, for a colleague "
                "outside the practice. It needs the patient's consent to sharing."
            )
        )
        intro.setWordWrap(True)
        self.visits = VisitPicker(photos_checkable=False, thumbnail=thumbnail)
        record = self.record
        self.visits.show_record(
            record.visits, record.photos, record.lesions, series_names=record.series_names
        )
        self.by_passphrase = QRadioButton(self.tr("Passphrase (tell it by phone)"))
        self.by_key = QRadioButton(self.tr("Colleague's case key"))
        self.by_passphrase.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_passphrase)
        group.addButton(self.by_key)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("BundlePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE))
        )
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("BundlePassphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.key = QLineEdit()
        self.key.setObjectName("BundleKey")
        self.key.setPlaceholderText("pxcase-x25519:…")
        self.key.setAccessibleName(self.tr("Colleague's case key"))
        self.expires = QDateEdit()
        self.expires.setObjectName("BundleExpires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat(date_format())
        today = QDate.currentDate()
        self.expires.setDateRange(today.addDays(1), today.addDays(MAX_DAYS))
        self.expires.setDate(today.addDays(DEFAULT_DAYS))
        self.expires.setAccessibleName(self.tr("Valid until"))
        form = QFormLayout()
        form.addRow(self.by_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.by_key)
        form.addRow(self.tr("Case key"), self.key)
        form.addRow(self.tr("Valid until"), self.expires)
        self.by_passphrase.toggled.connect(self._protection_changed)
        self._protection_changed()
        self.write_button = QPushButton(self.tr("Write case file…"))
        self.write_button.setObjectName("WriteBundleButton")
        self.write_button.clicked.connect(self.write)
        self.visits.changed.connect(
            lambda: self.write_button.setEnabled(bool(self.visits.chosen_visits()))
        )
        self.write_button.setEnabled(bool(self.visits.chosen_visits()))
        self.bundle_message = QLabel()
        self.bundle_message.setObjectName("BundleMessage")
        self.bundle_message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.visits, 1)
        layout.addLayout(form)
        layout.addWidget(self.write_button)
        layout.addWidget(self.bundle_message)

    def _protection_changed(self) -> None:
        by_passphrase = self.by_passphrase.isChecked()
        self.passphrase.setEnabled(by_passphrase)
        self.repeat.setEnabled(by_passphrase)
        self.key.setEnabled(not by_passphrase)

    def suggested_bundle_name(self) -> str:
        """No patient name in a file name: the bundle's point is that outsiders see nothing."""
        return f"case-{dt.date.today().isoformat()}.pxcase"

    def ask_save_path(self) -> Path | None:
        """Where to write the bundle (tests replace this)."""
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Write case file"),
            str(documents_folder() / self.suggested_bundle_name()),
            self.tr("Case file (*.pxcase)"),
        )
        return Path(name) if name else None

    def write(self) -> None:
        """Check what was typed, ask where, and write the case file on the DB worker."""
        visit_ids = self.visits.chosen_visits()
        if not visit_ids:
            self.bundle_message.setText(self.tr("Tick at least one visit."))
            return
        passphrase: str | None = None
        key: str | None = None
        if self.by_passphrase.isChecked():
            passphrase = self.passphrase.text()
            if len(passphrase) < MIN_PASSPHRASE:
                self.bundle_message.setText(
                    self.tr("Use a passphrase of at least %1 characters.").replace(
                        "%1", str(MIN_PASSPHRASE)
                    )
                )
                return
            if passphrase != self.repeat.text():
                self.bundle_message.setText(self.tr("The two passphrases differ."))
                return
        else:
            key = self.key.text().strip()
            if not key:
                self.bundle_message.setText(self.tr("Paste the colleague's case key."))
                return
        path = self.ask_save_path()
        if path is None:
            return
        expires = _pydate(self.expires.date())
        pid = self.record.patient.id
        self.bundle_message.setText(self.tr("Writing the case file…"))
        self.write_button.setEnabled(False)

        def done(case: ExportedCase) -> None:
            self.write_button.setEnabled(True)
            self.bundle_message.setText(
                self.tr("Wrote %1: %2, %3, valid until %4.")
                .replace("%1", case.path.name)
                .replace("%2", self.tr("%n visit(s)", "", case.visits))
                .replace("%3", self.tr("%n photo(s)", "", case.photos))
                .replace("%4", date_text(case.expires))
            )
            self.written.emit(case)

        def job(ws: Workstation, actor: Actor) -> ExportedCase:
            fetch_for_export(ws, actor, pid, Export.CASE_BUNDLE, visit_ids=visit_ids)
            return CaseBundles(ws, kdf=self.ctx.session.kdf).export(
                actor,
                pid,
                visit_ids,
                path,
                passphrase=passphrase,
                recipient_key=key,
                expires=expires,
            )

        self._run(job, done, self.bundle_message, lambda: self.write_button.setEnabled(True))
