"""photos.magnification: the scope's optical magnification, stored with the photo

The device profile (polarised or not, contact or not, magnification,
calibration) is stored with each photo, so that a photo exported on another
workstation, or after the profile changed, keeps the magnification it was
taken at. Photos stored before this revision have none (NULL).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.add_column(sa.Column("magnification", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("magnification")
