"""Retention, rule by rule: every free text of a whole case is emptied, the count is right, and
who is due follows the rules (found by mutation testing the retention services)."""

from __future__ import annotations

import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from amo_desktop.domain.caseload import Youth
from amo_desktop.errors import PermissionDeniedError, ValidationError
from amo_desktop.services import intake, notes, retention, scheduling, trajectories
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.retention import _add_years
from amo_desktop.services.scheduling import SessionInput
from tests.integration.services.conftest import Stage, youth_referral
from tests.integration.sqlcipher_pages import all_pages, pages_containing

# One canary per free-text field of a case beyond the young person's own fields
# (those are in test_protective_rules.py).
CASE_CANARIES = {
    "group_description": "Groepsomschrijvingkanarie",
    "transition_reason": "Overgangsredenkanarie",
    "trajectory_summary": "Samenvattingkanarie",
    "goal_description": "Doelkanarie",
    "goal_note": "Evaluatiekanarie",
    "participants": "Deelnemerskanarie",
    "content": "Inhoudkanarie",
    "observations": "Observatiekanarie",
    "agreements": "Afsprakenkanarie",
    "next_steps": "Volgendestappenkanarie",
}
CLOSED_ON = date(2026, 1, 30)


def _whole_case(stage: Stage, first: str, canaries: dict[str, str]) -> str:
    """A referral through a closed trajectory (with a co-coach) with a goal, a session and a
    note saved twice, each free-text field holding its canary (suffixed with the first name);
    returns the young person's id."""
    c = {k: f"{v}{first}" for k, v in canaries.items()}
    with stage.vault.session() as s:
        ref = intake.register_referral(
            s,
            stage.leader,
            youth_referral(
                stage.schools["VKO Opwijk"],
                first=first,
                group_description=c["group_description"],
            ),
            today=date(2026, 2, 2),
        )
        intake.transition_referral(
            s,
            stage.leader,
            ref.id,
            "wachtlijst",
            reason=c["transition_reason"],
            on=date(2025, 10, 7),
        )
        traj = trajectories.assign_to_coach(
            s,
            stage.leader,
            ref.id,
            stage.an.user_id,
            date(2025, 10, 20),
            co_coach_ids=[stage.yusuf.user_id],
            on=date(2025, 10, 15),
        )
        trajectories.start_trajectory(s, stage.an, traj.id, date(2025, 10, 20))
        goal = trajectories.add_goal(
            s, stage.an, traj.id, c["goal_description"], "onderwijsloopbaan", date(2025, 10, 20)
        )
        trajectories.evaluate_goal(
            s, stage.an, goal.id, "bereikt", date(2026, 1, 20), note=c["goal_note"]
        )
        talk = SessionInput(
            stage.an.user_id,
            date(2025, 10, 21),
            time(10),
            50,
            "individueel_gesprek",
            trajectory_id=traj.id,
            participants=c["participants"],
        )
        session = scheduling.plan_session(s, stage.an, talk).sessions[0]
        note = NoteInput(
            content=c["content"],
            observations=c["observations"],
            agreements=c["agreements"],
            next_steps=c["next_steps"],
        )
        notes.save_note(s, stage.an, session.id, NoteInput(content=f"Eerste versie {first}"))
        notes.save_note(s, stage.an, session.id, note)  # the first is kept as a version
        trajectories.close_trajectory(
            s,
            stage.an,
            traj.id,
            CLOSED_ON,
            "doelen_bereikt",
            "zelfde_school_richting",
            summary=c["trajectory_summary"],
        )
        youth = intake.get_referral(s, stage.leader, ref.id).youth_id
    assert youth is not None
    return youth


