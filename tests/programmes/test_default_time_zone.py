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


def _selected(select: str) -> list[str]:
    return re.findall(r'<option value="([^"]+)"[^>]*selected', select)


def _groups(select: str) -> list[str]:
    return re.findall(r'<optgroup label="([^"]+)"', select)


def test_new_intake_form_selects_stockholm_by_default(staff_client):
    programme = ProgrammeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}))

    assert _selected(_zone_select(response)) == ["Europe/Stockholm"]


def test_new_intake_form_selects_the_configured_default(staff_client, settings):
    settings.PORTAL_DEFAULT_TIME_ZONE = "Africa/Nairobi"
    programme = ProgrammeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}))

    select = _zone_select(response)
    assert _selected(select) == ["Africa/Nairobi"]
    assert re.findall(r'<option value="([^"]+)"', select)[:3] == ["Africa/Nairobi", "Europe/Stockholm", "Europe/London"]


def test_common_zones_come_first_and_once(staff_client):
    programme = ProgrammeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}))

    select = _zone_select(response)
    values = re.findall(r'<option value="([^"]+)"', select)
    assert _groups(select) == ["Common time zones", "All time zones"]
    assert values[:4] == ["Europe/Stockholm", "Europe/London", "Europe/Amsterdam", "Africa/Nairobi"]
    assert values.count("Europe/Stockholm") == 1


def test_intake_made_in_code_takes_the_configured_default(settings):
    settings.PORTAL_DEFAULT_TIME_ZONE = "America/Bogota"

    intake = Intake(name="x")

    assert intake.time_zone == "America/Bogota"
