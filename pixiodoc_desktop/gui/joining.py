"""The first-run page's "Join your clinic…": the join on the network pool, then the unlock page.

`sync.new_workstation.join_workstation` does the work (checks, the bucket tried, the code,
the clinic's records; a failed join removes what it made). It runs on the network pool,
never the GUI thread; its stages and progress come back by signal to the dialog. Once
joined, the entrance opens the new vault: the unlock page lists the clinic's clinicians,
and each logs in with their usual login.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.errors import (
    EnrollmentInvalid,
    InvalidInput,
    PixioDocError,
    SyncBucketMissing,
    SyncCredentialsRejected,
    SyncUnavailable,
    VaultExists,
)
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.join_dialog import JoinDialog
from pixiodoc_desktop.sync.new_workstation import JoinRequest, join_workstation


class _Relay(QObject):
    """Lives on the GUI thread; the join's stages and progress are emitted from the pool."""

    staged = Signal(str)
    progressed = Signal(str, int, int)


def failure_text(exc: Exception, request: JoinRequest) -> str:
    """One message naming the thing and the reason. The bucket's refusals are worded for a
    PC that is not set up yet (the sync round's say that changes wait on this PC)."""
    endpoint = request.target.endpoint or "AWS S3"
    if isinstance(exc, SyncUnavailable):
        return QCoreApplication.translate(
            "Joining",
            "The clinic's bucket at %1 cannot be reached (offline, or a wrong endpoint URL). "
            "Nothing was set up on this PC.",
        ).replace("%1", endpoint)
    if isinstance(exc, SyncCredentialsRejected):
        return QCoreApplication.translate(
            "Joining",
            "The clinic's bucket at %1 refuses this access key or secret key; check both "
            "against the Admin's Sync settings. Nothing was set up on this PC.",
        ).replace("%1", endpoint)
    if isinstance(exc, PixioDocError):
        return error_text(exc)
    return QCoreApplication.translate(
        "Joining", "The join failed (%1); nothing was set up on this PC."
    ).replace("%1", type(exc).__name__)


class Joining(QObject):
    """Opens the join dialog over the first-run page and runs what it asks for."""

    def __init__(self, ctx: GuiContext, joined: Callable[[Path], None], parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._joined = joined
        self.dialog: JoinDialog | None = None

    def open(self, parent: QWidget, default_folder: Path) -> JoinDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = JoinDialog(default_folder, parent)
        dialog.join_requested.connect(self._join)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _join(self, request: JoinRequest) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        relay = _Relay(dialog)
        relay.staged.connect(dialog.show_stage)
        relay.progressed.connect(dialog.show_progress)

        def work() -> Path:
            vault = join_workstation(
                request, stage=relay.staged.emit, progress=relay.progressed.emit
            )
            return vault.folder

        def done(folder: Path) -> None:
            dialog.joining = False
            dialog.accept()
            self._joined(folder)

        def failed(exc: Exception) -> None:
            fields: dict[type[Exception], QWidget | None] = {
                EnrollmentInvalid: dialog.code,
                VaultExists: dialog.folder,
                SyncUnavailable: dialog.endpoint,
                SyncCredentialsRejected: dialog.access_key,
                SyncBucketMissing: dialog.bucket,
                InvalidInput: None,
            }
            dialog.show_error(failure_text(exc, request), fields.get(type(exc)))

        self.ctx.images.submit(work, done, failed)
