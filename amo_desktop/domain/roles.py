"""Roles as stable codes with Dutch and English labels; authorization, not cryptography."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COACH = "coach"
    TEAMLEADER = "teamleader"
    ADMIN = "admin"

    @property
    def label_nl(self) -> str:
        return {"coach": "Coach", "teamleader": "Teamverantwoordelijke", "admin": "Beheerder"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        return {"coach": "Coach", "teamleader": "Team leader", "admin": "Administrator"}[self.value]
