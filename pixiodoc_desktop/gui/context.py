"""What every screen needs, passed in explicitly (no global registry)."""

from __future__ import annotations

from dataclasses import dataclass

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbWorker, ImagePool


@dataclass(slots=True)
class GuiContext:
    settings: Settings
    session: ClinicSession
    worker: DbWorker
    images: ImagePool
    changes: ChangeNotifier
    notifier: Notifier
