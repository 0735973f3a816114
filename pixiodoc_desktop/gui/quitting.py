"""Quitting at once, with nothing lost.

After the window's last event the vault is locked and every write queued before the quit
has run (`MainWindow.shutdown` stops the database worker only once its queue is empty).
What was left of a quit was Python's own exit: its final garbage collection walks the
whole heap of the session (SQLAlchemy, Qt wrappers, image arrays) and took 2-3 s on a
loaded PC (py-spy showed `gc_collect_main` alone), the window gone and no sign of life.
So, once nothing can still write, the process ends there. When something still could
(the database worker has not finished, a non-daemon thread is alive), the ordinary exit
waits for it, and a write that is still running is never cut off.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def still_working(database_worker_running: bool) -> list[str]:
    """What could still write: the database worker, and threads Python's exit would join."""
    busy = ["database worker"] if database_worker_running else []
    main = threading.main_thread()
    busy += [
        t.name for t in threading.enumerate() if t is not main and t.is_alive() and not t.daemon
    ]
    return busy


def leave(
    code: int,
    *,
    database_worker_running: Callable[[], bool],
    finish_database_work: Callable[[], None],
    end: Callable[[int], object] = os._exit,
) -> int:
    """End the process with `code` now if nothing can still write; else return `code` for
    the ordinary exit. The database worker is waited for in any case (a capture being
    stored finishes)."""
    if database_worker_running():
        log.warning("Quitting waits for the database worker to finish its last writes")
        finish_database_work()
    busy = still_working(database_worker_running())
    if busy:
        log.info("Quitting the ordinary way: still running: %s", ", ".join(busy))
        return code
    log.info("Quit: the vault is locked and every write is done")
    logging.shutdown()  # the log's last lines reach the file
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed or gone: nothing to lose
            stream.flush()
    end(code)
    return code  # only when `end` returned (tests)
