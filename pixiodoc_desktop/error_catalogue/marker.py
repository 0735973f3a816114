"""Qt's marker for a string to translate, usable in the Qt-free core."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker name, so that pyside6-lupdate collects the templates from this Qt-free package."""
    del context
    return text
