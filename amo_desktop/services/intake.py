"""Intake: registering referrals, the duplicate warning, and the referral workflow."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import String, func, or_, select, type_coerce, update
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear
from amo_desktop.domain.caseload import (
    ClassGroup,
    GuidanceSession,
    Referral,
    ReferralTransition,
    Trajectory,
    Youth,
)
from amo_desktop.domain.enums import (
    NoStartReason,
    ReferralStatus,
    SubjectKind,
    TrajectoryStatus,
)
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.reference import School
from amo_desktop.domain.rules import allowed_next, status_change, transition_row
from amo_desktop.errors import ValidationError
from amo_desktop.services import _referral_subject as subject
from amo_desktop.services import audit
from amo_desktop.services._lookups import (
    label_of,
    load_referral,
    subject_label,
    visible_to_coach,
)
from amo_desktop.services._validation import check_code, check_move, check_referral
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires


@dataclass
class ReferralInput:
    """What the intake form collects; codes are enum values (DOMAIN.md §7.2)."""

    received_on: date
    school_id: str
    subject_kind: str
    offer_type: str
    prevention_level: str
    reasons: list[str]
    help_question: str
    channel: str = "email"
    referrer_name: str = ""
    referrer_function: str = "zorgcoordinator"
    referrer_org: str = ""
    via_clb: bool = False
    urgency: str = "normaal"
    care_phase: str = "onbekend"
    actions_taken: str = ""
    consent_youth: bool = False
    parents_informed: bool = False
    youth_first_name: str = ""
    youth_last_name: str = ""
    youth_birth_date: date | None = None
    youth_gender: str = "nvt"
    youth_id: str | None = None
    class_label: str = ""
    study_year: str = ""
    class_group_label: str = ""
    class_pupil_count: int = 0
    group_description: str = ""


class DuplicateReferralError(ValidationError):
    """The same young person (or the same class at the school) already has an open referral:
    confirm before creating another."""

    def __init__(self, existing_id: str, is_class: bool = False) -> None:
        self.existing_id = existing_id
        if is_class:
            super().__init__(
                "class_group_label",
                "Deze klas heeft al een lopende aanmelding bij deze school. Open die, of bevestig "
                "dat u een nieuwe aanmelding wilt maken.",
                "This class already has an open referral at this school. Open it, or confirm "
                "that you want a new one.",
            )
            return
        super().__init__(
            "youth",
            "Deze jongere heeft al een lopende aanmelding. Open die, of bevestig dat u een nieuwe "
            "aanmelding wilt maken.",
            "This young person already has an open referral. Open it, or confirm that you want "
            "a new one.",
        )


# Where a new referral may go straight from the intake form: it never stays 'nieuw'.
INTAKE_NEXT_STATUSES = (ReferralStatus.WACHTLIJST, ReferralStatus.VRAAGVERHELDERING)


@dataclass(frozen=True)
class TransitionInfo:
    at: datetime
    user_id: str | None
    from_status: str | None
    to_status: str
    reason: str


class ReferralSummary(NamedTuple):
    """A referral as the lists show it. A named tuple: the list of 16,000 referrals makes one
    per row, ~1 µs each (a frozen dataclass took ~2.5)."""

    id: str
    received_on: date
    school_id: str
    school_name: str
    subject_kind: str
    subject_label: str
    offer_type: str
    urgency: str
    status: str
    is_rereferral: bool
    youth_id: str | None = None


@dataclass(frozen=True)
class ReferralDetail:
    summary: ReferralSummary
    reasons: list[str]
    help_question: str
    referrer_name: str
    referrer_function: str
    via_clb: bool
    prevention_level: str
    youth_id: str | None
    intake_on: date | None
    start_on: date | None
    waitlist_since: date | None
    no_start_reason: str | None
    history: list[TransitionInfo] = field(default_factory=list)
    allowed_next: list[str] = field(default_factory=list)
    channel: str = ""
    referrer_org: str = ""
    care_phase: str = ""
    actions_taken: str = ""
    consent_youth: bool = False
    parents_informed: bool = False
    group_description: str = ""


def _today() -> date:
    return datetime.now(UTC).date()


@requires(ALL_ROLES)
def register_referral(
    s: Session,
    caller: Identity,
    data: ReferralInput,
    confirm_duplicate: bool = False,
    today: date | None = None,
    next_status: str | None = None,
) -> ReferralSummary:
    """Validates, warns about a likely duplicate, and stores the referral as 'nieuw'; with
    `next_status` (wachtlijst or vraagverheldering) it moves on today, in the same unit of work."""
    today = today or _today()
    check_referral(s, data, today)
    if next_status is not None and next_status not in {str(x) for x in INTAKE_NEXT_STATUSES}:
        raise ValidationError(
            "next_status",
            "Kies de volgende stap: de wachtlijst of vraagverheldering.",
            "Choose the next step: the waiting list or clarifying the question.",
        )
    school_year = SchoolYear.of(data.received_on).start_year
    youth_id = None
    class_group_id = None
    rereferral = False
    if data.subject_kind == SubjectKind.JONGERE:
        youth_id, rereferral = _youth_of(s, caller, data, school_year, confirm_duplicate)
    elif data.subject_kind == SubjectKind.KLASGROEP:
        open_one = subject.open_class_referral(s, data.school_id, data.class_group_label)
        if open_one is not None and not confirm_duplicate:
            raise DuplicateReferralError(open_one, is_class=True)
        class_group_id = subject.add_class_group(s, caller, data, school_year)
    referral = Referral(
        **subject.referral_values(
            data, caller.user_id, school_year, youth_id, class_group_id, rereferral
        )
    )
    s.add(referral)
    s.flush()
    s.add(
        ReferralTransition(
            **transition_row(
                referral.id, caller.user_id, data.received_on, None, ReferralStatus.NIEUW, ""
            )
        )
    )
    audit.record(s, caller.user_id, "create", "referral", referral.id)
    if next_status is not None:
        return transition_referral(s, caller, referral.id, next_status, on=today)
    return _summary(s, referral)


def _youth_of(
    s: Session, caller: Identity, data: ReferralInput, school_year: int, confirm_duplicate: bool
) -> tuple[str, bool]:
    """The young person the referral is about, enrolled for the school year, and whether this is
    a re-referral; an open referral of theirs stops it unless the user confirmed."""
    youth = subject.find_youth(s, data)
    rereferral = False
    if youth is not None:
        open_one = subject.open_referral(s, youth.id)
        if open_one is not None and not confirm_duplicate:
            raise DuplicateReferralError(open_one)
        rereferral = subject.referred_before(s, youth.id, school_year)
    else:
        youth = subject.add_youth(s, caller, data)
    subject.enrol(s, caller, data, youth.id, school_year)
    return youth.id, rereferral


def _summary(
    s: Session,
    referral: Referral,
    show_names: bool = True,
    label: str | None = None,
    school_name: str | None = None,
) -> ReferralSummary:
    if school_name is None:
        school = s.get(School, referral.school_id)
        school_name = school.name if school else ""
    return ReferralSummary(
        referral.id,
        referral.received_on,
        referral.school_id,
        school_name,
        referral.subject_kind,
        label if label is not None else subject_label(s, referral, show_names),
        referral.offer_type,
        referral.urgency,
        referral.status,
        referral.is_rereferral,
        referral.youth_id,
    )


@requires(ALL_ROLES)
def list_referrals(
    s: Session,
    caller: Identity,
    status: str | None = None,
    school_id: str | None = None,
    school_year: int | None = None,
    search: str = "",
) -> list[ReferralSummary]:
    """Newest first; a coach sees only their own referrals and trajectories."""
    query = (
        select(
            Referral.id,
            type_coerce(Referral.received_on, String),  # ISO text, made a date below (quicker)
            Referral.school_id,
            Referral.subject_kind,
            Youth.first_name,
            Youth.last_name,
            Youth.anonymised_at,
            Referral.class_group_id,
            Referral.offer_type,
            Referral.urgency,
            Referral.status,
            Referral.is_rereferral,
            Referral.youth_id,
        )
        .outerjoin(Youth, Youth.id == Referral.youth_id)
        .where(Referral.deleted_at.is_(None))
    )  # columns, not objects: a list of 16,000 referrals stays quick
    if caller.role not in TEAMLEADER_ROLES:
        query = query.where(visible_to_coach(caller))
    if status:
        query = query.where(Referral.status == status)
    if school_id:
        query = query.where(Referral.school_id == school_id)
    if school_year is not None:
        query = query.where(Referral.school_year == school_year)
    if search.strip():
        pattern = f"%{search.strip().casefold()}%"
        query = query.where(
            or_(
                func.amo_fold(Youth.first_name + " " + Youth.last_name).like(pattern),
                func.amo_fold(Referral.help_question).like(pattern),
            )
        )
    query = query.order_by(Referral.received_on.desc(), Referral.id)
    connection = s.connection()
    rows = connection.execute(query).all()  # Core rows, fetched at once: no ORM work per row
    # the schools' names and the class groups' labels looked up here, not joined: a join
    # searches them once per referral (~20 ms for 16,000)
    schools = dict(connection.execute(select(School.id, School.name)).all())
    classes: dict[str | None, str] = dict(
        connection.execute(select(ClassGroup.id, ClassGroup.label)).all()
    )
    make, day = ReferralSummary._make, date.fromisoformat
    return [
        make((
            rid, day(received), school, schools.get(school, ""), kind,
            label_of(kind, first, last, anonymised is not None, classes.get(group), True),
            offer, urgency, state, rereferral, youth,
        ))
        for (
            rid, received, school, kind, first, last, anonymised, group,
            offer, urgency, state, rereferral, youth,
        ) in rows
    ]  # fmt: skip


@requires(ALL_ROLES)
def get_referral(s: Session, caller: Identity, referral_id: str) -> ReferralDetail:
    """Opening a referral's file is logged (SECURITY.md R24 access log)."""
    referral = load_referral(s, caller, referral_id)
    audit.record(s, caller.user_id, "open", "referral", referral.id)
    history = [
        TransitionInfo(t.at, t.user_id, t.from_status, t.to_status, t.reason)
        for t in s.scalars(
            select(ReferralTransition)
            .where(ReferralTransition.referral_id == referral.id)
            .order_by(ReferralTransition.at)
        )
    ]
    return ReferralDetail(
        summary=_summary(s, referral),
        reasons=[r for r in referral.reasons.split(",") if r],
        help_question=referral.help_question,
        referrer_name=referral.referrer_name,
        referrer_function=referral.referrer_function,
        via_clb=referral.via_clb,
        prevention_level=referral.prevention_level,
        youth_id=referral.youth_id,
        intake_on=referral.intake_on,
        start_on=referral.start_on,
        waitlist_since=referral.waitlist_since,
        no_start_reason=referral.no_start_reason,
        history=history,
        allowed_next=sorted(str(x) for x in allowed_next(ReferralStatus(referral.status))),
        channel=referral.channel,
        referrer_org=referral.referrer_org,
        care_phase=referral.care_phase,
        actions_taken=referral.actions_taken,
        consent_youth=referral.consent_youth,
        parents_informed=referral.parents_informed,
        group_description=referral.group_description,
    )


