"""A vault folder: create, unlock, lock, change passwords (DESIGN.md §2).

A locked `Vault` knows only its header. `unlock` turns a password (or the
recovery key) into the workspace key, opens the SQLCipher database, brings
its schema up to date and sweeps orphans a crash may have left. `lock`
drops every key and closes the database. Its parts: credentials.py (what
opens the WK, password changes), header_keeping.py (the sealed header's
changes), founding.py (a new vault folder),
database.OpenDatabase (the engines), sweeping.py (crash leftovers) and
patient_keys.py (each patient's data key).
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from pixiodoc_desktop.errors import (
    AccountDeactivated,
    VaultDamaged,
    VaultLocked,
)
from pixiodoc_desktop.vault import (
    credentials,
    database,
    founding,
    keys,
    locking,
    patient_keys,
    private,
    rekey,
    sweeping,
)
from pixiodoc_desktop.vault.blobs import BlobStore
from pixiodoc_desktop.vault.credentials import RECOVERY_USER, Unlocked, with_carried_blob_id
from pixiodoc_desktop.vault.header import (
    HEADER_NAME,
    RESTORE_HINT,
    VaultHeader,
    read_header,
)
from pixiodoc_desktop.vault.header_keeping import HeaderKeeping
from pixiodoc_desktop.vault.keys import STANDARD_KDF, KdfParams, VaultKeys
from pixiodoc_desktop.vault.schema import Clinician, Photo, Setting
from pixiodoc_desktop.vault.throttle import THROTTLE_NAME, UnlockThrottle

log = logging.getLogger(__name__)

BLOBS_DIR = "blobs"
# The top of a vault that an unlock narrows to its owner (older versions made them 0644).
PRIVATE_NAMES = (
    HEADER_NAME,
    database.DB_NAME,
    f"{database.DB_NAME}-wal",
    f"{database.DB_NAME}-shm",
    THROTTLE_NAME,
    BLOBS_DIR,
)


class Vault(HeaderKeeping):
    """One vault folder on this workstation."""

    def __init__(self, folder: Path, header: VaultHeader) -> None:
        self.folder = folder
        self.header = header
        self.blobs = BlobStore(folder / BLOBS_DIR)
        self._keys: VaultKeys | None = None
        self._live: locking.LiveSession | None = None
        self._db: database.OpenDatabase | None = None
        self.throttle = UnlockThrottle(folder)

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path) -> Vault:
        """The vault at `folder`, still locked. Fails closed on a damaged header."""
        folder = folder.expanduser().resolve()
        return cls(folder, read_header(folder))

    @classmethod
    def create(
        cls,
        folder: Path,
        *,
        clinic_name: str,
        admin_login: str,
        admin_name: str,
        password: str,
        kdf: KdfParams = STANDARD_KDF,
    ) -> tuple[Vault, str]:
        """Create a vault and return it unlocked with its recovery key (shown once)."""
        folder = folder.expanduser().resolve()
        admin_login = founding.check_founder(clinic_name, admin_login, admin_name, password)
        founding.make_vault_folder(folder)
        wk = keys.random_key()
        header, recovery_key = founding.new_header(wk)
        vault = cls(folder, header)
        vault._keys = VaultKeys.from_workspace(wk, header.vault_id)
        admin_id = str(uuid.uuid4())
        vault.header = header.with_credential(
            vault._make_credential(admin_id, admin_login, admin_name, password, kdf)
        )
        vault._open_database(create=True)
        with vault.write_session() as session, session.begin():
            session.add(
                Clinician(id=admin_id, login=admin_login, display_name=admin_name, role="admin")
            )
            founding.seed_settings(session, clinic_name.strip())
        vault._write_header()
        log.info("Created vault %s", header.vault_id)
        return vault, recovery_key

    @classmethod
    def adopt(
        cls, folder: Path, header: VaultHeader, workspace_key: bytes, *, clinic_name: str
    ) -> Vault:
        """A new folder for another workstation of the same clinic (sync join).

        Same vault id, workspace key and clinicians' wrapped keys as the clinic's
        other PCs, an empty database and a device id of its own. Returned unlocked.
        """
        folder = folder.expanduser().resolve()
        founding.make_vault_folder(folder)
        vault = cls(folder, header)
        # A clinic that renewed its keys names images with the key it carried over.
        vault._keys = with_carried_blob_id(
            header, workspace_key, VaultKeys.from_workspace(workspace_key, header.vault_id)
        )
        vault._open_database(create=True)
        with vault.write_session() as session, session.begin():
            founding.seed_settings(session, clinic_name)
        vault._write_header()
        log.info("Joined vault %s on a new workstation", header.vault_id)
        return vault

    # --- state ---------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._keys is not None

    @property
    def keys(self) -> VaultKeys:
        if self._keys is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._keys

    def clinicians(self) -> list[tuple[str, str]]:
        """(login, display name) of everyone who can unlock, for the unlock screen."""
        return sorted((c.login, c.display_name) for c in self.header.credentials)

    # --- unlocking -------------------------------------------------------------

    def unlock(self, login: str, password: str) -> Unlocked:
        credential, wk = credentials.password_workspace_key(
            self.header, self.throttle, login, password
        )
        self._accept_workspace_key(wk)
        active = self._clinician_active(credential.user_id)
        if not active:
            self.lock()
            self.throttle.deactivated_attempt(credential.login)
            raise AccountDeactivated(
                f"The account {credential.login} has been deactivated. Ask a practice Admin."
            )
        reset = self.throttle.was_reset(credential.login)
        unreported = self.throttle.succeeded(credential.login)
        return Unlocked(credential.user_id, credential.login, unreported, reset)

    def unlock_with_recovery_key(self, recovery_key: str) -> Unlocked:
        wk = credentials.recovery_workspace_key(self.header, self.throttle, recovery_key)
        self._accept_workspace_key(wk)
        return Unlocked(None, RECOVERY_USER, self.throttle.succeeded(RECOVERY_USER))

    def _accept_workspace_key(self, wk: bytes) -> None:
        vault_keys = credentials.workspace_keys(self.header, wk, self.folder)
        self._keys = vault_keys
        try:
            self._open_database(create=False)
            self._recover_from_crash()
        except DatabaseError as exc:
            self.database_failed(exc)
        except BaseException:
            self.lock()
            raise

    def database_failed(self, exc: DatabaseError) -> NoReturn:
        """Fail closed when the database errs: lock, then raise VaultDamaged naming
        the damage if the page and structure checks find any, else `exc` itself."""
        faults: list[str] = []
        if self._keys is not None:
            with contextlib.suppress(Exception):
                faults = database.integrity_faults(
                    self.folder / database.DB_NAME, self._keys.database
                )
        self.lock()
        if faults:
            raise VaultDamaged(
                f"The vault database in {self.folder} is damaged ({faults[0]}). {RESTORE_HINT}"
            ) from exc
        raise exc

    def _open_database(self, *, create: bool) -> None:
        path = self.folder / database.DB_NAME
        if not create and not path.exists():
            raise VaultDamaged(f"The vault database is missing from {self.folder}. {RESTORE_HINT}")
        if create:
            private.create_file(path)  # before SQLite: its -wal and -shm copy this mode
        else:
            private.restrict_vault_folder(self.folder, PRIVATE_NAMES)
            rekey.finish_interrupted(self.folder, self.keys.database)
        self._db = database.OpenDatabase(path, self.keys.database)
        self._db.migrate()
        if self._live is None:
            self._live = locking.LiveSession(self.folder)

    def _clinician_active(self, user_id: str) -> bool:
        with self.read_session() as session:
            clinician = session.get(Clinician, user_id)
            return clinician is not None and clinician.active

    def lock(self) -> None:
        """Drop every key and close the database."""
        if self._live is not None:
            self._live.close()
            self._live = None
        self._close_database()
        self._keys = None

    def _close_database(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- renewing the workspace key ---------------------------------------------------

    def others_unlocked(self) -> bool:
        """Another process (PixioDoc window, command) has this vault open right now."""
        own = self._live.path if self._live else None
        markers = (self.folder / locking.SESSIONS_DIR).glob("*.lock")
        stale = set(locking.crashed_sessions(self.folder, own=own))
        return any(m != own and m not in stale for m in markers)

    def install_renewed_keys(self, new: VaultKeys, header: VaultHeader) -> None:
        """Commit a rotation prepared by `rotation.rotate_workspace_key`: write the header
        sealed under the new keys (the commit point), then put the rekeyed database in
        place. A failure before the commit leaves the old keys and database working."""
        old, previous = self.keys, self.header
        self._close_database()
        try:
            self._keys, self.header = new, header
            self._write_header()
        except BaseException:
            self.header, self._keys = previous, old
            (self.folder / rekey.ROTATED_DB).unlink(missing_ok=True)
            self._open_database(create=False)
            raise
        rekey.swap_in(self.folder)
        self._open_database(create=False)
        log.info("Renewed the workspace key of vault %s", self.header.vault_id)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file and empty it.

        After an erasure, so that the deleted rows (overwritten in the main file by
        `secure_delete`) do not linger in old WAL frames either.
        """
        if self._db is None:
            raise VaultLocked("The vault is locked; log in first.")
        self._db.checkpoint()

    # --- sessions ----------------------------------------------------------------

    def read_session(self) -> Session:
        if self._db is None or self._db.reader is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._db.reader()

    def write_session(self) -> Session:
        if self._db is None or self._db.writer is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._db.writer()

    @property
    def write_engine(self) -> Engine:
        if self._db is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._db.write_engine

    def setting(self, key: str) -> str | None:
        with self.read_session() as session:
            row = session.get(Setting, key)
            return row.value if row else None

    # --- crash recovery -----------------------------------------------------------------

    def _recover_from_crash(self) -> None:
        """Sweep orphans only when an earlier session ended without locking (sweeping.py)."""
        own = self._live.path if self._live else None
        sweeping.recover_from_crash(self.folder, own, self.sweep_orphans)

    def sweep_orphans(self) -> tuple[int, int] | None:
        """Delete temp files and blobs no row names (a crash between write and commit).

        Skipped (None) while another process is writing. Returns (temp files, orphan blobs).
        """
        return sweeping.sweep_orphans(self.folder, self.blobs, self.referenced_blob_batches)

    def referenced_blob_batches(self) -> Iterator[list[str]]:
        """Every object id a photo names, a few thousand at a time (streamed)."""
        with self.read_session() as session:
            result = session.execute(
                select(
                    Photo.blob_id, Photo.thumbnail_blob_id, Photo.screen_blob_id
                ).execution_options(yield_per=2_000)
            )
            for rows in result.partitions():
                yield [blob for row in rows for blob in row]

    def referenced_blob_ids(self) -> set[str]:
        with self.read_session() as session:
            rows = session.execute(
                select(Photo.blob_id, Photo.thumbnail_blob_id, Photo.screen_blob_id)
            ).all()
        return {blob for row in rows for blob in row}

    # --- patient data keys (patient_keys.py) ---------------------------------------------

    def patient_aad(self, patient_id: str) -> bytes:
        return patient_keys.aad(self.header, patient_id)

    def new_patient_key(self, session: Session, patient_id: str) -> bytes:
        """Create a patient's data key and store it wrapped by WK in `session`."""
        return patient_keys.new(session, self.header, self.keys.workspace, patient_id)

    def unwrap_patient_key(self, patient_id: str, wrapped: bytes) -> bytes | None:
        """A patient's data key from its wrapped form (as sync carries it); None if it
        does not open under this clinic's workspace key."""
        return patient_keys.unwrap(self.header, self.keys.workspace, patient_id, wrapped)

    def patient_key(self, session: Session, patient_id: str) -> bytes:
        return patient_keys.stored(session, self.header, self.keys.workspace, patient_id)
