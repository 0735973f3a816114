"""sync_sent_batches: each PC keeps the op batches it put in the bucket

A batch that goes missing from the bucket (deleted by a bucket admin or a
lifecycle rule, lost in a partial restore or a rollback, damaged) is put back
by the PC that wrote it at its next round, from this copy (issue 14). Erasure
redacts these copies as it redacts the bucket's.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sync_sent_batches",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_sent_batches")),
    )


def downgrade() -> None:
    op.drop_table("sync_sent_batches")
