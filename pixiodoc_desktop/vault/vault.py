"""A vault folder: create, unlock, lock, change passwords (DESIGN.md §2).

A locked `Vault` knows only its header. `unlock` turns a password (or the
recovery key) into the workspace key, opens the SQLCipher database, brings
its schema up to date and sweeps orphans a crash may have left. `lock`
drops every key and closes the database.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from pixiodoc_desktop.errors import (
    AccountDeactivated,
    InvalidInput,
    UnknownClinician,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    WrongPassword,
)
from pixiodoc_desktop.vault import database, keys, locking, passwords, private, rekey
from pixiodoc_desktop.vault.blobs import BlobStore
from pixiodoc_desktop.vault.header import (
    DEMO_MARK,
    HEADER_NAME,
    RESTORE_HINT,
    Credential,
    VaultHeader,
    WrappedKey,
    read_header,
    write_header,
)
from pixiodoc_desktop.vault.keys import STANDARD_KDF, KdfParams
from pixiodoc_desktop.vault.schema import Clinician, Photo, Setting
from pixiodoc_desktop.vault.throttle import THROTTLE_NAME, UnlockThrottle

log = logging.getLogger(__name__)

BLOBS_DIR = "blobs"
# In the header's `extra`: logins whose password a key rotation could not re-wrap,
# and the image-id key of the vault's first WK, wrapped under the current one.
AWAITING_PASSWORD = "awaiting_new_password"  # noqa: S105 - a header field, not a secret
CARRIED_BLOB_ID_KEY = "blob_id_key"
# The top of a vault that an unlock narrows to its owner (older versions made them 0644).
PRIVATE_NAMES = (
    HEADER_NAME,
    database.DB_NAME,
    f"{database.DB_NAME}-wal",
    f"{database.DB_NAME}-shm",
    THROTTLE_NAME,
    BLOBS_DIR,
)
RECOVERY_USER = "recovery"


@dataclass(frozen=True, slots=True)
class VaultKeys:
    """Everything derived from WK while the vault is unlocked."""

    workspace: bytes
    database: bytes
    blob_id: bytes
    audit: bytes
    header: bytes

    @classmethod
    def from_workspace(cls, wk: bytes, vault_id: str, *, blob_id: bytes | None = None) -> VaultKeys:
        """`blob_id` is the key of the vault's first WK, carried over rotations: image
        objects are named by it (and their encryption binds the name)."""
        context = vault_id.encode()
        return cls(
            workspace=wk,
            database=keys.derive_key(wk, "database", context=context),
            blob_id=blob_id or keys.derive_key(wk, "blob-id", context=context),
            audit=keys.derive_key(wk, "audit", context=context),
            header=keys.derive_key(wk, "header", context=context),
        )


@dataclass(frozen=True, slots=True)
class Unlocked:
    """Who unlocked: a clinician's user id, or the recovery key (user_id None)."""

    user_id: str | None
    login: str
    failed_attempts_to_audit: int
    attempts_file_reset: bool = False  # unlock-attempts.json was deleted or replaced


def credential_aad(header: VaultHeader, user_id: str) -> bytes:
    return header.aad_base + f":user:{user_id}".encode()


def recovery_aad(header: VaultHeader) -> bytes:
    return header.aad_base + b":recovery"


def _check_login(login: str) -> str:
    cleaned = login.strip()
    if not cleaned or len(cleaned) > 64 or any(ch.isspace() for ch in cleaned):
        raise InvalidInput("A login is 1-64 characters without spaces, e.g. dr.weber")
    return cleaned


