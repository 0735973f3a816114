"""an index on sync_blobs.state: the image objects still missing, without a scan

Every sync round asks which image objects are still missing (to fetch them again,
and to name them in the PC's head). A PC that joined a clinic group with images on
demand holds millions of "remote" rows, and that question read them all, twice a
round (about 0.3 s per 120,000 rows; benchmarks/scale_sync.py).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_blobs", schema=None) as batch_op:
        batch_op.create_index("ix_sync_blobs_state", ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_blobs", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_blobs_state")
