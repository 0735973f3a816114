"""patients.retention_hold: a reason that keeps a record from being erased

GDPR art. 17(3) lets a clinic keep data it must keep (statutory retention of
medical records, a pending legal claim). While the column holds a reason,
erasing the patient is refused with it.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("retention_hold", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.drop_column("retention_hold")
