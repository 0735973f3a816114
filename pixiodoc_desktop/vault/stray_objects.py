"""Which image objects on disk belong to no photo, in memory that does not grow with the vault.

A clinic group's vault holds millions of objects; a Python set of every id would
take a gigabyte. Instead the ids on disk go into a throw-away SQLCipher database
beside the vault (a fresh random key that lives only in this process, so nothing
readable ever reaches the disk), the photo walk strikes off every id a photo
names, and what is left is the stray objects, read back in id order. SQLite keeps
only its small page cache in memory; the rest is on disk, encrypted.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from pixiodoc_desktop.vault import database, private
from pixiodoc_desktop.vault.blobs import BlobStore

SCRATCH_PREFIX = "verify-scratch-"
_BATCH = 2_000


class StrayObjects:
    """`with StrayObjects(folder, blobs) as strays:` list the disk, `claim` what photos
    name, then `remaining()` yields the ids no photo named. The scratch file is gone
    after the `with` block."""

    def __init__(self, folder: Path, blobs: BlobStore) -> None:
        self.path = folder / f"{SCRATCH_PREFIX}{secrets.token_hex(8)}.db"
        self._blobs = blobs
        self._stack = contextlib.ExitStack()
        self._conn: Any = None
        self.on_disk = 0

    def __enter__(self) -> StrayObjects:
        private.create_file(self.path)
        try:
            self._conn = self._stack.enter_context(
                database.raw_connection(self.path, secrets.token_bytes(32))
            )
            self._conn.execute("PRAGMA journal_mode = OFF")  # throw-away: no journal file
            self._conn.execute("PRAGMA synchronous = OFF")
            self._conn.execute("CREATE TABLE disk (id TEXT PRIMARY KEY) WITHOUT ROWID")
            ids = self._blobs.ids()
            while batch := list(islice(ids, _BATCH)):
                self._conn.executemany("INSERT OR IGNORE INTO disk VALUES (?)", _rows(batch))
                self.on_disk += len(batch)
        except BaseException:
            self._close()
            raise
        return self

    def claim(self, blob_ids: Iterable[str]) -> None:
        """These ids belong to a photo: strike them off."""
        if self.on_disk:
            self._conn.executemany("DELETE FROM disk WHERE id = ?", _rows(blob_ids))

    def remaining(self) -> Iterator[str]:
        """The ids on disk that no photo claimed, in id order (read in pages)."""
        last = ""
        while True:
            rows = self._conn.execute(
                "SELECT id FROM disk WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH)
            ).fetchall()
            if not rows:
                return
            for (blob_id,) in rows:
                yield blob_id
            last = rows[-1][0]

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        try:
            self._stack.close()
        finally:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _rows(blob_ids: Iterable[str]) -> Iterator[tuple[str]]:
    return ((blob_id,) for blob_id in blob_ids)
