"""Reads of study visits, each with a fixed number of queries whatever the number of rows."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.rules import is_programme_staff
from applications.models import Application, TeamMember
from selection.selectors import applications_selected

from .enums import ACTIVE_STATES, SEAT_STATES, PlaceStatus
from .models import AgendaItem, Attendance, Place, StudyVisit

P = PlaceStatus


# --- Participants ---------------------------------------------------------------------------------


def selected_teams(*, intake) -> QuerySet[Application]:
    """The intake's selected and confirmed teams: their members are the visit's possible participants."""
    return applications_selected(intake=intake, confirmed=True)


def participant_team(*, user, intake) -> Application | None:
    """The selected, confirmed team `user` belongs to in `intake` (cached on the user for the request)."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_study_visit_teams", {})
    if intake.pk not in cache:
        cache[intake.pk] = selected_teams(intake=intake).filter(members__user=user).first()
    return cache[intake.pk]


def participants_of(*, intake) -> list[TeamMember]:
    """Every member of the intake's selected, confirmed teams, with their user and team. Two queries."""
    return list(
        TeamMember.objects.filter(application__in=selected_teams(intake=intake))
        .select_related("user", "application")
        .prefetch_related("application__organisations")
        .order_by("application__title", "user__full_name", "pk")
    )


# --- Visits -------------------------------------------------------------------------------------


def _with_counts(queryset):
    return queryset.annotate(
        seats_taken=Count("places", filter=Q(places__status__in=sorted(SEAT_STATES))),
        booked_count=Count("places", filter=Q(places__status=P.BOOKED)),
        waiting_count=Count("places", filter=Q(places__status=P.WAITING)),
    )


def visits_for(*, user, search: str = "", intake_id: int | None = None) -> QuerySet[StudyVisit]:
    """The visits `user` may see, newest first, with their place counts. One query.

    Staff see every visit; a host contact the visits they host; participants their intakes' visits.
    """
    queryset = StudyVisit.objects.select_related("intake__programme")
    if not is_programme_staff(user):
        intakes = applications_selected(confirmed=True).filter(members__user=user).values("intake_id")
        queryset = queryset.filter(Q(intake_id__in=intakes) | Q(host_contact=user))
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(host__icontains=search))
    if intake_id:
        queryset = queryset.filter(intake_id=intake_id)
    return _with_counts(queryset).order_by("-starts_on", "-pk")


def visit_detail(*, pk: int) -> StudyVisit:
    """One visit with its intake, host contact and place counts. Raises DoesNotExist."""
    return _with_counts(StudyVisit.objects.select_related("intake__programme", "host_contact")).get(pk=pk)


@dataclass
class AgendaDay:
    day: date
    items: list[AgendaItem] = field(default_factory=list)


def agenda_by_day(*, visit) -> list[AgendaDay]:
    """The visit's agenda, day by day in the host's zone (every day of the visit, even an empty one). One query."""
    days = {day: AgendaDay(day=day) for day in visit.days()}
    for item in visit.agenda_items.all().order_by("starts_at", "pk"):
        local_day = visit.local(item.starts_at).date()
        days.setdefault(local_day, AgendaDay(day=local_day)).items.append(item)
    return sorted(days.values(), key=lambda d: d.day)


# --- Places -------------------------------------------------------------------------------------


def _places(visit) -> QuerySet[Place]:
    return (
        Place.objects.filter(visit=visit)
        .select_related("user", "application")
        .prefetch_related("application__organisations")
    )


def booked_places(*, visit) -> list[Place]:
    """Booked places, by team then name. Two queries."""
    return list(_places(visit).filter(status=P.BOOKED).order_by("application__title", "user__full_name", "pk"))


def waiting_list(*, visit) -> list[Place]:
    """Offers first (they hold a seat), then the waiting list in the order it is walked. Two queries."""
    places = list(_places(visit).filter(status__in=[P.OFFERED, P.WAITING]).order_by("-priority", "requested_at", "pk"))
    return [p for p in places if p.status == P.OFFERED] + [p for p in places if p.status == P.WAITING]


def next_in_line(*, visit, count: int) -> list[Place]:
    """The first `count` people waiting: highest priority first, then who asked first."""
    return list(Place.objects.filter(visit=visit, status=P.WAITING).order_by("-priority", "requested_at", "pk")[:count])


def seats_taken(*, visit) -> int:
    return Place.objects.filter(visit=visit, status__in=sorted(SEAT_STATES)).count()


def active_place(*, visit, user) -> Place | None:
    """The person's booked, offered or waiting place on the visit."""
    if not user.is_authenticated:
        return None
    return Place.objects.filter(visit=visit, user=user, status__in=sorted(ACTIVE_STATES)).first()


def upcoming_places_of(*, user) -> list[Place]:
    """The person's places on visits that have not ended, with each visit's agenda. Two queries."""
    today = timezone.localdate()
    return list(
        Place.objects.filter(user=user, status__in=sorted(ACTIVE_STATES), visit__ends_on__gte=today)
        .select_related("visit__intake__programme")
        .prefetch_related(Prefetch("visit__agenda_items", queryset=AgendaItem.objects.order_by("starts_at", "pk")))
        .order_by("visit__starts_on", "pk")
    )


# --- Attendance ---------------------------------------------------------------------------------


def attendance_sheet(*, visit, day: date) -> list[Place]:
    """Booked places with `record` (the day's Attendance or None), by name. Two queries."""
    places = list(
        Place.objects.filter(visit=visit, status=P.BOOKED)
        .select_related("user", "application")
        .prefetch_related(Prefetch("attendance", queryset=Attendance.objects.filter(day=day), to_attr="day_records"))
        .order_by("user__full_name", "pk")
    )
    for place in places:
        place.record = place.day_records[0] if place.day_records else None
    return places


@dataclass
class AttendanceRow:
    place: Place
    marks: list[bool | None]  # per day: present, absent, or not recorded

    @property
    def days_present(self) -> int:
        return sum(1 for mark in self.marks if mark)


def attendance_summary(*, visit) -> tuple[list[AttendanceRow], list[int]]:
    """Per participant: present/absent per day; per day: how many were there. Two queries."""
    days = visit.days()
    places = list(
        Place.objects.filter(visit=visit, status=P.BOOKED)
        .select_related("user", "application")
        .prefetch_related("attendance")
        .order_by("user__full_name", "pk")
    )
    rows = []
    for place in places:
        by_day = {a.day: a.present for a in place.attendance.all()}
        rows.append(AttendanceRow(place=place, marks=[by_day.get(day) for day in days]))
    totals = [sum(1 for row in rows if row.marks[index]) for index in range(len(days))]
    return rows, totals


def attendance_of(*, user) -> list[Place]:
    """Per participant: their places on visits that have started, with the days they were there."""
    return list(
        Place.objects.filter(user=user, status=P.BOOKED)
        .select_related("visit")
        .prefetch_related("attendance")
        .order_by("visit__starts_on", "pk")
    )
