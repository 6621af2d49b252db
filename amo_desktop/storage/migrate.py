"""Schema upgrades on the keyed connection, in one transaction; newer schemas refused."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from amo_desktop.errors import NewerSchemaError

if TYPE_CHECKING:  # Alembic loads when a vault is opened or made, not to show the window
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


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_known(revision: str | None) -> None:
    """A revision this program does not know comes from a newer version: refuse it."""
    if revision is None:
        return
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError as exc:
        raise NewerSchemaError() from exc


def needs_upgrade(engine: Engine) -> bool:
    revision = current_revision(engine)
    check_known(revision)
    return revision != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.begin() as conn:
        check_known(MigrationContext.configure(conn).get_current_revision())
        command.upgrade(alembic_config(conn), target)


def downgrade(engine: Engine, target: str) -> None:
    """Only for tests that need a vault from an older release."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), target)