@requires(ALL_ROLES)
def transition_referral(
    s: Session,
    caller: Identity,
    referral_id: str,
    to_status: str,
    reason: str = "",
    on: date | None = None,
    no_start_reason: str | None = None,
) -> ReferralSummary:
    """Moves a referral along the workflow; every change is kept with who, when and why."""
    referral = load_referral(s, caller, referral_id)
    check_code("to_status", to_status, ReferralStatus)
    current = ReferralStatus(referral.status)
    target = ReferralStatus(to_status)
    on = on or _today()
    check_move(current, target, on, referral.received_on)
    if target == ReferralStatus.NIET_GESTART:
        check_code("no_start_reason", no_start_reason, NoStartReason)
    if (
        target == ReferralStatus.GESTART
        and not referral.consent_youth
        and (referral.subject_kind == SubjectKind.JONGERE)
    ):
        raise ValidationError(
            "consent_youth",
            "Een traject start pas met toestemming van de jongere.",
            "A trajectory starts only with the youth's consent.",
        )
    for column, value in status_change(target, on, referral.intake_on, no_start_reason).items():
        setattr(referral, column, value)
    referral.status_changed_at = datetime.now(UTC)
    referral.changed_by = caller.user_id
    s.add(
        ReferralTransition(
            **transition_row(referral.id, caller.user_id, on, current, target, reason)
        )
    )
    audit.record(
        s, caller.user_id, "transition", "referral", referral.id, f"{current.value}->{target.value}"
    )
    if current == ReferralStatus.TOEGEWEZEN and target != ReferralStatus.GESTART:
        _cancel_planned(s, caller, referral.id, on)
    return _summary(s, referral)


