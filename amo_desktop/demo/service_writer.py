"""Puts a demo plan in the vault through the real services, so their rules check the plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from amo_desktop.demo.planner import DemoPlanner
from amo_desktop.demo.plans import (
    CasePlan,
    CaseSteps,
    SchoolWorkPlan,
    SeriesPlan,
    SessionPlan,
    YearItem,
)
from amo_desktop.demo.scales import Progress
from amo_desktop.demo.stage import Stage
from amo_desktop.domain.caseload import Referral
from amo_desktop.domain.identity import Identity
from amo_desktop.services import intake, notes, scheduling, trajectories
from amo_desktop.services.intake import ReferralInput
from amo_desktop.services.notes import NoteInput
from amo_desktop.services.scheduling import SessionInput


class ServiceWriter:
    """Every step through the real services, as the team leader or the coach who does it."""

    def __init__(self, stage: Stage, planner: DemoPlanner) -> None:
        self.stage = stage
        self.planner = planner
        self.youth_ids: dict[int, str] = {}

    def write_year(self, s: Session, year: int, items: list[YearItem], progress: Progress) -> None:
        for i, item in enumerate(items):
            if isinstance(item, SchoolWorkPlan):
                self.series(s, item.series, school_id=self.stage.schools[item.school])
            else:
                self._case(s, item)
            if i % 50 == 0:
                progress(i / max(1, len(items)))

    def coach(self, index: int) -> Identity:
        return self.stage.coaches[index]

    def _referral_input(self, case: CasePlan) -> ReferralInput:
        r = case.referral
        data = ReferralInput(
            received_on=r["received_on"],
            school_id=self.stage.schools[case.school],
            subject_kind=r["subject_kind"],
            offer_type=r["offer_type"],
            prevention_level=r["prevention_level"],
            reasons=list(r["reasons"]),
            help_question=r["help_question"],
            channel=r["channel"],
            referrer_name=r["referrer_name"],
            referrer_function=r["referrer_function"],
            referrer_org=r["referrer_org"],
            via_clb=r["via_clb"],
            urgency=r["urgency"],
            care_phase=r["care_phase"],
            consent_youth=r["consent_youth"],
            parents_informed=r["parents_informed"],
            group_description=r["group_description"],
        )
        youth = case.youth
        if youth is not None:
            data.class_label, data.study_year = youth.class_label, youth.study_year
            if case.youth_is_new:
                data.youth_first_name, data.youth_last_name = youth.first_name, youth.last_name
                data.youth_birth_date, data.youth_gender = youth.birth_date, youth.gender
            else:
                data.youth_id = self.youth_ids[youth.key]
        if case.class_group is not None:
            data.class_group_label = case.class_group["label"]
            data.class_pupil_count = case.class_group["pupil_count"]
            data.study_year = case.class_group["study_year"]
        return data

    def _case(self, s: Session, case: CasePlan) -> None:
        leader = self.stage.leader
        caller = leader if case.registered_by is None else self.coach(case.registered_by)
        summary = intake.register_referral(
            s, caller, self._referral_input(case), confirm_duplicate=True, today=self.planner.today
        )
        referral = s.get(Referral, summary.id)
        assert referral is not None
        if case.youth is not None and referral.youth_id:
            self.youth_ids[case.youth.key] = referral.youth_id
        steps = _ServiceSteps(self, s, referral)
        for op in case.ops[1:]:
            steps.do(op)

    def _input(self, plan: SessionPlan | SeriesPlan, on: date, **where: Any) -> SessionInput:
        return SessionInput(
            self.coach(plan.coach).user_id,
            on,
            plan.start,
            plan.duration,
            plan.contact_type,
            plan.location,
            participants=plan.participants,
            **where,
        )

    def series(self, s: Session, plan: SeriesPlan, **where: Any) -> None:
        caller = self.coach(plan.coach)
        planned = scheduling.plan_series(
            s,
            caller,
            self._input(plan, plan.first_on, **where),
            plan.frequency,
            plan.count,
            plan.until,
        )
        got = [x.on for x in planned.sessions]
        want = [x.on for x in plan.sessions]
        if got != want:
            raise AssertionError(f"series dates differ from the plan: {got} != {want}")
        for info, session in zip(planned.sessions, plan.sessions, strict=True):
            self._aftercare(s, caller, info.id, session)

    def single(self, s: Session, plan: SessionPlan, trajectory_id: str) -> None:
        caller = self.coach(plan.coach)
        planned = scheduling.plan_session(
            s, caller, self._input(plan, plan.on, trajectory_id=trajectory_id)
        )
        self._aftercare(s, caller, planned.sessions[0].id, plan)

    def _aftercare(self, s: Session, caller: Identity, session_id: str, plan: SessionPlan) -> None:
        if plan.attendance is not None:
            scheduling.record_attendance(s, caller, session_id, plan.attendance, plan.present_count)
        note = plan.note
        if note is None:
            return
        for text in (note.earlier, note):
            if text is not None:
                notes.save_note(
                    s,
                    caller,
                    session_id,
                    NoteInput(
                        text.content,
                        text.observations,
                        text.agreements,
                        text.next_steps,
                        None,
                        text.visibility,
                    ),
                )


class _ServiceSteps(CaseSteps):
    """The ops after the registration of one referral, each through its service."""

    def __init__(self, writer: ServiceWriter, s: Session, referral: Referral) -> None:
        self.writer = writer
        self.s = s
        self.referral = referral
        self.leader = writer.stage.leader
        self.coach = self.leader
        self.trajectory_id = ""
        self.goals: dict[int, str] = {}

    def transition(self, on: date, d: dict[str, Any]) -> None:
        intake.transition_referral(
            self.s,
            self.leader,
            self.referral.id,
            d["to"],
            d["reason"],
            on=on,
            no_start_reason=d["no_start"],
        )

    def assign(self, on: date, d: dict[str, Any]) -> None:
        self.coach = self.writer.coach(d["lead"])
        co = [self.writer.coach(c).user_id for c in d["co"]]
        info = trajectories.assign_to_coach(
            self.s, self.leader, self.referral.id, self.coach.user_id, d["start"], co, on=on
        )
        self.trajectory_id = info.id

    def start(self, on: date, d: dict[str, Any]) -> None:
        trajectories.start_trajectory(self.s, self.coach, self.trajectory_id, on)

    def goal(self, on: date, d: dict[str, Any]) -> None:
        goal = trajectories.add_goal(
            self.s, self.coach, self.trajectory_id, d["description"], d["domain"], on
        )
        self.goals[d["index"]] = goal.id

    def series(self, on: date, d: dict[str, Any]) -> None:
        group = self.referral.class_group_id if d["class"] else None
        self.writer.series(
            self.s, d["series"], trajectory_id=self.trajectory_id, class_group_id=group
        )

    def session(self, on: date, d: dict[str, Any]) -> None:
        self.writer.single(self.s, d["session"], self.trajectory_id)

    def evaluate(self, on: date, d: dict[str, Any]) -> None:
        goal_id = self.goals[d["index"]]
        trajectories.evaluate_goal(self.s, self.coach, goal_id, d["evaluation"], on, d["note"])

    def close(self, on: date, d: dict[str, Any]) -> None:
        trajectories.close_trajectory(
            self.s, self.coach, self.trajectory_id, on, d["reason"], d["outcome"], d["summary"]
        )
