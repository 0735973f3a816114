"""second opinions and the clinic's secure links as synced records

A reply that comes back through a secure link becomes a second opinion of the
record (who, role, when, text, suggested diagnosis, recommendation, marks on a
photo) instead of lines appended to a visit's notes. The links themselves move
from this PC's settings (`share_link.<id>`, one JSON document each) into a
synced table, so that every PC of the clinic lists and can revoke them; the
rows moved here are this PC's own (its device id).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | None = None
depends_on: str | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "second_opinions",
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("link_id", sa.String(length=16), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("author_role", sa.String(length=200), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("diagnosis", sa.Text(), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=False),
        sa.Column("marks", sa.JSON(), nullable=False),
        sa.Column("for_clinician", sa.String(length=36), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_second_opinions_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_second_opinions_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_second_opinions")),
    )
    with op.batch_alter_table("second_opinions") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_second_opinions_patient_id"), ["patient_id"], unique=False
        )
    op.create_table(
        "share_links",
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("page_until", sa.DateTime(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("photos", sa.Integer(), nullable=False),
        sa.Column("passcode", sa.Boolean(), nullable=False),
        sa.Column("folder", sa.String(length=300), nullable=False),
        sa.Column("page", sa.String(length=300), nullable=False),
        sa.Column("package", sa.JSON(), nullable=False),
        sa.Column("reply", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("replies", sa.Integer(), nullable=False),
        sa.Column("visit_ids", sa.JSON(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_share_links_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_links")),
    )
    with op.batch_alter_table("share_links") as batch_op:
        batch_op.create_index(batch_op.f("ix_share_links_patient_id"), ["patient_id"], unique=False)
    _move_links_out_of_settings()


def _naive_utc(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _move_links_out_of_settings() -> None:
    bind = op.get_bind()
    device = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'device_id'")).scalar()
    rows = bind.execute(
        sa.text("SELECT key, value FROM settings WHERE key LIKE 'share\\_link.%' ESCAPE '\\'")
    ).all()
    times = ("created_at", "updated_at", "expires_at", "page_until")
    lists = ("package", "visit_ids")
    names = [
        "id",
        "created_by",
        "updated_by",
        "version",
        "patient_id",
        "device_id",
        "level",
        "visits",
        "photos",
        "passcode",
        "folder",
        "page",
        "reply",
        "state",
        "replies",
    ]
    links = sa.table(
        "share_links",
        *(sa.column(name, sa.DateTime()) for name in times),
        *(sa.column(name, sa.JSON()) for name in lists),
        *(sa.column(name) for name in names),
    )
    for key, value in rows:
        old = json.loads(value)
        made = _naive_utc(old["created_at"])
        bind.execute(
            links.insert().values(
                id=old["id"],
                created_at=made,
                updated_at=made,
                created_by=old["created_by"],
                updated_by=old["created_by"],
                version=1,
                patient_id=old["patient_id"],
                device_id=device or "",
                expires_at=_naive_utc(old["expires_at"]),
                page_until=_naive_utc(old["page_until"]),
                level=old["level"],
                visits=old["visits"],
                photos=old["photos"],
                passcode=bool(old["passcode"]),
                folder=old["folder"],
                page=old["page"],
                package=list(old.get("package") or []),
                reply=old.get("reply") or "",
                state=old.get("state") or "live",
                replies=int(old.get("replies") or 0),
                visit_ids=list(old.get("visit_ids") or []),
            )
        )
        bind.execute(sa.text("DELETE FROM settings WHERE key = :key"), {"key": key})


def downgrade() -> None:
    with op.batch_alter_table("share_links") as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_links_patient_id"))
    op.drop_table("share_links")
    with op.batch_alter_table("second_opinions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_second_opinions_patient_id"))
    op.drop_table("second_opinions")