class Vault:
    """One vault folder on this workstation."""

    def __init__(self, folder: Path, header: VaultHeader) -> None:
        self.folder = folder
        self.header = header
        self.blobs = BlobStore(folder / BLOBS_DIR)
        self._keys: VaultKeys | None = None
        self._live: locking.LiveSession | None = None
        self._read_engine: Engine | None = None
        self._write_engine: Engine | None = None
        self._reader: sessionmaker[Session] | None = None
        self._writer: sessionmaker[Session] | None = None
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
        admin_login = _check_login(admin_login)
        if not clinic_name.strip():
            raise InvalidInput("The clinic needs a name (it appears on reports)")
        if not admin_name.strip():
            raise InvalidInput("The first Admin needs a display name")
        passwords.require_strong(password, personal=(admin_login, admin_name, clinic_name))
        if (folder / "vault.json").exists() or (folder / database.DB_NAME).exists():
            raise VaultExists(f"There is already a vault at {folder}; choose an empty folder.")
        if folder.exists() and any(p for p in folder.iterdir() if not p.name.startswith(".")):
            raise VaultExists(f"{folder} is not empty; choose an empty or new folder.")
        private.make_folder(folder)

        wk = keys.random_key()
        recovery_key = keys.new_recovery_key()
        recovery_salt = secrets.token_bytes(keys.SALT_BYTES)
        header = VaultHeader.new(WrappedKey(recovery_salt, b"", None))
        recovery = WrappedKey(
            recovery_salt,
            keys.wrap(
                keys.recovery_wrapping_key(recovery_key, recovery_salt),
                wk,
                aad=recovery_aad(header),
            ),
            None,
        )
        header = replace(header, recovery=recovery)
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
            session.add(Setting(key="clinic_name", value=clinic_name.strip()))
            session.add(Setting(key="device_id", value=str(uuid.uuid4())))
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
        if (folder / "vault.json").exists() or (folder / database.DB_NAME).exists():
            raise VaultExists(f"There is already a vault at {folder}; choose an empty folder.")
        if folder.exists() and any(p for p in folder.iterdir() if not p.name.startswith(".")):
            raise VaultExists(f"{folder} is not empty; choose an empty or new folder.")
        private.make_folder(folder)
        vault = cls(folder, header)
        vault._keys = VaultKeys.from_workspace(workspace_key, header.vault_id)
        vault._open_database(create=True)
        with vault.write_session() as session, session.begin():
            session.add(Setting(key="clinic_name", value=clinic_name))
            session.add(Setting(key="device_id", value=str(uuid.uuid4())))
        vault._write_header()
        log.info("Joined vault %s on a new workstation", header.vault_id)
        return vault

    def raise_audit_mark(self, device_id: str, seq: int) -> None:
        """Record in the sealed header that this device's audit trail reached `seq`.

        Read from disk first (another process may have changed the clinicians
        since this one opened the vault), and written only when the mark moves.
        """
        try:
            on_disk = read_header(self.folder)
        except VaultError:
            return  # the next unlock names the damage
        if on_disk.vault_id != self.header.vault_id or not on_disk.check_seal(self.keys.header):
            return
        self.header = on_disk
        if on_disk.audit_mark(device_id) >= seq:
            return
        self.header = on_disk.with_audit_mark(device_id, seq)
        self._write_header()

    def store_header(self, header: VaultHeader) -> None:
        """Seal and write a header changed elsewhere (credentials that came by sync)."""
        self.header = header
        self._write_header()

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
        credential = self.header.credential(login)
        if credential is None:
            if login.strip().casefold() in self.header.extra.get("deactivated_logins", []):
                self.throttle.deactivated_attempt(login)
                raise AccountDeactivated(
                    f"The account {login.strip()} has been deactivated. Ask a practice Admin."
                )
            if login.strip().casefold() in self.header.extra.get(AWAITING_PASSWORD, []):
                raise AccountDeactivated(
                    f"The practice's keys were renewed: {login.strip()} needs a new password "
                    "from a practice Admin."
                )
            raise UnknownClinician(
                f"There is no clinician with the login {login.strip()!r} in this vault."
            )
        attempts = self.throttle.attempts(credential.login)
        wait = attempts.wait_left()
        if wait > 0:
            left = int(wait) + 1
            msg = (
                f"Too many wrong passwords for {credential.login}. Try again in 1 second."
                if left == 1
                else f"Too many wrong passwords for {credential.login}. "
                f"Try again in {left} seconds."
            )
            raise WrongPassword(msg, retry_after=wait)
        assert credential.key.kdf is not None
        kek = keys.password_key(password, credential.key.salt, credential.key.kdf)
        wk = keys.unwrap(
            kek, credential.key.wrapped, aad=credential_aad(self.header, credential.user_id)
        )
        if wk is None:
            after = self.throttle.failed(credential.login)
            extra = (
                ""
                if not after.delay
                else " Wait 1 second before the next try."
                if int(after.delay) == 1
                else f" Wait {int(after.delay)} seconds before the next try."
            )
            raise WrongPassword(
                f"Wrong password for {credential.login}.{extra}", retry_after=after.delay
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
        wait = self.throttle.attempts(RECOVERY_USER).wait_left()
        if wait > 0:
            left = int(wait) + 1
            msg = (
                "Too many wrong recovery keys. Try again in 1 second."
                if left == 1
                else f"Too many wrong recovery keys. Try again in {left} seconds."
            )
            raise WrongPassword(msg, retry_after=wait)
        kek = keys.recovery_wrapping_key(recovery_key, self.header.recovery.salt)
        wk = keys.unwrap(kek, self.header.recovery.wrapped, aad=recovery_aad(self.header))
        if wk is None:
            after = self.throttle.failed(RECOVERY_USER)
            raise WrongPassword(
                "That recovery key does not belong to this vault.", retry_after=after.delay
            )
        self._accept_workspace_key(wk)
        return Unlocked(None, RECOVERY_USER, self.throttle.succeeded(RECOVERY_USER))

    def _accept_workspace_key(self, wk: bytes) -> None:
        vault_keys = VaultKeys.from_workspace(wk, self.header.vault_id)
        if not self.header.check_seal(vault_keys.header):
            raise VaultDamaged(
                f"The vault's vault.json at {self.folder} has been altered since it was "
                f"last written by PixioDoc. {RESTORE_HINT}"
            )
        carried = self.header.extra.get(CARRIED_BLOB_ID_KEY)
        if carried is not None:
            blob_id = keys.unwrap(wk, keys.unb64(carried, "image id key"), aad=self.blob_id_aad())
            if blob_id is None:
                raise VaultDamaged(f"vault.json has an unreadable image id key. {RESTORE_HINT}")
            vault_keys = replace(vault_keys, blob_id=blob_id)
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
        self._write_engine = database.open_engine(path, self.keys.database)
        self._read_engine = database.open_engine(path, self.keys.database)

        @event.listens_for(self._write_engine, "begin")
        def _immediate(conn: object) -> None:
            # Take the write lock at BEGIN so that read-then-write (the audit
            # chain tip, the next sequence number) is atomic across processes.
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]

        database.migrate(self._write_engine)
        self._writer = database.session_factory(self._write_engine)
        self._reader = database.session_factory(self._read_engine)
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
        for engine in (self._read_engine, self._write_engine):
            if engine is not None:
                engine.dispose()
        self._read_engine = self._write_engine = None
        self._reader = self._writer = None

    # --- renewing the workspace key ---------------------------------------------------

    def blob_id_aad(self) -> bytes:
        return self.header.aad_base + b":blob-id"

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
        if self._write_engine is None:
            raise VaultLocked("The vault is locked; log in first.")
        # A raw connection: the engine's "begin" hook would open a write transaction,
        # inside which SQLite refuses to checkpoint.
        raw = self._write_engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.close()

    # --- sessions ----------------------------------------------------------------

    def read_session(self) -> Session:
        if self._reader is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._reader()

    def write_session(self) -> Session:
        if self._writer is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._writer()

    @property
    def write_engine(self) -> Engine:
        if self._write_engine is None:
            raise VaultLocked("The vault is locked; log in first.")
        return self._write_engine

    def setting(self, key: str) -> str | None:
        with self.read_session() as session:
            row = session.get(Setting, key)
            return row.value if row else None

    # --- credentials -----------------------------------------------------------------

    def _make_credential(
        self, user_id: str, login: str, display_name: str, password: str, kdf: KdfParams
    ) -> Credential:
        salt = secrets.token_bytes(keys.SALT_BYTES)
        kek = keys.password_key(password, salt, kdf)
        wrapped = keys.wrap(kek, self.keys.workspace, aad=credential_aad(self.header, user_id))
        return Credential(user_id, login, display_name, WrappedKey(salt, wrapped, kdf))

    def _write_header(self) -> None:
        self.header = self.header.sealed(self.keys.header)
        write_header(self.folder, self.header)

    def mark_as_demo(self) -> None:
        """Say in the sealed header that this is the demo clinic, whose password is public.

        `pixiodoc --demo` opens only a vault marked so; a clinic's own vault never is.
        """
        self.header = replace(self.header, extra={**self.header.extra, DEMO_MARK: True})
        self._write_header()

    def set_password(
        self,
        user_id: str,
        login: str,
        display_name: str,
        password: str,
        *,
        kdf: KdfParams | None = None,
    ) -> None:
        """(Re)wrap WK for a clinician; the previous password stops working."""
        passwords.require_strong(password, personal=(login, display_name))
        existing = next((c for c in self.header.credentials if c.user_id == user_id), None)
        params = kdf or (existing.key.kdf if existing and existing.key.kdf else STANDARD_KDF)
        clash = self.header.credential(login)
        if clash is not None and clash.user_id != user_id:
            raise InvalidInput(f"The login {login} is already taken")
        header = self.header.with_credential(
            self._make_credential(user_id, _check_login(login), display_name, password, params)
        )
        deactivated = [
            x for x in header.extra.get("deactivated_logins", []) if x != login.casefold()
        ]
        awaiting = [x for x in header.extra.get(AWAITING_PASSWORD, []) if x != login.casefold()]
        extra = {**header.extra, "deactivated_logins": deactivated}
        if awaiting or AWAITING_PASSWORD in extra:
            extra[AWAITING_PASSWORD] = awaiting
        self.header = replace(header, extra=extra)
        self._write_header()

    def change_password(self, login: str, old_password: str, new_password: str) -> None:
        """A clinician changes their own password (the old one is checked first)."""
        credential = self.header.credential(login)
        if credential is None:
            raise UnknownClinician(f"There is no clinician with the login {login!r} in this vault.")
        assert credential.key.kdf is not None
        kek = keys.password_key(old_password, credential.key.salt, credential.key.kdf)
        aad = credential_aad(self.header, credential.user_id)
        if keys.unwrap(kek, credential.key.wrapped, aad=aad) is None:
            raise WrongPassword(f"The current password for {credential.login} is wrong.")
        if new_password == old_password:
            raise InvalidInput("The new password must differ from the current one")
        self.set_password(
            credential.user_id, credential.login, credential.display_name, new_password
        )

    def remove_credential(self, user_id: str, *, deactivated: bool = False) -> None:
        """Drop a clinician's wrapped key; their password no longer opens the vault.

        With `deactivated`, the login is remembered (in the sealed header) so
        the unlock screen can say the account was deactivated.
        """
        gone = next((c for c in self.header.credentials if c.user_id == user_id), None)
        header = self.header.without_credential(user_id)
        if deactivated and gone is not None:
            logins = sorted(
                {*self.header.extra.get("deactivated_logins", []), gone.login.casefold()}
            )
            header = replace(header, extra={**header.extra, "deactivated_logins": logins})
        self.header = header
        self._write_header()

    # --- crash recovery -----------------------------------------------------------------

    def _recover_from_crash(self) -> None:
        """Sweep orphans only when an earlier session ended without locking.

        A full sweep lists every image object, which takes seconds in a big
        vault, so a clean unlock skips it: objects are only ever orphaned by a
        process that died between writing an object and committing its row,
        and such a process leaves its session marker behind.
        """
        own = self._live.path if self._live else None
        stale = locking.crashed_sessions(self.folder, own=own)
        if not stale:
            return
        log.warning("An earlier session ended without locking the vault; checking for leftovers")
        swept = self.sweep_orphans()
        if swept is not None:
            for marker in stale:
                marker.unlink(missing_ok=True)

    def sweep_orphans(self) -> tuple[int, int] | None:
        """Delete temp files and blobs no row names (a crash between write and commit).

        Skipped (None) while another process is writing. Returns (temp files, orphan blobs).
        """
        if not self.blobs.root.exists():
            return 0, 0
        with locking.sweeping(self.folder) as free:
            if not free:
                return None
            temps = list(self.blobs.temp_files())
            for temp in temps:
                temp.unlink(missing_ok=True)
            referenced = self.referenced_blob_ids()
            orphans = [blob for blob in self.blobs.ids() if blob not in referenced]
            for blob in orphans:
                self.blobs.delete(blob)
        if temps or orphans:
            log.warning(
                "Cleaned %d temp files and %d orphan image objects", len(temps), len(orphans)
            )
        return len(temps), len(orphans)

    def referenced_blob_ids(self) -> set[str]:
        with self.read_session() as session:
            rows = session.execute(
                select(Photo.blob_id, Photo.thumbnail_blob_id, Photo.screen_blob_id)
            ).all()
        return {blob for row in rows for blob in row}

    # --- patient data keys -------------------------------------------------------------

    def patient_aad(self, patient_id: str) -> bytes:
        return self.header.aad_base + f":patient:{patient_id}".encode()

    def new_patient_key(self, session: Session, patient_id: str) -> bytes:
        """Create a patient's data key and store it wrapped by WK in `session`."""
        from pixiodoc_desktop.vault.schema import PatientKey

        pdk = keys.random_key()
        wrapped = keys.wrap(self.keys.workspace, pdk, aad=self.patient_aad(patient_id))
        session.add(PatientKey(patient_id=patient_id, wrapped_key=wrapped))
        return pdk

    def unwrap_patient_key(self, patient_id: str, wrapped: bytes) -> bytes | None:
        """A patient's data key from its wrapped form (as sync carries it); None if it
        does not open under this clinic's workspace key."""
        return keys.unwrap(self.keys.workspace, wrapped, aad=self.patient_aad(patient_id))

    def patient_key(self, session: Session, patient_id: str) -> bytes:
        from pixiodoc_desktop.vault.schema import PatientKey

        row = session.get(PatientKey, patient_id)
        if row is None:
            raise VaultDamaged(
                f"The data key of patient {patient_id} is missing (erased or damaged); "
                "the patient's images cannot be read."
            )
        pdk = keys.unwrap(self.keys.workspace, row.wrapped_key, aad=self.patient_aad(patient_id))
        if pdk is None:
            raise VaultDamaged(f"The data key of patient {patient_id} is damaged. {RESTORE_HINT}")
        return pdk
