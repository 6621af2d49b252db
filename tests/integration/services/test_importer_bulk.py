"""The bulk writer stores exactly what the services store when the same rows are imported one
service call at a time (the importer's path before issue 18); every table is compared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    Referral,
    ReferralTransition,
    Trajectory,
    Youth,
    YouthEnrolment,
)
from amo_desktop.domain.enums import ClosureReason, GoalEvaluation, ReferralStatus
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import AuditEvent, User
from amo_desktop.domain.reference import School
from amo_desktop.services import intake, trajectories
from amo_desktop.services._import_check import Context, Row, check_row
from amo_desktop.services._import_read import cells_by_column, header_map, read_file
from amo_desktop.services._import_spec import (
    ENDED_WITHOUT_TRAJECTORY,
    IMPORTED_GOAL,
    STARTED,
    WITH_TRAJECTORY,
    ImportIssue,
)
from amo_desktop.services._import_write import DUPLICATE_WARNING, BulkWriter
from amo_desktop.services.importer import ImportReport, _resolve_schools
from amo_desktop.services.intake import DuplicateReferralError
from tests.integration.services.conftest import TODAY, Stage, youth_referral
from tests.integration.services.test_importer import MIXED_ROWS, jongere, write_xlsx

S = ReferralStatus
TABLES = (Youth, YouthEnrolment, ClassGroup, Referral, ReferralTransition, Trajectory, Goal)
STAMPS = {"id", "created_at", "updated_at", "at", "status_changed_at"}


def by_services(s: Session, caller: Identity, row: Row, warnings: list[ImportIssue]) -> None:
    """The importer's steps before the bulk writer: one service call per step."""
    try:
        made = intake.register_referral(s, caller, row.data, today=TODAY)
    except DuplicateReferralError:
        made = intake.register_referral(s, caller, row.data, confirm_duplicate=True, today=TODAY)
        warnings.append(ImportIssue(row.number, "voornaam", DUPLICATE_WARNING))
    received, status = row.data.received_on, row.status
    if status in (S.VRAAGVERHELDERING, S.WACHTLIJST):
        intake.transition_referral(s, caller, made.id, status.value, on=received)
    elif status in ENDED_WITHOUT_TRAJECTORY:
        intake.transition_referral(
            s,
            caller,
            made.id,
            status.value,
            on=row.end_on or received,
            reason="Ingelezen uit importbestand",
            no_start_reason=row.no_start_reason,
        )
    elif status in WITH_TRAJECTORY:
        assert row.start_on is not None and row.coach_id is not None
        intake.transition_referral(s, caller, made.id, S.VRAAGVERHELDERING.value, on=received)
        trajectory = trajectories.assign_to_coach(
            s, caller, made.id, row.coach_id, row.start_on, on=min(row.start_on, TODAY)
        )
        if status in STARTED:
            trajectories.start_trajectory(s, caller, trajectory.id, row.start_on)
        if status == S.AFGESLOTEN:
            assert row.end_on is not None and row.closure_reason is not None
            if row.closure_reason == ClosureReason.DOELEN_BEREIKT:
                assert row.goal_domain is not None
                goal = trajectories.add_goal(
                    s, caller, trajectory.id, IMPORTED_GOAL, row.goal_domain, row.start_on
                )
                trajectories.evaluate_goal(
                    s, caller, goal.id, GoalEvaluation.BEREIKT.value, row.end_on, "Ingelezen"
                )
            trajectories.close_trajectory(
                s, caller, trajectory.id, row.end_on, row.closure_reason, row.outcome
            )


def checked_rows(s: Session, path: Path) -> list[Row]:
    sheet = read_file(path)
    problems: list[ImportIssue] = []
    positions = header_map(sheet.header, problems)
    coaches = {u.login.casefold(): (u.id, u.active) for u in s.scalars(select(User))}
    context = Context(TODAY, coaches)
    rows = [check_row(n, cells, context, set()) for n, cells in cells_by_column(sheet, positions)]
    assert problems == [] and all(r.problems == [] for r in rows)
    return [r.row for r in rows if r.row is not None]


