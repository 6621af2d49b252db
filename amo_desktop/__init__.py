"""AMO Desktop: offline caseload tracking for the youth coaches of Groep INTRO."""

__version__ = "0.1.0"
APP_NAME = "AMO Desktop"
