"""The team exchange's bookkeeping: change stamps, peers, tombstones and conflicts.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.String(length=30), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_sync_conflicts_record", "sync_conflicts", ["tbl", "row_key", "field"], unique=False
    )
    op.create_table(
        "sync_fields",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("vv", sa.Text(), nullable=False),
        sa.Column("dot", sa.String(length=60), nullable=True),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_key", "field"),
    )
    op.create_table(
        "sync_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("peer", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_peers",
        sa.Column("vault_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("joined", sa.Boolean(), nullable=False),
        sa.Column("acked", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("known_gen", sa.Integer(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("invite_expires", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("vault_id"),
    )
    op.create_table(
        "sync_pending",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_key", "field"),
    )
    op.create_table(
        "sync_rows",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("dot", sa.String(length=60), nullable=False),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=30), nullable=False),
        sa.Column("lseq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_key"),
    )
    op.create_index("ix_sync_rows_changed", "sync_rows", ["tbl", "lseq"], unique=False)
    op.create_table(
        "sync_siblings",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("dot", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_key", "field", "dot"),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("capture", sa.Integer(), nullable=False),
        sa.Column("vault_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("team_name", sa.String(length=200), nullable=False),
        sa.Column("key_gen", sa.Integer(), nullable=False),
        sa.Column("team_key", sa.LargeBinary(), nullable=True),
        sa.Column("box_private", sa.LargeBinary(), nullable=True),
        sa.Column("sign_private", sa.LargeBinary(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("lseq", sa.Integer(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_tombstones",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=80), nullable=False),
        sa.Column("dot", sa.String(length=60), nullable=False),
        sa.Column("at", sa.String(length=30), nullable=False),
        sa.Column("lseq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_key"),
    )
    op.create_index("ix_sync_tombstones_lseq", "sync_tombstones", ["lseq"], unique=False)
    op.execute(
        "INSERT INTO sync_state (id, capture, team_name, key_gen, seq, lseq, folder)"
        " VALUES (1, 0, '', 0, 0, 0, '')"
    )


def downgrade() -> None:
    op.drop_index("ix_sync_tombstones_lseq", table_name="sync_tombstones")
    op.drop_table("sync_tombstones")
    op.drop_table("sync_state")
    op.drop_table("sync_siblings")
    op.drop_index("ix_sync_rows_changed", table_name="sync_rows")
    op.drop_table("sync_rows")
    op.drop_table("sync_pending")
    op.drop_table("sync_peers")
    op.drop_table("sync_history")
    op.drop_table("sync_fields")
    op.drop_index("ix_sync_conflicts_record", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
