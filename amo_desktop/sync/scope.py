"""Need to know: which rows and fields a given laptop may receive (issue 7).

The team leader's vault receives everything. A coach's vault receives reference data, their own
trajectories with what hangs on them, and the waiting list without the young person's identity
or the referral's free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from amo_desktop.domain.enums import ReferralStatus

FULL_ROLES = frozenset({"teamleader", "admin"})
EVERYONE = frozenset(
    {
        "users",
        "school_communities",
        "partners",
        "schools",
        "campuses",
        "contact_persons",
        "days_off",
        "funders",
        "capacity_agreements",
        "class_groups",
        "note_templates",
        "retention_rules",
    }
)
YOUTH_IDENTITY = frozenset({"first_name", "last_name", "birth_date", "municipality", "flags"})
REFERRAL_FREE_TEXT = frozenset(
    {"referrer_name", "referrer_org", "help_question", "actions_taken", "group_description"}
)


@dataclass
class Scope:
    """Row keys per table a recipient may have; None means the whole table."""

    full: bool
    rows: dict[str, set[str]] = field(default_factory=dict)
    withheld: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def allows(self, tbl: str, key: str) -> bool:
        if self.full or tbl in EVERYONE:
            return True
        return key in self.rows.get(tbl, set())

    def withheld_fields(self, tbl: str, key: str) -> frozenset[str]:
        return self.withheld.get(tbl, {}).get(key, frozenset())


def _ids(conn: Connection, sql: str, **params: object) -> set[str]:
    return {row[0] for row in conn.execute(text(sql), params) if row[0] is not None}


def _in(ids: set[str]) -> str:
    # ids are UUIDs from our own tables; quoting keeps the statement plain for large sets
    return ",".join("'" + i.replace("'", "''") + "'" for i in ids) or "NULL"


def scope_for(conn: Connection, user_id: str, role: str) -> Scope:
    if role in FULL_ROLES:
        return Scope(full=True)
    trajectories = _ids(
        conn,
        "SELECT id FROM trajectories WHERE lead_coach_id = :u UNION "
        "SELECT trajectory_id FROM trajectory_coaches WHERE user_id = :u",
        u=user_id,
    )
    referrals = _ids(
        conn, f"SELECT referral_id FROM trajectories WHERE id IN ({_in(trajectories)})"
    )
    waiting = (
        _ids(
            conn,
            "SELECT id FROM referrals WHERE status = :s AND deleted_at IS NULL",
            s=ReferralStatus.WACHTLIJST.value,
        )
        - referrals
    )
    youths = _ids(conn, f"SELECT youth_id FROM referrals WHERE id IN ({_in(referrals)})")
    waiting_youths = (
        _ids(conn, f"SELECT youth_id FROM referrals WHERE id IN ({_in(waiting)})") - youths
    )
    sessions = _ids(
        conn,
        f"SELECT id FROM sessions WHERE trajectory_id IN ({_in(trajectories)}) "
        "OR (trajectory_id IS NULL AND coach_id = :u)",
        u=user_id,
    )
    notes = _ids(conn, f"SELECT id FROM session_notes WHERE session_id IN ({_in(sessions)})")
    rows = {
        "trajectories": trajectories,
        "referrals": referrals | waiting,
        "youths": youths | waiting_youths,
        "youth_enrolments": _ids(
            conn,
            f"SELECT id FROM youth_enrolments WHERE youth_id IN ({_in(youths | waiting_youths)})",
        ),
        "referral_transitions": _ids(
            conn, f"SELECT id FROM referral_transitions WHERE referral_id IN ({_in(referrals)})"
        ),
        "trajectory_coaches": _ids(
            conn,
            "SELECT trajectory_id || '|' || user_id FROM trajectory_coaches "
            f"WHERE trajectory_id IN ({_in(trajectories)})",
        ),
        "goals": _ids(conn, f"SELECT id FROM goals WHERE trajectory_id IN ({_in(trajectories)})"),
        "sessions": sessions,
        "session_series": _ids(
            conn,
            f"SELECT series_id FROM sessions WHERE id IN ({_in(sessions)}) "
            "AND series_id IS NOT NULL",
        ),
        "session_notes": notes,
        "note_versions": _ids(
            conn, f"SELECT id FROM note_versions WHERE note_id IN ({_in(notes)})"
        ),
    }
    withheld = {
        "youths": {y: YOUTH_IDENTITY for y in waiting_youths},
        "referrals": {r: REFERRAL_FREE_TEXT for r in waiting},
    }
    return Scope(full=False, rows=rows, withheld=withheld)


def dependants(conn: Connection, trajectory_ids: set[str]) -> dict[str, set[str]]:
    """Everything that hangs on trajectories, for a coach who just got them."""
    if not trajectory_ids:
        return {}
    t = _in(trajectory_ids)
    referrals = _ids(conn, f"SELECT referral_id FROM trajectories WHERE id IN ({t})")
    youths = _ids(conn, f"SELECT youth_id FROM referrals WHERE id IN ({_in(referrals)})")
    sessions = _ids(conn, f"SELECT id FROM sessions WHERE trajectory_id IN ({t})")
    notes = _ids(conn, f"SELECT id FROM session_notes WHERE session_id IN ({_in(sessions)})")
    return {
        "referrals": referrals,
        "youths": youths,
        "youth_enrolments": _ids(
            conn, f"SELECT id FROM youth_enrolments WHERE youth_id IN ({_in(youths)})"
        ),
        "referral_transitions": _ids(
            conn, f"SELECT id FROM referral_transitions WHERE referral_id IN ({_in(referrals)})"
        ),
        "trajectory_coaches": _ids(
            conn,
            "SELECT trajectory_id || '|' || user_id FROM trajectory_coaches "
            f"WHERE trajectory_id IN ({t})",
        ),
        "goals": _ids(conn, f"SELECT id FROM goals WHERE trajectory_id IN ({t})"),
        "sessions": sessions,
        "session_series": _ids(
            conn,
            f"SELECT series_id FROM sessions WHERE id IN ({_in(sessions)}) "
            "AND series_id IS NOT NULL",
        ),
        "session_notes": notes,
        "note_versions": _ids(
            conn, f"SELECT id FROM note_versions WHERE note_id IN ({_in(notes)})"
        ),
    }