def _cancel_planned(s: Session, caller: Identity, referral_id: str, on: date) -> None:
    """A referral that leaves 'toegewezen' without a start leaves no planned trajectory behind:
    it is cancelled, with its sessions from that day on (docs/figures.md, running trajectories)."""
    planned = s.scalars(
        select(Trajectory).where(
            Trajectory.referral_id == referral_id,
            Trajectory.status == TrajectoryStatus.GEPLAND.value,
            Trajectory.deleted_at.is_(None),
        )
    )
    for trajectory in planned:
        trajectory.status = TrajectoryStatus.GEANNULEERD.value
        trajectory.changed_by = caller.user_id
        s.execute(
            update(GuidanceSession)
            .where(
                GuidanceSession.trajectory_id == trajectory.id,
                GuidanceSession.on >= on,
                GuidanceSession.cancelled.is_(False),
                GuidanceSession.deleted_at.is_(None),
            )
            .values(cancelled=True, changed_by=caller.user_id)
        )
        audit.record(s, caller.user_id, "cancel", "trajectory", trajectory.id)


@requires(ALL_ROLES)
def set_consent(
    s: Session, caller: Identity, referral_id: str, consent_youth: bool, parents_informed: bool
) -> None:
    referral = load_referral(s, caller, referral_id)
    referral.consent_youth = consent_youth
    referral.parents_informed = parents_informed
    audit.changed(s, caller.user_id, "update", "referral", referral, "consent")
