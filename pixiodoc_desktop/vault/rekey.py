"""Renewing the workspace key: the database side (see `rotation.py`), safe against a crash.

The new database is prepared beside the old one (`vault.db.rotated`): a
consistent copy taken with SQLite's backup API, rewritten under the old key
(patient keys re-wrapped, the audit trail re-sealed, the rotation audited),
then rekeyed to the new key. Writing vault.json with the new wrapped keys is
the commit point; the copy then replaces vault.db. A crash before the commit
leaves a copy the old key cannot open (deleted at the next unlock); a crash
after it leaves one the new key opens (moved into place at the next unlock).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from pixiodoc_desktop.errors import VaultDamaged
from pixiodoc_desktop.vault import database, private
from pixiodoc_desktop.vault.durable import fsync_folder

log = logging.getLogger(__name__)

ROTATED_DB = f"{database.DB_NAME}.rotated"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _discard(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def prepare(
    folder: Path, old_key: bytes, new_key: bytes, rewrite: Callable[[Session], None]
) -> Path:
    """The database as it will be after the rotation, rekeyed, beside vault.db."""
    staged = folder / ROTATED_DB
    _discard(staged)
    private.create_file(staged)
    try:
        with (
            database.raw_connection(folder / database.DB_NAME, old_key) as src,
            database.raw_connection(staged, old_key) as dst,
        ):
            src.backup(dst)
        engine = database.open_engine(staged, old_key)
        try:
            with database.session_factory(engine)() as session, session.begin():
                rewrite(session)
        finally:
            engine.dispose()
        with database.raw_connection(staged, old_key) as conn:
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        database.open_engine(staged, new_key).dispose()  # it opens under the new key
        with staged.open("rb+") as handle:
            os.fsync(handle.fileno())
        fsync_folder(folder)
    except BaseException:
        _discard(staged)
        raise
    return staged


def swap_in(folder: Path) -> None:
    """After the commit: the prepared database becomes vault.db (the old one's WAL goes too)."""
    live = folder / database.DB_NAME
    for suffix in _SIDE_FILES:  # old frames must never be replayed onto the new file
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    (folder / ROTATED_DB).replace(live)
    fsync_folder(folder)


def finish_interrupted(folder: Path, db_key: bytes) -> None:
    """At unlock: finish (or drop) a rotation a crash cut off, whichever the header decided."""
    staged = folder / ROTATED_DB
    if not staged.exists():
        return
    opens = False
    with contextlib.suppress(VaultDamaged):
        database.open_engine(staged, db_key).dispose()
        opens = True
    if opens:
        log.warning("Finishing a workspace-key rotation that was cut off")
        swap_in(folder)
    else:
        log.warning("Dropping a workspace-key rotation that was cut off before it took effect")
        _discard(staged)
