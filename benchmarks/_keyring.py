"""A keyring in memory for the benchmarks that configure sync (no OS keyring on a CI box)."""

from __future__ import annotations

import keyring
import keyring.backend


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def use_memory_keyring() -> None:
    """Sync credentials go to a keyring that lives and dies with this process."""
    keyring.set_keyring(MemoryKeyring())