def test_anonymising_two_cases_empties_every_free_text_and_counts_both(stage: Stage) -> None:
    youths = [_whole_case(stage, name, CASE_CANARIES) for name in ("Anna", "Bram")]
    pages = all_pages(stage.vault.db_path, bytes(stage.vault._require_dek()))
    assert pages_containing(pages, CASE_CANARIES["observations"].encode())  # the canaries live
    today = date(2031, 2, 1)  # five years after closure
    assert retention.anonymise(stage.vault, stage.leader, youths, today) == 2
    with stage.vault.raw_connection() as conn:

        def column(sql: str) -> list[object]:
            return [row[0] for row in conn.execute(sql).fetchall()]

        assert set(column("SELECT group_description FROM referrals")) == {""}
        assert set(column("SELECT reason FROM referral_transitions")) == {""}
        assert set(column("SELECT summary FROM trajectories")) == {""}
        assert set(column("SELECT description || evaluation_note FROM goals")) == {""}
        assert set(column("SELECT participants FROM sessions")) == {""}
        fields = "content || observations || agreements || next_steps"
        assert set(column(f"SELECT {fields} FROM session_notes")) == {""}
        assert column("SELECT COUNT(*) FROM note_versions") == [0]
        stamps = column("SELECT anonymised_at FROM youths")
        audits = conn.execute(
            "SELECT user_id, entity, entity_id, detail FROM audit_events WHERE action='anonymise'"
        ).fetchall()
    assert len(stamps) == 2 and all(stamps)
    detail = f"on={today.isoformat()} rule=individuele_begeleiding:years_after_closure:5"
    assert sorted(audits) == sorted((stage.leader.user_id, "youth", y, detail) for y in youths)
    pages = all_pages(stage.vault.db_path, bytes(stage.vault._require_dek()))
    for field, canary in CASE_CANARIES.items():
        assert pages_containing(pages, canary.encode()) == [], field


def test_anonymising_leaves_another_young_persons_case_alone(stage: Stage) -> None:
    gone, kept = (_whole_case(stage, name, CASE_CANARIES) for name in ("Anna", "Bram"))
    assert retention.anonymise(stage.vault, stage.leader, [gone], date(2031, 2, 1)) == 1
    with stage.vault.session() as s:
        assert [d.youth_id for d in retention.due(s, stage.leader, date(2031, 2, 1))] == [kept]
    pages = all_pages(stage.vault.db_path, bytes(stage.vault._require_dek()))
    for field, canary in CASE_CANARIES.items():
        assert pages_containing(pages, f"{canary}Bram".encode()), field
        assert pages_containing(pages, f"{canary}Anna".encode()) == [], field


def test_due_date_follows_the_closure_and_the_age_rules(stage: Stage) -> None:
    youth = _whole_case(stage, "Anna", CASE_CANARIES)
    with stage.vault.session() as s:
        assert retention.due(s, stage.leader, date(2031, 1, 29)) == []
        (item,) = retention.due(s, stage.leader, date(2031, 1, 30))
        assert (item.youth_id, item.due_on, item.referrals) == (youth, date(2031, 1, 30), 1)
        # until age 30, no birth date: assumed 12 at the referral of 06/10/2025 (born 2013)
        retention.set_rule(s, stage.leader, "individuele_begeleiding", "until_age", 30)
        (item,) = retention.due(s, stage.leader, date(2099, 1, 1))
        assert item.due_on == date(2043, 10, 6)
        assert item.rule == "individuele_begeleiding:until_age:30"
        # a known birth date counts instead
        s.get(Youth, youth).birth_date = date(2010, 2, 28)  # type: ignore[union-attr]
        s.flush()
        (item,) = retention.due(s, stage.leader, date(2099, 1, 1))
        assert item.due_on == date(2040, 2, 28)


def test_a_removed_young_person_is_never_due(stage: Stage) -> None:
    """A tombstone from another laptop (deleted_at) is not listed, so not anonymised again."""
    youth = _whole_case(stage, "Anna", CASE_CANARIES)
    with stage.vault.session() as s:
        s.get(Youth, youth).deleted_at = datetime(2026, 3, 1, tzinfo=UTC)  # type: ignore[union-attr]
        s.flush()
        assert retention.due(s, stage.leader, date(2099, 1, 1)) == []


def test_every_young_person_with_a_closed_case_is_listed(stage: Stage) -> None:
    """One young person with an open referral does not hide the others behind them."""
    first = _whole_case(stage, "Anna", CASE_CANARIES)
    second = _whole_case(stage, "Bram", CASE_CANARIES)
    with stage.vault.session() as s:
        again = youth_referral(stage.schools["VKO Opwijk"], received=date(2026, 2, 1))
        again.youth_id = first
        intake.register_referral(
            s, stage.leader, again, today=date(2026, 2, 2), confirm_duplicate=True
        )
        assert [d.youth_id for d in retention.due(s, stage.leader, date(2099, 1, 1))] == [second]


