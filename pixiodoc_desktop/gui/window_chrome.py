"""The main window's actions (with their shortcuts), menus and status bar.

The actions call the window through `WorkspaceCommands`, the few slots they
need; the menus are handed to the parts that add their own entries
(record actions, emergency access, sync). Strings keep the "MainWindow"
translation context, where they have always lived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QStatusBar, QWidget

from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.folder_names import folder_text
from pixiodoc_desktop.gui.theme import icon


class WorkspaceCommands(Protocol):
    """What the window's actions call (the main window provides them)."""

    def focus_search(self) -> None: ...
    def new_patient(self) -> None: ...
    def choose_import(self) -> None: ...
    def lock(self) -> None: ...
    def open_settings(self) -> None: ...
    def close(self) -> bool: ...
    def edit_patient(self) -> None: ...
    def new_visit(self) -> None: ...
    def new_lesion(self) -> None: ...
    def record_consent(self) -> None: ...
    def open_selected(self) -> None: ...
    def open_capture(self) -> None: ...
    def open_compare(self) -> None: ...
    def open_audit_trail(self) -> None: ...
    def open_clinicians(self) -> None: ...


@dataclass(slots=True)
class WindowActions:
    find: QAction
    new_patient: QAction
    import_photos: QAction
    lock: QAction
    settings: QAction
    quit: QAction
    edit_patient: QAction
    new_visit: QAction
    new_lesion: QAction
    consent: QAction
    viewer: QAction
    capture: QAction
    compare: QAction
    audit_trail: QAction
    clinicians: QAction

    @property
    def need_patient(self) -> tuple[QAction, ...]:
        return (
            self.edit_patient,
            self.new_visit,
            self.new_lesion,
            self.consent,
            self.import_photos,
            self.viewer,
            self.capture,
            self.compare,
        )

    @property
    def need_admin(self) -> tuple[QAction, ...]:
        return (self.audit_trail, self.clinicians)

    @property
    def need_session(self) -> tuple[QAction, ...]:
        return (self.find, self.new_patient, self.lock)

    def enable(self, unlocked: bool, *, has_patient: bool, admin: bool) -> None:
        """Enable what the session allows; the admin's actions are hidden from others."""
        for action in self.need_session:
            action.setEnabled(unlocked)
        for action in self.need_patient:
            action.setEnabled(has_patient)
        for action in self.need_admin:
            action.setEnabled(admin)
            action.setVisible(admin)


@dataclass(frozen=True, slots=True)
class WindowMenus:
    file: QMenu
    patient: QMenu
    view: QMenu
    practice: QMenu


