"""Rotating log files that never contain patient data.

Log records carry ids, counts and error types only. Exception messages can
hold names (a file called "Mueller_arm.jpg", a database parameter), so the
file handler writes a traceback's frames and the exception's type, never
its message.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

from pixiodoc_desktop.config import log_dir

LOG_NAME = "pixiodoc.log"


class ScrubbedFormatter(logging.Formatter):
    """Formats exceptions as frames + type name, without the message text."""

    def format(self, record: logging.LogRecord) -> str:
        # logging caches a formatted traceback on the record; another handler
        # may have put the full text (with the message) there first.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        exc_type, _exc, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb is not None else ""
        name = exc_type.__name__ if exc_type is not None else "Exception"
        return f"Traceback (message withheld: may contain patient data):\n{frames}{name}"


def setup_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Log to a rotating file in the platform's log folder; returns the file path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "pixiodoc", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(ScrubbedFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.pixiodoc = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return path
