"""Erasing the open patient (with the family name typed as confirmation) and the
retention hold that refuses erasure while it is set: the Patient menu's two
patient-rights entries, run as the logged-in clinician on the vault worker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.clinic.safekeeping import retention
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.exports.records import PriorExport, prior_exports
from pixiodoc_desktop.gui.context import GuiContext, run_as_clinician
from pixiodoc_desktop.gui.record_editing import open_dialog
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.record_dialogs import EraseDialog, RetentionHoldDialog


class RecordErasure(QObject):
    """`erased(patient_id)` is called once a patient has been erased (before the message)."""

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        *,
        erased: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.state = state
        self.window = window
        self.erased = erased

    def ask_erase(self) -> EraseDialog | None:
        record = self.state.record
        if record is None:
            return None
        dialog = EraseDialog(record.patient.display_name, self.window)
        pid = record.patient.id
        dialog.confirmed.connect(lambda text: self.erase_patient(pid, text))
        open_dialog(dialog)
        return dialog

    def erase_patient(self, patient_id: str, confirm_family_name: str) -> None:
        session = self.ctx.session

        def work(ws: Workstation, actor: Actor) -> tuple[int, list[PriorExport], int, int]:
            from pixiodoc_desktop.clinic.safekeeping.erasure import LINK_ERASED
            from pixiodoc_desktop.sharing import ledger
            from pixiodoc_desktop.sharing.rounds import close_erased_now  # boto3: when used

            before = prior_exports(ws, patient_id)
            services, _actor = session.require()
            count = services.patients.erase(
                actor, patient_id, confirm_family_name=confirm_family_name
            )
            closed = close_erased_now(ws, actor)  # the patient's secure links, if online
            waiting = [
                r
                for r in ledger.all_links(ws.vault)
                if r.patient_id == patient_id and r.state == LINK_ERASED
            ]
            return count, before, len(closed), len(waiting)

        run_as_clinician(self.ctx, work, lambda result: self._erased(patient_id, *result))

    def _erased(
        self,
        patient_id: str,
        photos: int,
        exports: list[PriorExport],
        links_revoked: int = 0,
        links_waiting: int = 0,
    ) -> None:
        self.erased(patient_id)
        text = QCoreApplication.translate(
            "RecordActions", "The patient was erased (%1 photos destroyed)."
        ).replace("%1", str(photos))
        if links_revoked:
            text += "\n\n" + QCoreApplication.translate(
                "RecordActions",
                "Secure links to the record revoked: %1. A colleague who opens one "
                "is told that it was revoked.",
            ).replace("%1", str(links_revoked))
        if links_waiting:
            text += "\n\n" + QCoreApplication.translate(
                "RecordActions",
                "Secure links to the record: %1 are revoked at the next sync round "
                "(the clinic's bucket could not be reached).",
            ).replace("%1", str(links_waiting))
        if exports:
            lines = "\n".join(
                f"{item.at:%Y-%m-%d} {item.format} → {item.destination}" for item in exports
            )
            text += "\n\n" + QCoreApplication.translate(
                "RecordActions",
                "Copies left the vault earlier and are not reached by erasure; "
                "ask their recipients to delete them:\n%1",
            ).replace("%1", lines)
        if exports:
            self.ctx.notifier.warning(text)
        else:
            self.ctx.notifier.info(text)

    def ask_hold(self) -> None:
        pid = self.state.patient_id
        if pid:
            run_as_clinician(
                self.ctx,
                lambda ws, actor: retention.hold_of(ws, actor, pid),
                lambda current: self._show_hold(pid, current),
            )

    def _show_hold(self, patient_id: str, current: str | None) -> RetentionHoldDialog:
        dialog = RetentionHoldDialog(current, self.window)
        dialog.chosen.connect(lambda reason: self.set_hold(patient_id, reason))
        open_dialog(dialog)
        return dialog

    def set_hold(self, patient_id: str, reason: str | None) -> None:
        run_as_clinician(
            self.ctx,
            lambda ws, actor: retention.set_hold(ws, actor, patient_id, reason),
            lambda now: self.ctx.notifier.info(
                QCoreApplication.translate("RecordActions", "Retention hold set.")
                if now
                else QCoreApplication.translate("RecordActions", "Retention hold released.")
            ),
        )
