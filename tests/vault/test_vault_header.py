"""vault.json: fails closed when missing, damaged, altered or too new."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from vault_support import LOGIN, PASSWORD, MadeVault

from pixiodoc_desktop.errors import (
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WrongPassword,
)
from pixiodoc_desktop.vault.header import FORMAT_VERSION, read_header
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault


def _edit_header(folder: Path, change: Callable[[dict[str, Any]], object]) -> None:
    path = folder / "vault.json"
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2), "utf-8")


def test_header_holds_no_secret_in_the_clear(made_vault: MadeVault) -> None:
    text = (made_vault.folder / "vault.json").read_text("utf-8")
    data = json.loads(text)
    assert data["format_version"] == FORMAT_VERSION
    assert [c["login"] for c in data["clinicians"]] == [LOGIN]
    assert PASSWORD not in text
    assert made_vault.recovery_key not in text
    assert made_vault.recovery_key.replace("-", "") not in text


def test_round_trip_of_the_header(made_vault: MadeVault) -> None:
    header = read_header(made_vault.folder)
    assert header.to_bytes() == (made_vault.folder / "vault.json").read_bytes()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["clinicians"][0].update(display_name="Mallory"),
        lambda d: d["clinicians"][0].update(login="mallory"),
        lambda d: d.update(plan="enterprise"),
    ],
    ids=["display-name", "login", "added-field"],
)
def test_an_altered_header_is_detected_by_its_seal(
    made_vault: MadeVault, change: Callable[[dict[str, Any]], object]
) -> None:
    _edit_header(made_vault.folder, change)
    vault = Vault.open(made_vault.folder)
    login = vault.header.credentials[0].login
    with pytest.raises(VaultDamaged, match="altered") as caught:
        vault.unlock(login, PASSWORD)
    assert "restore" in caught.value.message.lower()
    assert not vault.is_unlocked


def test_a_swapped_in_clinician_entry_cannot_unlock(made_vault: MadeVault, tmp_path: Path) -> None:
    """Copying another vault's clinician entry (same password) in does not open this vault."""
    other = Vault.create(
        tmp_path / "other",
        clinic_name="Other",
        admin_login="dr.mallory",
        admin_name="Mallory",
        password=PASSWORD,
        kdf=MINIMUM_KDF,
    )[0]
    other.lock()
    entry = json.loads((other.folder / "vault.json").read_text("utf-8"))["clinicians"][0]
    _edit_header(made_vault.folder, lambda d: d["clinicians"].append(entry))
    vault = Vault.open(made_vault.folder)
    with pytest.raises(WrongPassword):
        vault.unlock("dr.mallory", PASSWORD)
    assert not vault.is_unlocked


def test_missing_header_with_database_present_names_restore(made_vault: MadeVault) -> None:
    (made_vault.folder / "vault.json").unlink()
    with pytest.raises(VaultDamaged, match=r"vault.json") as caught:
        Vault.open(made_vault.folder)
    assert "restore" in caught.value.message.lower()


def test_missing_folder_and_empty_folder_are_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound, match="does not exist"):
        Vault.open(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound, match=r"no vault.json"):
        Vault.open(tmp_path / "empty")


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[]", b'{"format": "something-else"}', b"\xff\xfe\x00garbage"],
)
def test_unreadable_header_is_damage(made_vault: MadeVault, content: bytes) -> None:
    (made_vault.folder / "vault.json").write_bytes(content)
    with pytest.raises(VaultDamaged, match=r"restore|Restore"):
        Vault.open(made_vault.folder)


def test_header_with_missing_parts_is_damage(made_vault: MadeVault) -> None:
    _edit_header(made_vault.folder, lambda d: d.pop("recovery"))
    with pytest.raises(VaultDamaged):
        Vault.open(made_vault.folder)
    _edit_header(made_vault.folder, lambda d: d.update(recovery={"salt": "%%%", "wrapped_key": ""}))
    with pytest.raises(VaultDamaged):
        Vault.open(made_vault.folder)


def test_newer_format_is_refused_as_too_new(made_vault: MadeVault) -> None:
    _edit_header(made_vault.folder, lambda d: d.update(format_version=FORMAT_VERSION + 1))
    with pytest.raises(VaultTooNew, match="newer PixioDoc"):
        Vault.open(made_vault.folder)


def test_missing_database_fails_closed(made_vault: MadeVault) -> None:
    (made_vault.folder / "vault.db").unlink()
    vault = Vault.open(made_vault.folder)
    with pytest.raises(VaultDamaged, match="missing") as caught:
        vault.unlock(LOGIN, PASSWORD)
    assert "restore" in caught.value.message.lower()
    assert not vault.is_unlocked
    assert not (made_vault.folder / "vault.db").exists(), "unlock must never create a new database"


def test_foreign_database_fails_closed(made_vault: MadeVault, tmp_path: Path) -> None:
    other = Vault.create(
        tmp_path / "other",
        clinic_name="Other",
        admin_login="dr.other",
        admin_name="Other",
        password=PASSWORD,
        kdf=MINIMUM_KDF,
    )[0]
    other.lock()
    (made_vault.folder / "vault.db").write_bytes((other.folder / "vault.db").read_bytes())
    vault = Vault.open(made_vault.folder)
    with pytest.raises(VaultDamaged, match=r"another vault|damaged"):
        vault.unlock(LOGIN, PASSWORD)
    assert not vault.is_unlocked


def test_create_refuses_an_existing_vault_or_a_full_folder(
    made_vault: MadeVault, tmp_path: Path
) -> None:
    with pytest.raises(VaultExists):
        Vault.create(
            made_vault.folder,
            clinic_name="Again",
            admin_login="dr.x",
            admin_name="X",
            password=PASSWORD,
            kdf=MINIMUM_KDF,
        )
    full = tmp_path / "full"
    full.mkdir()
    (full / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(VaultExists, match="not empty"):
        Vault.create(
            full,
            clinic_name="Again",
            admin_login="dr.x",
            admin_name="X",
            password=PASSWORD,
            kdf=MINIMUM_KDF,
        )
    assert sorted(p.name for p in full.iterdir()) == ["holiday.jpg"]
