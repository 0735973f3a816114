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

QR_SIDE = 300  # pixels the code may take on screen


def qr_pixmap(text: str, scale: int | None = None) -> QPixmap:
    """The QR code of `text` as a pixmap, made in memory; by default about QR_SIDE wide.

    A bucket page's presigned URL is long (its signature): the code has more modules
    then, each drawn smaller, so that the dialog keeps its size.
    """
    code = segno.make(text, error="m")
    if scale is None:
        scale = max(2, QR_SIDE // int(code.symbol_size(scale=1, border=3)[0]))
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=3)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class PhonePairingDialog(QDialog):
    end_requested = Signal()
    full_name_toggled = Signal(bool)
    route_requested = Signal(str)  # "lan" or "bucket": make a new code for that route

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
        self.address.setObjectName("PhoneRoute")
        self.address.setWordWrap(True)
        self.address.setProperty("role", "muted")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.route_button = QPushButton()
        self.route_button.setObjectName("PhoneRouteSwitch")
        self.route_button.hide()
        self.route_button.clicked.connect(self._route_clicked)
        self.route_note = QLabel()
        self.route_note.setObjectName("PhoneRouteNote")
        self.route_note.setWordWrap(True)
        self.route_note.setProperty("role", "muted")
        self.route_note.hide()
        self._route = "lan"
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
        layout.addWidget(self.route_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.route_note)
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
        self.resize(500, 720)

    # --- fed by the controller ---------------------------------------------------------

    def show_code(self, url: str, where: str, route: str, bucket_ready: bool) -> None:
        """The code for `route` ("lan" or "bucket"); the other route on offer if it can be."""
        self._route = route
        self.qr.setEnabled(True)
        self.end_button.setText(self.tr("End pairing"))
        self.qr.setPixmap(qr_pixmap(url))
        self.qr.setProperty("url", url)  # what the code says (tests read it back)
        self.qr.setProperty("route", route)
        if route == "bucket":
            self.address.setText(
                self.tr("Route: through the clinic's cloud storage ({0})").format(where)
            )
            self.route_button.setText(self.tr("Use the clinic network instead"))
        else:
            self.address.setText(self.tr("Route: clinic network, workstation {0}").format(where))
            self.route_button.setText(
                self.tr("Phone on guest Wi-Fi or mobile data? Send through the cloud storage")
            )
        self.route_button.setVisible(bucket_ready)
        self.route_button.setEnabled(True)
        self.route_note.setVisible(not bucket_ready)
        self.route_note.setText(
            self.tr(
                "A phone on guest Wi-Fi or mobile data can send through the clinic's cloud "
                "storage once sync is set up on this workstation."
            )
        )
        self.full_name.setEnabled(True)

    def show_waiting(self, seconds_left: int) -> None:
        self.status.setText(
            self.tr("Waiting for the phone… the code expires in {0} s").format(seconds_left)
        )

    def show_paired(self, phone: str) -> None:
        self.qr.setEnabled(False)
        self.full_name.setEnabled(False)
        self.route_button.setEnabled(False)
        self.status.setText(self.tr("Paired: {0}").format(phone))

    def show_ended(self, why: str) -> None:
        self.qr.clear()
        self.full_name.setEnabled(False)
        self.route_button.setEnabled(False)
        self.status.setText(why)
        self.end_button.setText(self.tr("Close"))

    def add_arrival(self, text: str) -> None:
        self.arrivals.insertItem(0, text)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("Photos received: {0}").format(self.arrivals.count()))

    def _route_clicked(self) -> None:
        self.route_button.setEnabled(False)
        self.status.setText(self.tr("Starting…"))
        self.route_requested.emit("lan" if self._route == "bucket" else "bucket")

    def _end_clicked(self) -> None:
        self.end_requested.emit()
        self.accept()
