"""Case data about young people: referrals, trajectories, sessions and notes (DOMAIN.md §7.1)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from amo_desktop.domain.models import Base, Stamped, new_id, utcnow


class Tombstoned:
    """Case rows are not deleted at once: a tombstone until retention purges them."""

    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Youth(Stamped, Tombstoned, Base):
    """A young person (jongere); identity fields are cleared when anonymised."""

    __tablename__ = "youths"

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    gender: Mapped[str] = mapped_column(String(5), default="nvt")  # Gender code
    municipality: Mapped[str] = mapped_column(String(100), default="")
    flags: Mapped[str] = mapped_column(String(200), default="")  # comma-separated
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class YouthEnrolment(Stamped, Base):
    """Where a young person is in a given school year: school, class, grade."""

    __tablename__ = "youth_enrolments"
    __table_args__ = (UniqueConstraint("youth_id", "school_year"),)

    youth_id: Mapped[str] = mapped_column(ForeignKey("youths.id"), index=True)
    school_year: Mapped[int] = mapped_column(Integer)
    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"))
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campuses.id"), nullable=True)
    class_label: Mapped[str] = mapped_column(String(20), default="")
    study_year: Mapped[str] = mapped_column(String(10), default="")  # leerjaar, e.g. "2B"
    grade: Mapped[str | None] = mapped_column(String(10), nullable=True)  # Grade code


class ClassGroup(Stamped, Tombstoned, Base):
    """A class as a subject of guidance: no names, a head count."""

    __tablename__ = "class_groups"

    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"), index=True)
    campus_id: Mapped[str | None] = mapped_column(ForeignKey("campuses.id"), nullable=True)
    school_year: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))
    study_year: Mapped[str] = mapped_column(String(10), default="")
    grade: Mapped[str | None] = mapped_column(String(10), nullable=True)
    pupil_count: Mapped[int] = mapped_column(Integer, default=0)


class Referral(Stamped, Tombstoned, Base):
    """An aanmelding about one subject; its status history is in referral_transitions."""

    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_status_received", "status", "received_on"),
        # The starts of a period (expected waits, time to start) without reading table rows.
        Index(
            "ix_referrals_start_on",
            "start_on",
            "received_on",
            "offer_type",
            "urgency",
            "school_id",
            "deleted_at",
        ),
    )

    received_on: Mapped[date] = mapped_column(Date, index=True)
    registered_by: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    school_year: Mapped[int] = mapped_column(Integer, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    referrer_name: Mapped[str] = mapped_column(String(200), default="")
    referrer_function: Mapped[str] = mapped_column(String(30))
    referrer_org: Mapped[str] = mapped_column(String(200), default="")
    referrer_contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contact_persons.id"), nullable=True
    )
    via_clb: Mapped[bool] = mapped_column(Boolean, default=False)
    clb_contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contact_persons.id"), nullable=True
    )
    subject_kind: Mapped[str] = mapped_column(String(20))
    youth_id: Mapped[str | None] = mapped_column(ForeignKey("youths.id"), nullable=True, index=True)
    class_group_id: Mapped[str | None] = mapped_column(ForeignKey("class_groups.id"), nullable=True)
    group_description: Mapped[str] = mapped_column(Text, default="")
    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"), index=True)
    offer_type: Mapped[str] = mapped_column(String(30))
    prevention_level: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(String(400), default="")  # comma-separated codes
    help_question: Mapped[str] = mapped_column(Text, default="")
    actions_taken: Mapped[str] = mapped_column(Text, default="")
    care_phase: Mapped[str] = mapped_column(String(30), default="onbekend")
    urgency: Mapped[str] = mapped_column(String(10), default="normaal")
    consent_youth: Mapped[bool] = mapped_column(Boolean, default=False)
    parents_informed: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="nieuw", index=True)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    no_start_reason: Mapped[str | None] = mapped_column(String(30), nullable=True)
    intake_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    waitlist_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    is_rereferral: Mapped[bool] = mapped_column(Boolean, default=False)


class ReferralTransition(Base):
    """One status change: who, when, from, to, why."""

    __tablename__ = "referral_transitions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    referral_id: Mapped[str] = mapped_column(ForeignKey("referrals.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The day the change took effect (may lie before `at`, when it was recorded): reports for
    # a past period read the status as it was from these days.
    on: Mapped[date] = mapped_column(Date)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")


class Trajectory(Stamped, Tombstoned, Base):
    __tablename__ = "trajectories"
    __table_args__ = (Index("ix_trajectories_end_on", "end_on"),)

    referral_id: Mapped[str] = mapped_column(ForeignKey("referrals.id"), index=True)
    offer_type: Mapped[str] = mapped_column(String(30))
    prevention_level: Mapped[str] = mapped_column(String(20))
    lead_coach_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    start_on: Mapped[date] = mapped_column(Date)
    planned_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="lopend")
    closure_reason: Mapped[str | None] = mapped_column(String(30), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(30), nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")


class TrajectoryCoach(Base):
    """A co-coach on a trajectory (the lead coach is on the trajectory itself)."""

    __tablename__ = "trajectory_coaches"

    trajectory_id: Mapped[str] = mapped_column(ForeignKey("trajectories.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)


class Goal(Stamped, Base):
    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_evaluated", "evaluated_on", "trajectory_id", "evaluation"),)

    trajectory_id: Mapped[str] = mapped_column(ForeignKey("trajectories.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    domain: Mapped[str] = mapped_column(String(30))
    set_on: Mapped[date] = mapped_column(Date)
    evaluation: Mapped[str] = mapped_column(String(20), default="lopend")
    evaluated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    evaluation_note: Mapped[str] = mapped_column(Text, default="")


class SessionSeries(Stamped, Base):
    """The rule a recurring series was made from; its sessions are rows that can be moved."""

    __tablename__ = "session_series"

    frequency: Mapped[str] = mapped_column(String(20))
    first_on: Mapped[date] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)


class GuidanceSession(Stamped, Tombstoned, Base):
    """A contactmoment: in a trajectory, or school-level work for a school or class group."""

    __tablename__ = "sessions"
    # Figures scan sessions by date; this index answers them without touching the table rows.
    __table_args__ = (
        Index(
            "ix_sessions_on_cover",
            "on",
            "school_id",
            "duration_min",
            "cancelled",
            "deleted_at",
            "attendance",
            "coach_id",
            "trajectory_id",
            "class_group_id",
        ),
        Index("ix_sessions_coach_on", "coach_id", "on"),  # a coach's week
        # Hours per school (capacity, waiting list): one seek per school and a range of days,
        # so no sort of a year's sessions by school.
        Index(
            "ix_sessions_school_on",
            "school_id",
            "on",
            "duration_min",
            "cancelled",
            "deleted_at",
            "attendance",
        ),
    )

    trajectory_id: Mapped[str | None] = mapped_column(
        ForeignKey("trajectories.id"), nullable=True, index=True
    )
    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"), index=True)
    class_group_id: Mapped[str | None] = mapped_column(ForeignKey("class_groups.id"), nullable=True)
    coach_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    series_id: Mapped[str | None] = mapped_column(ForeignKey("session_series.id"), nullable=True)
    on: Mapped[date] = mapped_column(Date, index=True)
    start: Mapped[time] = mapped_column(Time)
    duration_min: Mapped[int] = mapped_column(Integer)
    contact_type: Mapped[str] = mapped_column(String(30))
    location: Mapped[str] = mapped_column(String(20), default="school")
    participants: Mapped[str] = mapped_column(Text, default="")
    attendance: Mapped[str | None] = mapped_column(String(30), nullable=True)
    present_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class SessionNote(Stamped, Base):
    """The verslag of a session; every save keeps the earlier text in note_versions."""

    __tablename__ = "session_notes"

    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), unique=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    content: Mapped[str] = mapped_column(Text, default="")
    observations: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    goal_progress: Mapped[str] = mapped_column(Text, default="{}")  # JSON {goal_id: evaluation}
    visibility: Mapped[str] = mapped_column(String(20), default="intern")
    is_draft: Mapped[bool] = mapped_column(Boolean, default=False)


class NoteVersion(Base):
    """An earlier text of a note, with who wrote it and when."""

    __tablename__ = "note_versions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    note_id: Mapped[str] = mapped_column(ForeignKey("session_notes.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    content: Mapped[str] = mapped_column(Text, default="")
    observations: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    goal_progress: Mapped[str] = mapped_column(Text, default="{}")
    visibility: Mapped[str] = mapped_column(String(20), default="intern")


class NoteTemplate(Stamped, Base):
    __tablename__ = "note_templates"

    contact_type: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(100))
    content: Mapped[str] = mapped_column(Text, default="")
    observations: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")


class RetentionRule(Stamped, Base):
    """How long case data of one offer type is kept (SECURITY.md R22)."""

    __tablename__ = "retention_rules"

    offer_type: Mapped[str] = mapped_column(String(30), unique=True)
    rule: Mapped[str] = mapped_column(String(30))  # "until_age" | "years_after_closure"
    value: Mapped[int] = mapped_column(Integer)


class SteeringMeeting(Stamped, Base):
    """A stuurgroep meeting with the figures it was shown, frozen so the report can be reprinted."""

    __tablename__ = "steering_meetings"
    __table_args__ = (UniqueConstraint("school_year", "sequence"),)

    school_year: Mapped[int] = mapped_column(Integer, index=True)
    sequence: Mapped[int] = mapped_column(Integer)  # 1, 2 or 3
    held_on: Mapped[date] = mapped_column(Date)
    snapshot: Mapped[str] = mapped_column(Text)  # SteeringData as JSON
    feedback: Mapped[str] = mapped_column(Text, default="")
