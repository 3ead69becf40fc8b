"""Demo data: a past study visit with attendance and an upcoming one that is full, with a waiting list.

Both belong to the intake of the demo participant's selected team; its accepted teams count as having
confirmed their places. Idempotent: visits are found by intake and title, places by visit and person.
Needs applications.demo first; without the participant's team it does nothing.

Told as of `programmes.demo.follow_up_day` (for the finished past intake, a day in its home phase;
"upcoming" means upcoming on that day): bookings, attendance and confirmations carry the days they
would have happened, never the day the demo was loaded.
"""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType

from applications.enums import ApplicationStatus
from portal.models import Activity
from portal.services import demo_dated
from programmes.demo import at, follow_up_day
from selection.models import Confirmation
from selection.selectors import applications_selected

from .enums import AgendaKind, PlaceStatus
from .models import AgendaItem, Attendance, Place, StudyVisit
from .selectors import selected_teams

K = AgendaKind

PAST = {
    "title": "Study visit to Uppsala",
    "host": "Uppsala Municipality",
    "address": "Stationsgatan 12, 753 75 Uppsala, Sweden",
    "description": "Two days with Uppsala's **citizen dialogue** team: how the municipality asks residents "
    "before it decides, and how it reports back.",
    "travel": "Train from Stockholm Central (40 minutes); tickets are booked by the programme.",
    "accommodation": "Hotel Uppsala, two nights, breakfast included.",
    "contact_on_site": "Karin Berg, +46 18 727 00 00",
}
UPCOMING = {
    "title": "Study visit to Malmö",
    "host": "City of Malmö",
    "address": "August Palms plats 1, 205 80 Malmö, Sweden",
    "description": "Two days on **inclusion**: Malmö's neighbourhood offices, the youth council and the "
    "city's work against segregation.",
    "travel": "Flight to Copenhagen, then the Öresund train to Malmö C (25 minutes).",
    "accommodation": "Comfort Hotel Malmö, two nights.",
    "contact_on_site": "Johan Lind, +46 40 34 10 00",
}
# (day index, start, end, title, kind, place, speaker)
AGENDA = [
    (0, time(9, 0), time(10, 30), "Welcome at City Hall", K.POLITICIANS, "City Hall", "Chair of the municipal council"),
    (0, time(10, 45), time(12, 30), "Citizen dialogue in practice", K.WORKSHOP, "Room Linné", "Head of dialogue"),
    (0, time(12, 30), time(13, 30), "Lunch", K.MEAL, "City Hall restaurant", ""),
    (0, time(14, 0), time(16, 30), "Neighbourhood office visit", K.SITE_VISIT, "Gottsunda centre", "Area manager"),
    (1, time(9, 0), time(11, 0), "Youth council meeting", K.POLITICIANS, "Youth House", "Youth council members"),
    (1, time(11, 30), time(13, 0), "Open budget workshop", K.WORKSHOP, "City Hall", "Budget office"),
    (1, time(14, 0), time(15, 0), "Travel back", K.TRAVEL, "Central station", ""),
]


def _visit(intake, fields, starts_on, capacity) -> tuple[StudyVisit, bool]:
    visit, created = StudyVisit.objects.get_or_create(
        intake=intake,
        title=fields["title"],
        defaults={**fields, "starts_on": starts_on, "ends_on": starts_on + timedelta(days=1), "capacity": capacity},
    )
    if created:
        for day, starts, ends, title, kind, place, speaker in AGENDA:
            date = visit.starts_on + timedelta(days=day)
            AgendaItem.objects.create(
                visit=visit,
                starts_at=datetime.combine(date, starts, tzinfo=visit.tzinfo),
                ends_at=datetime.combine(date, ends, tzinfo=visit.tzinfo),
                title=title,
                kind=kind,
                place=place,
                speaker=speaker,
            )
    return visit, created


def _place(visit, member, status, by, requested_at) -> Place:
    place = Place.objects.filter(visit=visit, user=member.user).first()
    if place is None:
        with demo_dated(requested_at):
            place = Place.objects.create(
                visit=visit,
                user=member.user,
                application=member.application,
                status=status,
                booked_by=by,
                requested_at=requested_at,
            )
            Activity.record(
                obj=place,
                actor=by,
                verb="booked a place" if status == PlaceStatus.BOOKED else "joined the waiting list",
                to_state=status,
            )
    return place


def _released_at(application):
    """When the team was told it was selected (the acceptance's feed entry), for its confirmation."""
    entry = Activity.objects.filter(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        to_state=ApplicationStatus.ACCEPTED,
    ).first()
    return entry.created_at if entry is not None else application.updated_at


def seed(*, stdout) -> None:
    from accounts.demo import demo_user
    from accounts.models import User

    try:
        participant, staff = demo_user("participant"), demo_user("staff")
    except User.DoesNotExist:
        return
    team = applications_selected().filter(members__user=participant).order_by("-intake__opens_at").first()
    if team is None:
        return
    intake = team.intake
    for application in applications_selected(intake=intake):
        released = _released_at(application)
        with demo_dated(released + timedelta(hours=1)):
            Confirmation.objects.get_or_create(
                application=application,
                defaults={
                    "deadline": released + timedelta(days=14),
                    "status": "confirmed",
                    "closed_at": released + timedelta(days=4),
                },
            )
    teams = [team, *selected_teams(intake=intake).exclude(pk=team.pk).order_by("pk")]
    members = [m for t in teams for m in t.members.select_related("user", "application").order_by("pk")]
    today = follow_up_day(intake)

    with demo_dated(at(intake, today - timedelta(days=120), 10)):
        past, _created = _visit(intake, PAST, today - timedelta(days=60), capacity=len(members))
    for index, member in enumerate(members):
        place = _place(past, member, PlaceStatus.BOOKED, staff, at(intake, today - timedelta(days=90), 10, index))
        for day_index, day in enumerate(past.days()):
            with demo_dated(at(intake, day, 17)):
                Attendance.objects.get_or_create(
                    place=place, day=day, defaults={"present": (index + day_index) % 5 != 4, "recorded_by": staff}
                )

    with demo_dated(at(intake, today - timedelta(days=40), 10)):
        upcoming, _created = _visit(intake, UPCOMING, today + timedelta(days=21), capacity=4)
    # Booked by staff in order, then the others asked for a place: the waiting list's order.
    for index, member in enumerate(members):
        status = PlaceStatus.BOOKED if index < upcoming.capacity else PlaceStatus.WAITING
        by = staff if status == PlaceStatus.BOOKED else member.user
        _place(upcoming, member, status, by, at(intake, today - timedelta(days=10), 10, index))
    waiting = Place.objects.filter(visit=upcoming, status=PlaceStatus.WAITING).count()
    stdout.write(f"Study visits: “{past.title}” with attendance, “{upcoming.title}” full with {waiting} waiting")
