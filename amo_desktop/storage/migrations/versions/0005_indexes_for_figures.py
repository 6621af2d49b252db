"""Indexes that let the figures, the waiting list and the week view answer in milliseconds.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_goals_evaluated", ["evaluated_on", "trajectory_id", "evaluation"], unique=False
        )

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referrals_status_received", ["status", "received_on"], unique=False
        )

    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sessions_on_cover",
            [
                "on",
                "school_id",
                "duration_min",
                "cancelled",
                "deleted_at",
                "attendance",
                "coach_id",
                "trajectory_id",
                "class_group_id",
            ],
            unique=False,
        )

    with op.batch_alter_table("trajectories", schema=None) as batch_op:
        batch_op.create_index("ix_trajectories_end_on", ["end_on"], unique=False)
    op.execute("ANALYZE")  # give the query planner statistics for the new indexes


def downgrade() -> None:
    with op.batch_alter_table("trajectories", schema=None) as batch_op:
        batch_op.drop_index("ix_trajectories_end_on")

    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_on_cover")

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_status_received")

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index("ix_goals_evaluated")
