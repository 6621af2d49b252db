"""Migrations and models agree, and every revision upgrades and downgrades on a keyed vault."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from amo_desktop.domain.schema import metadata
from amo_desktop.storage import migrate
from amo_desktop.storage.vault import Vault
from tests.conftest import LEADER, LEADER_PASSWORD


def test_models_match_the_migrated_schema(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_every_revision_round_trips(vault: Vault) -> None:
    before = vault.check()
    migrate.downgrade(vault.engine, "0001")
    migrate.upgrade(vault.engine)
    after = vault.check()
    assert after["users"] == before["users"]
    vault.lock()
    vault.unlock(LEADER, LEADER_PASSWORD)
