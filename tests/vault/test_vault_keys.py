"""The key hierarchy: wrapping, recovery keys, KDF settings (DESIGN.md §2)."""

from __future__ import annotations

import re

import pytest

from pixiodoc_desktop.errors import InvalidInput, VaultDamaged
from pixiodoc_desktop.vault import keys
from pixiodoc_desktop.vault.keys import MINIMUM_KDF, STANDARD_KDF, KdfParams

pytestmark = pytest.mark.real_kdf  # these tests are about the KDF: every call computes

GROUPED = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$")


def test_wrap_round_trip_and_binding() -> None:
    kek, key = keys.random_key(), keys.random_key()
    wrapped = keys.wrap(kek, key, aad=b"vault:1:user:a")
    assert key not in wrapped
    assert keys.unwrap(kek, wrapped, aad=b"vault:1:user:a") == key
    assert keys.unwrap(keys.random_key(), wrapped, aad=b"vault:1:user:a") is None
    assert keys.unwrap(kek, wrapped, aad=b"vault:1:user:b") is None
    flipped = bytearray(wrapped)
    flipped[-1] ^= 1
    assert keys.unwrap(kek, bytes(flipped), aad=b"vault:1:user:a") is None
    assert keys.unwrap(kek, wrapped[:20], aad=b"vault:1:user:a") is None


def test_wrapping_twice_gives_different_ciphertexts() -> None:
    kek, key = keys.random_key(), keys.random_key()
    assert keys.wrap(kek, key, aad=b"x") != keys.wrap(kek, key, aad=b"x")


def test_derived_keys_differ_by_purpose_and_vault() -> None:
    wk = keys.random_key()
    database = keys.derive_key(wk, "database", context=b"v1")
    assert len(database) == keys.KEY_BYTES
    assert database == keys.derive_key(wk, "database", context=b"v1")
    assert database != keys.derive_key(wk, "blob-id", context=b"v1")
    assert database != keys.derive_key(wk, "database", context=b"v2")
    assert database != keys.derive_key(keys.random_key(), "database", context=b"v1")


def test_password_key_depends_on_password_and_salt() -> None:
    salt = b"s" * keys.SALT_BYTES
    one = keys.password_key("Lichtung-Ahorn-Kiesel-47", salt, MINIMUM_KDF)
    assert one == keys.password_key("Lichtung-Ahorn-Kiesel-47", salt, MINIMUM_KDF)
    assert one != keys.password_key("Lichtung-Ahorn-Kiesel-48", salt, MINIMUM_KDF)
    assert one != keys.password_key("Lichtung-Ahorn-Kiesel-47", b"t" * keys.SALT_BYTES, MINIMUM_KDF)


def test_password_key_is_the_argon2id_every_vault_was_made_with() -> None:
    """Lanes on threads (argon2-cffi) give the key cryptography's Argon2id gave, with
    which every existing vault's credentials were wrapped: they still unlock."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    salt = b"s" * keys.SALT_BYTES
    for params in (MINIMUM_KDF, KdfParams(memory_kib=19 * 1024, iterations=2, lanes=4)):
        before = Argon2id(
            salt=salt,
            length=keys.KEY_BYTES,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive("Käthe-Lichtung-47".encode())
        assert keys.password_key("Käthe-Lichtung-47", salt, params) == before


def test_kdf_floor_is_owasp() -> None:
    for params in (MINIMUM_KDF, STANDARD_KDF):
        assert params.memory_kib >= 19 * 1024
        assert params.iterations >= 2


# --- recovery key -----------------------------------------------------------------


def test_recovery_key_has_nine_groups_of_four() -> None:
    key = keys.new_recovery_key()
    assert GROUPED.match(key), key
    assert keys.new_recovery_key() != key


def test_recovery_key_normalisation_accepts_what_people_type() -> None:
    key = keys.new_recovery_key()
    canonical = keys.normalise_recovery_key(key)
    assert len(canonical) == 36 and "-" not in canonical
    assert keys.normalise_recovery_key(key.lower()) == canonical
    assert keys.normalise_recovery_key(key.replace("-", " ")) == canonical
    assert keys.normalise_recovery_key("  " + key.replace("-", "") + "\n") == canonical
    # O for 0 and I or L for 1, as read from paper
    confusable = key.replace("0", "O").replace("1", "l")
    assert keys.normalise_recovery_key(confusable) == canonical


@pytest.mark.parametrize("position", [0, 7, 20, 31])
def test_recovery_key_typo_is_caught_by_the_checksum(position: int) -> None:
    key = keys.new_recovery_key().replace("-", "")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    replacement = alphabet[(alphabet.index(key[position]) + 1) % 32]
    typo = key[:position] + replacement + key[position + 1 :]
    with pytest.raises(InvalidInput, match="typo"):
        keys.normalise_recovery_key(typo)


def test_recovery_key_of_wrong_length_is_named() -> None:
    key = keys.new_recovery_key()
    with pytest.raises(InvalidInput, match="9 groups of 4"):
        keys.normalise_recovery_key(key[:-1])
    with pytest.raises(InvalidInput, match="9 groups of 4"):
        keys.normalise_recovery_key(key + "A")
    with pytest.raises(InvalidInput):
        keys.normalise_recovery_key("")
    with pytest.raises(InvalidInput):
        keys.normalise_recovery_key("!" + key[1:])  # a character outside the alphabet


def test_recovery_wrapping_key_is_the_same_for_any_spelling() -> None:
    key = keys.new_recovery_key()
    salt = b"r" * keys.SALT_BYTES
    assert keys.recovery_wrapping_key(key, salt) == keys.recovery_wrapping_key(
        key.lower().replace("-", " "), salt
    )


# --- KDF parameters in vault.json -------------------------------------------------------


def test_kdf_params_round_trip() -> None:
    assert KdfParams.from_json(STANDARD_KDF.to_json()) == STANDARD_KDF
    assert KdfParams.from_json(MINIMUM_KDF.to_json()) == MINIMUM_KDF


@pytest.mark.parametrize(
    "data",
    [
        {"algorithm": "scrypt", "memory_kib": 19456, "iterations": 2, "lanes": 1},
        {"algorithm": "argon2id", "memory_kib": 19456, "iterations": 2},
        {"algorithm": "argon2id", "memory_kib": "lots", "iterations": 2, "lanes": 1},
        {"algorithm": "argon2id", "memory_kib": 4, "iterations": 2, "lanes": 1},
        {"algorithm": "argon2id", "memory_kib": 8 * 1024 * 1024, "iterations": 2, "lanes": 1},
        {"algorithm": "argon2id", "memory_kib": 19456, "iterations": 0, "lanes": 1},
        {"algorithm": "argon2id", "memory_kib": 19456, "iterations": 1000, "lanes": 1},
        {"algorithm": "argon2id", "memory_kib": 19456, "iterations": 2, "lanes": 0},
        {"algorithm": "argon2id", "memory_kib": 19456, "iterations": 2, "lanes": 65},
        None,
        [],
    ],
)
def test_bad_kdf_params_are_refused_as_damage(data: object) -> None:
    with pytest.raises(VaultDamaged):
        KdfParams.from_json(data)
