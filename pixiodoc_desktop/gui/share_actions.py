"""Patient › Share… and File › Licence…: two menu entries and the dialogs they open.

Like `record_actions.py`, the entries go into the window's existing menus and
follow the `SessionState` notices (`unlocked`, `record_shown`, `locked`):
disabled while locked, Share… only with a record open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QDialog, QWidget

from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.licence_dialog import LicenceDialog
from pixiodoc_desktop.gui.views.share_dialog import ShareDialog
from pixiodoc_desktop.gui.window_chrome import WindowActions, WindowMenus


class ShareActions(QObject):
    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        commands: WindowActions,
        menus: WindowMenus,
        thumbnail: Callable[[str], QImage | None],
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.state = state
        self.window = window
        self.thumbnail = thumbnail
        self.share = QAction(QCoreApplication.translate("ShareActions", "Share…"), window)
        self.share.setObjectName("ShareRecord")
        self.share.triggered.connect(self.open_share)
        self.licence = QAction(QCoreApplication.translate("ShareActions", "Licence…"), window)
        self.licence.setObjectName("Licence")
        self.licence.triggered.connect(self.open_licence)
        menus.patient.insertAction(commands.capture, self.share)
        actions = menus.file.actions()
        after = actions.index(commands.settings) + 1
        if after < len(actions):
            menus.file.insertAction(actions[after], self.licence)
        else:
            menus.file.addAction(self.licence)
        state.unlocked.connect(self.update_enabled)
        state.record_shown.connect(self.update_enabled)
        state.locked.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self, *_why: object) -> None:
        self.share.setEnabled(self.state.has_record())
        self.licence.setEnabled(self.state.is_unlocked)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_share(self) -> ShareDialog | None:
        record, clinician = self.state.record, self.state.clinician
        if not self.state.has_record() or record is None or clinician is None:
            return None
        dialog = ShareDialog(
            self.ctx, record, clinician.login, self.window, thumbnail=self.thumbnail
        )
        self._open(dialog)
        return dialog

    def open_licence(self) -> LicenceDialog | None:
        if not self.state.is_unlocked:
            return None
        dialog = LicenceDialog(self.ctx, is_admin=self.state.is_admin, parent=self.window)
        self._open(dialog)
        return dialog
