"""Which patients a search-as-you-type query can match, found through the trigram index.

`Patients.search` keeps its exact test (every folded word is a substring of the
patient's search key, `LIKE`) and adds this narrowing in front of it: the FTS5 trigram
index (`patient_search`, migration 0013) lists the patients whose key holds every
word of three letters or more, so a rare name, an external id or a typo that matches
nobody is answered from the index instead of by reading all 100,000 search keys.

When a word is common ("sch", "mar") the index would list thousands of candidates to
fetch and sort, while walking the search-key index in order meets the first 200
matches after a few thousand keys. So the candidates are counted first (cheaply, up
to `DENSE`), and only a query with fewer than that is narrowed by the index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, Integer, and_, func, literal_column, select, text
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import visible_patient_ids
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.schema import Grant, Patient

SHORTEST = 3  # the trigram index cannot look up a word shorter than three letters
# More candidates than this and the in-order walk of the search-key index is faster
# than fetching and sorting every candidate (measured at 100,000 patients).
DENSE = 2_000

# patient_search is vault.schema.SEARCH_INDEX, spelled out so that no SQL is formatted.
_CANDIDATES = "SELECT rowid FROM patient_search WHERE patient_search MATCH :words"


def match_expression(words: Sequence[str]) -> str | None:
    """An FTS5 query requiring every word that is long enough (each quoted, so that no
    character of it is FTS5 syntax); None when no word can use the index."""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words if len(word) >= SHORTEST]
    return " AND ".join(quoted) if quoted else None


def narrowed_by_index(session: Session, words: Sequence[str]) -> ColumnElement[bool] | None:
    """A condition on `patients.rowid` from the index, or None when the index would not
    help (no word long enough, or at least `DENSE` candidates)."""
    expression = match_expression(words)
    if expression is None:
        return None
    counted = text(f"SELECT count(*) FROM ({_CANDIDATES} LIMIT :dense)")  # noqa: S608
    if session.scalar(counted, {"words": expression, "dense": DENSE}) >= DENSE:
        return None
    candidates = text(_CANDIDATES).bindparams(words=expression).columns(rowid=Integer)
    return literal_column("patients.rowid").in_(candidates)


def matching(
    session: Session, actor: Actor, *, birth: dt.date | None, words: Sequence[str]
) -> ColumnElement[bool]:
    """The patients `actor` may see that a query matches: born on `birth`, or holding
    every folded word in their search key (all visible ones when there is neither)."""
    # A correlated EXISTS, not `id IN (sub-select)`: SQLite then walks the search_key
    # index in order and stops at the page's end, checking each candidate's grant by the
    # (patient_id, grantee) index, instead of visiting every granted patient and sorting.
    visible = visible_patient_ids(session, actor).where(Grant.patient_id == Patient.id).exists()
    conditions: list[ColumnElement[bool]] = [~Patient.deleted, visible]
    if birth is not None:
        conditions.append(Patient.birth_date == birth)
    elif words:
        narrowed = narrowed_by_index(session, words)
        if narrowed is not None:
            conditions.append(narrowed)
        conditions.extend(Patient.search_key.contains(word, autoescape=True) for word in words)
    return and_(*conditions)


def count(session: Session, match: ColumnElement[bool], *, at_most: int | None = None) -> int:
    """How many patients `match` holds (the "of 1,234" under the patient list); with
    `at_most`, counting stops after at_most + 1 (so a larger answer means "more than")."""
    if at_most is None:
        stmt = select(func.count()).select_from(Patient).where(match)
    else:
        found = select(Patient.id).where(match).limit(at_most + 1).subquery()
        stmt = select(func.count()).select_from(found)
    return int(session.scalar(stmt) or 0)
