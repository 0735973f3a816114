"""Settings › Preferences from the workstation window: the dialog, and what a save changes.

An Admin also sees the clinic's series protocol, read on the DB worker before the
dialog opens. A save takes effect at once: the auto-lock interval, the theme (the
timeline repaints its own colours). Imported when the menu item is chosen, never at
start (issue 19: nothing but the way in before the unlock screen paints).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.gui.record_editing import open_dialog
from pixiodoc_desktop.gui.series_protocol import read_protocol, store_protocol
from pixiodoc_desktop.gui.theme import apply_theme
from pixiodoc_desktop.gui.views.settings import SettingsDialog

if TYPE_CHECKING:
    from pixiodoc_desktop.clinic.records.body_series import Pose
    from pixiodoc_desktop.gui.context import GuiContext
    from pixiodoc_desktop.gui.idle import IdleWatcher
    from pixiodoc_desktop.gui.session import VaultInfo
    from pixiodoc_desktop.gui.session_state import SessionState
    from pixiodoc_desktop.gui.views.timeline import TimelinePanel


class SettingsHost(Protocol):
    """What the settings need of the workstation window (GUI parts never import it)."""

    settings: Settings
    settings_path: Path | None
    vault_folder: Path
    ctx: GuiContext
    state: SessionState
    idle: IdleWatcher
    furnished: bool
    timeline: TimelinePanel

    @property
    def vault_info(self) -> VaultInfo | None: ...


def open_settings(window: SettingsHost, parent: QWidget) -> None:
    """The settings dialog over `parent`; with the series protocol for an Admin."""
    info = window.vault_info
    demo = info is not None and info.demo
    in_use = info.folder if info is not None else window.vault_folder

    def show(protocol: tuple[Pose, ...] | None) -> None:
        dialog = SettingsDialog(
            window.settings,
            parent,
            path=window.settings_path,
            demo=demo,
            vault_in_use=in_use,
            series_protocol=protocol,
        )
        dialog.saved.connect(lambda new, old: apply_saved_settings(window, new, old))
        dialog.protocol_saved.connect(
            lambda poses: store_protocol(window.ctx, poses, window.state.patient_id)
        )
        open_dialog(dialog)

    if window.state.is_admin:  # the clinic's series protocol is an Admin's to change
        read_protocol(window.ctx, show)
    else:
        show(None)


def apply_saved_settings(window: SettingsHost, new: Settings, old: Settings) -> None:
    """What Settings › Save changes in a running window."""
    window.settings = new
    window.ctx.settings = new
    window.idle.set_interval(new.auto_lock_minutes * 60_000)
    if new.theme != old.theme:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, new.theme)
            if window.furnished:
                window.timeline.apply_theme()
                window.timeline.timeline.viewport().update()
    window.ctx.notifier.info(QCoreApplication.translate("MainWindow", "Settings saved."))
