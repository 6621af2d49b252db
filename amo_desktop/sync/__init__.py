"""Serverless team exchange: change capture, field-level merge and encrypted bundles (issue 7)."""
