"""The vault's sealed header as it changes while the vault is open: clinicians'
wrapped keys (a password set, changed or removed), the demo mark, each device's
audit mark, and credentials that came by sync. Every change is sealed under the
header key and written at once (header.py writes it atomically)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pixiodoc_desktop.errors import VaultError
from pixiodoc_desktop.vault import credentials
from pixiodoc_desktop.vault.header import (
    DEMO_LANGUAGE,
    DEMO_MARK,
    Credential,
    VaultHeader,
    read_header,
    write_header,
)
from pixiodoc_desktop.vault.keys import KdfParams, VaultKeys


class HeaderKeeping:
    """The header half of a `Vault` (vault.py): what an unlocked vault changes in it."""

    folder: Path
    header: VaultHeader

    @property
    def keys(self) -> VaultKeys:
        raise NotImplementedError  # the unlocked vault's keys (Vault.keys)

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

    def _make_credential(
        self, user_id: str, login: str, display_name: str, password: str, kdf: KdfParams
    ) -> Credential:
        return credentials.make_credential(
            self.header, self.keys.workspace, user_id, login, display_name, password, kdf
        )

    def _write_header(self) -> None:
        self.header = self.header.sealed(self.keys.header)
        write_header(self.folder, self.header)

    def mark_as_demo(self, language: str = "en") -> None:
        """Say in the sealed header that this is the demo clinic, whose password is public,
        and the language its sample texts are in (see demo/language.py).

        `pixiodoc --demo` opens only a vault marked so; a clinic's own vault never is.
        """
        extra = {**self.header.extra, DEMO_MARK: True, DEMO_LANGUAGE: language}
        self.header = replace(self.header, extra=extra)
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
        self.header = credentials.with_password(
            self.header, self.keys.workspace, user_id, login, display_name, password, kdf=kdf
        )
        self._write_header()

    def change_password(self, login: str, old_password: str, new_password: str) -> None:
        """A clinician changes their own password (the old one is checked first)."""
        credential = credentials.current_credential(self.header, login, old_password, new_password)
        self.set_password(
            credential.user_id, credential.login, credential.display_name, new_password
        )

    def remove_credential(self, user_id: str, *, deactivated: bool = False) -> None:
        """Drop a clinician's wrapped key; their password no longer opens the vault.

        With `deactivated`, the login is remembered (in the sealed header) so
        the unlock screen can say the account was deactivated.
        """
        self.header = credentials.without_credential(self.header, user_id, deactivated=deactivated)
        self._write_header()
