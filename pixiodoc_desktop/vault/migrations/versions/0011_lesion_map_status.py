"""lesions: body-map position, status and history (biopsy, excision)

A lesion followed over time gains its place on the body map (the view, front or
back, and the point as fractions of the view's width and height), its status
(new, grown, stable, biopsied, excised) and its history of procedures with the
date and the histology text. Lesions made before have no place yet and are
"new"; their history is empty.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("lesions") as batch:
        batch.add_column(sa.Column("map_view", sa.String(8), nullable=True))
        batch.add_column(sa.Column("map_x", sa.Float(), nullable=True))
        batch.add_column(sa.Column("map_y", sa.Float(), nullable=True))
        batch.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="new"))
        batch.add_column(sa.Column("history", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("lesions") as batch:
        for name in ("history", "status", "map_y", "map_x", "map_view"):
            batch.drop_column(name)
