"""Run one sync round on a vault, announcing "applying" just before the apply transaction
(driven by test_sync_faults.py, which SIGKILLs this process at that point).

Usage: sync_apply_worker.py VAULT ENDPOINT BUCKET PREFIX ACCESS_KEY; the password and
the secret come from $PIXIODOC_SYNC_PASSWORD and $PIXIODOC_SYNC_SECRET.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.sync import merge, ops
from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings
from pixiodoc_desktop.vault.vault import Vault


def main() -> None:
    folder, endpoint, bucket, prefix, access_key = sys.argv[1:6]
    ws, actor = log_in(Vault.open(Path(folder)), "dr.weber", os.environ["PIXIODOC_SYNC_PASSWORD"])
    store = ObjectStore(
        StoreSettings(
            endpoint, "eu-central-1", bucket, prefix, access_key, os.environ["PIXIODOC_SYNC_SECRET"]
        )
    )
    original = merge.Merger.apply

    def announced(self: merge.Merger, batch: list[ops.Op]) -> Any:
        sys.stdout.write("applying\n")
        sys.stdout.flush()
        return original(self, batch)

    merge.Merger.apply = announced  # type: ignore[method-assign]
    sync_once(ws, store, actor_id=actor.user_id)
    sys.stdout.write("done\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
