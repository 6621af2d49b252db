"""Schema upgrades on the keyed connection, in one transaction; newer schemas refused."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from amo_desktop.errors import NewerSchemaError

if TYPE_CHECKING:  # Alembic loads when a vault is made or upgraded, not to open one
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

_SCRIPTS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache  # the shipped files do not change while the program runs; an unlock asks three times
def known_revisions() -> tuple[str, ...]:
    """The revisions this program ships, oldest first: each file in versions/ is named after
    its revision (a test holds this against Alembic's own chain), so opening a vault that needs
    no upgrade does not load Alembic."""
    return tuple(sorted(p.name.split("_", 1)[0] for p in (_SCRIPTS / "versions").glob("[0-9]*.py")))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    """The vault's schema revision, read as Alembic keeps it (None for a vault without one)."""
    with engine.connect() as conn:
        table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        found = (
            []
            if table is None
            else list(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
        )
    if len(found) > 1:  # branches: never made by this program
        raise NewerSchemaError()
    return found[0] if found else None


def check_known(revision: str | None) -> None:
    """A revision this program does not know comes from a newer version: refuse it."""
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError()


def needs_upgrade(engine: Engine) -> bool:
    revision = current_revision(engine)
    check_known(revision)
    return revision != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    check_known(current_revision(engine))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)


def downgrade(engine: Engine, target: str) -> None:
    """Only for tests that need a vault from an older release."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), target)
