"""The .ics export: valid iCalendar with a VTIMEZONE, and no pupil names unless asked."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from icalendar import Calendar

from amo_desktop.reports.ical import CalendarEntry, build_ics, summary_of

ENTRIES = [
    CalendarEntry(
        "s1", date(2025, 10, 20), time(9, 30), 50, "individueel_gesprek", "school",
        "Sint-Martinus Asse", subject="Zoë Peeters", coach="An Coach",
    ),
    CalendarEntry(
        "s2", date(2025, 10, 21), time(13), 100, "klassessie", "groep_intro", "GTSM Merchtem",
        subject="Klas 3B", cancelled=True,
    ),
]  # fmt: skip
STAMP = datetime(2025, 10, 1, 8, tzinfo=UTC)


def _events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_without_names_by_default() -> None:
    data = build_ics(ENTRIES, stamp=STAMP)
    assert b"Zo\xc3\xab" not in data and b"Peeters" not in data and b"3B" not in data
    events = _events(data)
    assert [str(e["summary"]) for e in events] == [
        "Individueel gesprek – Sint-Martinus Asse",
        "Geannuleerd: Klassessie – GTSM Merchtem",
    ]
    assert str(events[0]["uid"]) == "s1@amo-desktop"
    assert str(events[1]["status"]) == "CANCELLED"
    assert str(events[0]["location"]) == "Op school (Sint-Martinus Asse)"


def test_times_are_brussels_local_with_a_vtimezone() -> None:
    data = build_ics(ENTRIES, stamp=STAMP)
    calendar = Calendar.from_ical(data)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert b"DTSTART;TZID=Europe/Brussels:20251020T093000" in data
    assert b"DTEND;TZID=Europe/Brussels:20251020T102000" in data
    start = _events(data)[1].decoded("dtstart")
    assert start.utcoffset().total_seconds() == 7200  # summer time until 26/10


def test_names_only_when_asked() -> None:
    data = build_ics(ENTRIES, with_names=True, stamp=STAMP)
    assert "Zoë Peeters" in data.decode()
    assert summary_of(ENTRIES[0], True) == "Individueel gesprek – Zoë Peeters – Sint-Martinus Asse"
    assert build_ics([], stamp=STAMP).startswith(b"BEGIN:VCALENDAR")
