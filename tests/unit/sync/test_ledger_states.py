"""The exchange's books read back as field states (sync/ledger.py, issue 17): what a laptop
knew of a field decides what a merge keeps, so each source of that knowledge is pinned here."""

from __future__ import annotations

import re

import pytest

from amo_desktop.errors import NoTeamError
from amo_desktop.sync.ledger import (
    CHUNK,
    LedgerState,
    RowBook,
    Team,
    chunks,
    marks,
    now_iso,
    remote_state,
)
from amo_desktop.sync.merge import FieldState, Value

MADE = "2025-10-01T08:00:00.000Z"
EDITED = "2025-10-02T09:00:00.000Z"


def test_a_field_never_edited_is_its_rows_creation() -> None:
    book = RowBook("v-lead:3", "u-lea", MADE)
    assert book.state("summary", "nieuw") == FieldState(
        {"v-lead": 3}, {"v-lead:3": Value("nieuw", "u-lea", MADE)}
    )


def test_an_edited_field_is_its_last_edit() -> None:
    book = RowBook("v-lead:3", "u-lea", MADE)
    book.overrides["summary"] = ({"v-lead": 3, "v-an": 5}, "v-an:5", "u-an", EDITED)
    assert book.state("summary", "bezig") == FieldState(
        {"v-lead": 3, "v-an": 5}, {"v-an:5": Value("bezig", "u-an", EDITED)}
    )
    assert book.state("status", "open") == FieldState(
        {"v-lead": 3}, {"v-lead:3": Value("open", "u-lea", MADE)}
    )


def test_a_field_whose_value_is_unknown_holds_no_value() -> None:
    book = RowBook("v-lead:3", "u-lea", MADE)
    book.overrides["summary"] = ({"v-lead": 4}, None, None, "")
    assert book.state("summary", "iets") == FieldState({"v-lead": 4}, {})


def test_a_field_in_conflict_is_every_clashing_value() -> None:
    book = RowBook("v-lead:3", "u-lea", MADE)
    clash = {
        "v-an:5": Value("An", "u-an", EDITED),
        "v-lead:6": Value("Lea", "u-lea", EDITED),
    }
    book.overrides["summary"] = ({"v-lead": 6, "v-an": 5}, "v-lead:6", "u-lea", EDITED)
    book.siblings["summary"] = dict(clash)
    state = book.state("summary", "Lea")
    assert state == FieldState({"v-lead": 6, "v-an": 5}, clash)
    assert state.conflicted
    state.values.clear()  # the book keeps its own copy
    assert book.siblings["summary"] == clash
    alone = RowBook("v-lead:3", "u-lea", MADE)
    alone.siblings["summary"] = dict(clash)
    assert alone.state("summary", "Lea") == FieldState({}, clash)


def _wire(states: object = None, sibs: object = None) -> list[object]:
    return ["k-1", "v-an:2", "u-an", MADE, ["x"], states, sibs]


def test_an_incoming_field_is_known_as_the_sender_knows_it() -> None:
    assert remote_state(_wire(), "summary", "x") == FieldState(
        {"v-an": 2}, {"v-an:2": Value("x", "u-an", MADE)}
    )
    edited = _wire({"summary": [{"v-an": 4}, "v-an:4", "u-an", EDITED]})
    assert remote_state(edited, "summary", "y") == FieldState(
        {"v-an": 4}, {"v-an:4": Value("y", "u-an", EDITED)}
    )
    assert remote_state(edited, "status", "open") == FieldState(
        {"v-an": 2}, {"v-an:2": Value("open", "u-an", MADE)}
    )
    unknown = _wire({"summary": [{"v-an": 4}, None, None, ""]})
    assert remote_state(unknown, "summary", "y") == FieldState({"v-an": 4}, {})


def test_a_field_withheld_from_this_laptop_tells_it_nothing() -> None:
    withheld = _wire({"first_name": None}, {"first_name": [["v-an:3", "Zoë", "u-an", MADE]]})
    assert remote_state(withheld, "first_name", "") is None
    assert remote_state(withheld, "last_name", "") is not None


def test_an_incoming_conflict_brings_every_value() -> None:
    sibs = {"summary": [["v-an:3", "An", "u-an", MADE], ["v-lead:4", "Lea", "u-lea", EDITED]]}
    values = {"v-an:3": Value("An", "u-an", MADE), "v-lead:4": Value("Lea", "u-lea", EDITED)}
    with_vv = _wire({"summary": [{"v-an": 3, "v-lead": 4}, "v-lead:4", "u-lea", EDITED]}, sibs)
    assert remote_state(with_vv, "summary", "Lea") == FieldState({"v-an": 3, "v-lead": 4}, values)
    assert remote_state(_wire(None, sibs), "summary", "Lea") == FieldState({}, values)
    other = _wire({"status": [{"v-an": 9}, "v-an:9", "u-an", EDITED]}, sibs)
    assert remote_state(other, "summary", "Lea") == FieldState({}, values)


def test_stamps_have_milliseconds_and_a_z_like_the_triggers() -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", now_iso())


def test_statements_bind_at_most_a_chunk_of_values() -> None:
    items = list(range(2 * CHUNK + 1))
    parts = list(chunks(items))
    assert [len(p) for p in parts] == [CHUNK, CHUNK, 1]
    assert [x for p in parts for x in p] == items
    assert list(chunks([])) == []
    assert marks(["a", "b", "c"]) == "?,?,?"
    assert marks([]) == ""


def _state(team_id: str | None) -> LedgerState:
    return LedgerState(
        capture=True,
        vault_id="v-1",
        team_id=team_id,
        team_name="Groep INTRO",
        key_gen=1,
        team_key=bytearray(b"k" * 32),
        box_private=b"b" * 32,
        sign_private=memoryview(b"s" * 32),  # type: ignore[arg-type]
        seq=3,
        lseq=2,
        folder="",
    )


def test_a_vault_outside_a_team_has_no_keys_to_hand_out() -> None:
    with pytest.raises(NoTeamError):
        _state(None).team()
    with pytest.raises(NoTeamError):
        _state("").team()
    team = _state("t-1").team()
    assert team == Team("t-1", "v-1", b"k" * 32, b"b" * 32, b"s" * 32)
    assert all(type(k) is bytes for k in (team.team_key, team.box_private, team.sign_private))
