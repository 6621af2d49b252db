"""Reference data: schools, campuses, partners, contacts, funders, capacity and days off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from amo_desktop.domain.calendar import SchoolYear, flemish_days_off
from amo_desktop.domain.enums import DayOffKind, Function, FunderKind, Network, PartnerType
from amo_desktop.domain.identity import Identity
from amo_desktop.domain.reference import (
    Campus,
    CapacityAgreement,
    ContactPerson,
    DayOff,
    Funder,
    Partner,
    School,
    SchoolCommunity,
)
from amo_desktop.errors import ValidationError
from amo_desktop.services import audit
from amo_desktop.services._validation import check_code, require_text
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, requires


@dataclass(frozen=True)
class SchoolInfo:
    id: str
    name: str
    short_name: str
    municipality: str
    network: str | None
    active: bool


@dataclass(frozen=True)
class NamedInfo:
    """A partner or a funder: its name and its kind (a PartnerType or FunderKind code)."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class ContactInfo:
    id: str
    name: str
    function: str
    school_id: str | None
    partner_id: str | None
    email: str
    phone: str


@dataclass(frozen=True)
class CapacityInfo:
    id: str
    school_id: str
    school_year: int
    funder_id: str
    teacher_hours: float
    coaching_hours: float


@dataclass(frozen=True)
class DayOffInfo:
    id: str
    first: date
    last: date
    name: str
    kind: str
    school_id: str | None
    source: str


def _school_info(school: School) -> SchoolInfo:
    return SchoolInfo(
        school.id,
        school.name,
        school.short_name,
        school.municipality,
        school.network,
        school.active,
    )


def _get_school(s: Session, school_id: str) -> School:
    school = s.get(School, school_id)
    if school is None:
        raise ValidationError(
            "school_id", "Kies een bestaande school.", "Choose an existing school."
        )
    return school


@requires(TEAMLEADER_ROLES)
def add_community(s: Session, caller: Identity, name: str, note: str = "") -> str:
    community = audit.created(
        s,
        caller.user_id,
        "school_community",
        SchoolCommunity(name=require_text("name", name), note=note, changed_by=caller.user_id),
    )
    return community.id


@requires(TEAMLEADER_ROLES)
def add_school(
    s: Session,
    caller: Identity,
    name: str,
    short_name: str = "",
    municipality: str = "",
    network: str | None = None,
    community_id: str | None = None,
    clb_id: str | None = None,
    is_buso: bool = False,
) -> SchoolInfo:
    name = require_text("name", name, 200)
    if network is not None:
        check_code("network", network, Network)
    if s.scalar(select(School).where(School.name == name)) is not None:
        raise ValidationError(
            "name", f"Er is al een school '{name}'.", f"A school '{name}' already exists."
        )
    school = audit.created(
        s,
        caller.user_id,
        "school",
        School(
            name=name,
            short_name=short_name.strip(),
            municipality=municipality.strip(),
            network=network,
            community_id=community_id,
            clb_id=clb_id,
            is_buso=is_buso,
            changed_by=caller.user_id,
        ),
    )
    return _school_info(school)


@requires(ALL_ROLES)
def list_schools(s: Session, caller: Identity, include_inactive: bool = False) -> list[SchoolInfo]:
    query = select(School).order_by(School.name)
    if not include_inactive:
        query = query.where(School.active.is_(True))
    return [_school_info(x) for x in s.scalars(query)]


@requires(TEAMLEADER_ROLES)
def add_campus(s: Session, caller: Identity, school_id: str, name: str, address: str = "") -> str:
    _get_school(s, school_id)
    campus = audit.created(
        s,
        caller.user_id,
        "campus",
        Campus(
            school_id=school_id,
            name=require_text("name", name, 100),
            address=address,
            changed_by=caller.user_id,
        ),
    )
    return campus.id


