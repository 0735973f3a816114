"""patients: the words of each search key, in order, for search as you type at group size

Most of what a clinician types is the start of a word of the patient's search key: a
family name's first letters ("müll", "dvoř"), a given name, an MRN. With 100,000
patients such a word has hundreds to a few thousand matches, and the list shows the
first 50 in search-key order: through the trigram index (0013) every candidate's row
had to be read, checked and sorted (Müller: 1,443 rows, about 25 ms even on plain
SQLite), and the in-order walk of the search-key index reads every key before the
first Müller. This table holds each word that starts a part of the key (the whole
space-separated token, and each piece after a '-' or an apostrophe) beside the whole
key, so the matches that start a word are one ordered range of a small index, rows
unread; the trigram index still finds the rest (a word inside a word, "03822" of an
MRN), so the answers stay those of the substring match (`patient_search.py`).

Like the trigram index it is kept in step by triggers on insert, on a change of the
key and on delete, so every writer (the services, sync's merge, case bundles, the
benchmarks' bulk inserts) keeps it current; an erasure empties the key, which removes
the erased patient's words (secure_delete overwrites them in the pages). Words are cut
at 32 characters (a longer word typed is looked up by its first 32 and checked against
the whole key). The existing keys are indexed here, in the index's order (a tenth of
the time of inserting them in table order).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

# The name is pixiodoc_desktop/vault/orm_base.py's SEARCH_WORDS, spelled out in the SQL.
revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | None = None
depends_on: str | None = None

WORD_LENGTH = 32


def _words(key: str, rowid: str, source: str = "") -> str:
    """A SELECT of (word, key, rowid) for every word of `key`: each space-separated
    token, and each piece of a token after its first '-' or apostrophe. json_each splits
    the key (JSON-quoted, so that no character of it breaks the array) at its separators;
    `source` names the table the key comes from (empty in a trigger). Only this file's
    constants are formatted into the SQL."""
    tokens = f"'[' || replace(json_quote({key}), ' ', '\",\"') || ']'"
    pieces = "'[' || replace(replace(json_quote(t.value), '-', '\",\"'), '''', '\",\"') || ']'"
    return (
        f"SELECT substr(t.value, 1, {WORD_LENGTH}) AS word, {key} AS search_key, "  # noqa: S608
        f"{rowid} AS patient_rowid FROM {source}json_each({tokens}) AS t WHERE t.value != '' "
        f"UNION SELECT substr(q.value, 1, {WORD_LENGTH}), {key}, {rowid} "
        f"FROM {source}json_each({tokens}) AS t, json_each({pieces}) AS q "
        "WHERE q.key > 0 AND q.value != ''"
    )


def upgrade() -> None:
    op.execute(
        "CREATE TABLE patient_words (word TEXT NOT NULL, search_key TEXT NOT NULL, "
        "patient_rowid INTEGER NOT NULL, "
        "CONSTRAINT pk_patient_words PRIMARY KEY (word, search_key, patient_rowid)) "
        "WITHOUT ROWID"
    )
    added = f"INSERT OR IGNORE INTO patient_words {_words('new.search_key', 'new.rowid')}"
    removed = (
        "DELETE FROM patient_words WHERE patient_rowid = old.rowid "  # noqa: S608
        "AND search_key = old.search_key AND word IN "
        f"(SELECT word FROM ({_words('old.search_key', 'old.rowid')}))"
    )
    op.execute(f"CREATE TRIGGER patient_words_added AFTER INSERT ON patients BEGIN {added}; END")
    op.execute(
        f"CREATE TRIGGER patient_words_removed AFTER DELETE ON patients BEGIN {removed}; END"
    )
    op.execute(
        "CREATE TRIGGER patient_words_changed AFTER UPDATE OF search_key ON patients "
        f"WHEN old.search_key IS NOT new.search_key BEGIN {removed}; {added}; END"
    )
    op.execute(
        "INSERT OR IGNORE INTO patient_words SELECT * FROM "  # noqa: S608
        f"({_words('p.search_key', 'p.rowid', 'patients AS p, ')}) ORDER BY 1, 2, 3"
    )


def downgrade() -> None:
    for trigger in ("added", "removed", "changed"):
        op.execute(f"DROP TRIGGER IF EXISTS patient_words_{trigger}")
    op.execute("DROP TABLE IF EXISTS patient_words")
