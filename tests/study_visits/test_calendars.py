"""Calendars: a visit's .ics parsed back, and the personal feed that answers only to its token."""

from datetime import UTC, date, datetime, time

import icalendar
import pytest

from portal.models import CalendarFeed
from study_visits import services
from tests.factories import (
    AgendaItemFactory,
    PhaseFactory,
    PlaceFactory,
    SelectedTeamFactory,
    StaffFactory,
    StudyVisitFactory,
    UserFactory,
)


def parse(response) -> icalendar.Calendar:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar) -> list[tuple]:
    return [
        (str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND"), int(e.get("SEQUENCE", 0)))
        for e in calendar.walk("VEVENT")
    ]


@pytest.fixture
def visit_with_agenda(db):
    visit = StudyVisitFactory(
        time_zone="America/Bogota", starts_on=date(2031, 5, 6), ends_on=date(2031, 5, 7), title="Medellín"
    )
    tz = visit.tzinfo
    AgendaItemFactory(
        visit=visit,
        title="Open budget assembly",
        starts_at=datetime(2031, 5, 6, 9, 0, tzinfo=tz),
        ends_at=datetime(2031, 5, 6, 11, 0, tzinfo=tz),
    )
    AgendaItemFactory(
        visit=visit,
        title="Lunch with the council",
        starts_at=datetime(2031, 5, 7, 12, 30, tzinfo=tz),
        ends_at=datetime(2031, 5, 7, 14, 0, tzinfo=tz),
    )
    return visit


def test_visit_ics_has_events_in_the_host_zone_with_a_vtimezone(visit_with_agenda, staff_client):
    visit = visit_with_agenda
    tz = visit.tzinfo

    calendar = parse(staff_client.get(f"/study-visits/{visit.pk}/calendar.ics"))

    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/Bogota"]
    assert events(calendar) == [
        ("Study visit: Medellín", date(2031, 5, 6), date(2031, 5, 8), 0),
        ("Open budget assembly", datetime(2031, 5, 6, 9, 0, tzinfo=tz), datetime(2031, 5, 6, 11, 0, tzinfo=tz), 0),
        ("Lunch with the council", datetime(2031, 5, 7, 12, 30, tzinfo=tz), datetime(2031, 5, 7, 14, 0, tzinfo=tz), 0),
    ]
    assert [e["DTSTART"].params["TZID"] for e in calendar.walk("VEVENT")[1:]] == ["America/Bogota"] * 2


def test_visit_ics_uids_stay_and_sequence_goes_up_after_a_change(visit_with_agenda, staff_client):
    visit = visit_with_agenda
    url = f"/study-visits/{visit.pk}/calendar.ics"
    first = parse(staff_client.get(url))
    item = visit.agenda_items.get(title="Open budget assembly")

    services.agenda_item_update(
        item=item,
        by=StaffFactory(),
        data={"day": date(2031, 5, 6), "starts": time(10, 0), "ends": time(12, 0), "title": "Open budget assembly"},
    )
    second = parse(staff_client.get(url))
    third = parse(staff_client.get(url))

    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in second.walk("VEVENT")] == [str(e["UID"]) for e in third.walk("VEVENT")]
    assert len(set(uids)) == 3
    assert all(uid.endswith("@127.0.0.1") for uid in uids)
    assert [s for (_t, _s, _e, s) in events(second)] == [0, 1, 0]
    assert events(second)[1][1] == datetime(2031, 5, 6, 10, 0, tzinfo=visit.tzinfo)


def _participant_with_dates():
    team = SelectedTeamFactory(intake=StudyVisitFactory().intake, size=1)
    PhaseFactory(intake=team.intake, name="Phase 1 in Sweden", starts_on=date(2031, 4, 1), ends_on=date(2031, 4, 12))
    visit = StudyVisitFactory(
        intake=team.intake, title="Gothenburg", starts_on=date(2031, 5, 6), ends_on=date(2031, 5, 7)
    )
    AgendaItemFactory(visit=visit, title="Citizen dialogue workshop")
    PlaceFactory(visit=visit, application=team, user=team.contact_person)
    return team.contact_person


