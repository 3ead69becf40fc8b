from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import IntakeFactory, ProgrammeFactory

from .html import texts_by_testid


def test_staff_dashboard_lists_open_intakes_soonest_deadline_first(staff_client):
    programme = ProgrammeFactory(title="Leadership in Local Governance")
    IntakeFactory(programme=programme, name="Later", closes_at=timezone.now() + timedelta(days=40))
    IntakeFactory(programme=programme, name="Sooner", closes_at=timezone.now() + timedelta(days=3))
    IntakeFactory(programme=programme, name="Closed", closed=True)
    IntakeFactory(programme=programme, name="Not published", draft=True)

    response = staff_client.get(reverse("portal:dashboard"))

    assert texts_by_testid(response, "open-intake") == [
        "Leadership in Local Governance: Sooner Closing soon",
        "Leadership in Local Governance: Later",
    ]


def test_applicant_dashboard_has_no_open_intakes_panel(applicant_client):
    IntakeFactory()

    response = applicant_client.get(reverse("portal:dashboard"))

    assert "Intakes open now" not in [str(panel.title) for panel in response.context["panels"]]
