"""Managing the practice's clinicians (practice Admins): add, deactivate, reset a
password, change a role, renew the practice's keys. `Clinicians` and
`rotate_workspace_key` check the Admin role and audit each act; this dialog
only asks and shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.clinicians import Clinicians, ClinicianSummary
from pixiodoc_desktop.clinic.access.key_rotation import rotate_workspace_key
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler
from pixiodoc_desktop.gui.views.recovery_key import RecoveryKeyPage
from pixiodoc_desktop.gui.widgets.strength_meter import StrengthMeter
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.renewal import Renewal, renew_keys
from pixiodoc_desktop.sync.settings import load_target, store_settings
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.rotation import RotatedKeys


class NewPasswordDialog(QDialog):
    """A new password, typed twice, with the vault's own strength rule shown as it is typed.

    `personal` holds what the vault checks the password against for a reset (the
    clinician's login and name); a new clinician's come from the Login and Name fields.
    """

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        with_person: bool,
        whose: str = "",
        personal: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._personal = personal
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        self.role.addItem(self.tr("Clinician"), "clinician")
        self.role.addItem(self.tr("Admin"), "admin")
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        bar = QProgressBar()
        bar.setObjectName("strengthBar")
        bar.setTextVisible(False)
        bar.setMaximumWidth(140)
        bar.setAccessibleName(self.tr("Password strength"))
        verdict = QLabel()
        verdict.setObjectName("strengthLabel")
        verdict.setWordWrap(True)
        verdict.setProperty("role", "muted")
        # Two lines kept for the verdict: the dialog does not jump as it is typed, and the
        # longest German reason fits without being cut.
        verdict.setMinimumHeight(2 * verdict.fontMetrics().lineSpacing() + 4)
        verdict.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.meter = StrengthMeter(bar, verdict)
        form = QFormLayout()
        if with_person:
            form.addRow(self.tr("Login"), self.login)
            form.addRow(self.tr("Name"), self.name)
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", bar)
        form.addRow("", verdict)
        form.addRow(self.tr("Repeat password"), self.again)
        self.setMinimumWidth(560)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if whose:  # a reset: say whose password it is, and what becomes of the old one
            about = QLabel(
                self.tr(
                    "A new password for %1. Their old password stops working at once; "
                    "give them the new one in person."
                ).replace("%1", whose)
            )
            about.setWordWrap(True)
            layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for edit in (self.password, self.login, self.name):
            edit.textChanged.connect(self._rate)

    def personal(self) -> tuple[str, ...]:
        """What the vault compares the password with (`vault.credentials.with_password`)."""
        if self._personal:
            return self._personal
        return (self.login.text().strip(), self.name.text().strip())

    def _rate(self) -> None:
        self.message.clear()
        self.meter.update(self.password.text(), self.personal())

    def _check(self) -> None:
        if not self.meter.update(self.password.text(), self.personal()).acceptable:
            self.password.setFocus()
            self.message.setText(
                self.tr("Choose a stronger password.") + " " + self.meter.label.text()
            )
            return
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.accept()


class NewRecoveryKeyDialog(QDialog):
    """The recovery key after a key renewal (shown once, printable), and who needs a password."""

    def __init__(
        self, renewed: RotatedKeys, *, clinic: str, folder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Renew the practice's keys"))
        self.page = RecoveryKeyPage(self)
        self.page.show_key(renewed.recovery_key, clinic=clinic, folder=folder)
        self.page.finished.connect(self.accept)
        layout = QVBoxLayout(self)
        if renewed.awaiting_password:
            waiting = QLabel(
                self.tr("These clinicians need a new password (Reset password…): %1").replace(
                    "%1", ", ".join(renewed.awaiting_password)
                )
            )
            waiting.setWordWrap(True)
            waiting.setContentsMargins(9, 9, 9, 0)
            layout.addWidget(waiting)
        layout.addWidget(self.page)


def _renew(ws: Workstation, actor: Actor, password: str) -> tuple[RotatedKeys, Renewal | None]:
    """Renew the keys here; on a PC that syncs, together with the bucket (sync/renewal.py)."""
    if load_target(ws.vault) is None:
        return rotate_workspace_key(ws, actor, password), None
    store = ObjectStore(store_settings(ws.vault))
    moved = renew_keys(
        ws, actor, password, store, lambda: sync_once(ws, store, actor_id=actor.user_id)
    )
    return moved.keys, moved


class CliniciansDialog(QDialog):
    def __init__(
        self,
        ctx: GuiContext,
        parent: QWidget | None = None,
        *,
        sync: SyncScheduler | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync = sync  # stopped while the keys are renewed: no round may run meanwhile
        self.setWindowTitle(self.tr("Clinicians"))
        self.resize(640, 400)
        self.people: list[ClinicianSummary] = []
        self.recovery_dialog: NewRecoveryKeyDialog | None = None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Each column as wide as its longest entry, the name taking what is left: a fixed
        # width cut "Dr. Anna Weber" and "Clinician" ("Behandelnde Person") to "Dr. Anna …"
        # while the state column stood half empty. The row numbers say nothing here.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for label, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Deactivate"), self.deactivate),
            (self.tr("Reset password…"), self.reset_password),
            (self.tr("Make Admin / Clinician"), self.toggle_role),
            (self.tr("Renew keys…"), self.renew_keys),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            actions.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    def _run(self, job: Callable[[Clinicians], object], success: str) -> None:
        session = self.ctx.session

        def work() -> object:
            services, _actor = session.require()
            return job(Clinicians(services.workstation))

        def done(_: object) -> None:
            self.message.setText(success)
            self.refresh()

        def failed(exc: Exception) -> None:
            self.message.setText(error_text(exc) if isinstance(exc, PixioDocError) else str(exc))

        DbOperation(work).success(done).failure(failed).run(self.ctx.worker)

    def refresh(self) -> None:
        session = self.ctx.session

        def job() -> list[ClinicianSummary]:
            services, _actor = session.require()
            return Clinicians(services.workstation).list()

        def done(people: list[ClinicianSummary]) -> None:
            self.people = people
            self.table.setRowCount(len(people))
            for row, person in enumerate(people):
                role = self.tr("Admin") if person.role == "admin" else self.tr("Clinician")
                state = self.tr("active") if person.active else self.tr("deactivated")
                for column, value in enumerate((person.login, person.display_name, role, state)):
                    self.table.setItem(row, column, QTableWidgetItem(value))

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def selected(self) -> ClinicianSummary | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.people):
            return self.people[row]
        self.message.setText(self.tr("Choose a clinician first."))
        return None

    def add(self) -> None:
        dialog = NewPasswordDialog(self.tr("Add a clinician"), self, with_person=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        login, name = dialog.login.text().strip(), dialog.name.text().strip()
        role, password = str(dialog.role.currentData()), dialog.password.text()
        actor = self.ctx.session.require()[1]
        self._run(
            lambda c: c.add(actor, login=login, display_name=name, password=password, role=role),
            self.tr("Clinician added."),
        )

    def deactivate(self) -> None:
        person = self.selected()
        if person is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Deactivate"),
            self.tr("Deactivate %1? Their password stops opening the vault at once.").replace(
                "%1", person.display_name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.session.require()[1]
        self._run(
            lambda c: c.deactivate(actor, person.login),
            self.tr(
                "Clinician deactivated. A copy of vault.json or a backup made while they could "
                "log in still opens with their password: consider “Renew keys…”."
            ),
        )

    def renew_keys(self) -> None:
        """A new workspace key (after a password leaked or a clinician left)."""
        title = self.tr("Renew the practice's keys")
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Renew the practice's keys? Copies of vault.json and backups made before stop "
                "opening this vault. You get a new recovery key, and every other clinician "
                "needs a new password from an Admin."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password, ok = QInputDialog.getText(
            self, title, self.tr("Your password"), QLineEdit.EchoMode.Password
        )
        if not ok or not password:
            return
        session = self.ctx.session
        scheduler = self.sync
        if scheduler is not None:
            scheduler.stop()  # waits for a running round

        def work() -> tuple[RotatedKeys, Renewal | None, str, str]:
            services, actor = session.require()
            ws = services.workstation
            renewed, moved = _renew(ws, actor, password)
            return renewed, moved, services.clinic_name, str(ws.vault.folder)

        def done(result: tuple[RotatedKeys, Renewal | None, str, str]) -> None:
            renewed, moved, clinic, folder = result
            self.message.setText(self._renewed_text(moved))
            self.recovery_dialog = NewRecoveryKeyDialog(
                renewed, clinic=clinic, folder=folder, parent=self
            )
            self.recovery_dialog.open()
            self.refresh()
            if scheduler is not None:
                scheduler.start()

        def failed(exc: Exception) -> None:
            self.message.setText(error_text(exc) if isinstance(exc, PixioDocError) else str(exc))
            if scheduler is not None:
                scheduler.start()

        DbOperation(work).success(done).failure(failed).run(self.ctx.worker)

    def _renewed_text(self, moved: Renewal | None) -> str:
        text = self.tr("The practice's keys were renewed.")
        if moved is None:
            return text
        text += " " + self.tr(
            "This workstation now syncs to a new folder of the bucket. Every other "
            "workstation stops syncing and asks to re-join: create an enrollment code for "
            "each (Practice › Enrollment code for another PC…, or pixiodoc sync enroll-code) "
            "and enter it there (Re-join the clinic… in its status bar, or pixiodoc sync "
            "rejoin). Once "
            "all have re-joined, delete everything in the old folder %1 of the bucket but its "
            "object named retired (old versions too, if the bucket keeps versions)."
        ).replace("%1", moved.old_folder)
        if moved.error is not None:
            text += " " + self.tr(
                "The first sync with the new keys did not finish (%1); the next sync finishes it."
            ).replace("%1", translated_message(moved.error))
        return text

    def reset_password(self) -> None:
        person = self.selected()
        if person is None:
            return
        dialog = NewPasswordDialog(
            self.tr("Reset password"),
            self,
            with_person=False,
            whose=f"{person.display_name} ({person.login})",
            personal=(person.login, person.display_name),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        password = dialog.password.text()
        actor = self.ctx.session.require()[1]
        self._run(
            lambda c: c.reset_password(actor, person.login, password),
            self.tr("New password set; the old one no longer works."),
        )

    def toggle_role(self) -> None:
        person = self.selected()
        if person is None:
            return
        role = "clinician" if person.role == "admin" else "admin"
        actor = self.ctx.session.require()[1]
        self._run(lambda c: c.change_role(actor, person.login, role), self.tr("Role changed."))
