"""Joining a team, exchanging bundles, merging fields and showing conflicts (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from amo_desktop.errors import (
    BundleDamagedError,
    BundleOtherTeamError,
    BundleRevokedError,
    InviteCodeError,
    ValidationError,
)
from amo_desktop.services import accounts, exchange
from tests.integration.exchange.conftest import Team, cell, join_as, swap

# Shared fixtures of the services tests.
from tests.integration.services.conftest import stage  # noqa: F401


def test_a_coach_joins_and_gets_only_what_they_need(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    v = an.vault
    assert cell(v, "SELECT COUNT(*) FROM schools") == 3
    assert cell(v, "SELECT lead_coach_id FROM trajectories WHERE id = :t", t=team.trajectory) == (
        an.me.user_id
    )
    assert (
        cell(
            v,
            "SELECT first_name FROM youths y JOIN referrals r ON r.youth_id = y.id WHERE r.id = :r",
            r=team.own_referral,
        )
        == "Zoë"
    )
    # The waiting list travels without the young person's identity or the free text.
    assert cell(v, "SELECT status FROM referrals WHERE id = :r", r=team.waiting_referral) == (
        "wachtlijst"
    )
    assert (
        cell(
            v,
            "SELECT first_name FROM youths y JOIN referrals r ON r.youth_id = y.id WHERE r.id = :r",
            r=team.waiting_referral,
        )
        == ""
    )
    assert (
        cell(v, "SELECT help_question FROM referrals WHERE id = :r", r=team.waiting_referral) == ""
    )
    assert cell(v, "SELECT COUNT(*) FROM referrals WHERE subject_kind = 'klasgroep'") == 1
    assert cell(v, "SELECT COUNT(*) FROM audit_events WHERE action = 'exchange.join'") == 1


def test_different_fields_merge_and_the_same_field_is_a_conflict(
    team: Team, tmp_path: Path
) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    lead = team.leader
    with an.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE trajectories SET summary = 'An: goed gesprek', planned_end = '2026-06-30', "
            f"changed_by = '{an.me.user_id}' WHERE id = '{team.trajectory}'"
        )
    with lead.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE trajectories SET summary = 'Lea: opvolgen', status = 'lopend', "
            f"changed_by = '{lead.me.user_id}' WHERE id = '{team.trajectory}'"
        )
    swap(an, lead)
    swap(lead, an)
    for laptop in (an, lead):
        assert (
            cell(
                laptop.vault,
                "SELECT planned_end FROM trajectories WHERE id = :t",
                t=team.trajectory,
            )
            == "2026-06-30"
        )
        assert (
            cell(laptop.vault, "SELECT status FROM trajectories WHERE id = :t", t=team.trajectory)
            == "lopend"
        )
    shown = {
        cell(laptop.vault, "SELECT summary FROM trajectories WHERE id = :t", t=team.trajectory)
        for laptop in (an, lead)
    }
    assert len(shown) == 1  # both laptops show the same value while the conflict is open
    [conflict] = exchange.conflicts(lead.vault, lead.me)
    assert conflict.field == "summary"
    assert {v.value for v in conflict.values} == {"An: goed gesprek", "Lea: opvolgen"}
    assert {(v.value, v.by_login) for v in conflict.values} == {
        ("An: goed gesprek", "an"),
        ("Lea: opvolgen", "lea"),
    }
    exchange.resolve_conflict(
        lead.vault,
        lead.me,
        conflict.id,
        [v.value for v in conflict.values].index("An: goed gesprek"),
    )
    assert exchange.conflicts(lead.vault, lead.me) == []
    swap(lead, an)
    assert (
        cell(an.vault, "SELECT summary FROM trajectories WHERE id = :t", t=team.trajectory)
        == "An: goed gesprek"
    )
    assert cell(an.vault, "SELECT COUNT(*) FROM sync_siblings") == 0


def test_same_bundle_twice_changes_nothing(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    with an.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE trajectories SET summary = 'x' WHERE id = '{team.trajectory}'"
        )
    data = exchange.export_bundle(an.vault, an.me).data
    first = exchange.import_bundle(team.leader.vault, team.leader.me, data)
    again = exchange.import_bundle(team.leader.vault, team.leader.me, data)
    assert first.rows >= 1 and again.rows == 0


def test_bad_bundles_are_refused_and_change_nothing(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    with an.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE trajectories SET summary = 'x' WHERE id = '{team.trajectory}'"
        )
    data = bytearray(exchange.export_bundle(an.vault, an.me).data)
    data[len(data) // 2] ^= 0x01
    lead = team.leader
    before = cell(lead.vault, "SELECT summary FROM trajectories WHERE id = :t", t=team.trajectory)
    with pytest.raises(BundleDamagedError):
        exchange.import_bundle(lead.vault, lead.me, bytes(data))
    with pytest.raises(BundleDamagedError):
        exchange.import_bundle(lead.vault, lead.me, bytes(data[: len(data) // 3]))
    assert (
        cell(lead.vault, "SELECT summary FROM trajectories WHERE id = :t", t=team.trajectory)
        == before
    )
    assert cell(lead.vault, "SELECT COUNT(*) FROM sync_history WHERE direction = 'refused'") == 2


def test_a_removed_coach_is_refused(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    yusuf = join_as(tmp_path, team.leader.vault, team.leader.me, "yusuf")
    stale = exchange.export_bundle(an.vault, an.me).data
    accounts.remove_user(team.leader.vault, team.leader.me, "an")
    with pytest.raises(BundleRevokedError):
        exchange.import_bundle(team.leader.vault, team.leader.me, stale)
    # Yusuf gets the new team key from the team leader's next bundle and keeps exchanging.
    swap(team.leader, yusuf)
    assert exchange.status(yusuf.vault, yusuf.me).key_gen == 2


def test_another_teams_bundle_and_a_wrong_code(team: Team, tmp_path: Path) -> None:
    invitation = exchange.invite(
        team.leader.vault,
        team.leader.me,
        "an",
        kdf={"memory_kib": 8192, "iterations": 1, "lanes": 1},
    )
    with pytest.raises(InviteCodeError):
        exchange.read_invitation(invitation.data, "AAAA-BBBB-CCCC-DDDD")
    from amo_desktop.services import accounts as acc
    from amo_desktop.storage.vault import Vault
    from tests.conftest import FAST_KDF

    other = Vault(tmp_path / "other-team", kdf=FAST_KDF)
    acc.create_vault(other, "Ander team", "tl2", "TL Twee", "een-ander-wachtwoord-1")
    acc.add_user(other, other.identity, "piet", "coach", "Piet", "coach-wachtwoord-123")
    exchange.invite(
        other, other.identity, "piet", kdf={"memory_kib": 8192, "iterations": 1, "lanes": 1}
    )
    foreign = exchange.export_bundle(other, other.identity).data
    with pytest.raises(BundleOtherTeamError):
        exchange.import_bundle(team.leader.vault, team.leader.me, foreign)
    other.lock()


def test_what_came_with_the_invitation_does_not_go_back(team: Team, tmp_path: Path) -> None:
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    assert exchange.export_bundle(an.vault, an.me).rows == {"lea": 0}
    with an.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            f"UPDATE trajectories SET summary = 'x' WHERE id = '{team.trajectory}'"
        )
    assert exchange.export_bundle(an.vault, an.me).rows == {"lea": 1}


def test_a_conflict_naming_an_unknown_field_is_refused_not_run(team: Team, tmp_path: Path) -> None:
    """A conflict record is data from a laptop: its field name never becomes SQL."""
    an = join_as(tmp_path, team.leader.vault, team.leader.me, "an")
    lead = team.leader
    for laptop, text_ in ((an, "An"), (lead, "Lea")):
        with laptop.vault.engine.begin() as conn:
            conn.exec_driver_sql(
                f"UPDATE trajectories SET summary = '{text_}', changed_by = '{laptop.me.user_id}' "
                f"WHERE id = '{team.trajectory}'"
            )
    swap(an, lead)
    [conflict] = exchange.conflicts(lead.vault, lead.me)
    with lead.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET field = 'summary\" = status, \"summary' WHERE id = ?",
            (conflict.id,),
        )
    before = cell(lead.vault, "SELECT status FROM trajectories WHERE id = :t", t=team.trajectory)
    with pytest.raises(ValidationError):
        exchange.resolve_conflict(lead.vault, lead.me, conflict.id, 0)
    after = cell(lead.vault, "SELECT status FROM trajectories WHERE id = :t", t=team.trajectory)
    assert before == after
