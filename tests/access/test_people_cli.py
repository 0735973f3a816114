"""`pixiodoc user add|list|deactivate|reset-password` run as a subprocess (README "Command line").

An Admin manages clinicians; a reset re-wraps the workspace key under the new
password so the old one stops opening the vault; a deactivated clinician
cannot log in; a Clinician cannot manage anyone. Errors are one line, exit 1.
"""

from __future__ import annotations

import json

import pytest
from vault_support import (
    LOGIN,
    PASSWORD,
    SECOND_LOGIN,
    SECOND_PASSWORD,
    CliResult,
    CliRunner,
    MadeVault,
)

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.vault.vault import Vault

KAYA_NAME = "Dr. Deniz Kaya"
NEW_PASSWORD = "Gletscher-Birke-Quarz-19"


def _one_clean_line(result: CliResult) -> str:
    """The single stderr line of a refused command (no traceback, nothing else)."""
    assert result.code == 1, result.output
    assert "Traceback" not in result.output and 'File "' not in result.output, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pixiodoc: ")
    return lines[0]


def _as(login: str, folder: object) -> tuple[object, ...]:
    return ("--vault", folder, "--user", login, "--password-stdin")


def _people(cli: CliRunner, folder: object) -> dict[str, dict[str, object]]:
    listed = cli("user", "list", *_as(LOGIN, folder), "--json", stdin=PASSWORD + "\n")
    assert listed.code == 0, listed.output
    return {person["login"]: person for person in json.loads(listed.stdout)}


@pytest.fixture
def kaya_added(cli: CliRunner, made_vault: MadeVault) -> MadeVault:
    """The Admin adds dr.kaya (a Clinician) through `pixiodoc user add`."""
    added = cli(
        "user", "add", *_as(LOGIN, made_vault.folder), "--login", SECOND_LOGIN, "--name", KAYA_NAME,
        stdin=f"{PASSWORD}\n{SECOND_PASSWORD}\n",
    )  # fmt: skip
    assert added.code == 0, added.output
    assert added.stdout.strip() == f"Added {KAYA_NAME} ({SECOND_LOGIN}, clinician)."
    assert SECOND_PASSWORD not in added.output
    return made_vault


def test_admin_adds_and_lists_a_clinician_who_can_then_log_in(
    cli: CliRunner, kaya_added: MadeVault
) -> None:
    folder = kaya_added.folder
    people = _people(cli, folder)
    assert set(people) == {LOGIN, SECOND_LOGIN}
    kaya = people[SECOND_LOGIN]
    assert (kaya["display_name"], kaya["role"], kaya["active"]) == (KAYA_NAME, "clinician", True)
    assert people[LOGIN]["role"] == "admin"
    text = cli("user", "list", *_as(LOGIN, folder), stdin=PASSWORD + "\n")
    row = next(line for line in text.stdout.splitlines() if line.startswith(SECOND_LOGIN))
    assert KAYA_NAME in row and "clinician" in row and row.endswith("active")
    # The password given on the second stdin line opens the vault as dr.kaya.
    own = cli("patient", "list", *_as(SECOND_LOGIN, folder), "--json", stdin=SECOND_PASSWORD + "\n")
    assert own.code == 0, own.output
    assert json.loads(own.stdout) == []


def test_reset_password_rewraps_the_key_old_password_fails_new_one_works(
    cli: CliRunner, kaya_added: MadeVault
) -> None:
    folder = kaya_added.folder
    before = Vault.open(folder).header.credential(SECOND_LOGIN)
    assert before is not None
    reset = cli(
        "user", "reset-password", *_as(LOGIN, folder), "--login", SECOND_LOGIN,
        stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert reset.code == 0, reset.output
    assert "old one no longer works" in reset.stdout
    after = Vault.open(folder).header.credential(SECOND_LOGIN)
    assert after is not None and after.user_id == before.user_id
    assert after.key.wrapped != before.key.wrapped and after.key.salt != before.key.salt

    old = cli("patient", "list", *_as(SECOND_LOGIN, folder), stdin=SECOND_PASSWORD + "\n")
    assert "Wrong password for dr.kaya" in _one_clean_line(old)
    new = cli("patient", "list", *_as(SECOND_LOGIN, folder), stdin=NEW_PASSWORD + "\n")
    assert new.code == 0, new.output
    # The Admin's reset is on the trail, acted by the Admin, about dr.kaya.
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        [changed] = AuditLog(ws).query(admin, AuditFilter(event_type="CREDENTIAL_CHANGED"))
    finally:
        lock(ws, admin, logged_out=True)
    assert (changed.actor_login, changed.object_id, changed.outcome) == (
        LOGIN,
        before.user_id,
        "success",
    )
    assert changed.details == {"by": "admin reset"}


def test_a_deactivated_clinician_can_no_longer_log_in(
    cli: CliRunner, kaya_added: MadeVault
) -> None:
    folder = kaya_added.folder
    gone = cli(
        "user", "deactivate", *_as(LOGIN, folder), "--login", SECOND_LOGIN, stdin=PASSWORD + "\n"
    )
    assert gone.code == 0, gone.output
    assert gone.stdout.startswith(f"Deactivated {SECOND_LOGIN}")
    assert _people(cli, folder)[SECOND_LOGIN]["active"] is False

    refused = cli("patient", "list", *_as(SECOND_LOGIN, folder), stdin=SECOND_PASSWORD + "\n")
    line = _one_clean_line(refused)
    assert SECOND_LOGIN in line and "deactivated" in line
    assert refused.stdout == ""
    # The Admin cannot lock themselves out either.
    own = cli("user", "deactivate", *_as(LOGIN, folder), "--login", LOGIN, stdin=PASSWORD + "\n")
    assert "cannot deactivate your own account" in _one_clean_line(own)


def test_a_clinician_may_not_manage_clinicians(cli: CliRunner, kaya_added: MadeVault) -> None:
    folder = kaya_added.folder
    tried = cli(
        "user", "add", *_as(SECOND_LOGIN, folder), "--login", "dr.brandt", "--name", "Dr. Jonas Brandt",
        stdin=f"{SECOND_PASSWORD}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert _one_clean_line(tried) == "pixiodoc: Only a practice Admin may add clinicians."
    for action in ("deactivate", "reset-password"):
        other = cli(
            "user", action, *_as(SECOND_LOGIN, folder), "--login", LOGIN,
            stdin=f"{SECOND_PASSWORD}\n{NEW_PASSWORD}\n",
        )  # fmt: skip
        assert "Only a practice Admin may" in _one_clean_line(other)
    assert set(_people(cli, folder)) == {LOGIN, SECOND_LOGIN}
    assert Vault.open(folder).header.credential("dr.brandt") is None
    # The Admin's password still opens the vault: nothing was re-wrapped.
    still = cli("patient", "list", *_as(LOGIN, folder), stdin=PASSWORD + "\n")
    assert still.code == 0, still.output