def test_adding_years_to_29_february() -> None:
    assert _add_years(date(2012, 2, 29), 1) == date(2013, 2, 28)
    assert _add_years(date(2012, 2, 29), 4) == date(2016, 2, 29)
    assert _add_years(date(2012, 2, 29), -1) == date(2011, 2, 28)
    assert _add_years(date(2012, 3, 1), 1) == date(2013, 3, 1)


def test_the_rules_list_every_offer_with_its_default_until_changed(stage: Stage) -> None:
    with stage.vault.session() as s:
        rules = {r.offer_type: r for r in retention.list_rules(s, stage.leader)}
        assert set(rules) == set(retention.DEFAULT_RULES)
        assert all(r.is_default for r in rules.values())
        assert (rules["individuele_begeleiding"].rule, rules["individuele_begeleiding"].value) == (
            "years_after_closure",
            5,
        )
        naft = [r for o, r in rules.items() if o.startswith("naft")]
        assert naft and all((r.rule, r.value) == ("until_age", 35) for r in naft)
        retention.set_rule(s, stage.leader, "individuele_begeleiding", "until_age", 30)
        changed = {r.offer_type: r for r in retention.list_rules(s, stage.leader)}
        assert changed["individuele_begeleiding"] == retention.RuleInfo(
            "individuele_begeleiding", "until_age", 30, False
        )
        assert sum(not r.is_default for r in changed.values()) == 1
        assert [r.offer_type for r in retention.list_rules(s, stage.leader)] == sorted(rules)


def test_a_coach_may_not_read_or_change_the_rules(stage: Stage) -> None:
    with stage.vault.session() as s:
        with pytest.raises(PermissionDeniedError):
            retention.list_rules(s, stage.an)
        with pytest.raises(PermissionDeniedError):
            retention.set_rule(s, stage.an, "individuele_begeleiding", "until_age", 30)


OFFER_REFUSED = ("offer_type", "Kies een aanbod uit de lijst.", "Choose an offer.")
RULE_REFUSED = ("rule", "Kies een regel uit de lijst.", "Choose a rule.")
AGE_REFUSED = ("value", "Kies een waarde van 18 tot 100.", "Choose a value from 18 to 100.")
YEARS_REFUSED = ("value", "Kies een waarde van 0 tot 50.", "Choose a value from 0 to 50.")


@pytest.mark.parametrize(
    ("offer", "rule", "value", "refusal"),
    [
        ("geen_aanbod", "until_age", 30, OFFER_REFUSED),
        ("individuele_begeleiding", "forever", 30, RULE_REFUSED),
        ("individuele_begeleiding", "until_age", 17, AGE_REFUSED),
        ("individuele_begeleiding", "until_age", 101, AGE_REFUSED),
        ("individuele_begeleiding", "years_after_closure", -1, YEARS_REFUSED),
        ("individuele_begeleiding", "years_after_closure", 51, YEARS_REFUSED),
    ],
)
def test_a_rule_out_of_bounds_is_refused_and_changes_nothing(
    stage: Stage, offer: str, rule: str, value: int, refusal: tuple[str, str, str]
) -> None:
    with stage.vault.session() as s:
        with pytest.raises(ValidationError) as refused:
            retention.set_rule(s, stage.leader, offer, rule, value)
        error = refused.value
        assert (error.field, error.message("nl"), error.message("en")) == refusal
        assert all(r.is_default for r in retention.list_rules(s, stage.leader))


def test_the_bounds_themselves_are_allowed(stage: Stage) -> None:
    with stage.vault.session() as s:
        for rule, value in (
            ("until_age", 18),
            ("until_age", 100),
            ("years_after_closure", 0),
            ("years_after_closure", 50),
        ):
            info = retention.set_rule(s, stage.leader, "individuele_begeleiding", rule, value)
            assert (info.rule, info.value, info.is_default) == (rule, value, False)
            stored = {r.offer_type: r for r in retention.list_rules(s, stage.leader)}
            assert stored["individuele_begeleiding"] == info  # the one row, changed again
    with stage.vault.raw_connection() as conn:
        (changed_by,) = conn.execute("SELECT changed_by FROM retention_rules").fetchone()
        audits = conn.execute(
            "SELECT user_id, entity, detail FROM audit_events WHERE action='update' "
            "AND entity='retention_rule' AND entity_id IS NULL ORDER BY rowid"
        ).fetchall()
    assert changed_by == stage.leader.user_id
    assert [a[2] for a in audits] == [
        "individuele_begeleiding:until_age:18",
        "individuele_begeleiding:until_age:100",
        "individuele_begeleiding:years_after_closure:0",
        "individuele_begeleiding:years_after_closure:50",
    ]
    assert {a[0] for a in audits} == {stage.leader.user_id}


