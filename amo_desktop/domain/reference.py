"""Reference data the team leader keeps: schools, partners, funders, capacity and days off."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from amo_desktop.domain.models import Base, Stamped


class SchoolCommunity(Stamped, Base):
    __tablename__ = "school_communities"

    name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class Partner(Stamped, Base):
    """CLB, PBD, JAC/CAW, local government and other organisations."""

    __tablename__ = "partners"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))  # PartnerType code
    network: Mapped[str | None] = mapped_column(String(30), nullable=True)
    contact_info: Mapped[str] = mapped_column(Text, default="")


class School(Stamped, Base):
    __tablename__ = "schools"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    institution_number: Mapped[str] = mapped_column(String(20), default="")
    network: Mapped[str | None] = mapped_column(String(30), nullable=True)
    municipality: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    is_buso: Mapped[bool] = mapped_column(Boolean, default=False)
    community_id: Mapped[str | None] = mapped_column(
        ForeignKey("school_communities.id"), nullable=True
    )
    clb_id: Mapped[str | None] = mapped_column(ForeignKey("partners.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Campus(Stamped, Base):
    __tablename__ = "campuses"

    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    grades: Mapped[str] = mapped_column(String(100), default="")  # comma-separated Grade codes


class ContactPerson(Stamped, Base):
    """Staff of a school or partner; personal data of adults, kept minimal."""

    __tablename__ = "contact_persons"

    name: Mapped[str] = mapped_column(String(200))
    function: Mapped[str] = mapped_column(String(30))  # Function code
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"), nullable=True)
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partners.id"), nullable=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DayOff(Stamped, Base):
    """A holiday span; school_id None means it applies to every school."""

    __tablename__ = "days_off"

    first: Mapped[date] = mapped_column(Date, index=True)
    last: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))  # DayOffKind code
    school_id: Mapped[str | None] = mapped_column(ForeignKey("schools.id"), nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="manueel")


class Funder(Stamped, Base):
    __tablename__ = "funders"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30))  # FunderKind code


class CapacityAgreement(Stamped, Base):
    """Per school, school year and funder: teacher hours given up and coaching hours agreed."""

    __tablename__ = "capacity_agreements"
    __table_args__ = (UniqueConstraint("school_id", "school_year", "funder_id"),)

    school_id: Mapped[str] = mapped_column(ForeignKey("schools.id"), index=True)
    school_year: Mapped[int] = mapped_column(Integer, index=True)  # start year, 2025 = 2025-2026
    funder_id: Mapped[str] = mapped_column(ForeignKey("funders.id"))
    teacher_hours: Mapped[float] = mapped_column(Float, default=0.0)
    coaching_hours: Mapped[float] = mapped_column(Float, default=0.0)
    note: Mapped[str] = mapped_column(Text, default="")
