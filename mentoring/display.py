"""How coaching times read: the team's (the intake's) zone with the mentor's zone next to it."""

from django.utils import timezone
from django.utils.formats import date_format

from programmes.display import local_datetime_text, zone_abbreviation


def mentor_time_text(assignment, moment) -> str:
    local = timezone.localtime(moment, assignment.mentor_tzinfo)
    return f"{date_format(local, 'j F Y, H:i')} {zone_abbreviation(local)}"


def session_times(session) -> dict:
    """{"team": "14 March 2027, 09:00 CET", "mentor": "14 March 2027, 11:00 EAT"} for one session."""
    return {
        "team": local_datetime_text(session.application.intake, session.starts_at),
        "mentor": mentor_time_text(session.assignment, session.starts_at),
    }
