"""Issue 10 #12: a new intake starts in the portal's default zone; common zones are offered first."""

import re

import pytest
from django.urls import reverse

from programmes.models import Intake
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def _zone_select(response) -> str:
    [select] = re.findall(r'<select name="time_zone".*?</select>', response.content.decode(), re.S)
    return select


def _selected(select: str) -> set[str]:
    # A zone listed under "Common" and under its region is the same choice.
    return set(re.findall(r'<option value="([^"]+)"[^>]*selected', select))


def test_new_intake_form_selects_stockholm_by_default(staff_client):
    programme = ProgrammeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}))

    assert _selected(_zone_select(response)) == {"Europe/Stockholm"}


def test_new_intake_form_selects_the_configured_default(staff_client, settings):
    settings.PORTAL_DEFAULT_TIME_ZONE = "Africa/Nairobi"
    programme = ProgrammeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}))

    assert _selected(_zone_select(response)) == {"Africa/Nairobi"}


def test_common_zones_come_first(staff_client):
    programme = ProgrammeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}))

    assert re.findall(r'<optgroup label="([^"]+)"', _zone_select(response))[0] == "Common"


def test_intake_made_in_code_takes_the_configured_default(settings):
    settings.PORTAL_DEFAULT_TIME_ZONE = "America/Bogota"

    intake = Intake(name="x")

    assert intake.time_zone == "America/Bogota"
