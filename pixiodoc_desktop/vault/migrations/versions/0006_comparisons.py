"""comparisons: two photos of a patient compared, with alignment, annotations, measurements

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "comparisons",
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("before_photo_id", sa.String(length=36), nullable=False),
        sa.Column("after_photo_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("alignment", sa.JSON(), nullable=True),
        sa.Column("aligned", sa.Boolean(), nullable=False),
        sa.Column("normalised", sa.Boolean(), nullable=False),
        sa.Column("annotations", sa.JSON(), nullable=False),
        sa.Column("measurements", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_comparisons_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["before_photo_id"],
            ["photos.id"],
            name=op.f("fk_comparisons_before_photo_id_photos"),
        ),
        sa.ForeignKeyConstraint(
            ["after_photo_id"], ["photos.id"], name=op.f("fk_comparisons_after_photo_id_photos")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comparisons")),
    )
    with op.batch_alter_table("comparisons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comparisons_patient_id"), ["patient_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("comparisons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comparisons_patient_id"))
    op.drop_table("comparisons")
