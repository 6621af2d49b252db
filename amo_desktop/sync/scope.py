"""Need to know: which rows and fields a given laptop may receive (issue 7).

The team leader's vault receives everything. A coach's vault receives reference data, their own
trajectories with what hangs on them, and the waiting list without the young person's identity
or the referral's free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, text

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
# The class a waiting pupil sits in narrows them down to a handful: withheld like the name.
ENROLMENT_IDENTITY = frozenset({"class_label"})
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


# A coach's own sessions (s = sessions), and the rows of the tables that grow with every
# session which hang on them: (query, the column that holds the row's key).
_MINE = (
    "(s.trajectory_id IN (SELECT id FROM trajectories WHERE lead_coach_id = :u UNION "
    "SELECT trajectory_id FROM trajectory_coaches WHERE user_id = :u) "
    "OR (s.trajectory_id IS NULL AND s.coach_id = :u))"
)
_PER_SESSION = {
    "sessions": (f"SELECT s.id FROM sessions s WHERE {_MINE}", "s.id"),
    "session_series": (
        f"SELECT s.series_id FROM sessions s WHERE {_MINE} AND s.series_id IS NOT NULL",
        "s.series_id",
    ),
    "session_notes": (
        f"SELECT n.id FROM session_notes n JOIN sessions s ON s.id = n.session_id WHERE {_MINE}",
        "n.id",
    ),
    "note_versions": (
        "SELECT v.id FROM note_versions v JOIN session_notes n ON n.id = v.note_id "
        f"JOIN sessions s ON s.id = n.session_id WHERE {_MINE}",
        "v.id",
    ),
}
ASK_UP_TO = 2000  # more candidate keys than this in one table: its whole scope is read


def _own(conn: Connection, tbl: str, user_id: str, keys: set[str] | None) -> set[str]:
    """A per-session table's rows the coach may have: all of them, or those among `keys`."""
    sql, column = _PER_SESSION[tbl]
    if keys is None:
        return _ids(conn, sql, u=user_id)
    query = text(f"{sql} AND {column} IN :keys").bindparams(bindparam("keys", expanding=True))
    ordered = sorted(keys)
    found: set[str] = set()
    for start in range(0, len(ordered), 500):
        rows = conn.execute(query, {"u": user_id, "keys": ordered[start : start + 500]})
        found |= {row[0] for row in rows}
    return found


def _in(ids: set[str]) -> str:
    # ids are UUIDs from our own tables; quoting keeps the statement plain for large sets
    return ",".join("'" + i.replace("'", "''") + "'" for i in ids) or "NULL"


def scope_for(
    conn: Connection, user_id: str, role: str, candidates: dict[str, set[str]] | None = None
) -> Scope:
    """With `candidates` (per table, the keys about to travel), the tables that grow with every
    session are asked about those keys only, and `rows` then holds just the allowed ones there:
    a weekly export to each laptop of a team costs milliseconds instead of reading every
    coach's years of sessions, which R20's memory security makes slow."""
    if role in FULL_ROLES:
        return Scope(full=True)

    def own(tbl: str) -> set[str]:
        keys = None if candidates is None else candidates.get(tbl, set())
        return _own(conn, tbl, user_id, keys if keys is None or len(keys) <= ASK_UP_TO else None)

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
    enrolments = _ids(conn, f"SELECT id FROM youth_enrolments WHERE youth_id IN ({_in(youths)})")
    waiting_enrolments = (
        _ids(conn, f"SELECT id FROM youth_enrolments WHERE youth_id IN ({_in(waiting_youths)})")
        - enrolments
    )
    rows = {
        "trajectories": trajectories,
        "referrals": referrals | waiting,
        "youths": youths | waiting_youths,
        "youth_enrolments": enrolments | waiting_enrolments,
        "referral_transitions": _ids(
            conn, f"SELECT id FROM referral_transitions WHERE referral_id IN ({_in(referrals)})"
        ),
        "trajectory_coaches": _ids(
            conn,
            "SELECT trajectory_id || '|' || user_id FROM trajectory_coaches "
            f"WHERE trajectory_id IN ({_in(trajectories)})",
        ),
        "goals": _ids(conn, f"SELECT id FROM goals WHERE trajectory_id IN ({_in(trajectories)})"),
        **{tbl: own(tbl) for tbl in _PER_SESSION},
    }
    withheld = {
        "youths": {y: YOUTH_IDENTITY for y in waiting_youths},
        "youth_enrolments": {e: ENROLMENT_IDENTITY for e in waiting_enrolments},
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
