"""The demo's invented names, Dutch texts and weights as JSON files (read by demo/tables.py)."""
