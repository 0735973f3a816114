"""Renewing the workspace key (WK), the vault's side; `clinic/access/key_rotation.py`
checks who may and re-seals the audit trail, `rekey.py` prepares the database.

Only the acting clinician's password is known here, so theirs is the one
credential re-wrapped; every other clinician needs a new password from an
Admin (their logins are remembered so the unlock screen can say so), and a
new recovery key replaces the old one. The image-id key is carried over,
wrapped under the new WK: image objects are named by it. An old vault.json
copied back afterwards opens nothing: its WK no longer opens the database.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pixiodoc_desktop.errors import UnknownClinician, VaultBusy, VaultDamaged, WrongPassword
from pixiodoc_desktop.vault import keys, rekey
from pixiodoc_desktop.vault.credentials import (
    AWAITING_PASSWORD,
    CARRIED_BLOB_ID_KEY,
    blob_id_aad,
    credential_aad,
    recovery_aad,
)
from pixiodoc_desktop.vault.header import RESTORE_HINT, Credential, VaultHeader, WrappedKey
from pixiodoc_desktop.vault.keys import VaultKeys
from pixiodoc_desktop.vault.schema import PatientKey
from pixiodoc_desktop.vault.vault import Vault


@dataclass(frozen=True, slots=True)
class RotatedKeys:
    """What a workspace-key rotation hands back: the new recovery key (shown once) and
    the logins that need a new password from an Admin before they can log in again."""

    recovery_key: str
    awaiting_password: tuple[str, ...]


def rotate_workspace_key(
    vault: Vault, user_id: str, password: str, rewrite: Callable[[Session, VaultKeys], None]
) -> RotatedKeys:
    """A new WK: every derived key renewed, the database rekeyed, patient keys re-wrapped.

    `rewrite` re-seals what else in the database hangs on derived keys (the
    audit trail) and audits the act, inside the rekeyed copy's transaction.
    """
    header = vault.header
    me = check_password(vault, user_id, password)
    assert me.key.kdf is not None
    new = _prepare(vault, keys.random_key(), rewrite)
    recovery_key = keys.new_recovery_key()
    salt = secrets.token_bytes(keys.SALT_BYTES)
    recovery = keys.wrap(
        keys.recovery_wrapping_key(recovery_key, salt), new.workspace, aad=recovery_aad(header)
    )
    new_salt = secrets.token_bytes(keys.SALT_BYTES)
    wrapped = keys.wrap(
        keys.password_key(password, new_salt, me.key.kdf),
        new.workspace,
        aad=credential_aad(header, user_id),
    )
    awaiting = sorted(
        {*header.extra.get(AWAITING_PASSWORD, [])}
        | {c.login.casefold() for c in header.credentials if c.user_id != user_id}
    )
    renewed = replace(
        header,
        credentials=(replace(me, key=WrappedKey(new_salt, wrapped, me.key.kdf)),),
        recovery=WrappedKey(salt, recovery, None),
        extra={
            **header.extra,
            AWAITING_PASSWORD: awaiting,
            CARRIED_BLOB_ID_KEY: _carried_blob_id(vault, new),
        },
    )
    vault.install_renewed_keys(new, renewed)
    return RotatedKeys(recovery_key, tuple(awaiting))


def check_password(vault: Vault, user_id: str, password: str) -> Credential:
    """The acting clinician's credential, once `password` is proven theirs."""
    header = vault.header
    me = next((c for c in header.credentials if c.user_id == user_id), None)
    if me is None or me.key.kdf is None:
        raise UnknownClinician("The acting clinician has no password in this vault.")
    kek = keys.password_key(password, me.key.salt, me.key.kdf)
    if keys.unwrap(kek, me.key.wrapped, aad=credential_aad(header, user_id)) is None:
        raise WrongPassword(f"The password for {me.login} is wrong.")
    return me


def follow_renewed_key(
    vault: Vault,
    new_wk: bytes,
    renewed: VaultHeader,
    rewrite: Callable[[Session, VaultKeys], None],
    *,
    user_id: str,
    password: str,
) -> tuple[str, ...]:
    """Take over a WK another workstation renewed (sync rejoin with an enrollment code).

    The same rekey, re-wrap and re-seal as a rotation, under `new_wk`; the renewed
    header (from the enrollment) brings the clinicians' credentials and the recovery
    key of the renewing PC, and the acting clinician here (whose password is known)
    keeps theirs. Returns the logins here that need a new password.
    """
    header = vault.header
    me = check_password(vault, user_id, password)
    new = _prepare(vault, new_wk, rewrite)
    credentials = renewed.credentials
    if all(c.user_id != user_id for c in credentials):
        assert me.key.kdf is not None
        salt = secrets.token_bytes(keys.SALT_BYTES)
        wrapped = keys.wrap(
            keys.password_key(password, salt, me.key.kdf),
            new.workspace,
            aad=credential_aad(header, user_id),
        )
        credentials = (*credentials, replace(me, key=WrappedKey(salt, wrapped, me.key.kdf)))
    carried = {c.user_id for c in credentials}
    logins = {c.login.casefold() for c in credentials}
    awaiting = sorted(
        (
            {*header.extra.get(AWAITING_PASSWORD, []), *renewed.extra.get(AWAITING_PASSWORD, [])}
            | {c.login.casefold() for c in header.credentials if c.user_id not in carried}
        )
        - logins
    )
    followed = replace(
        header,
        credentials=credentials,
        recovery=renewed.recovery,
        extra={
            **header.extra,
            AWAITING_PASSWORD: awaiting,
            CARRIED_BLOB_ID_KEY: _carried_blob_id(vault, new),
        },
    )
    vault.install_renewed_keys(new, followed)
    return tuple(awaiting)


def _prepare(
    vault: Vault, new_wk: bytes, rewrite: Callable[[Session, VaultKeys], None]
) -> VaultKeys:
    """The rekeyed database beside vault.db (not yet in effect: see `rekey.py`)."""
    old = vault.keys
    if vault.others_unlocked():
        raise VaultBusy(
            "PixioDoc has this vault open elsewhere on this PC (another window or command); "
            "close it first, then renew the keys."
        )
    new = VaultKeys.from_workspace(new_wk, vault.header.vault_id, blob_id=old.blob_id)

    def whole_rewrite(session: Session) -> None:
        _rewrap_patient_keys(vault, session, old.workspace, new.workspace)
        rewrite(session, new)

    vault.checkpoint()
    rekey.prepare(vault.folder, old.database, new.database, whole_rewrite)
    return new


def _carried_blob_id(vault: Vault, new: VaultKeys) -> str:
    return keys.b64(keys.wrap(new.workspace, new.blob_id, aad=blob_id_aad(vault.header)))


def _rewrap_patient_keys(vault: Vault, session: Session, old_wk: bytes, new_wk: bytes) -> None:
    rewrapped = []
    for patient_id, wrapped in session.execute(
        select(PatientKey.patient_id, PatientKey.wrapped_key)
    ):
        aad = vault.patient_aad(patient_id)
        pdk = keys.unwrap(old_wk, wrapped, aad=aad)
        if pdk is None:
            raise VaultDamaged(
                f"The data key of patient {patient_id} is damaged; the keys were not "
                f"renewed. {RESTORE_HINT}"
            )
        rewrapped.append({"patient_id": patient_id, "wrapped_key": keys.wrap(new_wk, pdk, aad=aad)})
    if rewrapped:  # one executemany by primary key
        session.execute(update(PatientKey), rewrapped)
