"""Study visits in calendars: the .ics of one visit, and the visits in a person's feed."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from portal.ics import calendar_ics, make_uid
from portal.registry import CalendarEvent, calendar_provider

from .enums import AgendaKind, PlaceStatus
from .models import AgendaItem, StudyVisit


def visit_events(visit) -> list[CalendarEvent]:
    """The visit as an all-day event, and each agenda item at its time on the host's clock.

    Reads the visit's agenda items (prefetched by list callers).
    """
    url = settings.PORTAL_BASE_URL + visit.get_absolute_url()
    location = ", ".join(part for part in (visit.host, " ".join(visit.address.split())) if part)
    events = [
        CalendarEvent(
            uid=make_uid("study-visit", visit.uid),
            summary=_("Study visit: %(title)s") % {"title": visit.title},
            start=visit.starts_on,
            end=visit.ends_on,
            sequence=visit.sequence,
            location=location,
            description="\n\n".join(part for part in (visit.description, visit.contact_on_site, url) if part),
            url=url,
            updated=visit.updated_at,
        )
    ]
    kinds = dict(AgendaKind.choices)
    for item in visit.agenda_items.all():
        details = [str(kinds.get(item.kind, item.kind))]
        if item.speaker:
            details.append(_("With %(speaker)s") % {"speaker": item.speaker})
        events.append(
            CalendarEvent(
                uid=make_uid("study-visit-item", item.uid),
                summary=item.title,
                start=visit.local(item.starts_at),
                end=visit.local(item.ends_at),
                sequence=item.sequence,
                location=item.place or location,
                description="\n".join(details),
                url=url,
                updated=item.updated_at,
            )
        )
    return events


def visit_calendar(*, visit) -> bytes:
    return calendar_ics(visit_events(visit), name=visit.title)


@calendar_provider
def events_for(user) -> list[CalendarEvent]:
    """Visits the person has a booked place on, and those they host."""
    if not user.is_authenticated:
        return []
    visits = (
        StudyVisit.objects.filter(Q(places__user=user, places__status=PlaceStatus.BOOKED) | Q(host_contact=user))
        .distinct()
        .prefetch_related(Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("starts_at", "pk")))
    )
    return [event for visit in visits for event in visit_events(visit)]
