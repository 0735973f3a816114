"""Where this workstation syncs to: endpoint, region, bucket, prefix, credentials.

Endpoint, region, bucket and prefix are preferences of this PC's vault (its
settings table); the access key and secret live only in the OS credential
store (`keyring`, service "PixioDoc sync", user = the vault id), never in a
file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import keyring
import keyring.errors

from pixiodoc_desktop.errors import InvalidInput, SyncError, SyncNotConfigured
from pixiodoc_desktop.sync.store import DEFAULT_REGION, StoreSettings, is_eu_region
from pixiodoc_desktop.vault.schema import Setting
from pixiodoc_desktop.vault.vault import Vault

KEYRING_SERVICE = "PixioDoc sync"
_KEYS = ("sync.endpoint", "sync.region", "sync.bucket", "sync.prefix")
INTERVAL_SETTING = "sync.interval_minutes"
FULL_IMAGES_SETTING = "sync.full_images"


@dataclass(frozen=True, slots=True)
class SyncTarget:
    """The non-secret part of the sync settings, as shown in the settings dialog."""

    endpoint: str | None
    region: str
    bucket: str
    prefix: str

    @property
    def in_eu(self) -> bool:
        return is_eu_region(self.region)

    def region_warning(self) -> str | None:
        if self.in_eu:
            return None
        return (
            f"The region {self.region!r} is not in the EU. Patient data (encrypted) would be "
            "stored outside the EU; check that this is allowed for your clinic."
        )


def check_target(target: SyncTarget) -> SyncTarget:
    bucket = target.bucket.strip()
    if not (3 <= len(bucket) <= 63) or not all(
        c.islower() or c.isdigit() or c in "-." for c in bucket
    ):
        raise InvalidInput(
            "A bucket name has 3-63 characters: lower-case letters, digits, dots and hyphens"
        )
    endpoint = (target.endpoint or "").strip() or None
    if endpoint is not None and not endpoint.startswith(("http://", "https://")):
        raise InvalidInput("The endpoint URL starts with https:// (or http:// on a local network)")
    prefix = target.prefix.strip().strip("/")
    if any(part in ("", ".", "..") for part in prefix.split("/")) and prefix:
        raise InvalidInput("The prefix is a path like clinic/pixiodoc without empty parts")
    return SyncTarget(endpoint, target.region.strip() or DEFAULT_REGION, bucket, prefix)


def save_target(vault: Vault, target: SyncTarget) -> None:
    values = {
        "sync.endpoint": target.endpoint or "",
        "sync.region": target.region,
        "sync.bucket": target.bucket,
        "sync.prefix": target.prefix,
    }
    with vault.write_session() as session, session.begin():
        for key, value in values.items():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value


def load_target(vault: Vault) -> SyncTarget | None:
    values = {key: vault.setting(key) for key in _KEYS}
    if not values["sync.bucket"]:
        return None
    return SyncTarget(
        values["sync.endpoint"] or None,
        values["sync.region"] or DEFAULT_REGION,
        values["sync.bucket"] or "",
        values["sync.prefix"] or "",
    )


def save_credentials(vault_id: str, access_key: str, secret_key: str) -> None:
    if not access_key.strip() or not secret_key:
        raise InvalidInput("Both the access key and the secret are needed")
    value = json.dumps({"access_key": access_key.strip(), "secret": secret_key})
    try:
        keyring.set_password(KEYRING_SERVICE, vault_id, value)
        # Some backends accept a secret and keep nothing: read it back.
        kept = keyring.get_password(KEYRING_SERVICE, vault_id) == value
    except keyring.errors.KeyringError:
        kept = False
    if not kept:
        msg = (
            "This computer has no working credential store for the sync secret "
            "(Windows Credential Manager, macOS Keychain, or a Secret Service such as "
            "GNOME Keyring or KWallet); set one up or unlock it, then configure sync again. "
            "Nothing was saved."
        )
        raise SyncError(msg)


def load_credentials(vault_id: str) -> tuple[str, str] | None:
    try:
        raw = keyring.get_password(KEYRING_SERVICE, vault_id)
    except keyring.errors.KeyringError:
        return None
    if not raw:
        return None
    data = json.loads(raw)
    return str(data["access_key"]), str(data["secret"])


def store_settings(vault: Vault) -> StoreSettings:
    """Everything needed to reach the bucket; SyncNotConfigured names what is missing."""
    target = load_target(vault)
    if target is None:
        raise SyncNotConfigured(
            "Sync is not set up on this workstation: a practice Admin sets it up in Practice › Sync settings… (or with pixiodoc sync configure)."
        )
    credentials = load_credentials(vault.header.vault_id)
    if credentials is None:
        raise SyncNotConfigured(
            "The sync access key and secret are missing from this PC's credential store; "
            "enter them again (pixiodoc sync configure)."
        )
    return StoreSettings(target.endpoint, target.region, target.bucket, target.prefix, *credentials)


def set_setting(vault: Vault, key: str, value: str) -> None:
    with vault.write_session() as session, session.begin():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
