"""The clinicians' keys to a vault: passwords and the recovery key that open the WK.

Each clinician's password wraps the workspace key (WK) in the header; the
recovery key wraps it once more. This module checks a password or recovery
key against the header (with the unlock throttle's waits), derives the keys
that follow from the WK it opens, and makes the
header changes that follow a password set, changed or taken away. The
`Vault` writes the sealed header; nothing here touches the disk but the
throttle's attempts file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from pathlib import Path

from pixiodoc_desktop.errors import (
    AccountDeactivated,
    InvalidInput,
    UnknownClinician,
    VaultDamaged,
    WrongPassword,
)
from pixiodoc_desktop.vault import keys, passwords
from pixiodoc_desktop.vault.header import RESTORE_HINT, Credential, VaultHeader, WrappedKey
from pixiodoc_desktop.vault.keys import STANDARD_KDF, KdfParams, VaultKeys
from pixiodoc_desktop.vault.throttle import UnlockThrottle

# In the header's `extra`: logins whose password a key rotation could not re-wrap,
# and the image-id key of the vault's first WK, wrapped under the current one.
AWAITING_PASSWORD = "awaiting_new_password"  # noqa: S105 - a header field, not a secret
CARRIED_BLOB_ID_KEY = "blob_id_key"
DEACTIVATED = "deactivated_logins"
RECOVERY_USER = "recovery"


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


def blob_id_aad(header: VaultHeader) -> bytes:
    return header.aad_base + b":blob-id"


def check_login(login: str) -> str:
    cleaned = login.strip()
    if not cleaned or len(cleaned) > 64 or any(ch.isspace() for ch in cleaned):
        raise InvalidInput("A login is 1-64 characters without spaces, e.g. dr.weber")
    return cleaned


def make_credential(
    header: VaultHeader,
    workspace_key: bytes,
    user_id: str,
    login: str,
    display_name: str,
    password: str,
    kdf: KdfParams,
) -> Credential:
    """WK wrapped under a key derived from `password` (with a fresh salt)."""
    salt = secrets.token_bytes(keys.SALT_BYTES)
    kek = keys.password_key(password, salt, kdf)
    wrapped = keys.wrap(kek, workspace_key, aad=credential_aad(header, user_id))
    return Credential(user_id, login, display_name, WrappedKey(salt, wrapped, kdf))


# --- opening the workspace key ---------------------------------------------------------------


def _opened_by(header: VaultHeader, credential: Credential, password: str) -> bytes | None:
    """The WK if `password` is the credential's, else None."""
    assert credential.key.kdf is not None
    kek = keys.password_key(password, credential.key.salt, credential.key.kdf)
    return keys.unwrap(kek, credential.key.wrapped, aad=credential_aad(header, credential.user_id))


def password_workspace_key(
    header: VaultHeader, throttle: UnlockThrottle, login: str, password: str
) -> tuple[Credential, bytes]:
    """The clinician's credential and the WK their password opens.

    Raises AccountDeactivated, UnknownClinician or WrongPassword (with the
    throttle's wait, which a wrong password lengthens).
    """
    credential = header.credential(login)
    if credential is None:
        if login.strip().casefold() in header.extra.get(DEACTIVATED, []):
            throttle.deactivated_attempt(login)
            raise AccountDeactivated(
                f"The account {login.strip()} has been deactivated. Ask a practice Admin."
            )
        if login.strip().casefold() in header.extra.get(AWAITING_PASSWORD, []):
            raise AccountDeactivated(
                f"The practice's keys were renewed: {login.strip()} needs a new password "
                "from a practice Admin."
            )
        raise UnknownClinician(
            f"There is no clinician with the login {login.strip()!r} in this vault."
        )
    attempts = throttle.attempts(credential.login)
    wait = attempts.wait_left()
    if wait > 0:
        left = int(wait) + 1
        msg = (
            f"Too many wrong passwords for {credential.login}. Try again in 1 second."
            if left == 1
            else f"Too many wrong passwords for {credential.login}. Try again in {left} seconds."
        )
        raise WrongPassword(msg, retry_after=wait)
    wk = _opened_by(header, credential, password)
    if wk is None:
        after = throttle.failed(credential.login)
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
    return credential, wk