def labels(s: Session) -> dict[str, str]:
    """Every id as something both imports agree on: names, help questions, what it hangs on."""
    names: dict[str, str] = {u.id: f"user:{u.login}" for u in s.scalars(select(User))}
    names.update({x.id: f"school:{x.name}" for x in s.scalars(select(School))})
    for y in s.scalars(select(Youth)):
        names[y.id] = f"youth:{y.first_name} {y.last_name} {y.birth_date}"
    for r in s.scalars(select(Referral)):
        names[r.id] = f"referral:{r.help_question}"
        if r.class_group_id:
            names[r.class_group_id] = f"group of {names[r.id]}"
    for t in s.scalars(select(Trajectory)):
        names[t.id] = f"trajectory of {names[t.referral_id]}"
    for g in s.scalars(select(Goal)):
        names[g.id] = f"goal of {names[g.trajectory_id]}"
    return names


def dump(s: Session) -> dict[str, list[str]]:
    s.flush()
    names = labels(s)
    tables: dict[str, list[str]] = {}
    for model in (*TABLES, AuditEvent):
        table = model.__table__  # type: ignore[attr-defined]
        rows = []
        # Raw values as SQLite holds them (text dates, 0/1), so a difference in how a value is
        # stored shows too, not only in how it reads back.
        for row in s.connection().exec_driver_sql(f'SELECT * FROM "{table.name}"').mappings():
            if model is AuditEvent and row["action"] == "import":
                continue
            values: dict[str, Any] = {
                k: names.get(v, v) if isinstance(v, str) else v
                for k, v in row.items()
                if k not in STAMPS
            }
            values.update(  # when differs, how it is written must not
                {k: re.sub(r"\d", "9", str(v)) for k, v in row.items() if k in STAMPS - {"id"}}
            )
            rows.append(repr(sorted(values.items())))
        tables[table.name] = sorted(rows)
    return tables


def import_both_ways(stage: Stage, path: Path) -> None:
    results = []
    for bulk in (False, True):
        with stage.vault.session() as s:
            savepoint = s.begin_nested()
            rows = checked_rows(s, path)
            report = ImportReport()
            schools = _resolve_schools(s, stage.leader, rows, report)
            for row in rows:
                row.data.school_id = schools[row.school_key][0]
            if bulk:
                writer = BulkWriter(s, stage.leader, TODAY)
                assert [writer.add(row, report.warnings) for row in rows] == [None] * len(rows)
                writer.write()
            else:
                for row in rows:
                    by_services(s, stage.leader, row, report.warnings)
            results.append((dump(s), report.warnings))
            savepoint.rollback()
    (services, service_warnings), (bulk_tables, bulk_warnings) = results
    assert bulk_warnings == service_warnings
    for name in services:
        assert bulk_tables[name] == services[name], name


def test_bulk_import_stores_what_the_services_store(stage: Stage, tmp_path: Path) -> None:
    with stage.vault.session() as s:  # a young person already in the vault, still open
        intake.register_referral(
            s,
            stage.leader,
            youth_referral(stage.schools["VKO Opwijk"], first="Sara", last="Peeters"),
            today=TODAY,
        )
    rows = [dict(r) for r in MIXED_ROWS]
    for number, row in enumerate(rows):
        row["hulpvraag"] = f"{row['hulpvraag']} ({number})"
    rows += [
        jongere("Sara", hulpvraag="Al gekend, nog open."),
        jongere("Sara", hulpvraag="Tweede keer in dit bestand.", status="wachtlijst"),
        jongere(
            "Jonas",
            hulpvraag="Afgesloten, doel bereikt.",
            status="afgesloten",
            begeleider="an",
            startdatum="2025-10-20",
            einddatum="2026-01-15",
            afsluitreden="doelen_bereikt",
            doeldomein="gezondheid",
        ),
        jongere("Jonas", hulpvraag="Opnieuw, na het afsluiten.", datum_aanmelding="2026-01-20"),
        jongere(
            "Mo", hulpvraag="Niet gestart.", status="niet_gestart", reden_geen_opstart="opgelost"
        ),
        jongere("Lina", hulpvraag="Doorverwezen.", status="doorverwezen", einddatum="2025-10-10"),
        jongere("Tom", hulpvraag="In vraagverheldering.", status="vraagverheldering"),
        jongere("Ella", hulpvraag="Zonder geboortedatum.", geboortedatum=None, klas="3A"),
        {
            **jongere("", hulpvraag="Een groep."),
            "onderwerp": "groep",
            "groep_omschrijving": "Meisjes 2de graad",
            "voornaam": None,
            "achternaam": None,
            "geboortedatum": None,
        },
    ]
    import_both_ways(stage, write_xlsx(tmp_path / "beide.xlsx", rows))
