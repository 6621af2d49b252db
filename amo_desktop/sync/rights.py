"""A coach's bundle may change only what the coach may change (SECURITY.md R8).

Anyone with a slot can edit their own vault with SQL, and the exchange would carry that to the
team leader. So an import from a coach's laptop judges every incoming change by that coach's
rights, as the importing vault knows them before the bundle: the same rules the services
enforce. Everything is decided per table and per chunk of rows, never with a query per row.
Format and rules: docs/exchange-format.md, "A coach's rights".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from amo_desktop.domain.replication import Replicated, by_name
from amo_desktop.errors import BundleForbiddenError
from amo_desktop.sync.labels import change_nl
from amo_desktop.sync.merge import FieldState, split_dot

OWN, LEFT, NO = "own", "left", "no"
APPLY, SKIP, CONFLICT = "apply", "skip", "conflict"
CHUNK = 400

# The fields that say whose a row is: a coach never changes them on an existing row.
LINKS: dict[str, frozenset[str]] = {
    "referrals": frozenset({"registered_by", "youth_id", "class_group_id"}),
    "trajectories": frozenset({"referral_id", "lead_coach_id"}),
    "goals": frozenset({"trajectory_id"}),
    "sessions": frozenset({"trajectory_id", "coach_id"}),
    "session_notes": frozenset({"session_id"}),
    "note_versions": frozenset({"note_id"}),
    "youth_enrolments": frozenset({"youth_id"}),
    "referral_transitions": frozenset({"referral_id"}),
}
_TRAJ = "LEFT JOIN trajectories t ON t.referral_id = r.id"
# Per table: (key, owner, trajectory) for the rows of `{keys}`. A row is the coach's when the
# owner is the coach (who registered the referral, whose session it is) or the trajectory is.
_WHOSE: dict[str, str] = {
    "trajectories": "SELECT id, NULL, id FROM trajectories WHERE id IN ({keys})",
    "goals": "SELECT id, NULL, trajectory_id FROM goals WHERE id IN ({keys})",
    "sessions": "SELECT id, coach_id, trajectory_id FROM sessions WHERE id IN ({keys})",
    "session_series": (
        "SELECT series_id, coach_id, trajectory_id FROM sessions WHERE series_id IN ({keys})"
    ),
    "session_notes": (
        "SELECT n.id, s.coach_id, s.trajectory_id FROM session_notes n "
        "JOIN sessions s ON s.id = n.session_id WHERE n.id IN ({keys})"
    ),
    "note_versions": (
        "SELECT v.id, s.coach_id, s.trajectory_id FROM note_versions v "
        "JOIN session_notes n ON n.id = v.note_id JOIN sessions s ON s.id = n.session_id "
        "WHERE v.id IN ({keys})"
    ),
    "referrals": f"SELECT r.id, r.registered_by, t.id FROM referrals r {_TRAJ} "
    "WHERE r.id IN ({keys})",
    "referral_transitions": "SELECT x.id, r.registered_by, t.id FROM referral_transitions x "
    f"JOIN referrals r ON r.id = x.referral_id {_TRAJ} WHERE x.id IN ({{keys}})",
    "youths": f"SELECT r.youth_id, r.registered_by, t.id FROM referrals r {_TRAJ} "
    "WHERE r.youth_id IN ({keys})",
    "youth_enrolments": "SELECT e.id, r.registered_by, t.id FROM youth_enrolments e "
    f"JOIN referrals r ON r.youth_id = e.youth_id {_TRAJ} WHERE e.id IN ({{keys}})",
    "class_groups": f"SELECT r.class_group_id, r.registered_by, t.id FROM referrals r {_TRAJ} "
    "WHERE r.class_group_id IN ({keys}) UNION ALL "
    "SELECT class_group_id, coach_id, trajectory_id FROM sessions WHERE class_group_id IN ({keys})",
}
# Rows a trajectory hangs on (through the referral).
_UNDER_TRAJECTORY = frozenset({"referrals", "youths", "class_groups"})
# A new row is the coach's when the row it hangs on is: (field, table of that row).
_PARENT = {
    "goals": ("trajectory_id", "trajectories"),
    "session_notes": ("session_id", "sessions"),
    "note_versions": ("note_id", "session_notes"),
    "youth_enrolments": ("youth_id", "youths"),
    "referral_transitions": ("referral_id", "referrals"),
}


def _quoted(keys: Iterable[str]) -> str:
    return ",".join("'" + str(k).replace("'", "''") + "'" for k in keys) or "NULL"


@dataclass
class Judge:
    """One import's judge: the sender's user and laptop, and what the importer knows of them."""

    user: str
    login: str
    sender: str  # the sending laptop's vault id
    me: str  # the importing laptop's vault id
    peers: frozenset[str]  # every other laptop of the team this vault knows
    mine: set[str]  # the sender's trajectories now (lead or co-coach)
    left: set[str]  # trajectories that were reassigned away from the sender meanwhile
    tables: dict[str, Any]  # the bundle's rows, for new rows that hang on new rows
    full: bool  # the importer sees everything (a team leader's laptop)
    accepted: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def make(
        cls, conn: Connection, peer: Any, me: str, tables: dict[str, Any], full: bool
    ) -> Judge:
        """`peer` is the sender's row in sync_peers; rights are read before anything changes."""

        def ids(sql: str, *params: Any) -> set[str]:
            return {row[0] for row in conn.exec_driver_sql(sql, params) if row[0] is not None}

        user = peer.user_id
        mine = ids(
            "SELECT id FROM trajectories WHERE lead_coach_id = ? UNION "
            "SELECT trajectory_id FROM trajectory_coaches WHERE user_id = ?",
            user,
            user,
        )
        # Evidence that a trajectory was the sender's: their co-coach row was deleted, or its
        # lead coach was changed after it was made.
        maybe = ids(
            "SELECT substr(row_key, 1, instr(row_key, '|') - 1) FROM sync_tombstones "
            "WHERE tbl = 'trajectory_coaches' AND row_key LIKE ?",
            f"%|{user}",
        ) | ids(
            "SELECT row_key FROM sync_fields WHERE tbl = 'trajectories' AND field = 'lead_coach_id'"
        )
        left = ids(f"SELECT id FROM trajectories WHERE id IN ({_quoted(maybe)})") - mine
        peers = frozenset(ids("SELECT vault_id FROM sync_peers")) - {me}
        return cls(user, peer.login, peer.vault_id, me, peers, mine, left, tables, full)

    def refuse(self, tbl: str, name: str | None) -> BundleForbiddenError:
        nl, en = change_nl(tbl, name)
        return BundleForbiddenError(login=self.login, what=nl, what_en=en)

    # --- whose rows are these -------------------------------------------------------------
    def whose(
        self, conn: Connection, tbl: str, keys: Iterable[str], deleting: bool = False
    ) -> dict[str, str]:
        """OWN, LEFT (it was the sender's before a reassignment) or NO, per existing row.

        `deleting`: only rows wholly the sender's (a young person with someone else's
        referral too is not); a row a trajectory hangs on (a referral, its young person, a
        class group) or a trajectory itself is never a coach's to delete: the team leader's."""
        ordered = sorted(set(keys))
        out = dict.fromkeys(ordered, NO)
        sql = _WHOSE.get(tbl)
        if sql is None or not ordered or (deleting and tbl == "trajectories"):
            return out
        blocked: set[str] = set()
        for start in range(0, len(ordered), CHUNK):
            query = sql.format(keys=_quoted(ordered[start : start + CHUNK]))
            for key, owner, trajectory in conn.exec_driver_sql(query):
                mine = owner == self.user or trajectory in self.mine
                if deleting and (not mine or (tbl in _UNDER_TRAJECTORY and trajectory is not None)):
                    blocked.add(key)
                if mine:
                    out[key] = OWN
                elif trajectory in self.left and out[key] == NO:
                    out[key] = LEFT
        return {k: NO if k in blocked else v for k, v in out.items()}

    def _authors(self, dots: Iterable[str]) -> str:
        """'sender' when the sender made (or claims) the change, 'peer' when it passes on
        another laptop's change: that one reaches us from its own laptop."""
        vaults = {split_dot(d)[0] for d in dots}
        if not vaults or self.sender in vaults or not vaults <= self.peers - {self.sender}:
            return "sender"
        return "peer"

    # --- a field of a row this vault holds ------------------------------------------------
    def change(
        self, r: Replicated, key: str, name: str, whose: str, local: FieldState, merged: FieldState
    ) -> str:
        if whose == OWN and name not in LINKS.get(r.name, ()):
            return APPLY
        if r.name == "sync_conflicts":
            return SKIP  # resolving is the team leader's; their own records say the same
        if self._authors(set(merged.values) - set(local.values)) == "peer":
            return SKIP
        if whose == LEFT and name not in LINKS.get(r.name, ()):
            return CONFLICT
        raise self.refuse(r.name, name)

    # --- rows this vault has never seen ---------------------------------------------------
    def fresh(
        self, conn: Connection, r: Replicated, where: dict[str, int], wires: list[Any]
    ) -> list[Any]:
        """The new rows to insert; a new row the sender may not make refuses the bundle."""
        if not wires:
            return wires
        allowed = self._may_create(conn, r, where, wires)
        out = []
        for w in wires:
            if allowed.get(w[0], False):
                out.append(w)
                self.accepted[r.name].add(w[0])
            elif r.name == "sync_conflicts" or self._authors([w[1]]) == "peer":
                continue
            else:
                raise self.refuse(r.name, None)
        return out

    def _may_create(
        self, conn: Connection, r: Replicated, where: dict[str, int], wires: list[Any]
    ) -> dict[str, bool]:
        def val(w: Any, name: str) -> Any:
            return w[4][where[name]] if name in where else None

        ours = self.mine | self.left
        tbl = r.name
        if tbl == "sessions":
            return {
                w[0]: val(w, "coach_id") == self.user
                and (val(w, "trajectory_id") is None or val(w, "trajectory_id") in ours)
                for w in wires
            }
        if tbl in _PARENT:
            column, parent = _PARENT[tbl]
            keys = {val(w, column) for w in wires} - {None}
            if parent == "trajectories":
                good = keys & ours
            else:
                whose = self.whose(conn, parent, keys - self.accepted[parent])
                good = {k for k, v in whose.items() if v != NO} | (keys & self.accepted[parent])
            return {w[0]: val(w, column) in good for w in wires}
        if tbl == "referrals":
            return {w[0]: self._new_referral(conn, w, where) for w in wires}
        if tbl in ("youths", "class_groups", "session_series"):
            link = {"youths": "youth_id", "class_groups": "class_group_id"}.get(tbl, "series_id")
            made = self._made_with(link, "sessions" if tbl == "session_series" else "referrals")
            # A coach's laptop is not sent another coach's referral, but is sent its class group.
            lenient = tbl == "class_groups" and not self.full
            return {w[0]: lenient or w[0] in made for w in wires}
        if tbl == "sync_conflicts":
            return self._conflict_records(conn, where, wires)
        return {}

    def _made_with(self, link: str, tbl: str) -> set[str]:
        """Keys named in `link` by the bundle's own new rows of `tbl` that the sender makes."""
        wire = self.tables.get(tbl) or {"fields": [], "rows": []}
        where = {name: i for i, name in enumerate(wire["fields"])}
        if link not in where:
            return set()
        owner = "coach_id" if tbl == "sessions" else "registered_by"
        ours = self.mine | self.left
        out = set()
        for w in wire["rows"]:
            values = w[4]
            if owner in where and values[where[owner]] == self.user:
                trajectory = values[where["trajectory_id"]] if "trajectory_id" in where else None
                if trajectory is None or trajectory in ours:
                    out.add(values[where[link]])
        return out - {None}

    def _new_referral(self, conn: Connection, w: Any, where: dict[str, int]) -> bool:
        values = w[4]
        if "registered_by" not in where or values[where["registered_by"]] != self.user:
            return False
        for column, parent in (("youth_id", "youths"), ("class_group_id", "class_groups")):
            ref = values[where[column]] if column in where else None
            if ref is None or ref in self.accepted[parent]:
                continue
            if self.whose(conn, parent, [ref])[ref] == NO:
                return False
        return True

    def _conflict_records(
        self, conn: Connection, where: dict[str, int], wires: list[Any]
    ) -> dict[str, bool]:
        """A conflict found on the coach's laptop, about a field of a row that is theirs."""
        named: dict[str, dict[str, str]] = defaultdict(dict)
        for w in wires:
            tbl = w[4][where["tbl"]] if "tbl" in where else None
            name = w[4][where["field"]] if "field" in where else None
            r = by_name().get(str(tbl))
            if r is not None and name in r.fields and tbl != "sync_conflicts":
                named[r.name][w[0]] = str(w[4][where["row_key"]])
        out: dict[str, bool] = {}
        for tbl, rows in named.items():
            whose = self.whose(conn, tbl, rows.values())
            out.update({k: whose[v] != NO for k, v in rows.items()})
        return out

    # --- deletions ------------------------------------------------------------------------
    def deletions(
        self, conn: Connection, items: list[list[str]], held: set[tuple[str, str]]
    ) -> list[list[str]]:
        """The deletions to carry out; deleting what was never the sender's refuses the bundle.

        A deletion of a row this vault does not hold is not remembered: whose it was cannot
        be told, and remembering it would keep that row from ever arriving."""
        grouped: dict[str, list[str]] = defaultdict(list)
        for tbl, key, *_ in items:
            if (tbl, key) in held:
                grouped[tbl].append(key)
        whose = {tbl: self.whose(conn, tbl, keys, True) for tbl, keys in grouped.items()}
        out = []
        for item in items:
            tbl, key, dot = item[0], item[1], item[2]
            if (tbl, key) not in held:
                continue
            verdict = whose[tbl].get(key, NO)
            if verdict == OWN:
                out.append(item)
            elif verdict == NO and self._authors([dot]) == "sender":
                raise self.refuse(tbl, "-")
        return out
