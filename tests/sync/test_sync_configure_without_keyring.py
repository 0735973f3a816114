"""`pixiodoc sync configure` on a computer without a working credential store.

It used to save the endpoint and bucket, then fail in the keyring with "an
unexpected error": half the settings saved, the secret nowhere. Now it says
what is missing and saves nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import fail, null
from vault_support import LOGIN, PASSWORD, create_vault

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.sync.settings import INTERVAL_SETTING, load_target
from pixiodoc_desktop.vault.vault import Vault


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["none", "forgetful"])
def test_configure_without_a_credential_store_saves_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    backend: keyring.backend.KeyringBackend,
) -> None:
    made = create_vault(tmp_path / "front")
    keyring.set_keyring(backend)  # the conftest fixture restores the in-memory one
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\nsecret-key-123\n"))
    code = cli.main(["sync", "configure", "--vault", str(made.folder), "--user", LOGIN,
                     "--password-stdin", "--endpoint", "http://127.0.0.1:9", "--region",
                     "eu-central-1", "--bucket", "praxis", "--access-key", "AKIA1",
                     "--interval-minutes", "30"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("pixiodoc: This computer has no working credential store")
    assert "unexpected error" not in err and "Nothing was saved." in err
    vault = Vault.open(made.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        assert load_target(vault) is None  # no endpoint or bucket half-saved
        assert vault.setting(INTERVAL_SETTING) is None
    finally:
        lock(ws, actor)
