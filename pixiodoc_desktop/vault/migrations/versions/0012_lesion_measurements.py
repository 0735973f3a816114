"""lesion_measurements: a followed lesion's size on each of its photos

The automatic outline (accepted or corrected in the compare view) or a traced
one measures a lesion on one photo: area, largest diameter, perimeter and
asymmetry, with the outline's points. The lesion's size over visits, its chart
and whether it grew over the clinic's threshold are read from these rows.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "lesion_measurements",
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("lesion_id", sa.String(length=36), nullable=False),
        sa.Column("photo_id", sa.String(length=36), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("area_mm2", sa.Float(), nullable=False),
        sa.Column("diameter_mm", sa.Float(), nullable=False),
        sa.Column("perimeter_mm", sa.Float(), nullable=True),
        sa.Column("asymmetry", sa.Float(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("points", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_lesion_measurements_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(
            ["lesion_id"], ["lesions.id"], name=op.f("fk_lesion_measurements_lesion_id_lesions")
        ),
        sa.ForeignKeyConstraint(
            ["photo_id"], ["photos.id"], name=op.f("fk_lesion_measurements_photo_id_photos")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesion_measurements")),
    )
    with op.batch_alter_table("lesion_measurements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lesion_measurements_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lesion_measurements_lesion_id"), ["lesion_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("lesion_measurements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesion_measurements_lesion_id"))
        batch_op.drop_index(batch_op.f("ix_lesion_measurements_patient_id"))
    op.drop_table("lesion_measurements")
