"""What the demo's cases play on (users, schools, holidays, capacity), made through the services."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.demo.planner import DemoPlanner
from amo_desktop.demo.tables import CLBS, FUNDERS, TEMPLATES
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User
from amo_desktop.services import accounts, notes, reference
from amo_desktop.storage.vault import Vault

CLB_OF_NETWORK = {"vgo_katholiek": 0, "go": 1}  # else the third CLB


@dataclass
class Stage:
    """Ids of what the reference step made, shared by both writers."""

    leader: Identity
    coaches: list[Identity]
    schools: list[str]


def add_users(vault: Vault, planner: DemoPlanner, password: str) -> list[Identity]:
    """The planner's coaches (those not there yet), all with the demo password."""
    leader = vault.identity
    assert leader is not None
    with vault.session() as s:
        existing = {u.login: u.id for u in s.scalars(select(User))}
    coaches = []
    for login, name in planner.coach_names:
        if login not in existing:
            existing[login] = accounts.add_user(vault, leader, login, "coach", name, password).id
        coaches.append(Identity(existing[login], login, "coach"))
    return coaches


def add_reference(s: Session, planner: DemoPlanner, stage: Stage) -> list[str]:
    """Partners, schools, holidays, days off and note templates; returns the schools' ids."""
    leader = stage.leader
    clbs = [reference.add_partner(s, leader, name, "clb").id for name in CLBS]
    community = reference.add_community(s, leader, "Scholengemeenschap (demo)")
    schools = []
    for i, sp in enumerate(planner.schools):
        clb = clbs[CLB_OF_NETWORK.get(sp.network, 2)]
        info = reference.add_school(
            s,
            leader,
            sp.name,
            sp.short_name,
            sp.municipality,
            sp.network,
            community,
            clb,
            sp.is_buso,
        )
        schools.append(info.id)
        first, last = planner.name("v")
        reference.add_contact(
            s,
            leader,
            f"{first} {last}",
            "zorgcoordinator",
            school_id=info.id,
            email=f"zorg{i + 1}@school.example",
        )
    for year in [*planner.years, planner.years[-1] + 1]:
        reference.load_flemish_holidays(s, leader, year)
    for school_id, days in zip(schools, planner.school_days_off, strict=True):
        for day, (name, kind) in sorted(days.items()):
            reference.add_day_off(s, leader, day, day, name, kind, school_id)
    for contact_type, name, *texts in TEMPLATES:
        notes.add_template(s, leader, contact_type, name, *texts)
    return schools


def add_funders(s: Session, stage: Stage) -> list[str]:
    return [reference.add_funder(s, stage.leader, name, kind).id for name, kind in FUNDERS]


def add_capacity(
    s: Session, planner: DemoPlanner, stage: Stage, funders: list[str], year: int
) -> None:
    """Agreements sized on the year's work: most schools use 60 to 95 % of their share, one
    passes 100 % and one stays far under it (the warnings a team leader looks for)."""
    rng = random.Random(f"capacity:{planner.seed}:{year}")
    n = len(stage.schools)
    normal = max(0, n - 2)
    ratios = [0.62 + 0.33 * (k + rng.random()) / normal for k in range(normal)]
    ratios += [rng.uniform(1.05, 1.2), rng.uniform(0.3, 0.45)][: n - normal]
    rng.shuffle(ratios)
    entitled = [max(1.0, planner.minutes[(i, year)] / 60 / ratio) for i, ratio in enumerate(ratios)]
    other: list[dict[int, float]] = [{} for _ in range(n)]  # funder index -> hours
    for i, hours in enumerate(entitled):
        if i % 3 == 1:
            other[i][1] = round(hours * rng.uniform(0.1, 0.25))
        if i % 4 == 2:
            other[i][2] = round(hours * rng.uniform(0.1, 0.2))
    pooled = [hours - sum(other[i].values()) for i, hours in enumerate(entitled)]
    pool = round(sum(pooled) / n, 1)  # each agreement adds its part; the pool is their sum
    top = max(pooled)
    for i, school_id in enumerate(stage.schools):
        teacher = max(0.1, round(12 * pooled[i] / top, 1))  # shares follow teacher hours
        reference.set_capacity(s, stage.leader, school_id, year, funders[0], teacher, pool)
        for funder, hours in other[i].items():
            reference.set_capacity(s, stage.leader, school_id, year, funders[funder], 0, hours)
