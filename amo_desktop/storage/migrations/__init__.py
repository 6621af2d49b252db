"""Alembic revisions, run only on the already keyed connection (SECURITY.md R18)."""
