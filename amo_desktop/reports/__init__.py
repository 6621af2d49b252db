"""PDF reports with ReportLab: pure functions from plain data to a file; no database access."""
