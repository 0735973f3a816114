"""Unlocking by password or recovery key, wrong passwords, changing passwords, locking."""

from __future__ import annotations

import hashlib
import json
import types
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import LOGIN, PASSWORD, SECOND_LOGIN, SECOND_PASSWORD, MadeVault, add_clinician

from pixiodoc_desktop.clinic.access.login import lock, log_in, log_in_with_recovery_key
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import (
    AccountDeactivated,
    InvalidInput,
    UnknownClinician,
    VaultLocked,
    WeakPassword,
    WrongPassword,
)
from pixiodoc_desktop.vault import keys, throttle
from pixiodoc_desktop.vault.schema import AuditEvent, Clinician
from pixiodoc_desktop.vault.throttle import FREE_ATTEMPTS, MAX_DELAY_S, Attempts
from pixiodoc_desktop.vault.vault import Vault


def _content(path: Path) -> bytes:
    """A file's bytes; vault.json without the attempt counters it mirrors (outside its seal)."""
    if path.name != "vault.json":
        return path.read_bytes()
    body = json.loads(path.read_bytes())
    body.pop("unlock_attempts", None)
    return json.dumps(body, sort_keys=True).encode()


def _snapshot(folder: Path) -> dict[str, str]:
    """Name -> content hash of every file except the attempt counter."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(_content(p)).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != throttle.THROTTLE_NAME
    }


class FakeClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(time=fake.time))
    return fake


def test_unlock_by_password_opens_the_clinic(vault: Vault) -> None:
    assert not vault.is_unlocked
    unlocked = vault.unlock(LOGIN, PASSWORD)
    assert vault.is_unlocked
    assert unlocked.login == LOGIN and unlocked.user_id is not None
    assert vault.setting("clinic_name") == "Hautarztpraxis Teststraße"
    vault.lock()


def test_login_is_case_insensitive_and_trimmed(vault: Vault) -> None:
    assert vault.unlock("  DR.Weber ", PASSWORD).login == LOGIN
    vault.lock()


def test_unlock_by_recovery_key_as_typed_from_paper(made_vault: MadeVault, vault: Vault) -> None:
    typed = made_vault.recovery_key.lower().replace("-", " ")
    ws = log_in_with_recovery_key(vault, typed)
    assert vault.is_unlocked
    with ws.read_session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None and event.event_type == "LOGIN_SUCCEEDED"
    assert event.actor_id is None and event.details == {"method": "recovery key"}
    lock(ws, None)


def test_recovery_key_of_another_vault_is_refused(vault: Vault) -> None:
    with pytest.raises(WrongPassword, match="does not belong"):
        vault.unlock_with_recovery_key(keys.new_recovery_key())
    assert not vault.is_unlocked


def test_wrong_recovery_keys_are_slowed_down_too(
    made_vault: MadeVault, vault: Vault, clock: FakeClock
) -> None:
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword, match="does not belong"):
            vault.unlock_with_recovery_key(keys.new_recovery_key())
    with pytest.raises(WrongPassword, match="Too many") as caught:
        vault.unlock_with_recovery_key(made_vault.recovery_key)  # even the right one must wait
    assert caught.value.retry_after > 0 and not vault.is_unlocked
    clock.now += caught.value.retry_after + 0.01
    vault.unlock_with_recovery_key(made_vault.recovery_key)
    assert vault.is_unlocked
    vault.lock()


def test_mistyped_recovery_key_is_named_as_a_typo(made_vault: MadeVault, vault: Vault) -> None:
    key = made_vault.recovery_key
    typo = ("1" if key[0] != "1" else "2") + key[1:]
    with pytest.raises(InvalidInput, match="typo"):
        vault.unlock_with_recovery_key(typo)


def test_unknown_login_is_named(vault: Vault) -> None:
    with pytest.raises(UnknownClinician, match=r"dr\.nobody"):
        vault.unlock("dr.nobody", PASSWORD)


def test_wrong_password_is_clear_and_never_makes_a_new_vault(
    made_vault: MadeVault, vault: Vault
) -> None:
    before = _snapshot(made_vault.folder)
    with pytest.raises(WrongPassword) as caught:
        vault.unlock(LOGIN, PASSWORD + "x")
    assert caught.value.message == f"Wrong password for {LOGIN}."
    assert PASSWORD not in caught.value.message
    assert not vault.is_unlocked
    with pytest.raises(VaultLocked):
        vault.read_session()
    assert _snapshot(made_vault.folder) == before
    # the same vault, with its data, still opens with the right password
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    assert ws.vault.setting("clinic_name") == "Hautarztpraxis Teststraße"
    lock(ws, actor)


def test_repeated_wrong_passwords_grow_the_delay(vault: Vault, clock: FakeClock) -> None:
    delays = []
    for attempt in range(1, 7):
        with pytest.raises(WrongPassword) as caught:
            vault.unlock(LOGIN, f"Wrong-Password-{attempt}")
        delays.append(caught.value.retry_after)
        if attempt >= FREE_ATTEMPTS:
            assert f"Wait {int(caught.value.retry_after)} seconds" in caught.value.message
            # trying again at once is refused without even checking the password
            with pytest.raises(WrongPassword, match="Too many wrong passwords") as early:
                vault.unlock(LOGIN, PASSWORD)
            assert early.value.retry_after > 0
            clock.now += caught.value.retry_after + 0.01
    assert delays[: FREE_ATTEMPTS - 1] == [0.0] * (FREE_ATTEMPTS - 1)
    grown = delays[FREE_ATTEMPTS - 1 :]
    assert grown == sorted(grown) and len(set(grown)) == len(grown) and grown[0] > 0
    assert Attempts(1000, 0.0, 0).delay == MAX_DELAY_S
    vault.unlock(LOGIN, PASSWORD)
    assert vault.throttle.attempts(LOGIN).failures == 0
    vault.lock()


def test_the_delay_is_per_clinician(vault: Vault, clock: FakeClock) -> None:
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    add_clinician(ws, SECOND_LOGIN, SECOND_PASSWORD)
    lock(ws, actor)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword):
            vault.unlock(SECOND_LOGIN, "Not-The-Password-1")
    clock.now += 1
    with pytest.raises(WrongPassword, match="Too many"):
        vault.unlock(SECOND_LOGIN, SECOND_PASSWORD)
    vault.unlock(LOGIN, PASSWORD)  # the Admin is not held up by someone else's typos
    vault.lock()


def test_failed_logins_are_audited_at_the_next_success(vault: Vault) -> None:
    for _ in range(2):
        with pytest.raises(WrongPassword):
            log_in(vault, LOGIN, "Not-The-Password-1")
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    with ws.read_session() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    kinds = [e.event_type for e in events]
    assert kinds[-2:] == ["LOGIN_FAILED", "LOGIN_SUCCEEDED"]
    failed = events[-2]
    assert failed.outcome == "failure" and failed.actor_id == actor.user_id
    assert failed.details["attempts"] == 2
    lock(ws, actor)
    ws, actor = log_in(vault, LOGIN, PASSWORD)  # reported once, not again
    with ws.read_session() as session:
        kinds = [e.event_type for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert kinds.count("LOGIN_FAILED") == 1
    lock(ws, actor)


def test_change_password_old_one_stops_working(vault: Vault) -> None:
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    patient = Patients(ws).create(actor, family_name="Brandstätter")
    new_password = "Seegras-Lupine-Granit-12"
    with pytest.raises(WrongPassword):
        vault.change_password(LOGIN, "Not-The-Password-1", new_password)
    with pytest.raises(WeakPassword):
        vault.change_password(LOGIN, PASSWORD, "password123")
    with pytest.raises(InvalidInput):
        vault.change_password(LOGIN, PASSWORD, PASSWORD)
    vault.change_password(LOGIN, PASSWORD, new_password)
    lock(ws, actor)

    reopened = Vault.open(vault.folder)  # the change is on disk, not only in memory
    with pytest.raises(WrongPassword):
        reopened.unlock(LOGIN, PASSWORD)
    ws, actor = log_in(reopened, LOGIN, new_password)
    assert Patients(ws).get(actor, patient.id).family_name == "Brandstätter"
    lock(ws, actor)


def test_lock_drops_the_keys(logged_in: tuple[Workstation, Actor], vault: Vault) -> None:
    ws, actor = logged_in
    patients = Patients(ws)
    patients.create(actor, family_name="Kowalski")
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(VaultLocked):
        _ = vault.keys
    with pytest.raises(VaultLocked):
        vault.read_session()
    with pytest.raises(VaultLocked):
        vault.write_session()
    with pytest.raises(VaultLocked):
        patients.search(actor, "kow")
    with pytest.raises(VaultLocked):
        patients.create(actor, family_name="Nowak")


def test_deactivated_clinician_cannot_unlock(vault: Vault) -> None:
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    second = add_clinician(ws, SECOND_LOGIN, SECOND_PASSWORD)
    with vault.write_session() as session, session.begin():
        row = session.get(Clinician, second.user_id)
        assert row is not None
        row.active = False
    lock(ws, actor)
    with pytest.raises(AccountDeactivated, match="deactivated"):
        vault.unlock(SECOND_LOGIN, SECOND_PASSWORD)
    assert not vault.is_unlocked


def test_audit_event_types_are_exactly_the_27_of_the_design() -> None:
    assert len(audit.EventType) == 27


def test_the_last_second_of_a_delay_reads_singular(
    made_vault: MadeVault, vault: Vault, clock: FakeClock
) -> None:
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword) as caught:
            vault.unlock(LOGIN, f"Wrong-Password-{attempt}")
        with pytest.raises(WrongPassword):
            vault.unlock_with_recovery_key(keys.new_recovery_key())
    clock.now += caught.value.retry_after - 0.5
    with pytest.raises(WrongPassword) as early:
        vault.unlock(LOGIN, PASSWORD)
    assert early.value.message == f"Too many wrong passwords for {LOGIN}. Try again in 1 second."
    with pytest.raises(WrongPassword) as early:
        vault.unlock_with_recovery_key(made_vault.recovery_key)
    assert early.value.message == "Too many wrong recovery keys. Try again in 1 second."
