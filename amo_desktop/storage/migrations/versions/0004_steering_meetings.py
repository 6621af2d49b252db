"""Steering-group meetings with their frozen figures.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "steering_meetings",
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("school_year", "sequence"),
    )
    with op.batch_alter_table("steering_meetings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_steering_meetings_school_year"), ["school_year"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("steering_meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_steering_meetings_school_year"))

    op.drop_table("steering_meetings")
