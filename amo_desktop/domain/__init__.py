"""Plain data and rules of the caseload domain; imports no Qt and opens no database."""
