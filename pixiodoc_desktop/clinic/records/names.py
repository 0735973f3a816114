"""What a name (or an external id) may hold, and how stored text is shown safely.

Names reach terminals, PDF reports, DICOM headers, the audit export and other
clinics' screens. Control characters (NUL, BEL, ESC sequences, DEL, the C1
range) are never part of a name: in a terminal an ESC sequence can rewrite
what `patient list` shows, NUL truncates the name in C-based systems. They
are refused, not stripped, so the clinician sees that the source (a paste,
a CSV export) carried something odd; tabs and line breaks are whitespace
and are folded into one space as before.

Bidi controls that override or embed a direction (U+202A-U+202E, U+2066-
U+2069) are refused too. A name in Arabic or Hebrew needs none of them: the
Unicode bidi algorithm orders its letters from their own properties. An
override only changes how a name *displays* ("Trojan Source"): stored as
one name, shown as another, it can make a clinician pick the wrong patient,
and an audit reader see a name that is not the one recorded. The marks that
do not override (LRM, RLM, ZWJ, ZWNJ) are kept: some scripts need them.
"""

from __future__ import annotations

import unicodedata

from pixiodoc_desktop.errors import InvalidInput

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Whitespace C0 characters that a paste or a CSV cell may carry; folded, not refused.
_FOLDED = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x1f\x85")


def _refused(ch: str) -> bool:
    return ch in _BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and ch not in _FOLDED)


def name_problem(text: str, what: str) -> str | None:
    """Why `text` cannot be a patient's `what` (a name, an external id), or None."""
    for ch in text:
        if ch in _BIDI_CONTROLS:
            return (
                f"the {what} contains a text-direction override (U+{ord(ch):04X}), "
                "which could make it display as a different name"
            )
        if _refused(ch):
            return f"the {what} contains a control character (U+{ord(ch):04X})"
    return None


def check_name(text: str, what: str) -> str:
    """`text` unchanged, or InvalidInput naming the field and the character."""
    problem = name_problem(text, what)
    if problem is not None:
        raise InvalidInput(f"The patient's {problem.removeprefix('the ')}")
    return text


def visible(text: str) -> str:
    """Stored text as a terminal may print it: controls and overrides shown as \\uXXXX."""
    if not any(_refused(ch) or ch in _FOLDED for ch in text):
        return text
    return "".join(
        f"\\u{ord(ch):04x}" if _refused(ch) or (ch in _FOLDED and ch != " ") else ch for ch in text
    )
