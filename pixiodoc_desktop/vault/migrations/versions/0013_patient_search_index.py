"""patients: a trigram index of the search key, for search as you type at group size

Search as you type matches every folded word anywhere in "family given external-id".
With 100,000 patients a substring LIKE has to read every search key when few match
(p95 226 ms). An FTS5 trigram index finds them by their three-letter pieces instead.

The index is an external-content FTS5 table over `patients.search_key` (it keeps no
copy of the keys, only the index) and is kept in step by triggers on insert, on a
change of the key and on delete, so every writer (the services, sync's merge, the
benchmarks' bulk inserts) keeps it current. `secure-delete` makes a delete remove the
old key's entries from the index b-trees at once instead of adding delete markers
beside them: an erasure (which empties the search key) leaves no trigram of the
erased name in the shadow tables. Backups and key renewal copy pages, so the rowids
the index refers to stay the same.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

# The name is pixiodoc_desktop/vault/schema.py's SEARCH_INDEX, spelled out in the SQL.
revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE patient_search USING fts5(search_key, content='patients', "
        "content_rowid='rowid', tokenize='trigram')"
    )
    op.execute("INSERT INTO patient_search(patient_search, rank) VALUES ('secure-delete', 1)")
    op.execute(
        "CREATE TRIGGER patient_search_added AFTER INSERT ON patients BEGIN "
        "INSERT INTO patient_search(rowid, search_key) VALUES (new.rowid, new.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER patient_search_removed AFTER DELETE ON patients BEGIN "
        "INSERT INTO patient_search(patient_search, rowid, search_key) "
        "VALUES ('delete', old.rowid, old.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER patient_search_changed AFTER UPDATE OF search_key ON patients "
        "WHEN old.search_key IS NOT new.search_key BEGIN "
        "INSERT INTO patient_search(patient_search, rowid, search_key) "
        "VALUES ('delete', old.rowid, old.search_key); "
        "INSERT INTO patient_search(rowid, search_key) VALUES (new.rowid, new.search_key); END"
    )
    op.execute("INSERT INTO patient_search(patient_search) VALUES ('rebuild')")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS patient_search_added")
    op.execute("DROP TRIGGER IF EXISTS patient_search_removed")
    op.execute("DROP TRIGGER IF EXISTS patient_search_changed")
    op.execute("DROP TABLE IF EXISTS patient_search")
