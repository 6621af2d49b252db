"""Case data: reference tables (schools, funders, capacity) and caseload (referrals to notes).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "funders",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "note_templates",
        sa.Column("contact_type", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("observations", sa.Text(), nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note_templates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_note_templates_contact_type"), ["contact_type"], unique=False
        )

    op.create_table(
        "partners",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("network", sa.String(length=30), nullable=True),
        sa.Column("contact_info", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "retention_rules",
        sa.Column("offer_type", sa.String(length=30), nullable=False),
        sa.Column("rule", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("offer_type"),
    )
    op.create_table(
        "school_communities",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "session_series",
        sa.Column("frequency", sa.String(length=20), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "youths",
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("gender", sa.String(length=5), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("flags", sa.String(length=200), nullable=False),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "schools",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("institution_number", sa.String(length=20), nullable=False),
        sa.Column("network", sa.String(length=30), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("is_buso", sa.Boolean(), nullable=False),
        sa.Column("community_id", sa.String(length=36), nullable=True),
        sa.Column("clb_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["clb_id"],
            ["partners.id"],
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["school_communities.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "campuses",
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("grades", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campuses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campuses_school_id"), ["school_id"], unique=False)

    op.create_table(
        "capacity_agreements",
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.String(length=36), nullable=False),
        sa.Column("teacher_hours", sa.Float(), nullable=False),
        sa.Column("coaching_hours", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["funder_id"],
            ["funders.id"],
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("school_id", "school_year", "funder_id"),
    )
    with op.batch_alter_table("capacity_agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_capacity_agreements_school_id"), ["school_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_capacity_agreements_school_year"), ["school_year"], unique=False
        )

    op.create_table(
        "contact_persons",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("function", sa.String(length=30), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "days_off",
        sa.Column("first", sa.Date(), nullable=False),
        sa.Column("last", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("days_off", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_days_off_first"), ["first"], unique=False)

    op.create_table(
        "class_groups",
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("campus_id", sa.String(length=36), nullable=True),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("study_year", sa.String(length=10), nullable=False),
        sa.Column("grade", sa.String(length=10), nullable=True),
        sa.Column("pupil_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["campus_id"],
            ["campuses.id"],
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("class_groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_class_groups_school_id"), ["school_id"], unique=False)

    op.create_table(
        "youth_enrolments",
        sa.Column("youth_id", sa.String(length=36), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("campus_id", sa.String(length=36), nullable=True),
        sa.Column("class_label", sa.String(length=20), nullable=False),
        sa.Column("study_year", sa.String(length=10), nullable=False),
        sa.Column("grade", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["campus_id"],
            ["campuses.id"],
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"],
            ["youths.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("youth_id", "school_year"),
    )
    with op.batch_alter_table("youth_enrolments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_youth_enrolments_youth_id"), ["youth_id"], unique=False
        )

    op.create_table(
        "referrals",
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("registered_by", sa.String(length=36), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("referrer_name", sa.String(length=200), nullable=False),
        sa.Column("referrer_function", sa.String(length=30), nullable=False),
        sa.Column("referrer_org", sa.String(length=200), nullable=False),
        sa.Column("referrer_contact_id", sa.String(length=36), nullable=True),
        sa.Column("via_clb", sa.Boolean(), nullable=False),
        sa.Column("clb_contact_id", sa.String(length=36), nullable=True),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("youth_id", sa.String(length=36), nullable=True),
        sa.Column("class_group_id", sa.String(length=36), nullable=True),
        sa.Column("group_description", sa.Text(), nullable=False),
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("offer_type", sa.String(length=30), nullable=False),
        sa.Column("prevention_level", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.String(length=400), nullable=False),
        sa.Column("help_question", sa.Text(), nullable=False),
        sa.Column("actions_taken", sa.Text(), nullable=False),
        sa.Column("care_phase", sa.String(length=30), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("consent_youth", sa.Boolean(), nullable=False),
        sa.Column("parents_informed", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("no_start_reason", sa.String(length=30), nullable=True),
        sa.Column("intake_on", sa.Date(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("waitlist_since", sa.Date(), nullable=True),
        sa.Column("is_rereferral", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["class_group_id"],
            ["class_groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["clb_contact_id"],
            ["contact_persons.id"],
        ),
        sa.ForeignKeyConstraint(
            ["referrer_contact_id"],
            ["contact_persons.id"],
        ),
        sa.ForeignKeyConstraint(
            ["registered_by"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.ForeignKeyConstraint(
            ["youth_id"],
            ["youths.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_received_on"), ["received_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referrals_registered_by"), ["registered_by"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referrals_school_id"), ["school_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_school_year"), ["school_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_youth_id"), ["youth_id"], unique=False)

    op.create_table(
        "referral_transitions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("referral_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral_transitions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_transitions_referral_id"), ["referral_id"], unique=False
        )

    op.create_table(
        "trajectories",
        sa.Column("referral_id", sa.String(length=36), nullable=False),
        sa.Column("offer_type", sa.String(length=30), nullable=False),
        sa.Column("prevention_level", sa.String(length=20), nullable=False),
        sa.Column("lead_coach_id", sa.String(length=36), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("closure_reason", sa.String(length=30), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_coach_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("trajectories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectories_lead_coach_id"), ["lead_coach_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trajectories_referral_id"), ["referral_id"], unique=False
        )

    op.create_table(
        "goals",
        sa.Column("trajectory_id", sa.String(length=36), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("domain", sa.String(length=30), nullable=False),
        sa.Column("set_on", sa.Date(), nullable=False),
        sa.Column("evaluation", sa.String(length=20), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("evaluation_note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_trajectory_id"), ["trajectory_id"], unique=False)

    op.create_table(
        "sessions",
        sa.Column("trajectory_id", sa.String(length=36), nullable=True),
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("class_group_id", sa.String(length=36), nullable=True),
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("series_id", sa.String(length=36), nullable=True),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("contact_type", sa.String(length=30), nullable=False),
        sa.Column("location", sa.String(length=20), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("attendance", sa.String(length=30), nullable=True),
        sa.Column("present_count", sa.Integer(), nullable=True),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["class_group_id"],
            ["class_groups.id"],
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["session_series.id"],
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_coach_id"), ["coach_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sessions_on"), ["on"], unique=False)
        batch_op.create_index(batch_op.f("ix_sessions_school_id"), ["school_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sessions_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "trajectory_coaches",
        sa.Column("trajectory_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectories.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("trajectory_id", "user_id"),
    )
    op.create_table(
        "session_notes",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("observations", sa.Text(), nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("goal_progress", sa.Text(), nullable=False),
        sa.Column("visibility", sa.String(length=20), nullable=False),
        sa.Column("is_draft", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id"),
    )
    op.create_table(
        "note_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("observations", sa.Text(), nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("goal_progress", sa.Text(), nullable=False),
        sa.Column("visibility", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["session_notes.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_versions_note_id"), ["note_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_versions_note_id"))

    op.drop_table("note_versions")
    op.drop_table("session_notes")
    op.drop_table("trajectory_coaches")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_trajectory_id"))
        batch_op.drop_index(batch_op.f("ix_sessions_school_id"))
        batch_op.drop_index(batch_op.f("ix_sessions_on"))
        batch_op.drop_index(batch_op.f("ix_sessions_coach_id"))

    op.drop_table("sessions")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_trajectory_id"))

    op.drop_table("goals")
    with op.batch_alter_table("trajectories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectories_referral_id"))
        batch_op.drop_index(batch_op.f("ix_trajectories_lead_coach_id"))

    op.drop_table("trajectories")
    with op.batch_alter_table("referral_transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_transitions_referral_id"))

    op.drop_table("referral_transitions")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_youth_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_status"))
        batch_op.drop_index(batch_op.f("ix_referrals_school_year"))
        batch_op.drop_index(batch_op.f("ix_referrals_school_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_registered_by"))
        batch_op.drop_index(batch_op.f("ix_referrals_received_on"))

    op.drop_table("referrals")
    with op.batch_alter_table("youth_enrolments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_youth_enrolments_youth_id"))

    op.drop_table("youth_enrolments")
    with op.batch_alter_table("class_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_groups_school_id"))

    op.drop_table("class_groups")
    with op.batch_alter_table("days_off", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_days_off_first"))

    op.drop_table("days_off")
    op.drop_table("contact_persons")
    with op.batch_alter_table("capacity_agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_capacity_agreements_school_year"))
        batch_op.drop_index(batch_op.f("ix_capacity_agreements_school_id"))

    op.drop_table("capacity_agreements")
    with op.batch_alter_table("campuses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campuses_school_id"))

    op.drop_table("campuses")
    op.drop_table("schools")
    op.drop_table("youths")
    op.drop_table("session_series")
    op.drop_table("school_communities")
    op.drop_table("retention_rules")
    op.drop_table("partners")
    with op.batch_alter_table("note_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_templates_contact_type"))

    op.drop_table("note_templates")
    op.drop_table("funders")
