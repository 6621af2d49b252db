"""Alembic environment: uses the keyed connection handed over by storage.migrate, never a URL."""

from alembic import context

from amo_desktop.domain.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