def build_actions(owner: QWidget, window: WorkspaceCommands) -> WindowActions:
    """The actions, with shortcuts that work anywhere in `owner` (the main window)."""

    def action(
        text: str, slot: Callable[[], object], shortcut: str | None = None, name: str | None = None
    ) -> QAction:
        made = QAction(text, owner)
        if name:
            made.setIcon(icon(name))
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        made.triggered.connect(slot)
        owner.addAction(made)
        return made

    return WindowActions(
        find=action(
            QCoreApplication.translate("MainWindow", "Find patient"),
            window.focus_search,
            "Ctrl+F",
            "search",
        ),
        new_patient=action(
            QCoreApplication.translate("MainWindow", "New patient…"),
            window.new_patient,
            "Ctrl+N",
            "patient-add",
        ),
        import_photos=action(
            QCoreApplication.translate("MainWindow", "Import photos…"),
            window.choose_import,
            "Ctrl+I",
            "import",
        ),
        lock=action(
            QCoreApplication.translate("MainWindow", "Lock"), window.lock, "Ctrl+L", "lock"
        ),
        settings=action(
            QCoreApplication.translate("MainWindow", "Settings…"),
            window.open_settings,
            "Ctrl+,",
            "settings",
        ),
        quit=action(QCoreApplication.translate("MainWindow", "Quit"), window.close, "Ctrl+Q"),
        edit_patient=action(
            QCoreApplication.translate("MainWindow", "Edit patient…"),
            window.edit_patient,
            None,
            "edit",
        ),
        new_visit=action(
            QCoreApplication.translate("MainWindow", "New visit…"), window.new_visit, None, "visit"
        ),
        new_lesion=action(
            QCoreApplication.translate("MainWindow", "Track lesion…"),
            window.new_lesion,
            None,
            "lesion",
        ),
        consent=action(
            QCoreApplication.translate("MainWindow", "Record consent…"),
            window.record_consent,
            None,
            "consent",
        ),
        viewer=action(
            QCoreApplication.translate("MainWindow", "Open in viewer"),
            window.open_selected,
            None,
            "viewer",
        ),
        capture=action(
            QCoreApplication.translate("MainWindow", "Capture photos…"),
            window.open_capture,
            "Ctrl+K",
            "camera",
        ),
        compare=action(
            QCoreApplication.translate("MainWindow", "Compare…"),
            window.open_compare,
            "Ctrl+D",
            "compare",
        ),
        audit_trail=action(
            QCoreApplication.translate("MainWindow", "Audit trail…"),
            window.open_audit_trail,
            None,
            "audit",
        ),
        clinicians=action(
            QCoreApplication.translate("MainWindow", "Clinicians…"),
            window.open_clinicians,
            None,
            "clinicians",
        ),
    )


def build_menus(menu: QMenuBar, actions: WindowActions) -> WindowMenus:
    file_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    for item in (actions.import_photos, actions.settings, None, actions.lock, actions.quit):
        if item is None:
            file_menu.addSeparator()
        else:
            file_menu.addAction(item)
    patient_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Patient"))
    for item in (
        actions.find,
        actions.new_patient,
        actions.edit_patient,
        actions.new_visit,
        actions.new_lesion,
        actions.consent,
        actions.capture,
    ):
        patient_menu.addAction(item)
    view_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addAction(actions.viewer)
    view_menu.addAction(actions.compare)
    practice_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "P&ractice"))
    practice_menu.addAction(actions.clinicians)
    practice_menu.addAction(actions.audit_trail)
    return WindowMenus(file_menu, patient_menu, view_menu, practice_menu)


class StatusBar:
    """Vault state and clinician, on the left and right of the window's status bar."""

    def __init__(self, bar: QStatusBar, ctx: GuiContext) -> None:
        self.bar = bar
        self.vault_state = QLabel()
        self.vault_state.setAccessibleName(QCoreApplication.translate("MainWindow", "Vault state"))
        self.clinician = QLabel()
        self.clinician.setAccessibleName(QCoreApplication.translate("MainWindow", "Clinician"))
        self.busy = QLabel()
        bar.addWidget(self.vault_state)
        bar.addWidget(self.busy)
        bar.addPermanentWidget(self.clinician)
        ctx.worker.busy_changed.connect(self._busy)
        ctx.notifier.posted.connect(self._posted)

    def _busy(self, busy: bool) -> None:
        self.busy.setText(QCoreApplication.translate("MainWindow", "Working…") if busy else "")

    def _posted(self, level: str, text: str) -> None:
        if level == "info":
            self.bar.showMessage(text, 6000)

    def show_state(self, folder: str, clinician: str | None) -> None:
        folder = folder_text(folder)
        if clinician is not None:
            self.vault_state.setText(
                QCoreApplication.translate("MainWindow", "Vault unlocked: %1").replace("%1", folder)
            )
            self.clinician.setText(
                QCoreApplication.translate("MainWindow", "Clinician: %1").replace("%1", clinician)
            )
            return
        self.vault_state.setText(
            QCoreApplication.translate("MainWindow", "Vault locked: %1").replace("%1", folder)
            if folder
            else QCoreApplication.translate("MainWindow", "No vault open")
        )
        self.clinician.setText("")
