"""Planned sessions as an iCalendar (.ics) file that Outlook imports: data in, bytes out.

No pupil names leave the vault unless the user asks for them: by default an event says only
the kind of session and the school ("Individueel gesprek – Sint-Martinus Asse").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from amo_desktop.domain.enums import ContactType, LabeledEnum, Location

TIMEZONE = "Europe/Brussels"
PRODID = "-//Groep INTRO//AMO Desktop//NL"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # the session's id: importing the file again updates instead of duplicating
    on: date
    start: time
    duration_min: int
    contact_type: str
    location: str
    school: str
    subject: str = ""  # pupil or class label; only written with_names
    coach: str = ""  # a staff member's name, not pupil data
    cancelled: bool = False


def _label(enum: type[LabeledEnum], code: str) -> str:
    try:
        return enum(code).label
    except ValueError:
        return code


def summary_of(entry: CalendarEntry, with_names: bool) -> str:
    parts = [_label(ContactType, entry.contact_type)] if entry.contact_type else []
    if with_names and entry.subject and entry.subject != entry.school:
        parts.append(entry.subject)
    if entry.school:
        parts.append(entry.school)
    text = " – ".join(p for p in parts if p)
    return f"Geannuleerd: {text}" if entry.cancelled else text


def build_ics(
    entries: Iterable[CalendarEntry],
    with_names: bool = False,
    name: str = "AMO-planning",
    stamp: datetime | None = None,
) -> bytes:
    """One VEVENT per entry, in local Brussels time with its VTIMEZONE (Outlook needs it)."""
    zone = ZoneInfo(TIMEZONE)
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    for entry in entries:
        begin = datetime.combine(entry.on, entry.start, tzinfo=zone)
        event = Event()
        event.add("uid", f"{entry.uid}@amo-desktop")
        event.add("dtstamp", stamp)
        event.add("dtstart", begin)
        event.add("dtend", begin + timedelta(minutes=entry.duration_min))
        event.add("summary", summary_of(entry, with_names))
        where = _label(Location, entry.location)
        if entry.school and entry.location == Location.SCHOOL.value:
            where = f"{where} ({entry.school})"
        if where:
            event.add("location", where)
        if entry.coach:
            event.add("description", f"Coach: {entry.coach}")
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        event.add("transp", "OPAQUE")
        event.add("class", "PRIVATE")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
