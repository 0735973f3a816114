"""Patient › Capture with phone…: open a pairing for the record on screen and follow it.

The pairing itself is Qt-free (`pixiodoc_desktop/phone`): it is started on the
vault worker (it checks the grant and may make the certificate) and then runs
its own HTTPS server threads. Photos arrive through the one ingest path on
those threads; each arrival comes back here by a queued signal and refreshes
the record. Locking, opening another patient or closing the record ends the
pairing (the phone then says why), as does the dialog's End button.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.phone_dialog import PhonePairingDialog
from pixiodoc_desktop.gui.window_chrome import WindowActions, WindowMenus
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.phone.intake import Arrival, patient_label
from pixiodoc_desktop.phone.opening import PhoneLink, Route, start_pairing, sync_is_set_up
from pixiodoc_desktop.phone.pairing import EndReason, PairingState, PairingTarget


def _ended_text(reason: EndReason | None) -> str:
    return {
        EndReason.EXPIRED: QCoreApplication.translate(
            "PhoneCapture", "The code was not scanned in time. Open a new pairing."
        ),
        EndReason.IDLE: QCoreApplication.translate(
            "PhoneCapture", "The pairing ended after ten minutes without photos."
        ),
        EndReason.TIME_LIMIT: QCoreApplication.translate(
            "PhoneCapture", "The pairing ended after one hour."
        ),
        EndReason.LOCKED: QCoreApplication.translate(
            "PhoneCapture", "The pairing ended: the workstation was locked."
        ),
        EndReason.PATIENT_CHANGED: QCoreApplication.translate(
            "PhoneCapture", "The pairing ended: another record was opened."
        ),
    }.get(
        reason or EndReason.ENDED,
        QCoreApplication.translate("PhoneCapture", "The pairing has ended."),
    )


class PhoneCapture(QObject):
    """The menu entry, the capture screen's button, and the one pairing at a time."""

    arrived = Signal(object)  # Arrival, emitted on the phone server's thread

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        commands: WindowActions,
        menus: WindowMenus,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.state = state
        self.window = window
        self.dialog: PhonePairingDialog | None = None
        self.server: PhoneLink | None = None
        self._target: PairingTarget | None = None
        self._generation = 0  # which open() the pairing being started belongs to
        # Every server ever started (also one whose start finished after a lock), so
        # that none outlives the session: they are ended on lock and closed on exit.
        self._servers: list[PhoneLink] = []
        self._servers_lock = threading.Lock()
        self.action = QAction(
            QCoreApplication.translate("PhoneCapture", "Capture with phone…"), window
        )
        self.action.setObjectName("CaptureWithPhone")
        self.action.triggered.connect(lambda: self.open())
        actions = menus.patient.actions()
        after = actions.index(commands.capture) + 1
        if after < len(actions):
            menus.patient.insertAction(actions[after], self.action)
        else:
            menus.patient.addAction(self.action)
        self.arrived.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self._tick)
        state.unlocked.connect(self.update_enabled)
        state.record_shown.connect(self.update_enabled)
        state.locked.connect(self.update_enabled)
        state.locked.connect(lambda: self.end(EndReason.LOCKED))
        state.patient_opened.connect(self._patient_opened)
        state.patient_closed.connect(lambda: self.end(EndReason.PATIENT_CHANGED))
        self.update_enabled()

    def update_enabled(self, *_why: object) -> None:
        self.action.setEnabled(self.state.has_record())

    def offer_in(self, view: QWidget) -> None:
        """A "Capture with phone…" button in the capture screen's trigger row (once), for
        the context chosen there."""
        row = getattr(view, "trigger_row", None)
        if row is None or view.property("phoneOffered"):
            return
        view.setProperty("phoneOffered", True)
        context = getattr(view, "context", None)
        button = QPushButton(
            QCoreApplication.translate("PhoneCapture", "Capture with phone…"), view
        )
        button.setObjectName("CaptureWithPhoneButton")
        button.clicked.connect(lambda: self.open(context() if callable(context) else None))
        row.insertWidget(2, button)
        button.show()  # the screen is already shown

    # --- opening --------------------------------------------------------------------------

    def open(
        self,
        context: CaptureContext | None = None,
        *,
        full_name: bool | None = None,
        route: Route = Route.AUTO,
    ) -> None:
        """Pair a phone for the record on screen: on the clinic network, or through the
        bucket (chosen, or when this PC cannot listen on the network: `Route.AUTO`)."""
        record = self.state.record
        if not self.state.has_record() or record is None:
            return
        patient = record.patient
        if context is not None and context.patient_id != patient.id:
            context = None
        self.end(EndReason.ENDED)
        if full_name is None:
            full_name = self.ctx.settings.phone_show_full_name
        target = PairingTarget(
            patient.id,
            visit_id=context.visit_id if context else None,
            body_site=context.body_site if context else None,
            lesion_id=context.lesion_id if context else None,
            modality=str(context.modality) if context else "overview",
            show_full_name=full_name,
        )
        if self.dialog is None:
            label = patient_label(
                patient.family_name, patient.given_name, patient.birth_date, full=True
            )
            self.dialog = PhonePairingDialog(label, self.window)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.end_requested.connect(lambda: self.end(EndReason.ENDED))
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.full_name_toggled.connect(self._full_name_toggled)
            self.dialog.route_requested.connect(self._route_requested)
            self.dialog.full_name.blockSignals(True)
            self.dialog.full_name.setChecked(full_name)
            self.dialog.full_name.blockSignals(False)
            self.dialog.show()
        self._target = target
        self._generation += 1
        generation = self._generation
        session, settings = self.ctx.session, self.ctx.settings

        def start() -> tuple[PhoneLink, bool]:
            services, actor = session.require()
            bucket_ready = sync_is_set_up(services.workstation)
            server = start_pairing(
                services.workstation,
                actor,
                target,
                settings,
                on_arrival=self.arrived.emit,
                route=route,
            )
            with self._servers_lock:
                self._servers.append(server)
            return server, bucket_ready

        DbOperation(start).success(lambda started: self._started(*started, generation)).failure(
            self._failed
        ).run(self.ctx.worker)

    def _started(self, server: PhoneLink, bucket_ready: bool, generation: int) -> None:
        if self.dialog is None or generation != self._generation:
            server.intake.pairing.end(EndReason.ENDED)  # superseded while it started
            return
        self.server = server
        self.dialog.show_code(server.url, server.where, server.route, bucket_ready)
        self.timer.start()
        self._tick()

    def _failed(self, exc: Exception) -> None:
        if self.dialog is not None:
            self.dialog.show_ended(
                QCoreApplication.translate("PhoneCapture", "The phone pairing could not start.")
            )
        self.ctx.notifier.failure(exc)

    # --- following ---------------------------------------------------------------------------

    def _tick(self) -> None:
        server, dialog = self.server, self.dialog
        if server is None or dialog is None:
            self.timer.stop()
            return
        pairing = server.intake.pairing
        state = pairing.state
        if state is PairingState.WAITING:
            dialog.show_waiting(int(pairing.seconds_left() + 0.999))
        elif state is PairingState.PAIRED and pairing.phone is not None:
            dialog.show_paired(pairing.phone.label)
        else:
            dialog.show_ended(_ended_text(pairing.end_reason))
            self.server = None
            self.timer.stop()

    def _arrived(self, arrival: Arrival) -> None:
        target = self._target
        if self.dialog is not None:
            when = time.strftime("%H:%M:%S", time.localtime(arrival.at.timestamp()))
            self.dialog.add_arrival(
                f"{when} · {labels.body_site(arrival.body_site)} · {labels.modality(arrival.modality)}"
            )
        if target is not None:
            self.ctx.changes.photos_changed.emit(target.patient_id)

    def _patient_opened(self, patient_id: str) -> None:
        if self._target is not None and self._target.patient_id != patient_id:
            self.end(EndReason.PATIENT_CHANGED)

    def _full_name_toggled(self, checked: bool) -> None:
        self._reopen(full_name=checked)

    def _route_requested(self, route: str) -> None:
        server = self.server
        if server is not None:
            self._reopen(full_name=server.intake.pairing.target.show_full_name, route=Route(route))

    def _reopen(self, *, full_name: bool, route: Route | None = None) -> None:
        """A new code for the same place, before a phone has scanned the first one."""
        server = self.server
        if server is not None and server.intake.pairing.state is PairingState.WAITING:
            self.open(
                CaptureContext(
                    server.intake.pairing.target.patient_id,
                    visit_id=server.intake.pairing.target.visit_id,
                    body_site=server.intake.pairing.target.body_site,
                    lesion_id=server.intake.pairing.target.lesion_id,
                    modality=server.intake.pairing.target.modality,
                ),
                full_name=full_name,
                route=route or Route(server.route),
            )

    def _dialog_closed(self, _result: int) -> None:
        self.end(EndReason.ENDED)
        self.dialog = None

    # --- ending --------------------------------------------------------------------------

    def end(self, reason: EndReason) -> None:
        """End every pairing of this window; each server tells its phone, then closes itself."""
        with self._servers_lock:
            self._servers = [s for s in self._servers if not s.wait(0)]  # drop closed ones
            servers = list(self._servers)
        for server in servers:
            server.intake.pairing.end(reason)
        self._tick()

    def shutdown(self) -> None:
        """Close every server now and wait for its threads (the window is going away)."""
        with self._servers_lock:
            servers, self._servers = list(self._servers), []
        for server in servers:
            server.close()
        self.timer.stop()
