"""Status changes get the day they took effect; planned trajectories left behind are cancelled.

A past period's waiting list is read from the status history by day, so each change needs the
day it took effect, not only when it was typed in. Known days come from the referral (received,
intake, waiting list, start); the others from the moment it was recorded, kept in order.

A referral that left 'toegewezen' without a start kept its planned trajectory: `caseload`
listed it while the steering report did not count it. Those are cancelled here, as the service
now does, with their sessions still to come.

Revision ID: 0009
Revises: 0008
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_INTAKE = ("vraagverheldering", "wachtlijst", "toegewezen")


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _effective_days(conn: sa.Connection) -> None:
    """Every transition's day: the referral's own dates where they apply, else the day it was
    recorded; never before the referral came in, never before the change before it."""
    referrals = {
        rid: (_day(received), intake and _day(intake), since and _day(since), start and _day(start))
        for rid, received, intake, since, start in conn.execute(
            sa.text("SELECT id, received_on, intake_on, waitlist_since, start_on FROM referrals")
        )
    }
    rows = conn.execute(
        sa.text(
            "SELECT id, referral_id, at, to_status FROM referral_transitions "
            "ORDER BY referral_id, at, id"
        )
    ).all()
    by_referral: dict[str, list[tuple[str, object, str]]] = {}
    for tid, rid, at, to in rows:
        by_referral.setdefault(rid, []).append((tid, at, to))
    updates = []
    for rid, changes in by_referral.items():
        received, intake, since, start = referrals.get(rid, (None, None, None, None))
        last_waitlist = max((i for i, c in enumerate(changes) if c[2] == "wachtlijst"), default=-1)
        first_intake = min((i for i, c in enumerate(changes) if c[2] in _INTAKE), default=-1)
        previous = received
        for i, (tid, at, to) in enumerate(changes):
            day = _day(at)
            if to == "nieuw" and received is not None:
                day = received
            elif to == "gestart" and start is not None:
                day = start
            elif i == last_waitlist and since is not None:
                day = since
            elif i == first_intake and intake is not None:
                day = intake
            if previous is not None and day < previous:
                day = previous
            previous = day
            updates.append({"id": tid, "on": day.isoformat()})
    if updates:
        conn.execute(sa.text('UPDATE referral_transitions SET "on" = :on WHERE id = :id'), updates)


def _cancel_left_behind(conn: sa.Connection) -> None:
    """Planned trajectories of referrals that are no longer 'toegewezen', and all but the newest
    planned one of a referral that is."""
    left = [
        tid
        for (tid,) in conn.execute(
            sa.text(
                "SELECT t.id FROM trajectories t JOIN referrals r ON r.id = t.referral_id "
                "WHERE t.status = 'gepland' AND t.deleted_at IS NULL AND ("
                " r.status != 'toegewezen' OR EXISTS (SELECT 1 FROM trajectories n"
                "  WHERE n.referral_id = t.referral_id AND n.status = 'gepland'"
                "  AND n.deleted_at IS NULL"
                "  AND (n.created_at > t.created_at"
                "   OR (n.created_at = t.created_at AND n.id > t.id))))"
            )
        )
    ]
    for tid in left:
        conn.execute(
            sa.text("UPDATE trajectories SET status = 'geannuleerd' WHERE id = :id"),
            {"id": tid},
        )
        conn.execute(
            sa.text(
                "UPDATE sessions SET cancelled = 1 WHERE trajectory_id = :id "
                "AND cancelled = 0 AND deleted_at IS NULL AND attendance IS NULL "
                "AND \"on\" >= date('now')"
            ),
            {"id": tid},
        )


def upgrade() -> None:
    with op.batch_alter_table("referral_transitions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("on", sa.Date(), nullable=True))
    conn = op.get_bind()
    _effective_days(conn)
    with op.batch_alter_table("referral_transitions", schema=None) as batch_op:
        batch_op.alter_column("on", existing_type=sa.Date(), nullable=False)
    _cancel_left_behind(conn)


def downgrade() -> None:
    """The day column goes; cancelled trajectories stay cancelled (a plan that cannot start)."""
    with op.batch_alter_table("referral_transitions", schema=None) as batch_op:
        batch_op.drop_column("on")
