"""Password strength: the obviously weak are refused with a reason."""

from __future__ import annotations

import pytest

from pixiodoc_desktop.errors import WeakPassword
from pixiodoc_desktop.vault.passwords import assess, require_strong


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("", "shorter than"),
        ("Ab1!xyz", "shorter than"),
        ("password123", "most common"),
        ("Passwort1!", "most common"),
        ("qwertzuiop", "most common"),
        ("Dermatologie", "most common"),
        ("abcdefghijklm", "keyboard pattern"),
        ("aaaaaaaaaaaa", "keyboard pattern"),
        ("ababababababab", "keyboard pattern"),
        ("9876543210", "keyboard pattern"),
        ("lkjhgfdsa123", "keyboard pattern"),
        ("dr.weber2024!", "your name"),
        ("alllowercase", "three of"),
        ("ALLUPPERCASE12", "three of"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password: str, reason: str) -> None:
    verdict = assess(password, personal=("dr.weber", "Anna Weber"))
    assert not verdict.acceptable
    assert verdict.problem is not None and reason in verdict.problem
    with pytest.raises(WeakPassword, match="too easy to guess") as caught:
        require_strong(password, personal=("dr.weber", "Anna Weber"))
    assert reason in caught.value.message


@pytest.mark.parametrize(
    "password",
    [
        "Lichtung-Ahorn-Kiesel-47",
        "correct horse battery staple",
        "Fjord&Quark9Zebra",
        "Hautkrebs-Screening im Mai 2026",
        "T7#mqL2v!pRx",
    ],
)
def test_good_passwords_and_passphrases_are_accepted(password: str) -> None:
    verdict = assess(password, personal=("dr.weber", "Anna Weber"))
    assert verdict.acceptable, verdict.problem
    assert verdict.score >= 2
    require_strong(password)


def test_longer_scores_higher() -> None:
    assert assess("T7#mqL2v!pRx").score < assess("T7#mqL2v!pRx-Kiesel-Ahorn").score
