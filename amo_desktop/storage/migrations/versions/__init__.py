"""Alembic revision scripts (a package, so the installer finds them)."""