def test_feed_carries_phases_and_booked_visits_for_its_token(db, client):
    person = _participant_with_dates()
    other = _participant_with_dates()
    feed = CalendarFeed.objects.create(user=person)
    CalendarFeed.objects.create(user=other)

    calendar = parse(client.get(f"/calendar/{feed.token}.ics"))

    assert [summary for (summary, *_rest) in events(calendar)] == [
        f"Phase 1 in Sweden — {person.applications_as_contact.get().intake.programme.title}",
        "Study visit: Gothenburg",
        "Citizen dialogue workshop",
    ]


def test_feed_is_refused_when_revoked_regenerated_or_wrong(db, client):
    person = _participant_with_dates()
    client.force_login(person)
    client.post("/calendar/", {"action": "regenerate"})
    old = CalendarFeed.objects.get(user=person).token
    client.post("/calendar/", {"action": "regenerate"})
    new = CalendarFeed.objects.get(user=person).token
    client.logout()

    answers = [client.get(f"/calendar/{token}.ics").status_code for token in (old, new, "wrong", new.upper())]
    CalendarFeed.objects.filter(user=person).delete()
    revoked = client.get(f"/calendar/{new}.ics").status_code

    assert old != new
    assert answers == [404, 200, 404, 404]
    assert revoked == 404


def test_revoke_from_the_page_stops_the_feed(db, client):
    person = UserFactory()
    client.force_login(person)
    client.post("/calendar/", {"action": "regenerate"})
    token = CalendarFeed.objects.get(user=person).token

    client.post("/calendar/", {"action": "revoke"})

    assert CalendarFeed.objects.filter(user=person).exists() is False
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_feed_carries_milestones_and_report_due_dates_of_the_persons_project(db, client):
    from tests.factories.change_projects import (
        ChangeProjectFactory,
        MilestoneFactory,
        ReportingPeriodFactory,
        confirmed_team,
    )

    project = ChangeProjectFactory(application=confirmed_team())
    MilestoneFactory(project=project, title="Council adopts the hearing rules", due_on=date(2031, 3, 1))
    ReportingPeriodFactory(
        phase=PhaseFactory(
            intake=project.intake, name="Home phase", starts_on=date(2031, 4, 1), ends_on=date(2031, 6, 15)
        ),
        due_on=date(2031, 6, 30),
    )
    MilestoneFactory(title="Another team's milestone", due_on=date(2031, 3, 2))
    feed = CalendarFeed.objects.create(user=project.application.contact_person)

    calendar = parse(client.get(f"/calendar/{feed.token}.ics"))

    assert [(s, start, end) for (s, start, end, _seq) in events(calendar)] == [
        ("Milestone: Council adopts the hearing rules", date(2031, 3, 1), date(2031, 3, 2)),
        (f"Home phase — {project.intake.programme.title}", date(2031, 4, 1), date(2031, 6, 16)),
        ("Progress report due: Home phase", date(2031, 6, 30), date(2031, 7, 1)),
    ]


def test_feed_carries_coaching_sessions_for_the_team_and_its_mentor_only(db, client):
    from tests.factories.mentoring import CoachingSessionFactory, MentoredTeamFactory

    team = MentoredTeamFactory(application__title="Ward hearings").application
    session = CoachingSessionFactory(
        application=team, starts_at=datetime(2031, 2, 3, 8, 0, tzinfo=UTC), duration_minutes=90
    )
    CoachingSessionFactory(private_notes="Not for the team")
    member = session.application.contact_person
    tokens = [CalendarFeed.objects.create(user=u).token for u in (member, session.assignment.mentor, UserFactory())]

    calendars = [parse(client.get(f"/calendar/{token}.ics")) for token in tokens]

    expected = [
        (
            "Coaching session: Ward hearings (Online)",
            datetime(2031, 2, 3, 8, 0, tzinfo=UTC),
            datetime(2031, 2, 3, 9, 30, tzinfo=UTC),
            0,
        )
    ]
    assert [events(c) for c in calendars] == [expected, expected, []]
    assert b"Not for the team" not in b"".join(c.to_ical() for c in calendars)
