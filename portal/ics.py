"""Calendar files (RFC 5545) from CalendarEvents, with the icalendar library.

Timed events keep their own zone (TZID) and the calendar carries a VTIMEZONE for each zone, so
Outlook and phones show a study visit's agenda at the host's local times wherever they are.
"""

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from .registry import CalendarEvent

PRODID = "-//Local Democracy Programmes//Portal//EN"


def uid_domain() -> str:
    """The domain in every UID: stable for one portal, different between portals."""
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "portal.invalid"


def make_uid(kind: str, key) -> str:
    return f"{kind}-{key}@{uid_domain()}"


def calendar_ics(events: list[CalendarEvent], *, name: str, refresh_hours: int | None = None) -> bytes:
    """A VCALENDAR with one VEVENT per event and the VTIMEZONEs their times need."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    if refresh_hours:
        # Subscribed feeds: a hint to clients on how often to fetch again.
        calendar.add("refresh-interval", timedelta(hours=refresh_hours), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", timedelta(hours=refresh_hours))
    now = timezone.now()
    for event in events:
        calendar.add_component(_vevent(event, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _vevent(event: CalendarEvent, now: datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("summary", event.summary)
    vevent.add("dtstamp", (event.updated or now).astimezone(UTC))
    vevent.add("sequence", event.sequence)
    if isinstance(event.start, datetime):
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.end)
    else:
        vevent.add("dtstart", event.start)
        # All-day events end the day after their last day (DTEND is exclusive).
        last = event.end if isinstance(event.end, date) else event.start
        vevent.add("dtend", last + timedelta(days=1))
    if event.location:
        vevent.add("location", event.location)
    if event.description:
        vevent.add("description", event.description)
    if event.url:
        vevent.add("url", event.url)
    return vevent
