"""A folder as the screen shows it (the unlock screen, the status bar), and where the
file dialogs start."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def folder_text(folder: str | Path) -> str:
    """Under the user's home folder as `~/…` on Linux and macOS (as their file managers and
    terminals say it); the whole path elsewhere and on Windows."""
    if os.name != "posix" or not str(folder):
        return str(folder)
    try:
        inside = Path(folder).relative_to(Path.home())
    except (ValueError, RuntimeError):  # elsewhere, or no home folder known
        return str(folder)
    return "~" if inside == Path() else f"~/{inside}"


def documents_folder() -> Path:
    """Where a file dialog starts: Documents, or the home folder on an account without one
    (given no folder, or a missing one, Qt's dialog opens wherever the program was started:
    the installation's folder, or a developer's checkout)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
