"""The SQLCipher database of a vault: engine, sessions, migrations, checks.

The key is HKDF(WK, "database") handed to SQLCipher as a raw key, so opening
costs no KDF time (the password's Argon2id already paid for it). Schema
changes are Alembic revisions in `vault/migrations`, applied on unlock.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from pixiodoc_desktop.errors import VaultDamaged, VaultTooNew
from pixiodoc_desktop.vault.header import RESTORE_HINT

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

DB_NAME = "vault.db"
MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration's revision (tests hold it to Alembic's head). An unlock of a vault
# already there reads its revision and goes on, without loading Alembic and compiling
# every migration script (a third of a second, each unlock).
SCHEMA_HEAD = "0017"
CACHE_MIB = 64  # decrypted pages kept per connection
# While a sync applies a part of the clinic's history (a joiner writes millions of rows
# into indexes keyed by random ids), its one connection may keep this much: a page that
# stays decrypted in memory is not read, decrypted, encrypted and written again for the
# next row. SQLite takes the memory only as pages are read (a small apply stays small)
# and gives it back when the apply ends; 512 MiB beside the GUI's ~350 MB peak fits an
# 8 GB clinic PC. Plaintext pages stay in memory as before (temp_store = MEMORY).
APPLY_CACHE_MIB = 512


def _connect(path: Path, key: bytes) -> Any:
    conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30.0)
    # A raw 256-bit key: no PBKDF2 inside SQLCipher, the key is already derived.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def open_engine(path: Path, key: bytes) -> Engine:
    """An engine on the encrypted database; raises VaultDamaged if it cannot be read."""
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))
    engine = create_engine(
        url,
        module=sqlcipher3,
        connect_args={"check_same_thread": False, "timeout": 30.0},
        poolclass=QueuePool,
        hide_parameters=True,  # parameters are patient data; keep them out of errors and logs
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        try:
            # SQLCipher would print its own error lines on stderr; ours say what to do.
            cursor.execute("PRAGMA cipher_log_level = NONE")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA cache_size = -{CACHE_MIB * 1024}")
            cursor.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
            # Deleted rows are overwritten, not left in free pages: an erased patient's
            # wrapped key must not outlive the erasure inside the file (even encrypted).
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("PRAGMA busy_timeout = 30000")
        finally:
            cursor.close()

    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except Exception as exc:
        engine.dispose()
        raise VaultDamaged(
            f"The vault database {path.name} cannot be read with this vault's key "
            f"(it is damaged or belongs to another vault). {RESTORE_HINT}"
        ) from exc
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


class OpenDatabase:
    """An unlocked vault's database: a write engine (its transactions take the write lock
    at BEGIN) and a read engine, with their session factories once `migrate` ran."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.write_engine = open_engine(path, key)
        try:
            self.read_engine = open_engine(path, key)
        except BaseException:
            self.write_engine.dispose()
            raise

        @event.listens_for(self.write_engine, "begin")
        def _immediate(conn: object) -> None:
            # Take the write lock at BEGIN so that read-then-write (the audit
            # chain tip, the next sequence number) is atomic across processes.
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]

        self.writer: sessionmaker[Session] | None = None
        self.reader: sessionmaker[Session] | None = None

    def migrate(self) -> None:
        """Bring the schema up to date; only then are there sessions."""
        migrate(self.write_engine)
        self.writer = session_factory(self.write_engine)
        self.reader = session_factory(self.read_engine)

    def close(self) -> None:
        for engine in (self.read_engine, self.write_engine):
            engine.dispose()
        self.reader = self.writer = None

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file and empty it."""
        # A raw connection: the engine's "begin" hook would open a write transaction,
        # inside which SQLite refuses to checkpoint.
        raw = self.write_engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.close()


def _alembic_config(engine: Engine | None = None) -> Config:
    """Alembic's settings: our script folder, and the open engine when migrating."""
    # Alembic loads at the first unlock (which migrates), not with the program.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def migration_scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def head_revision() -> str:
    head = migration_scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def stored_revision(engine: Engine) -> str | None:
    """The schema revision the database records (None before its first migration)."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if has_table is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the schema to `target` (default: newest); refuse a newer vault."""
    if target == "head" and stored_revision(engine) == SCHEMA_HEAD:
        return  # current: nothing for Alembic to do
    from alembic import command

    script = migration_scripts()
    current = current_revision(engine)
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise VaultTooNew(
                "This vault's database was written by a newer PixioDoc "
                f"(schema {current}). Update PixioDoc to open it."
            ) from exc
    if current != script.get_current_head() or target != "head":
        log.info("Migrating vault schema from %s to %s", current, target)
    command.upgrade(_alembic_config(engine), target)


def integrity_faults(path: Path, key: bytes) -> list[str]:
    """SQLCipher's page authentication and SQLite's structure check, as fault lines.

    Runs on a connection of its own: a pooled one that already met a damaged
    page keeps failing with a generic error instead of naming the page.
    """
    faults: list[str] = []
    with raw_connection(path, key) as conn:
        try:
            for row in conn.execute("PRAGMA cipher_integrity_check"):
                faults.append(f"database page fails authentication: {row[0]}")
        except sqlcipher3.DatabaseError as exc:
            faults.append(f"database pages cannot be checked: {exc}")
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                faults.extend(f"database structure: {line}" for line in result)
            fk = list(conn.execute("PRAGMA foreign_key_check"))
            faults.extend(f"database reference: {row[0]} row {row[1]} -> {row[2]}" for row in fk)
        except sqlcipher3.DatabaseError as exc:
            faults.append(f"database structure cannot be read: {exc}")
    return faults


@contextlib.contextmanager
def applying_cache(session: Session) -> Iterator[None]:
    """APPLY_CACHE_MIB of page cache for this session's connection while the block runs
    (inside its transaction), CACHE_MIB again afterwards."""
    session.execute(text(f"PRAGMA cache_size = -{APPLY_CACHE_MIB * 1024}"))
    try:
        yield
    finally:
        # after a failed statement too; if even this fails, the connection keeps the
        # bounded larger cache until it is closed
        with contextlib.suppress(Exception):
            session.execute(text(f"PRAGMA cache_size = -{CACHE_MIB * 1024}"))


@contextlib.contextmanager
def raw_connection(path: Path, key: bytes) -> Iterator[Any]:
    """A bare sqlcipher3 connection (for the backup API)."""
    conn = _connect(path, key)
    try:
        yield conn
    finally:
        conn.close()
