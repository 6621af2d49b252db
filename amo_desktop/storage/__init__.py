"""Encrypted storage: the only package that opens database connections."""
