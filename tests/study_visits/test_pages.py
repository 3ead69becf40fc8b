"""Pages: what each person sees, 404 for everyone else, and fixed query counts on the lists."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from study_visits import services
from study_visits.enums import PlaceStatus
from study_visits.models import AgendaItem, Attendance, Place, StudyVisit
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    IntakeFactory,
    IntakeParticipantFactory,
    PlaceFactory,
    SelectedTeamFactory,
    StaffFactory,
    StudyVisitFactory,
    UserFactory,
)
from tests.programmes.html import texts_by_testid


def test_staff_schedule_a_visit_and_add_agenda_items_on_the_hosts_clock(staff_client):
    intake = IntakeFactory()

    response = staff_client.post(
        "/study-visits/new/",
        {
            "intake": intake.pk,
            "title": "Study visit to Umeå",
            "host": "Umeå Municipality",
            "time_zone": "Europe/Stockholm",
            "starts_on": "2031-09-15",
            "ends_on": "2031-09-16",
            "capacity": "4",
            "offer_hours": "48",
        },
    )
    visit = StudyVisit.objects.get()
    staff_client.post(
        f"/study-visits/{visit.pk}/agenda/new/",
        {"day": "2031-09-16", "starts": "09:30", "ends": "11:00", "title": "Youth council", "kind": "meeting"},
    )
    staff_client.post(
        f"/study-visits/{visit.pk}/agenda/new/",
        {"day": "2031-09-16", "starts": "09:30", "ends": "11:00", "title": "Youth council", "kind": "politicians"},
    )
    page = staff_client.get(f"/study-visits/{visit.pk}/")

    assert response.status_code == 302
    assert (visit.capacity, visit.starts_on) == (4, date(2031, 9, 15))
    assert AgendaItem.objects.get().starts_at == datetime(2031, 9, 16, 7, 30, tzinfo=UTC)
    assert texts_by_testid(page, "agenda-day") == ["Monday 15 September 2031", "Tuesday 16 September 2031"]
    assert texts_by_testid(page, "agenda-item") == [
        "09:30–11:00 CEST · Youth council Meeting with politicians Edit Youth council Remove Youth council"
    ]


def test_visit_form_refuses_a_last_day_before_the_first(staff_client):
    response = staff_client.post(
        "/study-visits/new/",
        {
            "intake": IntakeFactory().pk,
            "title": "x",
            "host": "y",
            "time_zone": "Europe/Stockholm",
            "starts_on": "2031-09-15",
            "ends_on": "2031-09-14",
            "capacity": "4",
            "offer_hours": "48",
        },
    )

    assert response.context["form"].errors == {"ends_on": ["The last day cannot be before the first day."]}
    assert StudyVisit.objects.count() == 0


@pytest.fixture
def two_intakes(db):
    """A visit in one intake, and a participant of another intake who must not see it."""
    visit = StudyVisitFactory()
    AgendaItemFactory(visit=visit)
    insider = IntakeParticipantFactory(intake=visit.intake)
    place = PlaceFactory(visit=visit)
    outsider = IntakeParticipantFactory(intake=StudyVisitFactory().intake)
    return visit, insider, outsider, place


def test_participant_of_another_intake_gets_404_everywhere(two_intakes, client):
    visit, _insider, outsider, place = two_intakes
    client.force_login(outsider)
    item = visit.agenda_items.get()

    answers = {
        url: client.get(url).status_code
        for url in [
            f"/study-visits/{visit.pk}/",
            f"/study-visits/{visit.pk}/calendar.ics",
            f"/study-visits/{visit.pk}/edit/",
            f"/study-visits/{visit.pk}/places/",
            f"/study-visits/{visit.pk}/agenda/new/",
            f"/study-visits/{visit.pk}/agenda/{item.pk}/edit/",
            f"/study-visits/{visit.pk}/attendance/",
            f"/study-visits/{visit.pk}/attendance/summary/",
            f"/study-visits/offers/{place.offer_token}/",
        ]
    }
    posts = {
        url: client.post(url).status_code
        for url in [
            f"/study-visits/{visit.pk}/sign-up/",
            f"/study-visits/places/{place.pk}/cancel/",
            f"/study-visits/places/{place.pk}/priority/",
            f"/study-visits/{visit.pk}/agenda/{item.pk}/delete/",
        ]
    }

    assert set(answers.values()) == {404}
    assert set(posts.values()) == {404}
    assert Place.objects.filter(user=outsider).count() == 0
    assert list(Place.objects.values_list("status", flat=True)) == [PlaceStatus.BOOKED]
    assert AgendaItem.objects.count() == 1


def test_participant_sees_the_visit_and_signs_up(two_intakes, client):
    visit, insider, _outsider, _place = two_intakes
    client.force_login(insider)

    page = client.get(f"/study-visits/{visit.pk}/")
    client.post(f"/study-visits/{visit.pk}/sign-up/")
    after = client.get(f"/study-visits/{visit.pk}/")

    assert texts_by_testid(page, "places-left") == ["1 of 10 places taken, 0 waiting"]
    assert texts_by_testid(after, "your-place")[0].startswith("Your place You have a place on this visit.")
    assert Place.objects.get(user=insider).status == PlaceStatus.BOOKED


def test_participant_sees_only_their_intakes_visits_in_the_list(two_intakes, client):
    visit, insider, _outsider, _place = two_intakes
    client.force_login(insider)

    page = client.get("/study-visits/")

    assert texts_by_testid(page, "visit-title") == [visit.title]


def test_staff_pages_of_places_and_attendance_answer_staff_and_the_host_only(two_intakes, client):
    visit, insider, _outsider, _place = two_intakes
    host = UserFactory()
    StudyVisit.objects.filter(pk=visit.pk).update(host_contact=host)
    client.force_login(insider)
    participant = [client.get(f"/study-visits/{visit.pk}/{p}").status_code for p in ("places/", "attendance/")]
    client.force_login(host)
    hosting = [client.get(f"/study-visits/{visit.pk}/{p}").status_code for p in ("places/", "attendance/")]

    assert participant == [404, 404]
    assert hosting == [404, 200]


def _visits(n):
    intake = IntakeFactory()
    for _i in range(n):
        visit = StudyVisitFactory(intake=intake)
        PlaceFactory(visit=visit)
        PlaceFactory(visit=visit, waiting=True)


@pytest.mark.parametrize("rows", [1, 3])
def test_visit_list_query_count_is_fixed(staff_client, django_assert_num_queries, rows):
    _visits(rows)

    # session, user, groups (staff check for nav), count, page of visits, nav role cache
    with django_assert_num_queries(6):
        page = staff_client.get("/study-visits/")

    assert len(texts_by_testid(page, "visit-title")) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_visit_list_selector_query_count_is_fixed(db, django_assert_num_queries, rows):
    _visits(rows)
    staff = StaffFactory()

    with django_assert_num_queries(2):
        visits = list(services.selectors.visits_for(user=staff))

    assert [(v.seats_taken, v.waiting_count) for v in visits] == [(1, 1)] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_agenda_query_count_is_fixed(staff_client, django_assert_num_queries, rows):
    visit = StudyVisitFactory()
    for n in range(rows):
        AgendaItemFactory(
            visit=visit, starts_at=timezone.datetime.combine(visit.starts_on, time(8 + n), tzinfo=visit.tzinfo)
        )

    with django_assert_num_queries(8):
        page = staff_client.get(f"/study-visits/{visit.pk}/")

    assert len(texts_by_testid(page, "agenda-item")) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_attendance_page_query_count_is_fixed(staff_client, django_assert_num_queries, rows):
    visit = StudyVisitFactory(past=True)
    for place in PlaceFactory.create_batch(rows, visit=visit):
        AttendanceFactory(place=place, day=visit.starts_on)

    with django_assert_num_queries(7):
        page = staff_client.get(f"/study-visits/{visit.pk}/attendance/?day={visit.starts_on.isoformat()}")

    assert texts_by_testid(page, "sheet-mark") == ["Present"] * rows


def test_attendance_is_recorded_per_day_and_summed(staff_client):
    visit = StudyVisitFactory(past=True)
    anna, ben = PlaceFactory(visit=visit, email="anna@x.org"), PlaceFactory(visit=visit, email="ben@x.org")
    url = f"/study-visits/{visit.pk}/attendance/"
    staff_client.post(url, {"day": visit.starts_on.isoformat(), "place": anna.pk, "present": "yes"})
    staff_client.post(url, {"day": visit.starts_on.isoformat(), "place": ben.pk, "present": "no"})
    staff_client.post(url, {"day": visit.ends_on.isoformat(), "place": anna.pk, "present": "yes"})

    summary = staff_client.get(f"{url}summary/")

    names = {anna.pk: str(anna.user), ben.pk: str(ben.user)}
    rows = {r.place.pk: (r.marks, r.days_present) for r in summary.context["rows"]}
    assert rows == {anna.pk: ([True, True], 2), ben.pk: ([False, None], 0)}
    assert summary.context["totals"] == [1, 1]
    assert len(names) == 2


def test_attendance_before_the_day_is_refused(db):
    visit = StudyVisitFactory()
    place = PlaceFactory(visit=visit)

    with pytest.raises(services.ValidationError):
        services.attendance_record(place=place, day=visit.starts_on, present=True, by=StaffFactory())

    assert Attendance.objects.count() == 0


def test_offer_page_lets_the_offered_person_accept(db, client):
    visit = StudyVisitFactory(capacity=1)
    place = PlaceFactory(visit=visit, offered=True)
    client.force_login(place.user)

    client.post(f"/study-visits/offers/{place.offer_token}/", {"action": "accept"})

    place.refresh_from_db()
    assert place.status == PlaceStatus.BOOKED


def test_dashboard_shows_the_upcoming_visit_and_its_agenda(db, client):
    visit = StudyVisitFactory(title="Gothenburg", starts_on=date(2031, 6, 10), ends_on=date(2031, 6, 11))
    AgendaItemFactory(visit=visit, title="Citizen dialogue workshop")
    place = PlaceFactory(visit=visit)
    StudyVisitFactory(intake=visit.intake, title="Malmö", starts_on=date(2031, 9, 1), ends_on=date(2031, 9, 2))
    client.force_login(place.user)

    page = client.get("/dashboard/")

    assert texts_by_testid(page, "panel-visit") == [
        "Gothenburg City of Gothenburg · 10 June 2031 – 11 June 2031 You have a place "
        "Tue 10 Jun, 09:00–10:30 CEST · Citizen dialogue workshop Add to my calendar (.ics)"
    ]
    assert texts_by_testid(page, "panel-open-visit") == [
        "Malmö City of Gothenburg · 1 September 2031 – 2 September 2031 Places are open: sign up on the visit's page."
    ]


def test_agenda_change_after_booking_tells_the_booked(db, django_capture_on_commit_callbacks):
    visit = StudyVisitFactory()
    booked = PlaceFactory(visit=visit)
    PlaceFactory(visit=visit, waiting=True)
    PlaceFactory(visit=visit, status=PlaceStatus.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_create(
            visit=visit,
            by=StaffFactory(),
            data={
                "day": visit.starts_on,
                "starts": time(14),
                "ends": time(15),
                "title": "Tram depot",
                "kind": "site_visit",
            },
        )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([booked.user.email], f"The agenda of {visit.title} has changed")
    ]
    assert "14:00–15:00" in mail.outbox[0].body and "Tram depot" in mail.outbox[0].body


def test_week_before_reminder_is_sent_once_in_each_persons_language(db):
    visit = StudyVisitFactory(starts_on=timezone.localdate() + timedelta(days=6))
    PlaceFactory(visit=visit, email="en@x.org")
    StudyVisitFactory(starts_on=timezone.localdate() + timedelta(days=20))
    team = SelectedTeamFactory(intake=visit.intake, size=1, contact_person=UserFactory(preferred_language="fr"))
    PlaceFactory(visit=visit, application=team, user=team.contact_person)

    first = services.reminders_send()
    second = services.reminders_send()

    assert (first, second) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["en@x.org", team.contact_person.email])