@requires(TEAMLEADER_ROLES)
def add_partner(
    s: Session, caller: Identity, name: str, kind: str, contact_info: str = ""
) -> NamedInfo:
    check_code("kind", kind, PartnerType)
    partner = audit.created(
        s,
        caller.user_id,
        "partner",
        Partner(
            name=require_text("name", name, 200),
            kind=kind,
            contact_info=contact_info,
            changed_by=caller.user_id,
        ),
    )
    return _named(partner)


def _named(row: Partner | Funder) -> NamedInfo:
    return NamedInfo(row.id, row.name, row.kind)


@requires(ALL_ROLES)
def list_partners(s: Session, caller: Identity) -> list[NamedInfo]:
    return [_named(p) for p in s.scalars(select(Partner).order_by(Partner.name))]


@requires(TEAMLEADER_ROLES)
def add_contact(
    s: Session,
    caller: Identity,
    name: str,
    function: str,
    school_id: str | None = None,
    partner_id: str | None = None,
    email: str = "",
    phone: str = "",
) -> ContactInfo:
    check_code("function", function, Function)
    if school_id is not None:
        _get_school(s, school_id)
    if email and "@" not in email:
        raise ValidationError(
            "email", "Dit e-mailadres klopt niet.", "This e-mail address is wrong."
        )
    contact = audit.created(
        s,
        caller.user_id,
        "contact_person",
        ContactPerson(
            name=require_text("name", name, 200),
            function=function,
            school_id=school_id,
            partner_id=partner_id,
            email=email.strip(),
            phone=phone.strip(),
            changed_by=caller.user_id,
        ),
    )
    return _contact_info(contact)


def _contact_info(c: ContactPerson) -> ContactInfo:
    return ContactInfo(c.id, c.name, c.function, c.school_id, c.partner_id, c.email, c.phone)


@requires(ALL_ROLES)
def list_contacts(s: Session, caller: Identity, school_id: str | None = None) -> list[ContactInfo]:
    query = select(ContactPerson).where(ContactPerson.active.is_(True)).order_by(ContactPerson.name)
    if school_id is not None:
        query = query.where(ContactPerson.school_id == school_id)
    return [_contact_info(c) for c in s.scalars(query)]


@requires(TEAMLEADER_ROLES)
def add_funder(s: Session, caller: Identity, name: str, kind: str) -> NamedInfo:
    check_code("kind", kind, FunderKind)
    name = require_text("name", name, 200)
    if s.scalar(select(Funder).where(Funder.name == name)) is not None:
        raise ValidationError(
            "name", f"Er is al een financier '{name}'.", f"A funder '{name}' already exists."
        )
    funder = audit.created(
        s, caller.user_id, "funder", Funder(name=name, kind=kind, changed_by=caller.user_id)
    )
    return _named(funder)


@requires(ALL_ROLES)
def list_funders(s: Session, caller: Identity) -> list[NamedInfo]:
    return [_named(f) for f in s.scalars(select(Funder).order_by(Funder.name))]


@requires(TEAMLEADER_ROLES)
def set_capacity(
    s: Session,
    caller: Identity,
    school_id: str,
    school_year: int,
    funder_id: str,
    teacher_hours: float,
    coaching_hours: float,
    note: str = "",
) -> CapacityInfo:
    """Create or update the agreement of one school, school year and funder."""
    _get_school(s, school_id)
    if s.get(Funder, funder_id) is None:
        raise ValidationError("funder_id", "Kies een bestaande financier.", "Choose a funder.")
    for field, value in (("teacher_hours", teacher_hours), ("coaching_hours", coaching_hours)):
        if value < 0 or value > 100_000:
            raise ValidationError(
                field,
                "Vul een aantal uren van 0 of meer in.",
                "Fill in a number of hours of 0 or more.",
            )
    if not 2000 <= school_year <= 2100:
        raise ValidationError("school_year", "Kies een geldig schooljaar.", "Choose a school year.")
    agreement = s.scalar(
        select(CapacityAgreement).where(
            CapacityAgreement.school_id == school_id,
            CapacityAgreement.school_year == school_year,
            CapacityAgreement.funder_id == funder_id,
        )
    )
    if agreement is None:
        agreement = CapacityAgreement(
            school_id=school_id, school_year=school_year, funder_id=funder_id
        )
        s.add(agreement)
    agreement.teacher_hours = float(teacher_hours)
    agreement.coaching_hours = float(coaching_hours)
    agreement.note = note
    agreement.changed_by = caller.user_id
    s.flush()
    audit.record(s, caller.user_id, "update", "capacity_agreement", agreement.id)
    return CapacityInfo(
        agreement.id,
        school_id,
        school_year,
        funder_id,
        agreement.teacher_hours,
        agreement.coaching_hours,
    )


