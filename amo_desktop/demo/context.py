"""What every planning step shares: the one random source, the scale, the schools, school days."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from amo_desktop.demo.agenda import Agenda
from amo_desktop.demo.plans import SchoolPlan
from amo_desktop.demo.scales import Scale


@dataclass
class PlanContext:
    rng: random.Random
    scale: Scale
    today: date
    schools: list[SchoolPlan]
    holidays: set[date]
    school_days_off: list[dict[date, tuple[str, str]]]  # per school: day -> (name, kind)
    agenda: Agenda = field(default_factory=Agenda)

    def off(self, school: int) -> set[date]:
        return self.holidays | set(self.school_days_off[school])

    def is_school_day(self, school: int, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in self.holidays
            and day not in self.school_days_off[school]
        )

    def next_school_day(self, school: int, day: date) -> date:
        while not self.is_school_day(school, day):
            day += timedelta(days=1)
        return day
