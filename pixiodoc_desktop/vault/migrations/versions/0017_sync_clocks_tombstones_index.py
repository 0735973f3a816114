"""a partial index of the key tombstones in sync_clocks: the erased patients, without a scan

Every sync round asks which patients were erased (key tombstones: `sync_clocks`
rows of entity "patient_keys" with a deleted clock), two or three times. At a
clinic group's 100,000 patients that read every patient key's clock row, about
0.25 s of CPU each time (benchmarks/scale_sync.py, the writer's idle round). The
index holds the tombstones only.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_clocks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_clocks_tombstones",
            ["entity"],
            unique=False,
            sqlite_where=sa.text("deleted_hlc IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_clocks", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_clocks_tombstones")