def recovery_workspace_key(
    header: VaultHeader, throttle: UnlockThrottle, recovery_key: str
) -> bytes:
    """The WK the recovery key opens; WrongPassword (with the throttle's wait) if none."""
    wait = throttle.attempts(RECOVERY_USER).wait_left()
    if wait > 0:
        left = int(wait) + 1
        msg = (
            "Too many wrong recovery keys. Try again in 1 second."
            if left == 1
            else f"Too many wrong recovery keys. Try again in {left} seconds."
        )
        raise WrongPassword(msg, retry_after=wait)
    kek = keys.recovery_wrapping_key(recovery_key, header.recovery.salt)
    wk = keys.unwrap(kek, header.recovery.wrapped, aad=recovery_aad(header))
    if wk is None:
        after = throttle.failed(RECOVERY_USER)
        raise WrongPassword(
            "That recovery key does not belong to this vault.", retry_after=after.delay
        )
    return wk


def workspace_keys(header: VaultHeader, wk: bytes, folder: Path) -> VaultKeys:
    """The keys that follow from WK, once the header's seal proves it unaltered (and with
    the image-id key a rotation carried over). Raises VaultDamaged otherwise."""
    vault_keys = VaultKeys.from_workspace(wk, header.vault_id)
    if not header.check_seal(vault_keys.header):
        raise VaultDamaged(
            f"The vault's vault.json at {folder} has been altered since it was "
            f"last written by PixioDoc. {RESTORE_HINT}"
        )
    return with_carried_blob_id(header, wk, vault_keys)


def with_carried_blob_id(header: VaultHeader, wk: bytes, vault_keys: VaultKeys) -> VaultKeys:
    """`vault_keys` with the image-id key a rotation carried over (if the header has one)."""
    carried = header.extra.get(CARRIED_BLOB_ID_KEY)
    if carried is not None:
        blob_id = keys.unwrap(wk, keys.unb64(carried, "image id key"), aad=blob_id_aad(header))
        if blob_id is None:
            raise VaultDamaged(f"vault.json has an unreadable image id key. {RESTORE_HINT}")
        vault_keys = replace(vault_keys, blob_id=blob_id)
    return vault_keys


# --- changing the header's credentials -------------------------------------------------------


def with_password(
    header: VaultHeader,
    workspace_key: bytes,
    user_id: str,
    login: str,
    display_name: str,
    password: str,
    *,
    kdf: KdfParams | None = None,
) -> VaultHeader:
    """`header` with WK (re)wrapped for a clinician; their previous password stops working,
    and the login is no longer listed as deactivated or awaiting a password."""
    passwords.require_strong(password, personal=(login, display_name))
    existing = next((c for c in header.credentials if c.user_id == user_id), None)
    params = kdf or (existing.key.kdf if existing and existing.key.kdf else STANDARD_KDF)
    clash = header.credential(login)
    if clash is not None and clash.user_id != user_id:
        raise InvalidInput(f"The login {login} is already taken")
    header = header.with_credential(
        make_credential(
            header, workspace_key, user_id, check_login(login), display_name, password, params
        )
    )
    deactivated = [x for x in header.extra.get(DEACTIVATED, []) if x != login.casefold()]
    awaiting = [x for x in header.extra.get(AWAITING_PASSWORD, []) if x != login.casefold()]
    extra = {**header.extra, DEACTIVATED: deactivated}
    if awaiting or AWAITING_PASSWORD in extra:
        extra[AWAITING_PASSWORD] = awaiting
    return replace(header, extra=extra)


def current_credential(
    header: VaultHeader, login: str, old_password: str, new_password: str
) -> Credential:
    """The credential whose password a clinician changes, once the current one checked."""
    credential = header.credential(login)
    if credential is None:
        raise UnknownClinician(f"There is no clinician with the login {login!r} in this vault.")
    if _opened_by(header, credential, old_password) is None:
        raise WrongPassword(f"The current password for {credential.login} is wrong.")
    if new_password == old_password:
        raise InvalidInput("The new password must differ from the current one")
    return credential


def without_credential(header: VaultHeader, user_id: str, *, deactivated: bool) -> VaultHeader:
    """`header` without a clinician's wrapped key; with `deactivated`, their login is
    remembered so the unlock screen can say the account was deactivated."""
    gone = next((c for c in header.credentials if c.user_id == user_id), None)
    changed = header.without_credential(user_id)
    if deactivated and gone is not None:
        logins = sorted({*header.extra.get(DEACTIVATED, []), gone.login.casefold()})
        changed = replace(changed, extra={**changed.extra, DEACTIVATED: logins})
    return changed
