import pytest
from django.urls import reverse

from tests.factories import IntakeFactory, PhaseFactory, UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_pages_for_programmes_render(admin_client):
    intake = IntakeFactory(with_rubric=True)
    PhaseFactory(intake=intake)
    urls = [
        reverse("admin:programmes_programme_changelist"),
        reverse("admin:programmes_programme_change", args=[intake.programme.pk]),
        reverse("admin:programmes_programme_history", args=[intake.programme.pk]),
        reverse("admin:programmes_intake_changelist"),
        reverse("admin:programmes_intake_change", args=[intake.pk]),
        reverse("admin:programmes_intakerole_changelist"),
    ]

    statuses = [admin_client.get(url).status_code for url in urls]

    assert statuses == [200] * len(urls)
