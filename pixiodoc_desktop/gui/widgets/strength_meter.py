"""A password strength meter driven by `vault.passwords.assess`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar

from pixiodoc_desktop.vault.passwords import Strength, assess

_COLOURS = ("#b3261e", "#c46a1a", "#b59a1a", "#3f8f5f", "#2e7d4f")


def explain(strength: Strength) -> str:
    problem = strength.problem
    if problem is None:
        return (
            QCoreApplication.translate("StrengthMeter", "Fair"),
            QCoreApplication.translate("StrengthMeter", "Fair"),
            QCoreApplication.translate("StrengthMeter", "Good"),
            QCoreApplication.translate("StrengthMeter", "Strong"),
            QCoreApplication.translate("StrengthMeter", "Very strong"),
        )[strength.score]
    if problem.startswith("it is shorter than"):
        return QCoreApplication.translate("StrengthMeter", "Too short: use at least 10 characters.")
    if problem == "it is one of the most common passwords":
        return QCoreApplication.translate(
            "StrengthMeter", "Too common: this password is tried first by attackers."
        )
    if problem.startswith("it is a keyboard pattern"):
        return QCoreApplication.translate(
            "StrengthMeter", "Too easy: a keyboard pattern, sequence or repeated character."
        )
    if problem.startswith("it is mostly your name"):
        return QCoreApplication.translate(
            "StrengthMeter", "Too personal: it is mostly your name, login or the clinic's name."
        )
    return QCoreApplication.translate(
        "StrengthMeter",
        "Mix three of: lower case, upper case, digits, symbols — or use 16+ characters.",
    )


class StrengthMeter:
    """Binds a progress bar and a label to a password field's text."""

    def __init__(self, bar: QProgressBar, label: QLabel) -> None:
        self.bar = bar
        self.label = label
        self.bar.setRange(0, 4)
        self.update("")

    def update(self, password: str, personal: tuple[str, ...] = ()) -> Strength:
        strength = assess(password, personal=personal)
        self.bar.setValue(max(strength.score, 1 if password else 0))
        colour = _COLOURS[strength.score if strength.acceptable else 0]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.label.setText(explain(strength) if password else "")
        return strength
