"""Designer forms (`ui/*.ui`) loaded at run time with QUiLoader, used by composition.

Nothing generated is committed: the form is read when a screen is built.
QUiLoader translates the form's strings through the installed translators
(context: the form's class name), so `pyside6-lupdate ui/` collects them.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pixiodoc_desktop.gui.resources import UI_DIR

W = TypeVar("W", bound=QObject)


def load_form(name: str, host: QWidget) -> QWidget:
    """Load `ui/<name>.ui` and place it as the whole content of `host`."""
    path = UI_DIR / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"The form {path} is missing")
    try:
        form = QUiLoader().load(file, host)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(f"The form {path} could not be loaded")
    layout = host.layout()
    if layout is None:
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


def child(form: QObject, kind: type[W], name: str) -> W:
    """A named widget of a loaded form, typed; a missing name is a programming error."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"The form has no {kind.__name__} called {name!r}")
    return found
