"""What every planning step shares: the one random source, the scale, the schools, school days."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

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
    _off: dict[int, frozenset[date]] = field(default_factory=dict)
    _weights: list[float] = field(default_factory=list)  # the schools', cumulative

    def off(self, school: int) -> frozenset[date]:
        found = self._off.get(school)
        if found is None:
            found = self._off[school] = frozenset(self.holidays | set(self.school_days_off[school]))
        return found

    def draw_school(self) -> int:
        """A school's index by weight, as `rng.choices` with the schools' weights draws it."""
        if not self._weights:
            self._weights = list(accumulate(s.weight for s in self.schools))
        return self.rng.choices(range(len(self.schools)), cum_weights=self._weights)[0]

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
