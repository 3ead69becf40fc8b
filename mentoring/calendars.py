"""Coaching sessions in a person's calendar feed: their team's sessions, and a mentor's own."""

from datetime import UTC, timedelta

from django.db.models import Q
from django.utils.translation import gettext as _

from portal.ics import make_uid
from portal.registry import CalendarEvent, calendar_provider

from .models import CoachingSession


@calendar_provider
def events_for(user) -> list[CalendarEvent]:
    """Sessions of the teams `user` belongs to and of the teams they mentor (never the notes)."""
    if not user.is_authenticated:
        return []
    sessions = (
        CoachingSession.objects.filter(Q(application__members__user=user) | Q(assignment__mentor=user))
        .select_related("application")
        .distinct()
    )
    return [
        CalendarEvent(
            uid=make_uid("coaching-session", session.pk),
            summary=_("Coaching session: %(team)s (%(mode)s)")
            % {"team": session.application.title or session.application, "mode": session.get_mode_display()},
            start=session.starts_at.astimezone(UTC),
            end=(session.starts_at + timedelta(minutes=session.duration_minutes)).astimezone(UTC),
            updated=session.updated_at,
        )
        for session in sessions
    ]