CASE_TABLES = (
    "youths",
    "youth_enrolments",
    "referrals",
    "referral_transitions",
    "trajectories",
    "trajectory_coaches",
    "goals",
    "sessions",
    "session_notes",
    "note_versions",
)


def test_erase_removes_every_row_of_the_case_and_no_other(stage: Stage) -> None:
    gone = _whole_case(stage, "Anna", CASE_CANARIES)
    before = stage.vault.check()
    _whole_case(stage, "Bram", CASE_CANARIES)
    retention.erase(stage.vault, stage.leader, gone, "  verzoek 2026-015  ")
    after = stage.vault.check()
    assert {t: after[t] for t in CASE_TABLES} == {t: before[t] for t in CASE_TABLES}
    assert [t for t in CASE_TABLES if before[t] == 0] == []
    with stage.vault.raw_connection() as conn:
        who, detail = conn.execute(
            "SELECT user_id, detail FROM audit_events WHERE action='erase' AND entity='youth' "
            "AND entity_id=?",
            (gone,),
        ).fetchone()
    assert (who, detail) == (stage.leader.user_id, "reason=verzoek 2026-015")
    pages = all_pages(stage.vault.db_path, bytes(stage.vault._require_dek()))
    for field, canary in CASE_CANARIES.items():
        assert pages_containing(pages, f"{canary}Anna".encode()) == [], field
        assert pages_containing(pages, f"{canary}Bram".encode()), field


@pytest.mark.parametrize(
    ("youth", "reason", "field", "nl", "en"),
    [
        (
            "geen-jongere",
            "verzoek",
            "youth_id",
            "Deze jongere bestaat niet.",
            "This young person does not exist.",
        ),
        (None, "   ", "reason", "Dit veld is verplicht.", "This field is required."),
        (None, "x" * 201, "reason", "Gebruik hoogstens 200 tekens.", "Use at most 200 characters."),
    ],
)
def test_erase_refuses_an_unknown_young_person_or_a_missing_reason(
    stage: Stage, youth: str | None, reason: str, field: str, nl: str, en: str
) -> None:
    real = _whole_case(stage, "Anna", CASE_CANARIES)
    with pytest.raises(ValidationError) as refused:
        retention.erase(stage.vault, stage.leader, youth or real, reason)
    error = refused.value
    assert (error.field, error.message("nl"), error.message("en")) == (field, nl, en)
    assert stage.vault.check()["youths"] == 1


def test_a_reason_of_200_characters_is_enough(stage: Stage) -> None:
    youth = _whole_case(stage, "Anna", CASE_CANARIES)
    retention.erase(stage.vault, stage.leader, youth, "x" * 200)
    assert stage.vault.check()["youths"] == 0


def test_anonymising_a_young_person_not_due_is_refused_and_changes_nothing(stage: Stage) -> None:
    youth = _whole_case(stage, "Anna", CASE_CANARIES)
    with pytest.raises(ValidationError) as refused:
        retention.anonymise(stage.vault, stage.leader, [youth], date(2031, 1, 29))
    assert refused.value.field == "youth_ids"
    assert refused.value.message("nl") == "Dit dossier is nog niet aan de beurt."
    assert refused.value.message("en") == "This file is not due yet."
    with stage.vault.raw_connection() as conn:
        assert conn.execute("SELECT first_name FROM youths").fetchall() == [("Anna",)]


