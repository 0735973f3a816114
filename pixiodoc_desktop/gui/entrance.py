"""The way into the workstation: first run, opening a vault, unlocking, the recovery key.

`Entrance` owns the three pages shown before the workspace (each centred as
a card on the window's stack) and the vault work behind them: opening a
folder, creating a vault, logging in, and listing the clinicians again once
a session was locked. The window enters the workspace through the callback
it passes in. Strings keep the "MainWindow" translation context, where they
have always lived.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from pixiodoc_desktop.config import save_settings
from pixiodoc_desktop.errors import InvalidInput, VaultInUse
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session import LoginInfo, VaultInfo
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.unlock import UnlockPage
from pixiodoc_desktop.gui.workers import DbOperation

if TYPE_CHECKING:  # built when first shown: a clinic's start shows the unlock page alone
    from pixiodoc_desktop.gui.joining import Joining
    from pixiodoc_desktop.gui.views.first_run import FirstRunPage
    from pixiodoc_desktop.gui.views.recovery_key import RecoveryKeyPage

log = logging.getLogger(__name__)


def _card(page: QWidget, width: int = 560) -> QWidget:
    """Centre a form on a calm background, as a card."""
    outer = QWidget()
    frame = QFrame()
    frame.setProperty("role", "card")
    # A fixed width lets word-wrapped labels report the height they really need.
    frame.setFixedWidth(width)
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(32, 28, 32, 24)
    inner.addWidget(page)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(frame)
    row.addStretch(1)
    layout = QVBoxLayout(outer)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
    return outer


class Entrance(QObject):
    """The first-run, unlock and recovery-key pages, and the vault work behind them.

    `enter` shows the workspace (after an unlock, or once the new vault's
    recovery key was noted); `show_locked_ui` disables what needs a session;
    `show_state` writes the vault folder and the clinician into the status bar.
    The first-run page (a Designer form: QUiLoader's first use costs ~150 ms) and the
    recovery-key page are built when first needed, not before the unlock screen paints.
    """

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        stack: QStackedWidget,
        vault_folder: Path,
        *,
        settings_path: Path | None,
        enter: Callable[[], None],
        show_locked_ui: Callable[[], None],
        show_state: Callable[[str, str | None], None],
    ) -> None:
        super().__init__(stack)
        self.ctx = ctx
        self.state = state
        self.stack = stack
        self.settings_path = settings_path
        self.vault_info: VaultInfo | None = None
        self._enter = enter
        self._show_locked_ui = show_locked_ui
        self._show_state = show_state
        self._vault_folder = vault_folder
        self._first_run: tuple[FirstRunPage, QWidget] | None = None
        self._recovery: tuple[RecoveryKeyPage, QWidget] | None = None
        self.joining: Joining | None = None  # the first-run page's "Join your clinic…"
        self.unlock_page = UnlockPage(ctx)
        self.unlock_card = _card(self.unlock_page)
        stack.addWidget(self.unlock_card)
        self.unlock_page.unlocked.connect(self._unlocked)
        self.unlock_page.other_vault_requested.connect(self._choose_vault)

    @property
    def first_run(self) -> FirstRunPage:
        return self._first_run_pages()[0]

    @property
    def first_run_card(self) -> QWidget:
        return self._first_run_pages()[1]

    def _first_run_pages(self) -> tuple[FirstRunPage, QWidget]:
        if self._first_run is None:
            from pixiodoc_desktop.gui.views.first_run import FirstRunPage

            page = FirstRunPage(self.ctx, self._vault_folder)
            self._first_run = page, _card(page, 620)
            self.stack.addWidget(self._first_run[1])
            page.created.connect(self._vault_created)
            page.open_requested.connect(self._open_chosen)
            page.join_requested.connect(self._join_clinic)
        return self._first_run

    def _join_clinic(self) -> None:
        """Another PC of the clinic has the vault: its Admin's code and bucket join this one;
        joined, the unlock page lists the clinic's clinicians."""
        if self.joining is None:
            from pixiodoc_desktop.gui.joining import Joining

            self.joining = Joining(self.ctx, self._open_chosen, self)
        self.joining.open(self.stack.window(), self._vault_folder)

    @property
    def recovery_page(self) -> RecoveryKeyPage:
        return self._recovery_pages()[0]

    @property
    def recovery_card(self) -> QWidget:
        return self._recovery_pages()[1]

    def _recovery_pages(self) -> tuple[RecoveryKeyPage, QWidget]:
        if self._recovery is None:
            from pixiodoc_desktop.gui.views.recovery_key import RecoveryKeyPage

            page = RecoveryKeyPage()
            self._recovery = page, _card(page, 620)
            self.stack.addWidget(self._recovery[1])
            page.finished.connect(self._enter)
        return self._recovery

    def open_vault(self, folder: Path) -> None:
        session = self.ctx.session
        DbOperation(lambda: session.open(folder)).success(self._vault_opened).failure(
            lambda exc: self._vault_not_opened(folder, exc)
        ).survive_lock().run(self.ctx.worker)

    def _vault_not_opened(self, folder: Path, exc: Exception) -> None:
        if not isinstance(exc, VaultInUse):
            self.ctx.notifier.failure(exc)
            return
        # Another window has it: said once, on the unlock screen, which offers another vault.
        self.vault_info = None
        self.unlock_page.show_in_use(folder, error_text(exc))
        self.stack.setCurrentWidget(self.unlock_card)
        self._show_locked_ui()

    def _choose_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.stack.window(), QCoreApplication.translate("MainWindow", "Open a vault")
        )
        if folder:
            self._open_chosen(Path(folder))

    def _open_chosen(self, folder: Path) -> None:
        self._remember(folder=folder)
        self.open_vault(folder)

    def _vault_opened(self, info: VaultInfo) -> None:
        self.vault_info = info
        self.unlock_page.show_vault(info, self.ctx.settings.last_login)
        self.stack.setCurrentWidget(self.unlock_card)
        self._show_locked_ui()

    def _vault_created(self, info: VaultInfo, login: LoginInfo, key: str) -> None:
        self.vault_info = info
        self.state.log_in(login)
        self._remember(login.login, info.folder)
        self._show_state(str(info.folder), login.display_name)
        self.recovery_page.show_key(key, clinic=login.clinic_name, folder=str(info.folder))
        self.stack.setCurrentWidget(self.recovery_card)

    def unlock(self, login: str, password: str) -> None:
        """Log in without the form (demo mode and tests)."""
        session = self.ctx.session
        DbOperation(lambda: session.unlock(login, password)).success(
            self._unlocked
        ).survive_lock().run(self.ctx.worker)

    def _unlocked(self, info: LoginInfo) -> None:
        self.state.log_in(info)
        self._remember(info.login)
        self._enter()

    def _remember(self, login: str | None = None, folder: Path | None = None) -> None:
        """Preselect the clinician (and vault) next time: preferences, not clinical data."""
        settings = self.ctx.settings
        changed = False
        if login is not None and login != settings.last_login:
            settings.last_login = login
            changed = True
        if folder is not None and str(folder) != settings.vault_path:
            settings.vault_path = str(folder)
            changed = True
        if not changed:
            return
        try:
            save_settings(settings, self.settings_path)
        except (OSError, InvalidInput):
            log.warning("The settings file could not be written")

    def show_unlock(self, last_login: str) -> None:
        """The session is locking: the unlock page asks for `last_login` again."""
        if self.vault_info is not None:
            self.unlock_page.show_vault(self.vault_info, last_login)
        self.stack.setCurrentWidget(self.unlock_card)

    def lock_session(self) -> None:
        """Drop the keys on the DB worker, then list the clinicians anew: those added or
        deactivated in the session just locked are listed (or not)."""
        session = self.ctx.session

        def lock_and_list() -> VaultInfo | None:
            session.lock()
            return session.info()

        DbOperation(lock_and_list).success(self._clinicians_listed).survive_lock().run(
            self.ctx.worker
        )

    def _clinicians_listed(self, info: VaultInfo | None) -> None:
        if info is None or self.vault_info is None or info.folder != self.vault_info.folder:
            return
        self.vault_info = info
        if not self.state.is_unlocked:
            self.unlock_page.set_clinicians(info.clinicians, self.unlock_page.selected_login())