@requires(ALL_ROLES)
def list_capacity(s: Session, caller: Identity, school_year: int) -> list[CapacityInfo]:
    query = select(CapacityAgreement).where(CapacityAgreement.school_year == school_year)
    return [
        CapacityInfo(
            a.id, a.school_id, a.school_year, a.funder_id, a.teacher_hours, a.coaching_hours
        )
        for a in s.scalars(query)
    ]


@requires(TEAMLEADER_ROLES)
def add_day_off(
    s: Session,
    caller: Identity,
    first: date,
    last: date,
    name: str,
    kind: str,
    school_id: str | None = None,
) -> DayOffInfo:
    """A school's own day off (studiedag, facultatieve vrije dag) or an extra one for all."""
    check_code("kind", kind, DayOffKind)
    if last < first:
        raise ValidationError(
            "last",
            "De einddatum ligt voor de begindatum.",
            "The end date is before the start date.",
        )
    if (last - first).days > 80:
        raise ValidationError(
            "last",
            "Een vrije periode duurt hoogstens 80 dagen.",
            "A period off lasts at most 80 days.",
        )
    if school_id is not None:
        _get_school(s, school_id)
    day = audit.created(
        s,
        caller.user_id,
        "day_off",
        DayOff(
            first=first,
            last=last,
            name=require_text("name", name, 100),
            kind=kind,
            school_id=school_id,
            source="manueel",
            changed_by=caller.user_id,
        ),
    )
    return _day_info(day)


def _day_info(d: DayOff) -> DayOffInfo:
    return DayOffInfo(d.id, d.first, d.last, d.name, d.kind, d.school_id, d.source)


@requires(TEAMLEADER_ROLES)
def load_flemish_holidays(s: Session, caller: Identity, school_year: int) -> int:
    """Store the school year's Flemish holidays from the `holidays` package; idempotent."""
    year = SchoolYear(school_year)
    existing = {
        (d.first, d.name)
        for d in s.scalars(
            select(DayOff).where(
                DayOff.source == "holidays-lib",
                DayOff.first >= year.start,
                DayOff.first <= year.end,
            )
        )
    }
    added = 0
    for span in flemish_days_off(year):
        if (span.first, span.name) in existing:
            continue
        s.add(
            DayOff(
                first=span.first,
                last=span.last,
                name=span.name,
                kind=span.kind,
                source="holidays-lib",
                changed_by=caller.user_id,
            )
        )
        added += 1
    audit.record(s, caller.user_id, "import", "day_off", None, f"school_year={school_year}")
    return added


@requires(ALL_ROLES)
def list_days_off(
    s: Session, caller: Identity, first: date, last: date, school_id: str | None = None
) -> list[DayOffInfo]:
    query = select(DayOff).where(DayOff.last >= first, DayOff.first <= last).order_by(DayOff.first)
    if school_id is None:
        query = query.where(DayOff.school_id.is_(None))
    else:
        query = query.where(or_(DayOff.school_id.is_(None), DayOff.school_id == school_id))
    return [_day_info(d) for d in s.scalars(query)]
