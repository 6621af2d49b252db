"""Decides the whole demo from one seed: schools, days off, and each school year's referrals."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from amo_desktop.demo.context import PlanContext
from amo_desktop.demo.plans import CasePlan, SchoolPlan, YearItem, YouthPlan, sessions_of
from amo_desktop.demo.scales import DEFAULT_TODAY, Scale, evolution
from amo_desktop.demo.sessions import plan_school_work
from amo_desktop.demo.tables import (
    BOYS,
    CARE_PHASES,
    CHANNELS,
    CLASS_REASONS,
    CLASS_SUFFIX,
    COACH_NAMES,
    FUNCTIONS,
    GENDERS,
    GIRLS,
    GRADES,
    HELP,
    LAST_NAMES,
    MONTH_WEIGHTS,
    REASONS,
    SAINTS,
    SCHOOL_PATTERNS,
    STUDY_YEARS,
    TOWNS_REGION,
    TYPICAL_SCHOOLS,
    URGENCIES,
    Weighted,
    pick,
)
from amo_desktop.demo.timeline import plan_timeline
from amo_desktop.demo.trajectory import CaseFacts
from amo_desktop.domain.calendar import SchoolYear, flemish_day_off_dates

# Preventive class work early in the school year: the months of half the class referrals.
EARLY_MONTHS = {9: 10, 10: 8, 11: 2, 12: 0, 1: 1, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0}
DAYS_OFF_PER_YEAR = (
    ("Pedagogische studiedag", "studiedag"),
    ("Pedagogische studiedag", "studiedag"),
    ("Facultatieve vrije dag", "facultatief"),
)
CALLED_OFF = ("geannuleerd_school", "geannuleerd_begeleider")  # not delivered work
GROUP_HELP = {
    "groep": "Een groep leerlingen met faalangst en weinig weerbaarheid.",
    "leerkracht_team": "Het lerarenteam vraagt ondersteuning bij een moeilijke klasgroep.",
}


@dataclass
class Subject:
    """Who a referral is about and what is asked for."""

    youth: YouthPlan | None
    youth_is_new: bool
    class_group: dict[str, Any] | None
    reasons: list[str]
    offer: str
    prevention: str


class DemoPlanner:
    """Everything from one `random.Random`, in a fixed order: the same seed, the same demo.

    Per school year its referrals (who, why, when) with their timelines, then school-level work
    up to the year's number of sessions; steps after the reference day are left out.
    """

    def __init__(self, scale: Scale, seed: int, today: date | None = None) -> None:
        self.scale = scale
        self.seed = seed
        self.today = today or DEFAULT_TODAY
        self.rng = random.Random(f"amo-demo:{scale.name}:{seed}")
        last = SchoolYear.of(self.today).start_year
        self.years = list(range(last - scale.years + 1, last + 1))
        self.holidays: set[date] = set()
        for year in [*self.years, last + 1]:
            self.holidays |= flemish_day_off_dates(SchoolYear(year))
        self.schools = self._schools()
        self.coach_names = self._coach_names()
        self.school_days_off = self._school_days_off()
        self.ctx = PlanContext(
            self.rng, scale, self.today, self.schools, self.holidays, self.school_days_off
        )
        self._names_used: set[tuple[str, str, date]] = set()
        self._youth_keys = 0
        self._case_keys = 0
        self._finished: list[tuple[YouthPlan, date]] = []  # youths whose case has ended
        # minutes of work per (school, school year) as capacity_figures counts them
        self.minutes: Counter[tuple[int, int]] = Counter()

    # --- reference data ---
    def _schools(self) -> list[SchoolPlan]:
        rng = self.rng
        if self.scale.region == "amo":
            rows = list(TYPICAL_SCHOOLS[: self.scale.schools])
        else:
            rows = self._region_schools()
        coaches = self.scale.coaches
        plans = []
        for i, (name, short, town, network, buso) in enumerate(rows):
            home = [i % coaches]
            if coaches > 1 and rng.random() < 0.6:
                home.append((i + 1 + rng.randrange(coaches - 1)) % coaches)
            weight = rng.uniform(0.5, 1.5) * (0.5 if buso else 1.0)
            plans.append(SchoolPlan(name, short, town, network, buso, home, weight))
        return plans

    def _region_schools(self) -> list[tuple[str, str, str, str, bool]]:
        """Invented schools across the region's towns, each name once."""
        rng = self.rng
        rows: list[tuple[str, str, str, str, bool]] = []
        seen: set[str] = set()
        i = 0
        while len(rows) < self.scale.schools:
            town = TOWNS_REGION[i % len(TOWNS_REGION)]
            pattern, network, buso = rng.choice(SCHOOL_PATTERNS)
            saint = rng.choice(SAINTS)
            name = pattern.format(saint=saint, town=town)
            i += 1
            if name in seen:
                continue
            seen.add(name)
            short = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
            rows.append((name, f"{short} {town}"[:40], town, network, buso))
        return rows

    def _coach_names(self) -> list[tuple[str, str]]:
        names = list(COACH_NAMES[: self.scale.coaches])
        rng = random.Random(f"coaches:{self.seed}")
        while len(names) < self.scale.coaches:
            first = rng.choice(BOYS + GIRLS)
            last = rng.choice(LAST_NAMES)
            login = f"coach{len(names) + 1:02d}"
            names.append((login, f"{first} {last}"))
        return names

    def _school_days_off(self) -> list[dict[date, tuple[str, str]]]:
        """Per school: two studiedagen and one facultatieve vrije dag per school year."""
        result = []
        for _school in self.schools:
            days: dict[date, tuple[str, str]] = {}
            for year in self.years:
                for name, kind in DAYS_OFF_PER_YEAR:
                    while True:
                        day = date(year, 10, 1) + timedelta(days=self.rng.randrange(220))
                        if day.weekday() < 5 and day not in self.holidays and day not in days:
                            days[day] = (name, kind)
                            break
            result.append(days)
        return result

    def referral_counts(self, year: int) -> dict[str, int]:
        individual = round(evolution(year) * self.scale.referral_factor)
        return {
            "jongere": individual,
            "klasgroep": max(1, round(individual * 0.26)),
            "groep": max(1, round(individual * 0.05)),
            "leerkracht_team": max(1, round(individual * 0.03)),
        }

    # --- the stream ---
    def plan(self) -> Iterator[tuple[int, list[YearItem]]]:
        """Per school year, its cases in order of receipt, then its school-level work."""
        for year in self.years:
            counts = self.referral_counts(year)
            kinds = [k for k, n in counts.items() for _ in range(n)]
            received = sorted(
                (self._received_on(year, kind), kind, self.ctx.draw_school()) for kind in kinds
            )
            items: list[YearItem] = []
            sessions = 0
            for on, kind, school in received:
                if on > self.today:
                    continue
                case = self._case(year, on, kind, school)
                sessions += sum(1 for _ in sessions_of(case))
                items.append(case)
            # the cases still to come this year would bring as many sessions each
            sessions += round(sessions / max(1, len(items)) * (len(received) - len(items)))
            target = round(self.scale.sessions_per_year * evolution(year) / 100)
            items.extend(plan_school_work(self.ctx, year, target - sessions))
            self._count_minutes(items)
            yield year, items

    def _count_minutes(self, items: list[YearItem]) -> None:
        """Used and planned minutes: every session but those the school or the coach called off
        (a year's count is complete once its items are planned: nothing earlier reaches it)."""
        for item in items:
            for s in sessions_of(item):
                if s.attendance not in CALLED_OFF:
                    self.minutes[(item.school, SchoolYear.of(s.on).start_year)] += s.duration

    def _received_on(self, year: int, kind: str) -> date:
        rng = self.rng
        weights = dict(MONTH_WEIGHTS)
        if kind == "klasgroep" and rng.random() < 0.5:
            weights = EARLY_MONTHS
        months = list(weights)
        month = rng.choices(months, [weights[m] for m in months])[0]
        first = date(year if month >= 9 else year + 1, month, 1)
        while True:
            day = first + timedelta(days=rng.randrange(28))
            if day.weekday() < 5 and day not in self.holidays:
                return day

    def name(self, gender: str) -> tuple[str, str]:
        """An invented first and last name ('m' a boy's, 'v' a girl's, else either)."""
        pool = BOYS if gender == "m" else GIRLS if gender == "v" else BOYS + GIRLS
        return self.rng.choice(pool), self.rng.choice(LAST_NAMES)

    def _youth(self, year: int) -> YouthPlan:
        rng = self.rng
        gender = pick(rng, GENDERS)
        grade = pick(rng, GRADES)
        study_year = rng.choice(STUDY_YEARS[grade])
        age = 11 + int(study_year[0]) + (1 if rng.random() < 0.2 else 0)
        while True:
            first, last = self.name(gender)
            birth = date(year - age, 1, 1) + timedelta(days=rng.randrange(365))
            if (first, last, birth) not in self._names_used:
                self._names_used.add((first, last, birth))
                break
        self._youth_keys += 1
        label = f"{study_year[0]}{rng.choice(CLASS_SUFFIX[grade])}"
        return YouthPlan(self._youth_keys, first, last, birth, gender, label, study_year)

    # --- one referral ---
    def _case(self, year: int, on: date, kind: str, school: int) -> CasePlan:
        rng = self.rng
        self._case_keys += 1
        sp = self.schools[school]
        registered_by = rng.choice(sp.coaches) if rng.random() < 0.3 else None
        subject = self._youth_subject(year, on) if kind == "jongere" else self._group(on, kind)
        referral = self._referral(on, kind, sp, subject)
        facts = CaseFacts(
            school,
            on,
            kind,
            subject.offer,
            referral["urgency"],
            referral["consent_youth"],
            subject.youth,
            subject.class_group,
            subject.reasons[0],
        )
        ops = [op for op in plan_timeline(self.ctx, facts) if op.on <= self.today]
        if subject.youth is not None:
            closing = [op for op in ops if op.kind == "close" or op.data.get("final")]
            if closing:
                self._finished.append((subject.youth, closing[-1].on))
        return CasePlan(
            self._case_keys,
            school,
            year,
            registered_by,
            referral,
            subject.youth,
            subject.youth_is_new,
            subject.class_group,
            ops,
        )

    def _youth_subject(self, year: int, on: date) -> Subject:
        """A new youth, or now and then one whose earlier case ended a while ago."""
        rng = self.rng
        recent, ended = self._finished[-200:], on - timedelta(days=14)
        if any(end < ended for _, end in recent) and rng.random() < 0.06:
            reuse = [(i, y) for i, (y, end) in enumerate(recent) if end < ended]
            idx, youth = rng.choice(reuse)
            self._finished.pop(len(self._finished) - min(200, len(self._finished)) + idx)
            youth_is_new = False
        else:
            youth, youth_is_new = self._youth(year), True
        reasons = self._reasons(REASONS)
        offer = pick(
            rng,
            (("individuele_begeleiding", 75), ("naft_individueel", 15), ("advies_consult", 10)),
        )
        prevention = "curatief" if rng.random() < 0.8 else "preventief"
        return Subject(youth, youth_is_new, None, reasons, offer, prevention)

    def _group(self, on: date, kind: str) -> Subject:
        """A class, a group of pupils or a teachers' team."""
        rng = self.rng
        reasons = self._reasons(CLASS_REASONS)
        class_group = None
        if kind == "klasgroep":
            grade = "g1" if rng.random() < 0.6 else pick(rng, GRADES)
            study_year = rng.choice(STUDY_YEARS[grade])
            class_group = {
                "label": f"{study_year[0]}{rng.choice(CLASS_SUFFIX[grade])}",
                "study_year": study_year,
                "pupil_count": rng.randint(14, 26),
            }
            offer = pick(rng, (("klasbegeleiding", 60), ("klasbakken", 25), ("naft_klas", 15)))
            early = on.month in (9, 10)
            prevention = "preventief" if early or rng.random() < 0.4 else "curatief"
        elif kind == "groep":
            offer = pick(rng, (("weerbaarheidstraining", 70), ("groepswerking", 30)))
            prevention = "preventief"
            reasons = ["faalangst_weerbaarheid"]
        else:
            offer = "leerkrachtondersteuning"
            prevention = "preventief" if rng.random() < 0.5 else "curatief"
            reasons = ["klasdynamiek"]
        return Subject(None, True, class_group, reasons, offer, prevention)

    def _referral(self, on: date, kind: str, sp: SchoolPlan, subject: Subject) -> dict[str, Any]:
        """The referral's fields as intake.ReferralInput takes them."""
        rng = self.rng
        youth = kind == "jongere"
        function = pick(rng, FUNCTIONS)
        channel = pick(rng, CHANNELS)
        urgency = pick(rng, URGENCIES) if youth else "normaal"
        consent = not youth or rng.random() < 0.93
        name = subject.youth.first_name if subject.youth else "de klas"
        help_question = GROUP_HELP.get(
            kind, " ".join(HELP[r].format(n=name) for r in subject.reasons[:2])
        )
        referrer_name = " ".join(self.name("x"))
        size, graad = rng.randint(6, 12), rng.choice(("eerste", "tweede"))
        descriptions = {
            "groep": f"Weerbaarheidsgroep {size} leerlingen, {graad} graad",
            "leerkracht_team": "Lerarenteam van de tweede graad",
        }
        return {
            "received_on": on,
            "channel": channel,
            "referrer_name": referrer_name,
            "referrer_function": function,
            "referrer_org": "CLB" if function in ("clb_medewerker", "jac_caw") else sp.short_name,
            "via_clb": function == "clb_medewerker" or channel == "meldpunt_si",
            "subject_kind": kind,
            "group_description": descriptions.get(kind, ""),
            "offer_type": subject.offer,
            "prevention_level": subject.prevention,
            "reasons": subject.reasons,
            "help_question": help_question,
            "care_phase": pick(rng, CARE_PHASES),
            "urgency": urgency,
            "consent_youth": consent,
            "parents_informed": youth and rng.random() < 0.8,
        }

    def _reasons(self, table: Weighted) -> list[str]:
        first = pick(self.rng, table)
        found = [first]
        for _ in range(self.rng.choice((0, 0, 1, 1, 2))):
            other = pick(self.rng, REASONS)
            if other not in found:
                found.append(other)
        return found
