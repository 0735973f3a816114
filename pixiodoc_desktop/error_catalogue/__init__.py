"""Every error message the core shows a clinician, as a template the GUI translates.

The core raises typed errors with English messages (the CLI prints them, the
log names only their type). The GUI shows them in the user's language: it
finds the template here that produced the message (the parts are kept one
module a room), translates the template (Qt context "errors") and fills in
the values taken from the message, which are translated too when they are
themselves catalogued (a reason, a hint).
Raise sites stay as they are; ``tests/gui/test_error_translations.py`` fails
when a raise site's message has no template here or a template lacks its
German. Refresh the .ts with the command in ``tests/gui/test_translations.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pixiodoc_desktop.error_catalogue import (
    access,
    bundles,
    capture,
    forms,
    importing,
    outline,
    phone,
    plans,
    practice,
    records,
    sharing,
    sync,
    vault,
)
from pixiodoc_desktop.error_catalogue.marker import QT_TRANSLATE_NOOP

CONTEXT = "errors"

# Values that are counts or sizes; matching them as digits keeps "{count}{why}" apart.
_NUMBERS = frozenset({"count", "limit", "seconds", "size", "width", "height", "index", "scale"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "TEMPLATES", "Explained", "explain"]

# In the order they were written: of two equally specific templates, the first wins.
TEMPLATES: tuple[str, ...] = (
    *importing.TEMPLATES,
    *vault.TEMPLATES,
    *access.TEMPLATES,
    *practice.TEMPLATES,
    *forms.TEMPLATES,
    *plans.TEMPLATES,
    *sharing.TEMPLATES,
    *capture.TEMPLATES,
    *sync.TEMPLATES,
    *bundles.TEMPLATES,
    *outline.TEMPLATES,
    *phone.TEMPLATES,
    *records.TEMPLATES,
)


@dataclass(frozen=True, slots=True)
class Explained:
    """A message taken apart: its catalogued template and the values that filled it."""

    template: str
    params: dict[str, str]


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for placeholder in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : placeholder.start()]))
        name = placeholder[1]
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            seen.add(name)
            body = r"\d[\d.,]*" if name in _NUMBERS else ".*?"
            parts.append(f"(?P<{name}>{body})")
        last = placeholder.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def _literal_length(template: str) -> int:
    return len(_PLACEHOLDER.sub("", template))


def explain(message: str) -> Explained | None:
    """The template that produced `message` (the most specific one), or None if none did."""
    best: Explained | None = None
    for template in TEMPLATES:
        found = _pattern(template).fullmatch(message)
        if found is None:
            continue
        if best is None or _literal_length(template) > _literal_length(best.template):
            best = Explained(template, dict(found.groupdict()))
    return best
