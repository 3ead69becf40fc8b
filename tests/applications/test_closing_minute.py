"""Issue 10 #2: a deadline shown as "23:59" includes that whole minute, in the intake's zone.

The intakes are made through the staff form, as staff make them, on the day the clocks change.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from applications.enums import ApplicationStatus
from applications.services import application_submit
from programmes.models import Intake
from tests.factories import ApplicationFactory, IntakeFactory
from tests.programmes.html import texts_by_testid
from tests.programmes.test_window_timezones import _intake_form_data

pytestmark = pytest.mark.django_db

# The day summer time starts: Stockholm 28 March 2027 (CET → CEST), New York 14 March 2027 (EST → EDT).
# 23:59:59.999999 local time that day, in UTC:
CASES = [
    ("Europe/Stockholm", "2027-03-28", datetime(2027, 3, 28, 21, 59, 59, 999_999, tzinfo=UTC)),
    ("America/New_York", "2027-03-14", datetime(2027, 3, 15, 3, 59, 59, 999_999, tzinfo=UTC)),
]


def _intake_through_form(client, zone, day) -> Intake:
    programme = IntakeFactory().programme
    response = client.post(
        reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}),
        _intake_form_data(name_en="Call", time_zone=zone, opens_on="2027-01-10", closes_on=day, closes_time="23:59"),
    )
    assert response.status_code == 302
    intake = Intake.objects.get(name="Call")
    Intake.objects.filter(pk=intake.pk).update(status="published")
    intake.refresh_from_db()
    return intake


def _submit_at(intake, moment):
    application = ApplicationFactory(intake=intake, complete=True)
    try:
        application_submit(application=application, by=application.contact_person, now=moment)
    except ValidationError as exc:
        return exc.messages
    application.refresh_from_db()
    return application.status


@pytest.mark.parametrize(("zone", "day", "real_close"), CASES)
def test_closing_minute_is_stored_to_its_last_instant(staff_client, zone, day, real_close):
    intake = _intake_through_form(staff_client, zone, day)

    assert intake.closes_at == real_close


@pytest.mark.parametrize(("zone", "day", "real_close"), CASES)
def test_submit_twenty_seconds_into_the_closing_minute_is_on_time(staff_client, zone, day, real_close):
    intake = _intake_through_form(staff_client, zone, day)

    outcome = _submit_at(intake, real_close.replace(second=20, microsecond=0))

    assert outcome == ApplicationStatus.SUBMITTED


@pytest.mark.parametrize(("zone", "day", "real_close"), CASES)
def test_submit_one_second_before_the_real_close_is_on_time(staff_client, zone, day, real_close):
    intake = _intake_through_form(staff_client, zone, day)

    outcome = _submit_at(intake, real_close - timedelta(seconds=1))

    assert outcome == ApplicationStatus.SUBMITTED


@pytest.mark.parametrize(("zone", "day", "real_close"), CASES)
def test_submit_one_second_after_the_real_close_is_late(staff_client, zone, day, real_close):
    intake = _intake_through_form(staff_client, zone, day)

    outcome = _submit_at(intake, real_close + timedelta(seconds=1))

    assert outcome == ["The deadline for this application has passed."]


def test_team_extension_typed_to_the_minute_includes_the_minute(staff_client):
    intake = IntakeFactory(
        time_zone="America/New_York",
        opens_at=datetime(2027, 1, 4, tzinfo=UTC),  # fixed dates: the test means the same in any year it runs
        closes_at=datetime(2027, 3, 1, 4, 59, tzinfo=UTC),
    )
    application = ApplicationFactory(intake=intake)

    staff_client.post(
        reverse("applications:extend_deadline", args=[application.pk]),
        {"deadline": "2027-03-14T23:59", "reason": "Power cut in the district"},
    )

    application.refresh_from_db()
    assert application.deadline_override == datetime(2027, 3, 15, 3, 59, 59, 999_999, tzinfo=UTC)


def test_call_page_says_what_counts(client):
    intake = IntakeFactory(time_zone="Europe/Stockholm")

    page = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(page, "what-counts") == [
        "What counts is the moment your team presses Submit, by the clock in Europe/Stockholm; "
        "the whole closing minute counts."
    ]
