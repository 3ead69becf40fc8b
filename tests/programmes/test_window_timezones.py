"""The application window at its edges, in zones far from UTC and on daylight-saving days."""

from datetime import UTC, date, datetime, time, timedelta
from unittest import mock

import pytest
from django.urls import reverse

from programmes import display
from programmes.forms import IntakeForm
from programmes.models import Intake
from tests.factories import IntakeFactory

from .html import texts_by_testid


def _intake_form_data(**overrides):
    data = {
        "name_en": "2027 intake",
        "eligible_countries": ["KE", "CO"],
        "eligible_organisation_types": ["municipality"],
        "time_zone": "Europe/Stockholm",
        "opens_on": "2027-01-10",
        "opens_time": "09:00",
        "closes_on": "2027-03-15",
        "closes_time": "23:59",
        "team_places": "10",
        "min_team_size": "3",
        "max_team_size": "5",
        "min_politicians": "1",
        "min_officials": "1",
        "min_civil_society": "1",
        "warn_gender_imbalance": "on",
        "mandate_letter": "required",
        "cvs": "optional",
        "min_english_level": "",
        "max_age": "",
    }
    data.update(overrides)
    return data


def test_window_in_kiritimati_open_one_second_before_close(db):
    # 23:59 on 15 March in Kiritimati (UTC+14) is 09:59 UTC the same day.
    closes_at = datetime(2027, 3, 15, 9, 59, tzinfo=UTC)
    intake = IntakeFactory(time_zone="Pacific/Kiritimati", opens_at=closes_at - timedelta(days=30), closes_at=closes_at)

    is_open = intake.is_open(now=closes_at - timedelta(seconds=1))

    assert is_open is True


def test_window_in_kiritimati_closed_one_second_after_close(db):
    closes_at = datetime(2027, 3, 15, 9, 59, tzinfo=UTC)
    intake = IntakeFactory(time_zone="Pacific/Kiritimati", opens_at=closes_at - timedelta(days=30), closes_at=closes_at)

    is_open = intake.is_open(now=closes_at + timedelta(seconds=1))

    assert is_open is False


def test_window_in_kiritimati_not_open_one_second_before_opening(db):
    opens_at = datetime(2027, 1, 9, 10, 0, tzinfo=UTC)  # 10 January 2027, 00:00 in Kiritimati
    intake = IntakeFactory(time_zone="Pacific/Kiritimati", opens_at=opens_at, closes_at=opens_at + timedelta(days=60))

    states = [intake.is_open(now=opens_at - timedelta(seconds=1)), intake.is_open(now=opens_at)]

    assert states == [False, True]


