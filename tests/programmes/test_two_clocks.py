"""Two clocks: times in the intake's zone, named, and the reader's own time where it differs."""

from datetime import UTC, datetime
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.forms import ProfileForm
from programmes.display import deadline_text, local_datetime_text, viewer_time_zone
from tests.factories import ApplicationFactory, IntakeFactory, TeamMemberFactory, UserFactory

# 23:59 in Paris on each side of the October clock change: CEST (UTC+2), then CET (UTC+1).
SUMMER_CLOSE = datetime(2027, 8, 24, 21, 59, tzinfo=UTC)
WINTER_CLOSE = datetime(2027, 12, 15, 22, 59, tzinfo=UTC)


@pytest.fixture
def paris_intake(db):
    # Opened at a fixed date too: the factory's default (ten days ago) would follow the closing date after it.
    return IntakeFactory(time_zone="Europe/Paris", opens_at=datetime(2027, 6, 1, tzinfo=UTC), closes_at=SUMMER_CLOSE)


@pytest.mark.parametrize(
    ("zone", "moment", "expected"),
    [
        ("Africa/Nairobi", SUMMER_CLOSE, "24 August 2027, 23:59 CEST — 00:59 on 25 August in Nairobi"),
        ("Africa/Nairobi", WINTER_CLOSE, "15 December 2027, 23:59 CET — 01:59 on 16 December in Nairobi"),
        ("America/La_Paz", SUMMER_CLOSE, "24 August 2027, 23:59 CEST — 17:59 in La Paz"),
        ("America/La_Paz", WINTER_CLOSE, "15 December 2027, 23:59 CET — 18:59 in La Paz"),
        ("Europe/Paris", SUMMER_CLOSE, "24 August 2027, 23:59 CEST"),
        ("Europe/Stockholm", WINTER_CLOSE, "15 December 2027, 23:59 CET"),
        ("", SUMMER_CLOSE, "24 August 2027, 23:59 CEST"),
    ],
)
def test_time_shows_the_intake_clock_and_the_readers_where_it_differs(paris_intake, zone, moment, expected):
    with translation.override("en"), viewer_time_zone(zone):
        text = local_datetime_text(paris_intake, moment)

    assert text == expected


def test_readers_clock_follows_their_language(paris_intake):
    with translation.override("fr"), viewer_time_zone("Africa/Nairobi"):
        text = local_datetime_text(paris_intake, SUMMER_CLOSE)

    assert text == "24 août 2027, 23:59 CEST — 00:59 le 25 août à Nairobi"


def test_deadline_keeps_the_relative_part_after_both_clocks(paris_intake):
    now = datetime(2027, 8, 12, 12, 0, tzinfo=UTC)

    with translation.override("en"), viewer_time_zone("America/La_Paz"):
        text = deadline_text(paris_intake, now=now)

    assert text == "closes 24 August 2027, 23:59 CEST — 17:59 in La Paz (in 12 days)"


def test_intake_page_shows_a_signed_in_readers_own_time(client, paris_intake):
    reader = UserFactory(time_zone="Africa/Nairobi", preferred_language="en")

    with mock.patch("django.utils.timezone.now", return_value=datetime(2027, 8, 12, 12, 0, tzinfo=UTC)):
        client.force_login(reader)
        page = client.get(reverse("programmes:intake_detail", kwargs={"pk": paris_intake.pk})).content.decode()

    assert (
        '<p class="mb-1" data-testid="deadline">closes 24 August 2027, 23:59 CEST — 00:59 on 25 August in Nairobi'
        " (in 12 days)</p>"
    ) in page


def test_intake_page_shows_only_the_intake_clock_to_visitors(client, paris_intake):
    with mock.patch("django.utils.timezone.now", return_value=datetime(2027, 8, 12, 12, 0, tzinfo=UTC)):
        page = client.get(reverse("programmes:intake_detail", kwargs={"pk": paris_intake.pk})).content.decode()

    assert '<p class="mb-1" data-testid="deadline">closes 24 August 2027, 23:59 CEST (in 12 days)</p>' in page


def test_status_email_gives_each_member_their_language_and_clock(paris_intake, django_capture_on_commit_callbacks):
    from applications.services import application_submit

    nairobi = UserFactory(email="amina@example.org", time_zone="Africa/Nairobi", preferred_language="en")
    la_paz = UserFactory(email="rosa@example.org", time_zone="America/La_Paz", preferred_language="es")
    application = ApplicationFactory(intake=paris_intake, contact_person=nairobi, complete=True)
    TeamMemberFactory(application=application, user=la_paz)

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=application, by=nairobi, now=datetime(2027, 8, 12, 12, 0, tzinfo=UTC))

    deadlines = {
        message.to[0]: [line for line in message.body.splitlines() if "2027" in line and "23:59" in line]
        for message in mail.outbox
    }
    assert len(mail.outbox) == application.members.count()
    assert any(
        "24 August 2027, 23:59 CEST — 00:59 on 25 August in Nairobi" in line for line in deadlines[nairobi.email]
    )
    assert deadlines[nairobi.email] == [
        "You can follow your application's status in the portal. If you need to correct something, write to the"
        " programme team before the deadline (24 August 2027, 23:59 CEST — 00:59 on 25 August in Nairobi)."
    ]
    assert deadlines[la_paz.email] == [
        "Puede seguir el estado de su postulación en el portal. Si necesita corregir algo, escriba al equipo del"
        " programa antes de la fecha límite (24 agosto 2027, 23:59 CEST — 17:59 en La Paz)."
    ]


def test_profile_time_zone_menu_offers_common_zones_first_then_regions(db):
    form = ProfileForm(instance=UserFactory())

    groups = [str(group) for group, _options in form.fields["time_zone"].choices[1:]]
    common = dict(form.fields["time_zone"].choices[1][1])

    assert form.fields["time_zone"].choices[0] == ("", "Not given")
    assert groups == [
        "Common",
        "Africa",
        "Americas",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian Ocean",
        "Pacific",
        "Antarctica",
        "Arctic",
    ]
    assert list(common)[:3] == ["Africa/Nairobi", "Africa/Kampala", "Africa/Dar_es_Salaam"]
    assert common["America/La_Paz"] == "La Paz (Bolivia)"
    every_zone = [name for _group, options in form.fields["time_zone"].choices[1:] for name, _label in options]
    assert not {"US/Pacific", "Asia/Calcutta", "Etc/GMT+3", "Europe/Belfast"} & set(every_zone)


def test_profile_saves_the_chosen_time_zone(client, db):
    user = UserFactory(full_name="Amina Odhiambo", country="KE")
    client.force_login(user)

    client.post(
        reverse("accounts:profile"),
        {"full_name": "Amina Odhiambo", "country": "KE", "preferred_language": "en", "time_zone": "Africa/Nairobi"},
    )

    user.refresh_from_db()
    assert user.time_zone == "Africa/Nairobi"