def _plant_clashes(stage: Stage, youth: str) -> dict[str, str]:
    """A clash (a conflict and a sibling value) on each record of the young person's case, as
    two laptops editing the same field leave behind; returns the planted key per table."""
    with stage.vault.raw_connection() as conn:
        keys = {
            "youths": youth,
            "referrals": "SELECT id FROM referrals WHERE youth_id=?",
            "trajectories": "SELECT t.id FROM trajectories t JOIN referrals r "
            "ON r.id=t.referral_id WHERE r.youth_id=?",
            "sessions": "SELECT s.id FROM sessions s JOIN trajectories t ON t.id=s.trajectory_id "
            "JOIN referrals r ON r.id=t.referral_id WHERE r.youth_id=?",
            "session_notes": "SELECT n.id FROM session_notes n JOIN sessions s "
            "ON s.id=n.session_id JOIN trajectories t ON t.id=s.trajectory_id "
            "JOIN referrals r ON r.id=t.referral_id WHERE r.youth_id=?",
        }
        for tbl, sql in list(keys.items())[1:]:
            keys[tbl] = conn.execute(sql, (youth,)).fetchone()[0]
        for tbl, key in keys.items():
            conn.execute(
                'INSERT INTO sync_conflicts (id, tbl, row_key, field, "values", detected_at, '
                "resolution, created_at, updated_at) VALUES (?, ?, ?, 'f', 'Clashkanarie', "
                "'2026-03-01', '', '2026-03-01', '2026-03-01')",
                (f"c-{tbl}-{key}", tbl, key),
            )
            conn.execute(
                "INSERT INTO sync_siblings (tbl, row_key, field, dot, value, at) "
                "VALUES (?, ?, 'f', 'v:1', 'Clashkanarie', '2026-03-01')",
                (tbl, key),
            )
        conn.commit()
    return keys


def _clashes(stage: Stage) -> set[tuple[str, str]]:
    with stage.vault.raw_connection() as conn:
        conflicts = set(conn.execute("SELECT tbl, row_key FROM sync_conflicts").fetchall())
        siblings = set(conn.execute("SELECT tbl, row_key FROM sync_siblings").fetchall())
    assert conflicts == siblings
    return conflicts


@pytest.mark.parametrize("how", ["anonymise", "erase"])
def test_the_clashes_of_a_case_go_with_it(stage: Stage, how: str) -> None:
    """Clashing values are personal data too: anonymising or erasing removes them."""
    gone = _plant_clashes(stage, _whole_case(stage, "Anna", CASE_CANARIES))
    kept = _plant_clashes(stage, _whole_case(stage, "Bram", CASE_CANARIES))
    assert _clashes(stage) == {*gone.items(), *kept.items()}
    if how == "anonymise":
        retention.anonymise(stage.vault, stage.leader, [gone["youths"]], date(2031, 2, 1))
    else:
        retention.erase(stage.vault, stage.leader, gone["youths"], "verzoek")
    assert _clashes(stage) == set(kept.items())


@pytest.fixture
def far_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop's clock set to UTC+14 while the test runs."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.mark.usefixtures("far_time_zone")
def test_the_anonymising_moment_is_kept_in_utc_whatever_the_laptops_zone(stage: Stage) -> None:
    youth = _whole_case(stage, "Anna", CASE_CANARIES)
    retention.anonymise(stage.vault, stage.leader, [youth], date(2031, 2, 1))
    with stage.vault.raw_connection() as conn:
        (stamp,) = conn.execute("SELECT anonymised_at FROM youths").fetchone()
    moment = datetime.fromisoformat(stamp).replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - moment) < timedelta(minutes=5)


def test_pupils_still_waiting_are_never_due_and_hide_nobody(stage: Stage) -> None:
    """Young people whose only referral is still open come first in the file: they are not
    due, and the closed case after them still is."""
    with stage.vault.session() as s:
        for first in ("Wout", "Xena", "Yara"):
            ref = intake.register_referral(
                s,
                stage.leader,
                youth_referral(stage.schools["VKO Opwijk"], first=first, last="Wachtend"),
                today=date(2026, 2, 2),
            )
            intake.transition_referral(s, stage.leader, ref.id, "wachtlijst", on=date(2025, 10, 7))
    closed = _whole_case(stage, "Bram", CASE_CANARIES)
    with stage.vault.session() as s:
        assert [d.youth_id for d in retention.due(s, stage.leader, date(2099, 1, 1))] == [closed]
