"""A folder as the screen shows it (the unlock screen, the status bar)."""

from __future__ import annotations

import os
from pathlib import Path


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
