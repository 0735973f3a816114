"""The Sync settings dialog: what it shows, saving it, and "Test connection".

Settings go into the vault on the vault worker (the secret into the keyring only);
the connection test runs on the network pool. After a save the scheduler starts
again with the new settings (`SyncScheduler.start`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt

from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PermissionDenied, PixioDocError, SyncError
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.sync_dialog import SyncDialog, SyncForm
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.ondemand import EAGER
from pixiodoc_desktop.sync.settings import (
    FULL_IMAGES_SETTING,
    INTERVAL_SETTING,
    SyncTarget,
    check_target,
    load_credentials,
    load_target,
    save_credentials,
    save_target,
    set_setting,
)
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings

if TYPE_CHECKING:
    from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler

DEFAULT_INTERVAL_MINUTES = 15


@dataclass(frozen=True, slots=True)
class SyncConfig:
    vault_id: str
    target: SyncTarget | None
    access_key: str
    full_images: str
    interval_minutes: int


def load_config(ws: Workstation) -> SyncConfig:
    """Runs on the vault worker (the keyring read is quick)."""
    vault = ws.vault
    credentials = load_credentials(vault.header.vault_id)
    raw = vault.setting(INTERVAL_SETTING)
    return SyncConfig(
        vault.header.vault_id,
        load_target(vault),
        credentials[0] if credentials else "",
        vault.setting(FULL_IMAGES_SETTING) or EAGER,
        int(raw) if raw and raw.isdigit() else DEFAULT_INTERVAL_MINUTES,
    )


def save_config(ws: Workstation, actor: Actor, form: SyncForm) -> SyncConfig:
    """Runs on the vault worker: settings into the vault, the secret into the keyring only."""
    if not actor.is_workspace_admin:
        raise PermissionDenied("Only a practice Admin may change the sync settings.")
    vault_id = ws.vault.header.vault_id
    target = check_target(form.target)
    secret = form.secret
    if not secret:
        stored = load_credentials(vault_id)
        secret = stored[1] if stored else ""
    save_credentials(vault_id, form.access_key, secret)
    save_target(ws.vault, target)
    set_setting(ws.vault, FULL_IMAGES_SETTING, form.full_images)
    set_setting(ws.vault, INTERVAL_SETTING, str(form.interval_minutes))
    return load_config(ws)


def test_connection(settings: StoreSettings) -> None:
    """What `pixiodoc sync test` does: list the bucket, write and delete a probe object."""
    store = ObjectStore(settings)
    store.check_bucket()
    list(store.objects(store.key("probe") + "/"))
    probe = store.key("probe", uuid.uuid4().hex)
    store.put(probe, b"pixiodoc connection test")
    store.delete(probe)


class SyncSettingsEditor(QObject):
    """Opens the settings dialog for a practice Admin, saves it and tests the connection."""

    def __init__(self, scheduler: SyncScheduler) -> None:
        super().__init__(scheduler)
        self.scheduler = scheduler
        self.ctx = scheduler.ctx
        self.state = scheduler.state
        self.window = scheduler.window

    def open_settings(self) -> None:
        if self.state.is_admin:
            session = self.ctx.session

            def work() -> SyncConfig:
                services, _actor = session.require()
                return load_config(services.workstation)

            def loaded(config: SyncConfig) -> None:
                self.show_settings(config)

            DbOperation(work).success(loaded).run(self.ctx.worker)

    def show_settings(self, config: SyncConfig) -> SyncDialog:
        dialog = SyncDialog(
            config.target,
            config.access_key,
            config.full_images,
            config.interval_minutes,
            self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda form: self._save(dialog, form))
        dialog.test_requested.connect(lambda form: self._test(dialog, config, form))
        dialog.open()
        return dialog

    def _save(self, dialog: SyncDialog, form: SyncForm) -> None:
        session = self.ctx.session

        def work() -> SyncConfig:
            services, actor = session.require()
            return save_config(services.workstation, actor, form)

        def saved(_config: SyncConfig) -> None:
            dialog.accept()
            self.ctx.notifier.info(
                QCoreApplication.translate("SyncScheduler", "Sync settings saved.")
            )
            self.scheduler.start()

        def failed(exc: Exception) -> None:
            if isinstance(exc, PixioDocError):
                dialog.show_error(error_text(exc))
            else:
                self.ctx.notifier.failure(exc)

        DbOperation(work).success(saved).failure(failed).run(self.ctx.worker)

    def _test(self, dialog: SyncDialog, config: SyncConfig, form: SyncForm) -> None:
        vault_id = config.vault_id

        def probe() -> str:
            try:
                target = check_target(form.target)
                secret = form.secret
                if not secret:
                    stored = load_credentials(vault_id)
                    secret = stored[1] if stored else ""
                test_connection(
                    StoreSettings(
                        target.endpoint,
                        target.region,
                        target.bucket,
                        target.prefix,
                        form.access_key,
                        secret,
                    )
                )
            except (PixioDocError, SyncError) as exc:
                return error_text(exc)
            return QCoreApplication.translate(
                "SyncScheduler", "Connection OK: the bucket can be listed, written and cleaned up."
            )

        def shown(message: str) -> None:
            if dialog.isVisible():
                dialog.show_test_result(message)

        self.ctx.images.submit(probe, shown)
