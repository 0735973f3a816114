"""Password strength: refuse what an attacker tries first, explain why.

A full estimator (zxcvbn) would be nicer but is not worth a dependency;
these rules catch the passwords that actually fall first: short ones,
common ones, keyboard walks, repeats, and the clinic's or user's own name.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from pixiodoc_desktop.errors import WeakPassword

MIN_LENGTH = 10

# The most common passwords and clinic-flavoured variants (lower case).
_COMMON = frozenset(
    [
        "password",
        "passwort",
        "password1",
        "password123",
        "passwort1",
        "123456789",
        "1234567890",
        "12345678",
        "qwertyuiop",
        "qwertzuiop",
        "asdfghjkl",
        "asdfghjkl1",
        "iloveyou1",
        "welcome123",
        "willkommen",
        "letmein123",
        "admin12345",
        "administrator",
        "changeme123",
        "sommer2024",
        "winter2024",
        "sunshine1",
        "dermatology",
        "dermatologie",
        "praxis1234",
        "clinic1234",
        "klinik1234",
        "doctor1234",
        "hautarzt1",
        "patient123",
        "medical123",
        "football12",
        "qwerty1234",
        "abcdefghij",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "zaq12wsxcde",
        "trustno1234",
        "monkey1234",
        "dragon1234",
        "master1234",
        "starwars12",
        "superman12",
    ]
)
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789012345678901234567890",
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertzuiopasdfghjklyxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn",
)


@dataclass(frozen=True, slots=True)
class Strength:
    """A 0-4 score for a strength meter and the first reason it falls short."""

    score: int
    problem: str | None

    @property
    def acceptable(self) -> bool:
        return self.problem is None


def _classes(password: str) -> int:
    groups = (
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    )
    return sum(groups)


def _is_walk(lowered: str) -> bool:
    stripped = lowered.rstrip(string.digits + string.punctuation) or lowered
    if len(set(lowered)) <= 3:
        return True
    return any(stripped in seq or stripped in seq[::-1] for seq in _SEQUENCES)


def assess(password: str, *, personal: tuple[str, ...] = ()) -> Strength:
    """Score a candidate password; `personal` holds the login, names, clinic name."""
    lowered = password.lower()
    if len(password) < MIN_LENGTH:
        return Strength(0, f"it is shorter than {MIN_LENGTH} characters")
    base = lowered.rstrip(string.digits + string.punctuation)
    if lowered in _COMMON or base in _COMMON:
        return Strength(0, "it is one of the most common passwords")
    if _is_walk(lowered):
        return Strength(0, "it is a keyboard pattern, a sequence or a repeated character")
    for word in personal:
        token = word.lower().strip()
        if len(token) >= 3 and token in lowered and len(lowered) - len(token) < 8:
            return Strength(1, "it is mostly your name, login or the clinic's name")
    classes = _classes(password)
    if len(password) < 16 and classes < 3:
        return Strength(
            1,
            "it needs three of: lower case, upper case, digits, symbols "
            "(or use a passphrase of 16 characters or more)",
        )
    score = 2
    if len(password) >= 14 and classes >= 3:
        score = 3
    if len(password) >= 20 or (len(password) >= 16 and classes >= 3):
        score = 4
    return Strength(score, None)


def require_strong(password: str, *, personal: tuple[str, ...] = ()) -> None:
    """Raise WeakPassword naming the reason when the password is refused."""
    verdict = assess(password, personal=personal)
    if verdict.problem is not None:
        raise WeakPassword(f"That password is too easy to guess: {verdict.problem}.")
