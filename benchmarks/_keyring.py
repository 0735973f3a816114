"""A keyring in memory for the benchmarks that configure sync (no OS keyring on a CI box).

The class is the tests' own (tests/vault_support.py, which depends on nothing from pytest),
imported by the name the tests use, as the sync benchmarks import tests/sync/sync_support.py.
"""

from __future__ import annotations

import sys

import _common
import keyring

TESTS = str(_common.REPO_ROOT / "tests")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from vault_support import MemoryKeyring  # noqa: E402


def use_memory_keyring() -> None:
    """Sync credentials go to a keyring that lives and dies with this process."""
    keyring.set_keyring(MemoryKeyring())
