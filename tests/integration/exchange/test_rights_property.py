"""Property: whatever an insider writes into a coach's vault with SQL, the team leader's vault
takes in nothing outside the coach's rights, and every change within them still arrives.

Each example forges a random mix of changes on a fresh copy of a coach's laptop, straight
through the storage layer (raw UPDATE / INSERT / DELETE, foreign keys off), next to ordinary
work, then takes the coach's bundle into a fresh copy of the team leader's vault.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from amo_desktop.errors import BundleForbiddenError, KnownError
from amo_desktop.services import (
    accounts,
    exchange,
    intake,
    notes,
    reference,
    retention,
    scheduling,
    trajectories,
)
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF, LEADER, LEADER_PASSWORD
from tests.integration.exchange.conftest import CHEAP_CODE_KDF, COACH_PASSWORD, cell
from tests.integration.exchange.rights_helpers import forge, snapshot, yusufs_work
from tests.integration.services.conftest import TODAY, youth_referral

STAMP = "'2025-10-21 10:00:00', '2025-10-21 10:00:00'"


@cache
def _template() -> tuple[Path, dict[str, str]]:
    """The team leader's vault and An's laptop, made once; every example works on copies."""
    root = Path(tempfile.mkdtemp(prefix="amo-rights-"))
    atexit.register(shutil.rmtree, root, True)
    lead = Vault(root / LEADER, kdf=FAST_KDF)
    accounts.create_vault(lead, "Groep INTRO", LEADER, "Lea", LEADER_PASSWORD)
    me = lead.identity
    assert me is not None
    for login in ("an", "yusuf"):
        accounts.add_user(lead, me, login, "coach", login.title(), COACH_PASSWORD)
    users = {u.login: u.id for u in accounts.list_users(lead, me)}
    with lead.session() as s:
        school = reference.add_school(s, me, "Sint-Martinus Asse", municipality="Asse").id
        reference.add_school(s, me, "VKO Opwijk", municipality="Opwijk")
        funder = reference.add_funder(s, me, "Urenoverdracht AMO", "urenoverdracht").id
        reference.set_capacity(s, me, school, 2025, funder, 4, 2)
        retention.set_rule(s, me, "individuele_begeleiding", "years_after_closure", 5)
        own = intake.register_referral(s, me, youth_referral(school), today=TODAY)
        intake.transition_referral(s, me, own.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(s, me, own.id, users["an"], date(2025, 10, 13))
        session = scheduling.plan_session(
            s,
            me,
            SessionInput(
                users["an"],
                date(2025, 10, 15),
                time(9),
                60,
                "individueel_gesprek",
                trajectory_id=traj.id,
            ),
        ).sessions[0]
        waiting = intake.register_referral(
            s, me, youth_referral(school, first="Mats", last="Janssens"), today=TODAY
        )
        intake.transition_referral(s, me, waiting.id, "wachtlijst", on=date(2025, 10, 8))
    theirs = yusufs_work(lead, me, users["yusuf"], school)
    invitation = exchange.invite(lead, me, "an", kdf=CHEAP_CODE_KDF)
    an = Vault(root / "an", kdf=FAST_KDF)
    exchange.join(an, invitation.data, invitation.code, COACH_PASSWORD)
    an.lock()
    lead.lock()
    ids = {
        **{f"their_{k}": v for k, v in theirs.items()},
        "school": school,
        "own": traj.id,
        "own_session": session.id,
        "waiting": waiting.id,
        "an": users["an"],
        "yusuf": users["yusuf"],
        "lea": users[LEADER],
    }
    return root, ids


# Changes outside An's rights: each must refuse the bundle.
FORGED = {
    "make herself team leader": "UPDATE users SET role = 'teamleader' WHERE id = '{an}'",
    "rename the team leader": "UPDATE users SET full_name = 'X' WHERE id = '{lea}'",
    "add a user": "INSERT INTO users (id, login, full_name, role, active, created_at, "
    f"updated_at) VALUES ('u-{{n}}', 'nep{{n}}', 'Nep', 'teamleader', 1, {STAMP})",
    "rename a school": "UPDATE schools SET name = 'Gekaapt {n}' WHERE id = '{school}'",
    "delete a school": "DELETE FROM schools WHERE name = 'VKO Opwijk'",
    "add a funder": "INSERT INTO funders (id, name, kind, created_at, updated_at) "
    f"VALUES ('f-{{n}}', 'Nep {{n}}', 'andere', {STAMP})",
    "change capacity": "UPDATE capacity_agreements SET teacher_hours = 99",
    "change retention": "UPDATE retention_rules SET value = 1",
    "delete a waiting referral": "DELETE FROM referrals WHERE id = '{waiting}'",
    "edit a waiting pupil": "UPDATE youths SET birth_date = '2001-01-01' WHERE id = "
    "(SELECT youth_id FROM referrals WHERE id = '{waiting}')",
    "claim a waiting referral": "UPDATE referrals SET registered_by = '{an}' "
    "WHERE id = '{waiting}'",
    "join another trajectory": "INSERT OR IGNORE INTO trajectory_coaches (trajectory_id, user_id) "
    "VALUES ('{their_trajectory}', '{an}')",
    "rewrite another trajectory": "INSERT OR REPLACE INTO trajectories (id, referral_id, offer_type, "
    "prevention_level, lead_coach_id, start_on, status, closure_reason, outcome, summary, "
    "created_at, updated_at) VALUES ('{their_trajectory}', '{their_referral}', "
    "'individuele_begeleiding', 'curatief', '{an}', '2025-10-13', 'lopend', '', '', 'x', "
    f"{STAMP})",
    # OR REPLACE: after "rewrite another note" that session has a note on her laptop too
    "note in another session": "INSERT OR REPLACE INTO session_notes (id, session_id, author_id, "
    "version, "
    "content, observations, agreements, next_steps, goal_progress, visibility, is_draft, "
    "created_at, updated_at) VALUES ('n-{n}', '{their_session}', '{an}', 1, 'x', '', '', '', "
    f"'{{{{}}}}', 'intern', 0, {STAMP})",
    "rewrite another note": "INSERT OR REPLACE INTO session_notes (id, session_id, author_id, version, "
    "content, observations, agreements, next_steps, goal_progress, visibility, is_draft, "
    "created_at, updated_at) VALUES ('{their_note}', '{their_session}', '{an}', 2, 'x', '', '', "
    f"'', '{{{{}}}}', 'intern', 0, {STAMP})",
    "session for another coach": "INSERT INTO sessions (id, trajectory_id, school_id, coach_id, "
    '"on", start, duration_min, contact_type, location, participants, attendance, cancelled, '
    "created_at, updated_at) VALUES ('s-{n}', '{their_trajectory}', '{school}', '{yusuf}', "
    f"'2025-11-03', '10:00:00', 60, 'individueel_gesprek', 'school', '', '', 0, {STAMP})",
    "give her trajectory away": "UPDATE trajectories SET lead_coach_id = '{yusuf}' "
    "WHERE id = '{own}'",
    "delete her trajectory": "DELETE FROM trajectories WHERE id = '{own}'",
}


@dataclass
class Legit:
    do: Callable[[Vault, dict[str, str], int], str]  # returns a value to find at the leader's
    check: str  # SQL giving that value back at the team leader's (param :v)


def _summary(vault: Vault, ids: dict[str, str], n: int) -> str:
    forge(vault, f"UPDATE trajectories SET summary = 'samenvatting {n}' WHERE id = '{ids['own']}'")
    return f"samenvatting {n}"


def _attendance(vault: Vault, ids: dict[str, str], n: int) -> str:
    forge(
        vault,
        f"UPDATE sessions SET participants = 'deelnemers {n}' WHERE id = '{ids['own_session']}'",
    )
    return f"deelnemers {n}"


def _session_with_note(vault: Vault, ids: dict[str, str], n: int) -> str:
    me = vault.identity
    assert me is not None
    with vault.session() as s:
        data = SessionInput(
            me.user_id,
            date(2025, 11, 3),
            time(10),
            45,
            "individueel_gesprek",
            trajectory_id=ids["own"],
        )
        planned = scheduling.plan_session(s, me, data)
        notes.save_note(s, me, planned.sessions[0].id, NoteInput(content=f"verslag {n}"))
    return f"verslag {n}"


def _referral(vault: Vault, ids: dict[str, str], n: int) -> str:
    me = vault.identity
    assert me is not None
    with vault.session() as s:
        intake.register_referral(
            s, me, youth_referral(ids["school"], first=f"Nieuw{n}", last="Maes"), today=TODAY
        )
    return f"Nieuw{n}"


def _goal(vault: Vault, ids: dict[str, str], n: int) -> str:
    me = vault.identity
    assert me is not None
    with vault.session() as s:
        trajectories.add_goal(
            s, me, ids["own"], f"doel {n}", "onderwijsloopbaan", date(2025, 10, 20)
        )
    return f"doel {n}"


LEGIT = {
    "edit her trajectory": Legit(_summary, "SELECT COUNT(*) FROM trajectories WHERE summary = :v"),
    "edit her session": Legit(_attendance, "SELECT COUNT(*) FROM sessions WHERE participants = :v"),
    "plan a session with a note": Legit(
        _session_with_note, "SELECT COUNT(*) FROM session_notes WHERE content = :v"
    ),
    "register a referral": Legit(_referral, "SELECT COUNT(*) FROM youths WHERE first_name = :v"),
    "add a goal": Legit(_goal, "SELECT COUNT(*) FROM goals WHERE description = :v"),
}
IGNORED = {  # not the coach's to send, and harmless: left out without refusing
    "forge a conflict record": 'INSERT INTO sync_conflicts (id, tbl, row_key, field, "values", '
    "detected_at, resolution, created_at, updated_at) VALUES ('c-{n}', 'users', '{an}', 'role', "
    f"'[]', '2025-10-21', '', {STAMP})",
}
OPS = st.tuples(
    st.lists(st.sampled_from(sorted({**LEGIT, **IGNORED})), max_size=4),
    st.lists(st.sampled_from(sorted(FORGED)), max_size=2, unique=True),
).flatmap(lambda mix: st.permutations(mix[0] + mix[1]))


@pytest.mark.slow
@settings(max_examples=14, deadline=None, suppress_health_check=list(HealthCheck))
@given(OPS)
@example(["rewrite another note", "note in another session"])  # both in one session
def test_nothing_outside_the_coachs_rights_arrives_and_all_within_does(ops: list[str]) -> None:
    template, ids = _template()
    root = Path(tempfile.mkdtemp(prefix="amo-rights-run-"))
    shutil.copytree(template / LEADER, root / LEADER)
    shutil.copytree(template / "an", root / "an")
    lead, an = Vault(root / LEADER, kdf=FAST_KDF), Vault(root / "an", kdf=FAST_KDF)
    try:
        lead.unlock(LEADER, LEADER_PASSWORD, daily_backup=False)
        an.unlock("an", COACH_PASSWORD, daily_backup=False)
        wanted: dict[str, tuple[str, str]] = {}  # per kind of work, the last one
        for n, op in enumerate(ops):
            if op in LEGIT:
                try:
                    wanted[op] = (LEGIT[op].check, LEGIT[op].do(an, ids, n))
                except KnownError:  # e.g. a goal on the trajectory she just gave away
                    continue
            else:
                forge(an, {**FORGED, **IGNORED}[op].format(n=n, **ids))
        data = exchange.export_bundle(an, an.identity).data
        before = snapshot(lead)
        if any(op in FORGED for op in ops):
            with pytest.raises(BundleForbiddenError):
                exchange.import_bundle(lead, lead.identity, data)
            assert snapshot(lead) == before
            assert exchange.history(lead, lead.identity)[0].direction == "refused"
            return
        exchange.import_bundle(lead, lead.identity, data)
        for sql, value in wanted.values():
            assert cell(lead, sql, v=value) == 1, (sql, value)
        assert cell(lead, "SELECT COUNT(*) FROM sync_conflicts WHERE tbl = 'users'") == 0
        assert cell(lead, "SELECT role FROM users WHERE id = :u", u=ids["an"]) == "coach"
    finally:
        lead.lock()
        an.lock()
        shutil.rmtree(root, ignore_errors=True)
