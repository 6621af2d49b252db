"""One referral's rows for the bulk writer, as the intake and trajectory services write them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from amo_desktop.demo.plans import CasePlan, CaseSteps
from amo_desktop.domain.caseload import (
    ClassGroup,
    Goal,
    Referral,
    ReferralTransition,
    Trajectory,
    TrajectoryCoach,
    Youth,
    YouthEnrolment,
)
from amo_desktop.domain.enums import ClosureReason, ReferralStatus
from amo_desktop.domain.rules import status_change, transition_row

if TYPE_CHECKING:
    from amo_desktop.demo.bulk_writer import BulkWriter

S = ReferralStatus


def write_case(writer: BulkWriter, case: CasePlan) -> None:
    """Every row of one referral, in the order the services would add them."""
    rows = _CaseRows(writer, case)
    for op in case.ops[1:]:
        rows.do(op)
    rows.emit()


class _CaseRows(CaseSteps):
    """A referral's rows while its ops are applied; `emit` hands them to the writer."""

    def __init__(self, writer: BulkWriter, case: CasePlan) -> None:
        self.w = writer
        self.case = case
        stage = writer.stage
        self.leader = stage.leader.user_id
        by = self.by = (
            self.leader if case.registered_by is None else stage.coaches[case.registered_by].user_id
        )
        self.school_id = stage.schools[case.school]
        self.when = when = writer.at(case.referral["received_on"])
        self.youth_id, rereferral = self._youth()
        self.class_group_id = self._class_group()
        self.referral = self._referral(rereferral)
        self.transitions: list[dict[str, Any]] = []
        self._history(when, by, case.referral["received_on"], None, S.NIEUW, "")
        writer.audit(when, by, "create", "referral", self.referral["id"])
        writer.opens.append(("referral", self.referral["id"]))
        self.trajectory: dict[str, Any] = {}
        self.coaches: list[str] = []
        self.goals: list[dict[str, Any]] = []
        self.later: list[dict[str, Any]] = []  # sessions and co, after the trajectory row

    # --- at registration ---
    def _youth(self) -> tuple[str | None, bool]:
        """The youth (new, or known from an earlier case) and its enrolment this school year."""
        youth, w = self.case.youth, self.w
        if youth is None:
            return None, False
        year = self.case.school_year
        rereferral = False
        if self.case.youth_is_new:
            row = w.stamped(
                self.when,
                self.by,
                deleted_at=None,
                first_name=youth.first_name,
                last_name=youth.last_name,
                birth_date=youth.birth_date,
                gender=youth.gender,
                municipality="",
                flags="",
                anonymised_at=None,
            )
            youth_id: str = row["id"]
            w.youth_ids[youth.key] = youth_id
            w.add(Youth, row)
        else:
            youth_id = w.youth_ids[youth.key]
            rereferral = (youth.key, year) in w.referred
        w.referred.add((youth.key, year))
        if (youth.key, year) not in w.enrolled:
            w.enrolled.add((youth.key, year))
            enrolment = w.stamped(
                self.when,
                self.by,
                youth_id=youth_id,
                school_year=year,
                school_id=self.school_id,
                campus_id=None,
                class_label=youth.class_label,
                study_year=youth.study_year,
                grade=None,
            )
            w.add(YouthEnrolment, enrolment)
        return youth_id, rereferral

    def _class_group(self) -> str | None:
        cg = self.case.class_group
        if cg is None:
            return None
        row = self.w.stamped(
            self.when,
            self.by,
            deleted_at=None,
            school_id=self.school_id,
            campus_id=None,
            school_year=self.case.school_year,
            label=cg["label"],
            study_year=cg["study_year"],
            grade=None,
            pupil_count=cg["pupil_count"],
        )
        self.w.add(ClassGroup, row)
        group_id: str = row["id"]
        return group_id

    def _referral(self, rereferral: bool) -> dict[str, Any]:
        r = self.case.referral
        copied = (
            "received_on", "channel", "referrer_name", "referrer_function", "referrer_org",
            "via_clb", "subject_kind", "group_description", "offer_type", "prevention_level",
            "help_question", "care_phase", "urgency", "consent_youth", "parents_informed",
        )  # fmt: skip
        return self.w.stamped(
            self.when,
            self.by,
            deleted_at=None,
            registered_by=self.by,
            school_year=self.case.school_year,
            referrer_contact_id=None,
            clb_contact_id=None,
            youth_id=self.youth_id,
            class_group_id=self.class_group_id,
            school_id=self.school_id,
            reasons=",".join(dict.fromkeys(r["reasons"])),
            actions_taken="",
            status="nieuw",
            status_changed_at=self.when,
            no_start_reason=None,
            intake_on=None,
            start_on=None,
            waitlist_since=None,
            is_rereferral=rereferral,
            **{key: r[key] for key in copied},
        )

    def _history(
        self, moment: str, user: str, day: date, old: S | None, new: S, reason: str
    ) -> None:
        row = transition_row(self.referral["id"], user, day, old, new, reason)
        self.transitions.append({"at": moment, **row})

    # --- the ops ---
    def _move(
        self, day: date, user: str, to: str, reason: str = "", no_start: str | None = None
    ) -> str:
        """As intake.transition_referral (and its cancelling of a plan that will not start)."""
        moment = self.w.at(day)
        referral = self.referral
        current = referral["status"]
        referral.update(status_change(S(to), day, referral["intake_on"], no_start))
        referral.update(status_changed_at=moment, changed_by=user, updated_at=moment)
        self._history(moment, user, day, S(current), S(to), reason)
        trajectory = self.trajectory
        if current == "toegewezen" and to != "gestart" and trajectory.get("status") == "gepland":
            trajectory.update(status="geannuleerd", updated_at=moment, changed_by=user)
            self.w.audit(moment, user, "cancel", "trajectory", trajectory["id"])
        self.w.audit(moment, user, "transition", "referral", referral["id"], f"{current}->{to}")
        return moment

    def transition(self, on: date, d: dict[str, Any]) -> None:
        self._move(on, self.leader, d["to"], d["reason"], d["no_start"])

    def assign(self, on: date, d: dict[str, Any]) -> None:
        w, leader = self.w, self.leader
        moment = self._move(on, leader, "toegewezen")
        r = self.case.referral
        self.trajectory = w.stamped(
            moment,
            leader,
            deleted_at=None,
            referral_id=self.referral["id"],
            offer_type=r["offer_type"],
            prevention_level=r["prevention_level"],
            lead_coach_id=w.stage.coaches[d["lead"]].user_id,
            start_on=d["start"],
            planned_end=None,
            end_on=None,
            status="gepland",
            closure_reason=None,
            outcome=None,
            summary="",
        )
        coaches = w.stage.coaches
        self.coaches = [coaches[c].user_id for c in dict.fromkeys(d["co"]) if c != d["lead"]]
        w.audit(moment, leader, "create", "trajectory", self.trajectory["id"])
        w.opens.append(("trajectory", self.trajectory["id"]))

    def start(self, on: date, d: dict[str, Any]) -> None:
        lead = self.trajectory["lead_coach_id"]
        moment = self._move(on, lead, "gestart")
        self.trajectory.update(status="lopend", start_on=on, updated_at=moment, changed_by=lead)
        self.w.audit(moment, lead, "start", "trajectory", self.trajectory["id"])

    def goal(self, on: date, d: dict[str, Any]) -> None:
        moment = self.w.at(on)
        user = self.trajectory["lead_coach_id"]
        goal = self.w.stamped(
            moment,
            user,
            trajectory_id=self.trajectory["id"],
            description=d["description"],
            domain=d["domain"],
            set_on=on,
            evaluation="lopend",
            evaluated_on=None,
            evaluation_note="",
        )
        self.goals.append(goal)
        self.w.audit(moment, user, "create", "goal", goal["id"])

    def series(self, on: date, d: dict[str, Any]) -> None:
        group = self.class_group_id if d["class"] else None
        self.later.append({"series": d["series"], "class_group_id": group})

    def session(self, on: date, d: dict[str, Any]) -> None:
        self.later.append({"session": d["session"]})

    def evaluate(self, on: date, d: dict[str, Any]) -> None:
        moment = self.w.at(on)
        goal = self.goals[d["index"]]
        goal.update(
            evaluation=d["evaluation"],
            evaluated_on=on,
            evaluation_note=d["note"].strip(),
            updated_at=moment,
        )
        self.w.audit(moment, self.trajectory["lead_coach_id"], "evaluate", "goal", goal["id"])

    def close(self, on: date, d: dict[str, Any]) -> None:
        user = self.trajectory["lead_coach_id"]
        moment = self._move(on, user, "afgesloten", ClosureReason(d["reason"]).label)
        self.trajectory.update(
            status="afgesloten",
            end_on=on,
            closure_reason=d["reason"],
            outcome=d["outcome"],
            summary=d["summary"].strip(),
            updated_at=moment,
            changed_by=user,
        )
        self.w.audit(moment, user, "close", "trajectory", self.trajectory["id"])

    # --- the rows, parents first ---
    def emit(self) -> None:
        w = self.w
        w.add(Referral, self.referral)
        for row in self.transitions:
            w.add(ReferralTransition, {"id": w.new_id(), **row})
        trajectory_id = self.trajectory.get("id")
        if self.trajectory:
            w.add(Trajectory, self.trajectory)
            for user in self.coaches:
                w.add(TrajectoryCoach, {"trajectory_id": trajectory_id, "user_id": user})
            for goal in self.goals:
                w.add(Goal, goal)
        for entry in self.later:
            if "series" in entry:
                w.series(entry["series"], self.case.school, trajectory_id, entry["class_group_id"])
            else:
                w.session(entry["session"], self.case.school, trajectory_id, None, None)
