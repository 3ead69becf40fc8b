"""The phase timeline marks the running phase (aria-current, a "now" badge) by today's date in the intake's zone."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import IntakeFactory, PhaseFactory

from .html import texts_by_testid

pytestmark = pytest.mark.django_db


def test_intake_page_marks_the_running_phase(client):
    intake = IntakeFactory(time_zone="Africa/Nairobi")
    today = date.today()
    PhaseFactory(
        intake=intake,
        name="Phase 1 in Sweden",
        starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=20),
    )
    PhaseFactory(
        intake=intake, name="Home phase", starts_on=today - timedelta(days=2), ends_on=today + timedelta(days=60)
    )
    PhaseFactory(
        intake=intake, name="Final seminar", starts_on=today + timedelta(days=90), ends_on=today + timedelta(days=93)
    )

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    html = response.content.decode()
    assert [text.split(",")[0] for text in texts_by_testid(response, "phase")] == [
        "Phase 1 in Sweden",
        "Home phase",
        "Final seminar",
    ]
    assert texts_by_testid(response, "current-phase") == ["now"]
    assert html.count('aria-current="step"') == 1
    assert html.index('aria-current="step"') > html.index("Phase 1 in Sweden")
    assert html.index('aria-current="step"') < html.index("Home phase")
    assert html.count('class="timeline-past"') == 1


def test_no_phase_is_marked_before_the_programme_starts(client):
    intake = IntakeFactory()
    PhaseFactory(intake=intake)

    response = client.get(reverse("programmes:intake_detail", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "current-phase") == []
