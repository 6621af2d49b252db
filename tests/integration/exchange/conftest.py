"""A team on several laptops: the team leader's vault and coaches' vaults made from invitations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from amo_desktop.domain.identity import Identity
from amo_desktop.services import exchange, intake, trajectories
from amo_desktop.storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.integration.services.conftest import TODAY, Stage, youth_referral

CHEAP_CODE_KDF = {"memory_kib": 8_192, "iterations": 1, "lanes": 1}
COACH_PASSWORD = "coach-laptop-wachtwoord"


@dataclass
class Laptop:
    vault: Vault
    me: Identity


def join_as(tmp_path: Path, leader_vault: Vault, leader: Identity, login: str) -> Laptop:
    invitation = exchange.invite(leader_vault, leader, login, kdf=CHEAP_CODE_KDF)
    vault = Vault(tmp_path / f"laptop-{login}", kdf=FAST_KDF)
    exchange.join(vault, invitation.data, invitation.code, COACH_PASSWORD)
    assert vault.identity is not None
    return Laptop(vault, vault.identity)


def swap(a: Laptop, b: Laptop) -> None:
    """a's bundle to b, then b's bundle to a."""
    exchange.import_bundle(b.vault, b.me, exchange.export_bundle(a.vault, a.me).data)
    exchange.import_bundle(a.vault, a.me, exchange.export_bundle(b.vault, b.me).data)


def cell(vault: Vault, sql: str, **params: object) -> object:
    with vault.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


@dataclass
class Team:
    stage: Stage
    leader: Laptop
    own_referral: str
    trajectory: str
    waiting_referral: str


@pytest.fixture
def team(stage: Stage) -> Team:
    """An's trajectory for Zoë Peeters, and Mats Janssens on the waiting list."""
    school = stage.schools["Sint-Martinus Asse"]
    with stage.vault.session() as s:
        own = intake.register_referral(s, stage.leader, youth_referral(school), today=TODAY)
        intake.transition_referral(s, stage.leader, own.id, "wachtlijst", on=date(2025, 10, 7))
        traj = trajectories.assign_to_coach(
            s, stage.leader, own.id, stage.an.user_id, date(2025, 10, 13)
        )
        waiting = intake.register_referral(
            s, stage.leader, youth_referral(school, first="Mats", last="Janssens"), today=TODAY
        )
        intake.transition_referral(s, stage.leader, waiting.id, "wachtlijst", on=date(2025, 10, 8))
        klas = youth_referral(
            school,
            subject_kind="klasgroep",
            offer_type="klasbegeleiding",
            class_group_label="2B",
            class_pupil_count=22,
        )
        klas.youth_first_name = klas.youth_last_name = ""
        group = intake.register_referral(s, stage.leader, klas, today=TODAY)
        intake.transition_referral(s, stage.leader, group.id, "wachtlijst", on=date(2025, 10, 9))
    return Team(stage, Laptop(stage.vault, stage.leader), own.id, traj.id, waiting.id)
