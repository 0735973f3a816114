"""Keep Python's full garbage collections off the clinician's scroll.

A full (generation 2) collection walks every object in the process; with a
large record open that is hundreds of milliseconds with the GIL held, and
it lands on whichever thread happens to allocate: a visible stall. After
login and after each record is loaded, the long-lived objects are moved
out of the collector's view with `gc.freeze()` (they are still freed by
reference counting when dropped; only cycles among them wait). Locking
unfreezes and collects everything, while the unlock screen is showing.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Treat everything alive now as long-lived; later collections skip it.

    Young garbage (the cycles a record load leaves behind) is collected first,
    which is quick, so that it is not frozen along with the living.
    """
    gc.collect(1)
    gc.freeze()


def release() -> None:
    """Give the collector everything back and collect it (the vault was just locked)."""
    gc.unfreeze()
    gc.collect()
