"""The capture screen's trigger keys: Space, F13 and a foot pedal's key take a photo.

The pedal's key is chosen on screen and kept in the configuration folder (a
preference, not clinical data). The shortcuts belong to the capture window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QGroupBox, QKeySequenceEdit, QLabel, QWidget

from pixiodoc_desktop.capture.devices import read_json, write_json
from pixiodoc_desktop.config import config_dir

log = logging.getLogger(__name__)

DEFAULT_PEDAL_KEY = "PgDown"
EXTRA_PEDAL_KEYS = ("F13",)  # what many USB foot pedals send out of the box
TRIGGER_FILE = "capture_trigger.json"


class TriggerKeys(QGroupBox):
    """The pedal key editor; `pressed` fires for any trigger key pressed in `window`."""

    pressed = Signal()

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Trigger"))
        self._window = window
        self._shortcuts: list[QShortcut] = []
        self._pedal_shortcut: QShortcut | None = None
        tform = QFormLayout(self)
        self.pedal_edit = QKeySequenceEdit()
        self.pedal_edit.setAccessibleName(self.tr("Foot pedal key"))
        self.pedal_edit.setMaximumSequenceLength(1)
        hint = QLabel(self.tr("Space always takes a photo; so does F13."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        label = QLabel(self.tr("&Pedal key"))
        label.setBuddy(self.pedal_edit)
        tform.addRow(label, self.pedal_edit)
        tform.addRow(hint)  # across the group: one line where the field column would wrap it
        self.pedal_edit.editingFinished.connect(self._pedal_key_edited)

    def load(self) -> None:
        """Create the window's shortcuts, the pedal's as last stored."""
        stored = read_json(config_dir() / TRIGGER_FILE).get("pedal_key")
        pedal = stored if isinstance(stored, str) and stored else DEFAULT_PEDAL_KEY
        for key in ("Space", *EXTRA_PEDAL_KEYS):
            self._shortcuts.append(self._trigger_shortcut(key))
        self.pedal_edit.setKeySequence(QKeySequence(pedal))
        self._set_pedal_key(pedal)

    def _trigger_shortcut(self, key: str) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self._window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)  # a pedal held down is one photo, not a dozen
        shortcut.activated.connect(self.pressed.emit)
        return shortcut

    def _set_pedal_key(self, key: str) -> None:
        if self._pedal_shortcut is not None:
            self._pedal_shortcut.setEnabled(False)
            self._pedal_shortcut.deleteLater()
            self._pedal_shortcut = None
        if key and key not in ("Space", *EXTRA_PEDAL_KEYS):
            self._pedal_shortcut = self._trigger_shortcut(key)

    def pedal_key(self) -> str:
        return self.pedal_edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)

    def _pedal_key_edited(self) -> None:
        key = self.pedal_key()
        self._set_pedal_key(key)
        path = config_dir() / TRIGGER_FILE
        data = read_json(path)
        data["pedal_key"] = key
        try:
            write_json(path, data)
        except OSError:
            log.warning("The foot pedal key could not be saved")
