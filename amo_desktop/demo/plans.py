"""What the planner decides and the writers put in the vault: plain records, no randomness."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any


@dataclass
class NotePlan:
    content: str
    observations: str
    agreements: str
    next_steps: str
    visibility: str
    earlier: NotePlan | None = None  # a first version, later edited


@dataclass
class SessionPlan:
    coach: int
    on: date
    start: time
    duration: int
    contact_type: str
    location: str
    participants: str = ""
    attendance: str | None = None
    present_count: int | None = None
    note: NotePlan | None = None


@dataclass
class SeriesPlan:
    coach: int
    frequency: str
    first_on: date
    count: int | None
    until: date | None
    contact_type: str
    start: time
    duration: int
    location: str
    sessions: list[SessionPlan]
    participants: str = ""


@dataclass
class Op:
    """One thing done on one day; `kind` says which service it stands for."""

    on: date
    kind: str  # register|transition|assign|start|goal|series|session|evaluate|close|open
    data: dict[str, Any] = field(default_factory=dict)


# The order of ops on one day: the order the services must be called in.
OP_ORDER = {
    "register": 0,
    "transition": 1,
    "assign": 2,
    "start": 3,
    "goal": 4,
    "series": 5,
    "session": 6,
    "evaluate": 7,
    "close": 8,
}


class CaseSteps(ABC):
    """How a writer carries out a referral's ops after its registration: a method per kind."""

    def do(self, op: Op) -> None:
        steps: dict[str, Callable[[date, dict[str, Any]], None]] = {
            "transition": self.transition,
            "assign": self.assign,
            "start": self.start,
            "goal": self.goal,
            "series": self.series,
            "session": self.session,
            "evaluate": self.evaluate,
            "close": self.close,
        }
        steps[op.kind](op.on, op.data)

    @abstractmethod
    def transition(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def assign(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def start(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def goal(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def series(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def session(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def evaluate(self, on: date, d: dict[str, Any]) -> None: ...

    @abstractmethod
    def close(self, on: date, d: dict[str, Any]) -> None: ...


@dataclass
class YouthPlan:
    key: int
    first_name: str
    last_name: str
    birth_date: date
    gender: str
    class_label: str
    study_year: str


@dataclass
class CasePlan:
    """One referral and everything that follows from it, up to the reference day."""

    key: int
    school: int
    school_year: int
    registered_by: int | None  # None: the team leader; else a coach index
    referral: dict[str, Any]
    youth: YouthPlan | None
    youth_is_new: bool
    class_group: dict[str, Any] | None
    ops: list[Op]


@dataclass
class SchoolWorkPlan:
    """School-level work without a trajectory: a series for one school."""

    school: int
    school_year: int
    series: SeriesPlan


@dataclass
class SchoolPlan:
    name: str
    short_name: str
    municipality: str
    network: str
    is_buso: bool
    coaches: list[int]
    weight: float


YearItem = CasePlan | SchoolWorkPlan


def sessions_of(item: YearItem) -> Iterator[SessionPlan]:
    """Every session a case or a piece of school work plans."""
    if isinstance(item, SchoolWorkPlan):
        yield from item.series.sessions
        return
    for op in item.ops:
        if op.kind == "series":
            yield from op.data["series"].sessions
        elif op.kind == "session":
            yield op.data["session"]
