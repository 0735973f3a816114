"""Renew the practice's keys on a vault that syncs, announcing a point of the renewal and
then waiting there (driven by test_sync_key_renewal.py, which SIGKILLs this process).

Usage: renewal_worker.py POINT VAULT ENDPOINT BUCKET PREFIX ACCESS_KEY; POINT is
"prepared" (the rekeyed copy is ready, vault.json not yet written) or "committed"
(vault.json written, the copy not yet swapped in). The password and the secret come
from $PIXIODOC_SYNC_PASSWORD and $PIXIODOC_SYNC_SECRET.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.renewal import renew_keys
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings
from pixiodoc_desktop.vault import rekey
from pixiodoc_desktop.vault.vault import Vault


def _stop_here(point: str) -> None:
    sys.stdout.write(f"{point}\n")
    sys.stdout.flush()
    time.sleep(120)  # SIGKILLed meanwhile


def main() -> None:
    point, folder, endpoint, bucket, prefix, access_key = sys.argv[1:7]
    password = os.environ["PIXIODOC_SYNC_PASSWORD"]
    ws, actor = log_in(Vault.open(Path(folder)), "dr.weber", password)
    store = ObjectStore(
        StoreSettings(
            endpoint, "eu-central-1", bucket, prefix, access_key, os.environ["PIXIODOC_SYNC_SECRET"]
        )
    )
    prepare, swap_in = rekey.prepare, rekey.swap_in

    def prepared(*args: Any, **kwargs: Any) -> Path:
        staged = prepare(*args, **kwargs)
        if point == "prepared":
            _stop_here(point)
        return staged

    def committed(folder: Path) -> None:
        if point == "committed":
            _stop_here(point)
        swap_in(folder)

    rekey.prepare = prepared  # type: ignore[assignment]
    rekey.swap_in = committed  # type: ignore[assignment]
    renew_keys(ws, actor, password, store, lambda: sync_once(ws, store))
    sys.stdout.write("done\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
