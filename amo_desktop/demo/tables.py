"""The demo's invented names, Dutch texts and weights, read from the JSON files in data/."""

from __future__ import annotations

import json
import random
from bisect import bisect
from datetime import time
from functools import cache
from importlib.resources import files
from itertools import accumulate
from typing import Any

Weighted = tuple[tuple[str, int], ...]
Pairs = tuple[tuple[str, str], ...]


def _load(name: str) -> dict[str, Any]:
    text = files("amo_desktop.demo.data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _weighted(rows: list[list[Any]]) -> Weighted:
    return tuple((str(code), int(weight)) for code, weight in rows)


def _pairs(rows: list[list[str]]) -> Pairs:
    return tuple((a, b) for a, b in rows)


def _strings(rows: list[str]) -> tuple[str, ...]:
    return tuple(rows)


def _strings_by_key(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(rows) for key, rows in table.items()}


_NAMES = _load("names")
_WEIGHTS = _load("weights")
_TEXTS = _load("texts")


@cache
def _drawn(table: Weighted) -> tuple[list[str], list[int], float]:
    cumulative = list(accumulate(w for _, w in table))
    return [k for k, _ in table], cumulative, cumulative[-1] + 0.0


def pick(rng: random.Random, table: Weighted) -> str:
    """What `rng.choices` with the table's weights draws (its steps, done once per table)."""
    population, cumulative, total = _drawn(table)
    return population[bisect(cumulative, rng.random() * total, 0, len(population) - 1)]


# --- invented names (data/names.json) ---------------------------------------------------------
BOYS: list[str] = list(_NAMES["boys"])
GIRLS: list[str] = list(_NAMES["girls"])
LAST_NAMES: list[str] = list(_NAMES["last_names"])
COACH_NAMES: Pairs = _pairs(_NAMES["coaches"])
TOWNS_REGION = _strings(_NAMES["towns_region"])
TYPICAL_SCHOOLS: tuple[tuple[str, str, str, str, bool], ...] = tuple(
    (name, short, town, network, bool(buso))
    for name, short, town, network, buso in _NAMES["typical_schools"]
)
SCHOOL_PATTERNS: tuple[tuple[str, str, bool], ...] = tuple(
    (pattern, network, bool(buso)) for pattern, network, buso in _NAMES["school_patterns"]
)
SAINTS: list[str] = list(_NAMES["saints"])
CLBS = _strings(_NAMES["clbs"])
FUNDERS: Pairs = _pairs(_NAMES["funders"])

# --- distributions (data/weights.json) --------------------------------------------------------
REASONS = _weighted(_WEIGHTS["reasons"])
CLASS_REASONS = _weighted(_WEIGHTS["class_reasons"])
MONTH_WEIGHTS: dict[int, int] = {int(m): int(w) for m, w in _WEIGHTS["month_weights"].items()}
FUNCTIONS = _weighted(_WEIGHTS["functions"])
CHANNELS = _weighted(_WEIGHTS["channels"])
URGENCIES = _weighted(_WEIGHTS["urgencies"])
GENDERS = _weighted(_WEIGHTS["genders"])
GRADES = _weighted(_WEIGHTS["grades"])
STUDY_YEARS = _strings_by_key(_WEIGHTS["study_years"])
CLASS_SUFFIX = _strings_by_key(_WEIGHTS["class_suffix"])
CARE_PHASES = _weighted(_WEIGHTS["care_phases"])
ATTENDANCE = _weighted(_WEIGHTS["attendance"])
GOAL_EVALUATIONS = _weighted(_WEIGHTS["goal_evaluations"])
OUTCOMES = _weighted(_WEIGHTS["outcomes"])
STOP_REASONS = _weighted(_WEIGHTS["stop_reasons"])
NO_START = _weighted(_WEIGHTS["no_start"])
SLOTS = tuple(time.fromisoformat(slot) for slot in _WEIGHTS["slots"])  # lesson hours
MEETING_SLOTS = tuple(time.fromisoformat(slot) for slot in _WEIGHTS["meeting_slots"])
DURATION: dict[str, int] = dict(_WEIGHTS["duration_min"])
LOCATION: dict[str, str] = dict(_WEIGHTS["location"])

# --- Dutch texts (data/texts.json) ------------------------------------------------------------
HELP: dict[str, str] = dict(_TEXTS["help"])
GROUP_GOALS: dict[str, Pairs] = {kind: _pairs(g) for kind, g in _TEXTS["group_goals"].items()}
GOALS = _strings_by_key(_TEXTS["goals"])
REASON_DOMAIN: dict[str, str] = dict(_TEXTS["reason_domain"])
NOTE_CONTENT = _strings(_TEXTS["note_content"])
NOTE_OBSERVATIONS = _strings(_TEXTS["note_observations"])
NOTE_AGREEMENTS = _strings(_TEXTS["note_agreements"])
NOTE_NEXT = _strings(_TEXTS["note_next"])
CLASS_CONTENT = _strings(_TEXTS["class_content"])
SCHOOL_CONTENT = _strings(_TEXTS["school_content"])
PADDING = _strings(_TEXTS["padding"])
TEMPLATES: tuple[tuple[str, ...], ...] = tuple(tuple(t) for t in _TEXTS["templates"])
