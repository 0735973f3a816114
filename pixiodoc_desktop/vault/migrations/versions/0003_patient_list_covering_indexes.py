"""covering indexes for the patient list's photo counts and last visits

Every patient search also counts each found patient's photos and finds their
last visit (`patient_summaries.summaries`). Both filter on `NOT deleted`, which the
existing patient_id indexes do not hold, so SQLite fetched every photo and
visit row of every found patient from the (large, encrypted) tables. With
these covering indexes the counts are answered from the index alone: patient
search p95 with 10,000 patients and 200,000 photos roughly halves
(benchmarks/search.py).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(
            "ix_photos_patient_id_deleted", ["patient_id", "deleted"], unique=False
        )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visits_patient_id_deleted_visit_date",
            ["patient_id", "deleted", "visit_date"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_patient_id_deleted_visit_date")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index("ix_photos_patient_id_deleted")
