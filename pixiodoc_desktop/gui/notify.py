"""One path for every message the user sees, and the crash handler.

`Notifier.error/warning/info` is the only way views report something.
Errors and warnings open a non-blocking message box; info goes to the
status bar. An unexpected exception (on any thread) is logged through the
scrubbing log formatter and shown as a crash dialog naming only the
exception's type and the log file: never its message, which may hold a
patient's name.

`error_text` gives a typed error's message in the user's language: the core
writes English, `error_catalogue` names the template that produced it, and
the template is translated in the Qt context "errors".
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from pixiodoc_desktop.error_catalogue import CONTEXT, explain
from pixiodoc_desktop.errors import PixioDocError

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DEPTH = 3  # a message, a reason inside it, a phrase inside that


def translated_message(message: str, *, _depth: int = 0) -> str:
    """`message` from the core in the user's language, or as it is when no template matches.

    The values filled into a template (a file name, a login, a reason) are
    translated in turn when they are catalogued themselves.
    """
    stripped = message.strip()
    explained = explain(stripped) if stripped and _depth < _DEPTH else None
    if explained is None:
        return message
    values = {
        name: translated_message(value, _depth=_depth + 1)
        for name, value in explained.params.items()
    }
    text = _PLACEHOLDER.sub(
        lambda found: values.get(found[1], found[0]),
        QCoreApplication.translate(CONTEXT, explained.template),
    )
    lead = message[: len(message) - len(message.lstrip())]
    trail = message[len(message.rstrip()) :]
    return lead + text + trail


def error_text(exc: PixioDocError) -> str:
    """What the user reads for a typed error: its message, translated."""
    return translated_message(exc.message)


class Notifier(QObject):
    """error / warning / info for the whole window."""

    posted = Signal(str, str)  # level, text

    def __init__(self, parent_widget: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self.history: list[tuple[str, str]] = []
        self.show_boxes = True

    def error(self, text: str) -> None:
        self._post("error", text)

    def warning(self, text: str) -> None:
        self._post("warning", text)

    def info(self, text: str) -> None:
        self._post("info", text)

    def failure(self, exc: Exception) -> None:
        """The default failure handler of operations: typed errors are explained, others crash."""
        if isinstance(exc, PixioDocError):
            log.info("Operation refused: %s", type(exc).__name__)
            self.error(error_text(exc))
            return
        report_crash(type(exc), exc, exc.__traceback__)

    def _post(self, level: str, text: str) -> None:
        self.history.append((level, text))
        self.posted.emit(level, text)
        if level == "info" or not self.show_boxes:
            return
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Critical if level == "error" else QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Notifier", "PixioDoc"))
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


class _CrashRelay(QObject):
    crashed = Signal(str)

    @Slot(str)
    def show(self, type_name: str) -> None:
        _crash_dialog(type_name)


_state: dict[str, object] = {}


def _log_file() -> str:
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if isinstance(name, str):
            return name
    return QCoreApplication.translate("Notifier", "(no log file)")


def crash_text(type_name: str) -> str:
    return QCoreApplication.translate(
        "Notifier",
        "PixioDoc ran into an unexpected problem ({kind}).\n\n"
        "Your records are safe: every change is saved as it is made.\n"
        "Technical details (without patient data) were written to:\n{log}",
    ).format(kind=type_name, log=_log_file())


def _crash_dialog(type_name: str) -> None:
    if not _state.get("dialogs", True):
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Notifier", "PixioDoc — unexpected problem"))
    box.setText(crash_text(type_name))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    _state["last_box"] = box


def report_crash(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log (scrubbed) and show the crash dialog; safe to call from any thread."""
    log.error("Unexpected error", exc_info=(exc_type, exc, tb))
    relay = _state.get("relay")
    if isinstance(relay, _CrashRelay):
        relay.crashed.emit(exc_type.__name__)


def install_crash_handler(*, dialogs: bool = True) -> None:
    """Route uncaught exceptions of every thread to the log and the crash dialog."""
    relay = _CrashRelay()
    relay.crashed.connect(relay.show, Qt.ConnectionType.QueuedConnection)
    _state["relay"] = relay
    _state["dialogs"] = dialogs

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report_crash(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            report_crash(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
