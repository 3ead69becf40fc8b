"""Staff schedule a visit with an agenda and 4 places and book a team of three; another team's member
signs up for the last place, a third joins the waiting list; a booked member cancels; the waiting
participant gets the offer by e-mail, accepts it and downloads the visit's calendar file."""

import os
import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from django.core import mail

from study_visits import services
from study_visits.enums import PlaceStatus
from study_visits.models import Attendance, Place, StudyVisit
from tests.factories import (
    IntakeFactory,
    PlaceFactory,
    SelectedTeamFactory,
    StaffFactory,
    StudyVisitFactory,
    TeamMemberFactory,
    UserFactory,
)
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
def test_visit_waiting_list_offer_and_calendar(page, live_server, login, transactional_db, logout):
    intake = IntakeFactory(closed=True)
    team_a = SelectedTeamFactory(intake=intake, size=3, title="Open budget hearings")
    team_b = SelectedTeamFactory(intake=intake, size=1, title="Youth council")
    waiting = UserFactory(email="waiting@example.org", full_name="Lucía Rojas")
    TeamMemberFactory(application=team_b, user=waiting)
    staff = StaffFactory(email="manager@example.org")
    first_day = date(date.today().year + 1, 6, 15)  # summer time in Sweden: CEST
    page.on("dialog", lambda dialog: dialog.accept())

    # --- Staff: the visit, one agenda item, the whole team booked.
    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/study-visits/")
    page.get_by_role("link", name="Schedule a study visit").click()
    page.get_by_label("Intake").select_option(str(intake.pk))
    page.get_by_label("Title").fill("Study visit to Umeå")
    page.get_by_label("Host municipality or region").fill("Umeå Municipality")
    page.get_by_label("Host's time zone").select_option("Europe/Stockholm")
    page.get_by_label("First day").fill(first_day.isoformat())
    page.get_by_label("Last day").fill((first_day + timedelta(days=1)).isoformat())
    page.get_by_label("Places").fill("4")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The study visit is scheduled. Now add its agenda.").wait_for()
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Starts").fill("09:30")
    page.get_by_label("Ends").fill("11:00")
    page.get_by_label("Title").fill("Meeting the youth council")
    page.get_by_label("Type").select_option("politicians")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The agenda is saved.").wait_for()
    page.get_by_text("09:30–11:00 CEST · Meeting the youth council").wait_for()
    page.get_by_role("link", name="Places and waiting list").click()
    page.get_by_label("Team").select_option(str(team_a.pk))
    page.get_by_role("button", name="Book the team").click()
    page.get_by_text("3 places booked for the team.").wait_for()
    assert page.get_by_test_id("places-left").inner_text() == "3 of 4 places taken, 0 waiting"
    logout(page)
    visit = StudyVisit.objects.get()
    services.place_book(visit=visit, user=team_b.contact_person, by=team_b.contact_person)

    # --- Another team's participant: the visit is full, so the waiting list.
    login(page, waiting.email, PASSWORD)
    page.goto(f"{live_server.url}/study-visits/{visit.pk}/")
    page.get_by_role("button", name="Join the waiting list").click()
    page.get_by_text("The visit is full: you are on the waiting list.").wait_for()
    logout(page)

    # --- A booked member cancels (after confirming); the seat is offered to the waiting participant.
    member = team_a.members.exclude(user=team_a.contact_person).first().user
    login(page, member.email, PASSWORD)
    page.goto(f"{live_server.url}/study-visits/{visit.pk}/")
    page.get_by_role("button", name="Cancel my place").click()
    page.get_by_text("The place is cancelled.").wait_for()
    logout(page)
    offers = [m for m in mail.outbox if m.to == [waiting.email]]
    assert [m.subject for m in offers] == ["A place has freed up on the study visit: Study visit to Umeå"]
    link = re.search(r"http\S+/study-visits/offers/\S+/", offers[0].body).group(0)

    # --- The waiting participant accepts from the link and downloads the calendar file.
    login(page, waiting.email, PASSWORD)
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    page.get_by_role("button", name="Accept the place").click()
    page.get_by_text("You have a place on this visit. See you there!").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())

    assert Place.objects.get(user=waiting).status == PlaceStatus.BOOKED
    assert Place.objects.filter(visit=visit, status=PlaceStatus.BOOKED).count() == 4
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Study visit: Study visit to Umeå",
        "Meeting the youth council",
    ]
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


@pytest.mark.browser
def test_attendance_on_a_320_px_phone(browser, live_server, login, transactional_db):
    visit = StudyVisitFactory(past=True, title="Study visit to Uppsala")
    PlaceFactory(visit=visit, email="anna@example.org")
    staff = StaffFactory()
    context = browser.new_context(locale="en-GB", viewport={"width": 320, "height": 640})
    context.set_default_timeout(10_000)
    phone = context.new_page()

    login(phone, staff.email, PASSWORD)
    for path in ("", "places/", "attendance/", "attendance/summary/"):
        phone.goto(f"{live_server.url}/study-visits/{visit.pk}/{path}")
        assert phone.evaluate("document.documentElement.scrollWidth") == 320, path
    phone.goto(f"{live_server.url}/study-visits/{visit.pk}/attendance/?day={visit.starts_on.isoformat()}")
    phone.get_by_role("button", name="Present").first.click()
    phone.get_by_test_id("sheet-mark").get_by_text("Present").wait_for()
    context.close()

    assert list(Attendance.objects.values_list("present", flat=True)) == [True]
