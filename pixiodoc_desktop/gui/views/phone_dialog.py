"""The pairing screen: the QR code for the phone, who is paired, what arrived, End.

It owns no pairing: `gui/phone_capture.py` starts and ends it and feeds this
dialog. The QR code is made here, in memory (segno, PNG), never written out.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    """The QR code of `text` as a pixmap, made in memory."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=3)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class PhonePairingDialog(QDialog):
    end_requested = Signal()
    full_name_toggled = Signal(bool)

    def __init__(self, patient_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhonePairingDialog")
        self.setWindowTitle(self.tr("Capture with phone"))
        self.heading = QLabel(patient_label)
        self.heading.setProperty("role", "heading")
        self.qr = QLabel()
        self.qr.setObjectName("PhoneQr")
        self.qr.setAccessibleName(self.tr("Pairing code for the phone"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(300, 300)
        self.hint = QLabel(
            self.tr(
                "Scan this code with the phone's camera. It works for one phone, "
                "for two minutes. Photos go straight into this record; nothing stays on the phone."
            )
        )
        self.hint.setWordWrap(True)
        self.address = QLabel()
        self.address.setProperty("role", "muted")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.full_name = QCheckBox(self.tr("Show the full name on the phone"))
        self.full_name.setToolTip(self.tr("Otherwise the phone shows initials and year of birth"))
        self.full_name.toggled.connect(self.full_name_toggled)
        self.status = QLabel(self.tr("Starting…"))
        self.status.setObjectName("PhoneStatus")
        self.status.setWordWrap(True)
        self.count = QLabel()
        self.arrivals = QListWidget()
        self.arrivals.setObjectName("PhoneArrivals")
        self.arrivals.setAccessibleName(self.tr("Photos received from the phone"))
        self.arrivals.setMaximumHeight(140)
        self.end_button = QPushButton(self.tr("End pairing"))
        self.end_button.setObjectName("EndPairing")
        self.end_button.setProperty("role", "primary")
        self.end_button.clicked.connect(self._end_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.qr)
        layout.addWidget(self.hint)
        layout.addWidget(self.address)
        layout.addWidget(self.full_name)
        layout.addWidget(self.status)
        layout.addWidget(self.count)
        layout.addWidget(self.arrivals)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.end_button)
        layout.addLayout(row)
        self._update_count()
        self.arrivals.setWordWrap(True)
        self.resize(480, 660)

    # --- fed by the controller ---------------------------------------------------------

    def show_code(self, url: str, address: str) -> None:
        self.qr.setPixmap(qr_pixmap(url))
        self.qr.setProperty("url", url)  # what the code says (tests read it back)
        self.address.setText(self.tr("Workstation address: {0}").format(address))
        self.full_name.setEnabled(True)

    def show_waiting(self, seconds_left: int) -> None:
        self.status.setText(
            self.tr("Waiting for the phone… the code expires in {0} s").format(seconds_left)
        )

    def show_paired(self, phone: str) -> None:
        self.qr.setEnabled(False)
        self.full_name.setEnabled(False)
        self.status.setText(self.tr("Paired: {0}").format(phone))

    def show_ended(self, why: str) -> None:
        self.qr.clear()
        self.full_name.setEnabled(False)
        self.status.setText(why)
        self.end_button.setText(self.tr("Close"))

    def add_arrival(self, text: str) -> None:
        self.arrivals.insertItem(0, text)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("Photos received: {0}").format(self.arrivals.count()))

    def _end_clicked(self) -> None:
        self.end_requested.emit()
        self.accept()
