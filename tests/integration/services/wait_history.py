"""Waiting histories for the wait estimate's tests: generated ones (a team that starts a few
referrals a week, busier in winter, the most urgent first, then the longest waiting) and
past starts and waiting referrals in a real vault."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from amo_desktop.domain.caseload import Referral
from amo_desktop.domain.wait_backtest import PastReferral
from amo_desktop.services import intake
from tests.integration.services.conftest import TODAY, Stage, youth_referral

OFFERS = ("individuele_begeleiding", "klasbegeleiding")
URGENCIES = (("normaal", 0.7), ("laag", 0.1), ("hoog", 0.15), ("crisis", 0.05))
RANK = {"crisis": 0, "hoog": 1, "normaal": 2, "laag": 2}


@dataclass
class _Open:
    id: str
    school: str
    offer: str
    urgency: str
    received: date
    listed: date
    start: date | None = None
    spells: list[tuple[date, date]] = field(default_factory=list)


def _urgency(rng: Random) -> str:
    pick = rng.random()
    for urgency, share in URGENCIES:
        if pick < share:
            return urgency
        pick -= share
    return "normaal"


def generate(seed: int, years: int = 4, capacity: float = 0.8) -> tuple[list[PastReferral], date]:
    """A history of `years` school years from 1 September 2019 with `capacity` starts a school
    day on average; returns it and its last day."""
    rng = Random(seed)
    day = date(2019, 9, 2)
    end = day + timedelta(days=365 * years)
    waiting: list[_Open] = []
    done: list[_Open] = []
    while day < end:
        if day.weekday() < 5 and day.month not in (7, 8):
            busy = day.month in (11, 12, 1, 2, 3)
            for _ in range(
                rng.choices((0, 1, 2), (0.35, 0.45, 0.2) if busy else (0.5, 0.4, 0.1))[0]
            ):
                r = _Open(
                    f"r{seed}-{len(done) + len(waiting)}",
                    rng.choice(("a", "b", "c")),
                    rng.choices(OFFERS, (0.8, 0.2))[0],
                    _urgency(rng),
                    day,
                    day + timedelta(days=rng.randint(1, 7)),
                )
                waiting.append(r)
            ready = [r for r in waiting if r.listed <= day]
            ready.sort(key=lambda r: (RANK[r.urgency], r.received))
            starts = int(capacity) + (rng.random() < capacity % 1)  # a day's starts
            for r in ready[:starts]:
                r.start = day
                r.spells.append((r.listed, day))
                waiting.remove(r)
                done.append(r)
        day += timedelta(days=1)
    past = [
        PastReferral(
            r.id,
            r.school,
            r.offer,
            r.urgency,
            r.received,
            r.start,
            r.start is None,
            (*r.spells, *(((r.listed, date.max),) if r.start is None else ())),
        )
        for r in (*done, *waiting)
    ]
    return past, end


def started_referral(stage: Stage, school: str, name: str, received: date, wait_days: int) -> None:
    """A referral of the past that started `wait_days` after it came in."""
    with stage.vault.session() as s:
        data = youth_referral(school, first=name, last="Historiek", received=received)
        ref = intake.register_referral(s, stage.leader, data, confirm_duplicate=True, today=TODAY)
        row = s.get(Referral, ref.id)
        assert row is not None
        row.status, row.start_on = "gestart", received + timedelta(days=wait_days)


def waiting_referral(
    stage: Stage, school: str, name: str, received: date, urgency: str = "normaal"
) -> str:
    with stage.vault.session() as s:
        data = youth_referral(school, first=name, received=received, urgency=urgency)
        ref = intake.register_referral(s, stage.leader, data, confirm_duplicate=True, today=TODAY)
        intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=received)
        return ref.id
