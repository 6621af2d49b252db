"""Migrations and models agree, and every revision upgrades and downgrades on a keyed vault."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from amo_desktop.domain.caseload import ReferralTransition, Trajectory
from amo_desktop.domain.schema import metadata
from amo_desktop.errors import NewerSchemaError
from amo_desktop.services import intake, trajectories
from amo_desktop.storage import migrate
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD
from tests.integration.services.conftest import (  # noqa: F401 - stage is a fixture
    TODAY,
    Stage,
    stage,
    youth_referral,
)


def test_models_match_the_migrated_schema(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_the_revisions_read_from_the_file_names_are_alembics_chain() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [script.revision for script in scripts.walk_revisions()][::-1]
    assert list(migrate.known_revisions()) == chain
    assert migrate.head_revision() == scripts.get_current_head() == chain[-1]


def test_the_revision_is_read_without_alembic_and_an_unknown_one_refused(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        assert (
            migrate.current_revision(vault.engine)
            == MigrationContext.configure(conn).get_current_revision()
        )
    migrate.check_known(None)  # a vault not made yet
    for revision in migrate.known_revisions():
        migrate.check_known(revision)
    for unknown in ("0011", "001", "9999_from_the_future", ""):
        with pytest.raises(NewerSchemaError):
            migrate.check_known(unknown)
    with vault.raw_connection() as conn:  # two heads: never written by this program
        conn.execute("INSERT INTO alembic_version VALUES ('0009')")
        conn.commit()
    with pytest.raises(NewerSchemaError):
        migrate.current_revision(vault.engine)


def test_opening_an_up_to_date_vault_leaves_alembic_unloaded(vault: Vault) -> None:
    """Alembic (and Mako) cost ~0.15 s of CPU and ~11 MiB at every unlock and CLI command."""
    vault.lock()
    code = (
        "import sys; from amo_desktop.storage.vault import Vault; "
        f"Vault(sys.argv[1]).unlock({LEADER!r}, {LEADER_PASSWORD!r}, daily_backup=False); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(vault.data_dir)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == "[]"


def test_every_revision_round_trips(vault: Vault) -> None:
    before = vault.check()
    migrate.downgrade(vault.engine, "0001")
    migrate.upgrade(vault.engine)
    after = vault.check()
    assert after["users"] == before["users"]
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD)


def test_0009_dates_the_history_and_cancels_plans_left_behind(stage: Stage) -> None:  # noqa: F811
    """An older vault: a referral that never started kept its planned trajectory, and its
    status changes had no day. After the upgrade the plan is cancelled and the days are known."""
    vault = stage.vault
    school = stage.schools["VKO Opwijk"]
    with vault.session() as s:
        ref = intake.register_referral(
            s, stage.leader, youth_referral(school, received=date(2025, 9, 15)), today=TODAY
        )
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 1))
        planned = trajectories.assign_to_coach(
            s, stage.leader, ref.id, stage.an.user_id, date(2025, 10, 8), on=date(2025, 10, 2)
        )
        intake.transition_referral(
            s,
            stage.leader,
            ref.id,
            "niet_gestart",
            on=date(2025, 10, 6),
            no_start_reason="niet_bereikbaar",
        )
        kept = intake.register_referral(
            s,
            stage.leader,
            youth_referral(school, first="Amira", received=date(2025, 9, 20)),
            today=TODAY,
        )
        intake.transition_referral(s, stage.leader, kept.id, "wachtlijst", on=date(2025, 10, 1))
        assigned = trajectories.assign_to_coach(
            s, stage.leader, kept.id, stage.an.user_id, date(2025, 10, 8), on=date(2025, 10, 2)
        )
    migrate.downgrade(vault.engine, "0008")
    with vault.engine.begin() as conn:  # as the older version left it
        conn.exec_driver_sql("UPDATE trajectories SET status = 'gepland'")
    migrate.upgrade(vault.engine)
    with vault.session() as s:
        assert s.get(Trajectory, planned.id).status == "geannuleerd"
        assert s.get(Trajectory, assigned.id).status == "gepland"
        days = [
            (t.to_status, t.on)
            for t in s.scalars(
                select(ReferralTransition)
                .where(ReferralTransition.referral_id == ref.id)
                .order_by(ReferralTransition.at)
            )
        ]
        running = trajectories.my_caseload(s, stage.leader)
    assert days[:2] == [("nieuw", date(2025, 9, 15)), ("wachtlijst", date(2025, 10, 1))]
    assert [d for _, d in days] == sorted(d for _, d in days)
    assert [t.id for t in running] == [assigned.id]


def test_0010_the_starts_of_a_period_are_read_from_their_index(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT offer_type, urgency, received_on, start_on FROM referrals "
            "WHERE deleted_at IS NULL AND start_on >= '2025-01-01' AND start_on < '2026-01-01'"
        ).all()
    assert "COVERING INDEX ix_referrals_start_on" in " ".join(str(row[-1]) for row in plan)
    migrate.downgrade(vault.engine, "0009")
    with vault.engine.connect() as conn:
        names = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(referrals)")}
    assert "ix_referrals_start_on" not in names
    migrate.upgrade(vault.engine)
