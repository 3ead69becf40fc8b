"""Programme phases in a person's calendar feed: the phases of every intake they take part in."""

from django.conf import settings
from django.utils.translation import gettext as _

from portal.ics import make_uid
from portal.registry import CalendarEvent, calendar_provider

from .models import Phase


@calendar_provider
def events_for(user) -> list[CalendarEvent]:
    """All-day events for the phases of the intakes where `user` is in a selected, confirmed team."""
    from selection.selectors import applications_selected

    if not user.is_authenticated:
        return []
    intakes = applications_selected(confirmed=True).filter(members__user=user).values("intake_id")
    phases = Phase.objects.filter(intake_id__in=intakes).select_related("intake__programme")
    return [
        CalendarEvent(
            uid=make_uid("phase", phase.pk),
            summary=f"{phase.name} — {phase.intake.programme.title}",
            start=phase.starts_on,
            end=phase.ends_on,
            location=phase.place,
            description=_("%(programme)s, %(intake)s")
            % {"programme": phase.intake.programme.title, "intake": phase.intake.name},
            url=settings.PORTAL_BASE_URL + phase.intake.get_absolute_url(),
        )
        for phase in phases
    ]
