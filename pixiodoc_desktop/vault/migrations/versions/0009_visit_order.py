"""visits: the order a visit was taken from (DICOM Modality Worklist)

A visit opened from a worklist's scheduled step keeps the order's Accession
Number, Study Instance UID, Requested Procedure and referring physician, so
that its DICOM export and PACS send file the photos under that order. Visits
not taken from a worklist have none (NULL).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = (
    ("accession_number", 16),
    ("study_instance_uid", 64),
    ("requested_procedure", 64),
    ("referring_physician", 200),
    ("scheduled_step_id", 16),
)


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        for name, length in _COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
