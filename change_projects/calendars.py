"""Change projects in a person's calendar feed: their project's milestones and report due dates."""

from django.utils.translation import gettext as _

from portal.ics import make_uid
from portal.registry import CalendarEvent, calendar_provider

from .models import Milestone, ReportingPeriod


@calendar_provider
def events_for(user) -> list[CalendarEvent]:
    """All-day events: milestones of the projects `user` takes part in, and their intakes' report due dates."""
    if not user.is_authenticated:
        return []
    milestones = Milestone.objects.filter(project__participants__user=user).select_related("project").distinct()
    periods = (
        ReportingPeriod.objects.filter(intake__change_projects__participants__user=user)
        .select_related("phase")
        .distinct()
    )
    events = [
        CalendarEvent(
            uid=make_uid("milestone", m.pk),
            summary=_("Milestone: %(title)s") % {"title": m.title},
            start=m.due_on,
            end=m.due_on,
            description=m.project.title,
        )
        for m in milestones
    ]
    events += [
        CalendarEvent(
            uid=make_uid("report-due", p.pk),
            summary=_("Progress report due: %(phase)s") % {"phase": p.phase.name},
            start=p.due_on,
            end=p.due_on,
        )
        for p in periods
    ]
    return events
