from io import StringIO

from django.core.management import call_command

from accounts.demo import demo_user
from programmes.demo import at, follow_up_day
from study_visits import demo
from study_visits.enums import PlaceStatus
from study_visits.models import Attendance, Place, StudyVisit


def test_demo_has_a_past_visit_with_attendance_and_an_upcoming_one_with_a_waiting_list(db):
    call_command("demo", stdout=StringIO())

    demo.seed(stdout=StringIO())

    past, upcoming = StudyVisit.objects.order_by("starts_on")
    # As of the day the demo tells the (finished) intake's follow-up.
    story = at(past.intake, follow_up_day(past.intake), 12)
    assert (past.has_ended(story), upcoming.has_started(story)) == (True, False)
    assert Attendance.objects.filter(place__visit=past).count() == 2 * past.capacity == 12
    assert sorted(Place.objects.filter(visit=upcoming).values_list("status", flat=True)) == [
        PlaceStatus.BOOKED,
        PlaceStatus.BOOKED,
        PlaceStatus.BOOKED,
        PlaceStatus.BOOKED,
        PlaceStatus.WAITING,
        PlaceStatus.WAITING,
    ]
    assert Place.objects.get(visit=upcoming, user=demo_user("participant")).status == PlaceStatus.BOOKED
    assert upcoming.agenda_items.count() == 7


def test_demo_without_the_participants_team_creates_nothing(db):
    demo.seed(stdout=StringIO())

    assert StudyVisit.objects.count() == 0
