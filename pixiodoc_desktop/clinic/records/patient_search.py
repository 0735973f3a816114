"""Which patients a search-as-you-type query matches, and its pages read through the indexes.

A query matches a patient when every folded word of it is a substring of the patient's
search key (`LIKE`). Two indexes kept by triggers find them without reading all
100,000 keys of a group's vault:

* the FTS5 trigram index (`patient_search`, migration 0013) lists the patients whose
  key holds every word of three letters or more: an exact superset of the matches;
* the word index (`patient_words`, migration 0015) holds every word that starts a part
  of a key beside the whole key, so the patients with a word starting with what was
  typed ("müll" → Müller, Müller-Lüdenscheidt) are one ordered range, no row read.

A page (`page_rows`) is then the matches that start a word (from the word index, in key
order) together with the trigram candidates the word index did not list (a word inside
a word: "03822" of an MRN), each checked against the whole key and ordered by it; only
the page's rows are read from the patients table and checked for access. Exact: every
match holds the typed words, so the trigram index lists it, and it is either in the
range or among the others. When a word is so common that the trigram index would list
`DENSE` or more candidates ("sch", "ber"), or no word has three letters, matches lie
everywhere in key order and walking the search-key index in order meets a page of them
soonest (`matching`, which `count` also uses).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    TextClause,
    and_,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import visible_patient_ids
from pixiodoc_desktop.clinic.records.patient_summaries import PatientSummary, visible_summaries
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.schema import Grant, Patient

SHORTEST = 3  # the trigram index cannot look up a word shorter than three letters
# From this many trigram candidates on, the in-order walk of the search-key index is
# faster than the word index (measured at 100,000 patients: "schm", 2,109 candidates,
# 2.6 ms by the words and 7.8 ms walking; "sch", 7,056: 7.5 ms and 2.8 ms).
DENSE = 4_000
WORD_LENGTH = 32  # the word index keeps a word's first 32 characters (migration 0015)
_ABOVE_ALL = "\U0010ffff"  # sorts after every character: the end of a prefix's range
_ROWID = literal_column("patients.rowid", Integer)

# patient_search and patient_words are vault.schema.SEARCH_INDEX and SEARCH_WORDS,
# spelled out so that no SQL is formatted with a name.
_CANDIDATES = "SELECT rowid FROM patient_search WHERE patient_search MATCH :words"
_STARTING = "SELECT patient_rowid FROM patient_words WHERE word >= :low AND word < :high"


def match_expression(words: Sequence[str]) -> str | None:
    """An FTS5 query requiring every word that is long enough (each quoted, so that no
    character of it is FTS5 syntax); None when no word can use the index."""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words if len(word) >= SHORTEST]
    return " AND ".join(quoted) if quoted else None


def _like_escaped(word: str) -> str:
    """`word` for `LIKE '%' || :w || '%' ESCAPE '/'` (as SQLAlchemy's autoescape)."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _is_sparse(session: Session, expression: str) -> bool:
    """Fewer than `DENSE` patients hold every word (counted no further than that)."""
    counted = text(f"SELECT count(*) FROM ({_CANDIDATES} LIMIT :dense)")  # noqa: S608
    return int(session.scalar(counted, {"words": expression, "dense": DENSE}) or 0) < DENSE


def narrowed_by_index(session: Session, words: Sequence[str]) -> ColumnElement[bool] | None:
    """A condition on `patients.rowid` from the trigram index, or None when the index
    would not help (no word long enough, or at least `DENSE` candidates)."""
    expression = match_expression(words)
    if expression is None or not _is_sparse(session, expression):
        return None
    candidates = text(_CANDIDATES).bindparams(words=expression).columns(rowid=Integer)
    return _ROWID.in_(candidates)


def matching(
    session: Session,
    actor: Actor,
    *,
    birth: dt.date | None,
    words: Sequence[str],
    narrow: bool = True,
) -> ColumnElement[bool]:
    """The patients `actor` may see that a query matches: born on `birth`, or holding
    every folded word in their search key (all visible ones when there is neither).
    `narrow`: through the trigram index when it lists fewer than `DENSE` candidates."""
    # A correlated EXISTS, not `id IN (sub-select)`: SQLite then walks the search_key
    # index in order and stops at the page's end, checking each candidate's grant by the
    # (patient_id, grantee) index, instead of visiting every granted patient and sorting.
    visible = visible_patient_ids(session, actor).where(Grant.patient_id == Patient.id).exists()
    conditions: list[ColumnElement[bool]] = [~Patient.deleted, visible]
    if birth is not None:
        conditions.append(Patient.birth_date == birth)
    elif words:
        narrowed = narrowed_by_index(session, words) if narrow else None
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


@cache
def _ordered_candidates(words: int) -> TextClause:
    """(search key, rowid) of the patients holding `words` words (:w0, :w1, ... escaped
    for LIKE): those with a word starting with :low, from the word index, and the
    trigram candidates (:words) it did not list, each checked; in key order, :limit."""
    holds = " AND ".join(f"search_key LIKE '%' || :w{i} || '%' ESCAPE '/'" for i in range(words))
    return text(
        f"SELECT search_key, patient_rowid FROM patient_words "  # noqa: S608
        f"WHERE word >= :low AND word < :high AND {holds} "
        f"UNION SELECT search_key, rowid FROM patients "
        f"WHERE rowid IN ({_CANDIDATES} EXCEPT {_STARTING}) AND {holds} "
        "ORDER BY 1, 2 LIMIT :limit"
    )


def _by_word_start(
    session: Session, actor: Actor, words: Sequence[str], expression: str, offset: int, rows: int
) -> list[PatientSummary]:
    """`page` through the word index: candidates in key order, then their summaries.

    Deleted records and records the actor may not see are left out after ordering: a
    page asks for as many candidates as it shows, and for more only when some were
    left out (a clinician who sees few of the clinic's records)."""
    driver = max(words, key=len)[:WORD_LENGTH]
    params: dict[str, Any] = {"words": expression, "low": driver, "high": driver + _ABOVE_ALL}
    params.update({f"w{i}": _like_escaped(word) for i, word in enumerate(words)})
    wanted = asked = offset + rows
    while True:
        found = session.execute(_ordered_candidates(len(words)), {**params, "limit": asked})
        candidates = [rowid for _key, rowid in found]
        kept = visible_summaries(session, actor, candidates)
        if len(kept) >= wanted or len(candidates) < asked:
            return kept[offset:wanted]
        asked *= 4


def page(
    session: Session,
    actor: Actor,
    *,
    birth: dt.date | None,
    words: Sequence[str],
    offset: int,
    rows: int,
) -> list[PatientSummary]:
    """Up to `rows` summaries of the patients matching the query, from `offset` in
    search-key order (the patient list asks for a page and one row more)."""
    expression = match_expression(words) if birth is None else None
    if expression is not None and _is_sparse(session, expression):
        return _by_word_start(session, actor, words, expression, offset, rows)
    # A common word, a short one, a date of birth or nothing typed: the in-order walk.
    match = matching(session, actor, birth=birth, words=words, narrow=False)
    walk = select(_ROWID).where(match).order_by(Patient.search_key, _ROWID)
    rowids = list(session.scalars(walk.offset(offset).limit(rows)))
    return visible_summaries(session, actor, rowids)