def test_form_in_kiritimati_stores_utc_a_day_earlier_than_utc_midnight(db):
    form = IntakeForm(
        data=_intake_form_data(time_zone="Pacific/Kiritimati", closes_on="2027-03-15", closes_time="08:00")
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["closes_at"] == datetime(2027, 3, 14, 18, 0, 59, 999_999, tzinfo=UTC)


def test_form_deadline_on_stockholm_dst_day_stores_summer_time_utc(db):
    # Clocks in Stockholm go from CET (UTC+1) to CEST (UTC+2) at 02:00 on 28 March 2027.
    form = IntakeForm(data=_intake_form_data(closes_on="2027-03-28", closes_time="23:59"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["closes_at"] == datetime(2027, 3, 28, 21, 59, 59, 999_999, tzinfo=UTC)


def test_form_deadline_the_day_before_stockholm_dst_stores_winter_time_utc(db):
    form = IntakeForm(data=_intake_form_data(closes_on="2027-03-27", closes_time="23:59"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["closes_at"] == datetime(2027, 3, 27, 22, 59, 59, 999_999, tzinfo=UTC)


def test_form_time_skipped_by_dst_change_is_refused(db):
    form = IntakeForm(data=_intake_form_data(closes_on="2027-03-28", closes_time="02:30"))

    assert form.is_valid() is False
    assert form.errors["closes_time"] == [
        "02:30 does not exist on 2027-03-28 in Europe/Stockholm: the clocks change that night. Choose another time."
    ]


def test_staff_create_intake_on_dst_day_catalogue_shows_local_time_and_abbreviation(staff_client, client):
    programme_pk = IntakeFactory().programme.pk
    response = staff_client.post(
        reverse("programmes:staff_intake_create", kwargs={"pk": programme_pk}),
        _intake_form_data(name_en="Spring intake", opens_on="2020-01-01", closes_on="2027-03-28", closes_time="23:59"),
    )
    intake = Intake.objects.get(name="Spring intake")
    intake.status = "published"
    intake.save()

    # Read three weeks before the close, whenever the test runs.
    with mock.patch("django.utils.timezone.now", return_value=datetime(2027, 3, 7, 12, 0, tzinfo=UTC)):
        page = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert response.status_code == 302
    assert intake.closes_at == datetime(2027, 3, 28, 21, 59, 59, 999_999, tzinfo=UTC)
    assert texts_by_testid(page, "deadline")[0].startswith("closes 28 March 2027, 23:59 CEST (in ")


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/Stockholm", "closes 28 March 2027, 23:59 CEST (in 3 days)"),
        ("America/New_York", "closes 28 March 2027, 17:59 EDT (in 3 days)"),
        ("Pacific/Auckland", "closes 29 March 2027, 10:59 NZDT (in 3 days)"),
        ("Pacific/Kiritimati", "closes 29 March 2027, 11:59 UTC+14 (in 3 days)"),
        ("Asia/Kathmandu", "closes 29 March 2027, 03:44 UTC+5:45 (in 3 days)"),
    ],
)
def test_deadline_text_of_one_moment_in_other_zones(db, zone, expected):
    intake = IntakeFactory.build(time_zone=zone, closes_at=datetime(2027, 3, 28, 21, 59, tzinfo=UTC))

    text = display.deadline_text(intake, now=datetime(2027, 3, 25, 12, 0, tzinfo=UTC))

    assert text == expected


def test_deadline_on_auckland_dst_end_day_shown_in_standard_time(db):
    # New Zealand leaves summer time (NZDT, UTC+13) for NZST (UTC+12) at 03:00 on 4 April 2027.
    form = IntakeForm(data=_intake_form_data(time_zone="Pacific/Auckland", closes_on="2027-04-04", closes_time="23:59"))
    assert form.is_valid(), form.errors
    intake = IntakeFactory.build(time_zone="Pacific/Auckland", closes_at=form.cleaned_data["closes_at"])

    text = display.deadline_text(intake, now=datetime(2027, 4, 4, 11, 0, tzinfo=UTC))

    assert (form.cleaned_data["closes_at"], text) == (
        datetime(2027, 4, 4, 11, 59, 59, 999_999, tzinfo=UTC),
        "closes 4 April 2027, 23:59 NZST (in less than an hour)",
    )


def test_deadline_text_after_closing_says_closed(db):
    intake = IntakeFactory.build(time_zone="Europe/Stockholm", closes_at=datetime(2027, 3, 15, 22, 59, tzinfo=UTC))

    text = display.deadline_text(intake, now=datetime(2027, 3, 17, 23, 0, tzinfo=UTC))

    assert text == "closed 15 March 2027, 23:59 CET (2 days ago)"


def test_edit_form_shows_stored_utc_as_local_date_and_time(db):
    intake = IntakeFactory(
        time_zone="Pacific/Kiritimati",
        opens_at=datetime(2027, 1, 9, 10, 0, tzinfo=UTC),
        closes_at=datetime(2027, 3, 15, 9, 59, tzinfo=UTC),
    )

    form = IntakeForm(instance=intake)

    assert [form.initial[name] for name in ("opens_on", "opens_time", "closes_on", "closes_time")] == [
        date(2027, 1, 10),
        time(0, 0),
        date(2027, 3, 15),
        time(23, 59),
    ]
