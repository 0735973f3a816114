"""A patient's fields as typed into a form, a command or a CSV: names, dates, the
external id, and the folded search key that patient search matches against.

Each check refuses with one message that names the field and the reason
(`InvalidInput`); `patients` uses them, and their names are importable from there.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.records.names import check_name
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.vault.schema import Patient

_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")

# Letters that Unicode does not decompose into a base letter plus an accent,
# spelled the way a keyboard without them would type the name.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def fold(text: str) -> str:
    """Accent- and case-insensitive form: 'Müller-Lüdenscheidt' -> 'muller-ludenscheidt'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_date(text: str, what: str) -> dt.date:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise InvalidInput(f"{text!r} is not a valid {what}; use YYYY-MM-DD (e.g. 1980-04-23)")


def search_key(family: str, given: str, external_id: str | None) -> str:
    """What patient search matches against: the folded names and external id.

    Derived, never edited by itself: sync recomputes it after merging the fields
    it comes from (see sync/merge.py), so it always agrees with them.
    """
    return " ".join(fold(part) for part in (family, given, external_id or "") if part)


def clean_name(text: str, what: str, *, required: bool) -> str:
    cleaned = " ".join(check_name(text, what).split())
    if required and not cleaned:
        raise InvalidInput(f"The patient's {what} is required")
    if len(cleaned) > 200:
        raise InvalidInput(f"The patient's {what} is longer than 200 characters")
    return cleaned


def check_birth_date(birth_date: dt.date | None) -> dt.date | None:
    if birth_date is None:
        return None
    today = dt.date.today()
    if birth_date > today:
        raise InvalidInput("The date of birth lies in the future")
    if birth_date.year < today.year - 130:
        raise InvalidInput("The date of birth is more than 130 years ago")
    return birth_date


def refuse_taken_external_id(session: Session, external: str, own_id: str | None) -> None:
    """External ids are unique regardless of case: "MRN-1" and "mrn-1" name one patient.

    Practice software and people type the same number in either case; two records
    for one person would split their photos. (SQLite's lower() folds ASCII only,
    which is what patient numbers use.)
    """
    clash = session.scalar(
        select(Patient.external_id).where(
            func.lower(Patient.external_id) == external.lower(),
            ~Patient.deleted,
            Patient.id != (own_id or ""),
        )
    )
    if clash is not None:
        raise InvalidInput(f"Another patient already has the external id {clash}")
