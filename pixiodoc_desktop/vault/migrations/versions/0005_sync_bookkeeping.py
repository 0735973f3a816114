"""sync bookkeeping: field clocks, cursors, uploaded blobs, directory, conflicts

Local to each workstation (never synced): the hybrid clock of every field's
current value (last writer wins per field), the last op batch applied from
each other device, the image objects already in the bucket, the clinicians'
wrapped keys and patients' keys last exchanged, and note conflicts waiting
for a clinician.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_clocks",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("deleted_hlc", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_sync_clocks")),
    )
    op.create_table(
        "sync_cursors",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_cursors")),
    )
    op.create_table(
        "sync_blobs",
        sa.Column("blob_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("blob_id", name=op.f("pk_sync_blobs")),
    )
    op.create_table(
        "sync_directory",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("header_pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key", name=op.f("pk_sync_directory")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=True),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("kept_hlc", sa.String(length=80), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflicts_open", ["resolved_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflicts_open")
    for table in (
        "sync_conflicts",
        "sync_directory",
        "sync_blobs",
        "sync_cursors",
        "sync_clocks",
        "sync_state",
    ):
        op.drop_table(table)
