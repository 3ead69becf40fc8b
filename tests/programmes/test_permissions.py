"""Staff pages do not exist for anyone else (404, never 403), and nothing changes behind them."""

import pytest
from django.urls import reverse

from programmes.enums import PublicationStatus
from programmes.models import Intake
from tests.factories import ApplicantFactory, IntakeFactory, MentorFactory, ReviewerFactory

INTAKE_PAGES = [
    "staff_intake_detail",
    "staff_intake_update",
    "staff_intake_phases",
    "staff_intake_rubric",
    "staff_intake_publish",
    "staff_intake_unpublish",
    "staff_intake_copy",
]
PROGRAMME_PAGES = [
    "staff_programme_intakes",
    "staff_programme_update",
    "staff_programme_publish",
    "staff_programme_unpublish",
    "staff_intake_create",
]
LIST_PAGES = ["staff_programme_list", "staff_programme_create", "staff_intake_list"]


def _urls(intake):
    return (
        [reverse(f"programmes:{name}") for name in LIST_PAGES]
        + [reverse(f"programmes:{name}", kwargs={"pk": intake.programme.pk}) for name in PROGRAMME_PAGES]
        + [reverse(f"programmes:{name}", kwargs={"pk": intake.pk}) for name in INTAKE_PAGES]
    )


ROLES = {
    "anonymous": lambda intake: None,
    "applicant": lambda intake: ApplicantFactory(),
    "reviewer of the intake": lambda intake: ReviewerFactory(intake=intake),
    "mentor of the intake": lambda intake: MentorFactory(intake=intake),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_pages_are_404_for_non_staff(client, db, role, method):
    intake = IntakeFactory(with_rubric=True)
    user = ROLES[role](intake)
    if user is not None:
        client.force_login(user)

    statuses = [getattr(client, method)(url).status_code for url in _urls(intake)]

    assert statuses == [404] * len(statuses)


def test_non_staff_post_to_unpublish_changes_nothing(client, db):
    intake = IntakeFactory()
    client.force_login(ReviewerFactory(intake=intake))

    client.post(reverse("programmes:staff_intake_unpublish", kwargs={"pk": intake.pk}))

    assert Intake.objects.get(pk=intake.pk).status == PublicationStatus.PUBLISHED


def test_staff_pages_open_to_programme_staff(staff_client, db):
    intake = IntakeFactory(with_rubric=True)

    statuses = [staff_client.get(url).status_code for url in _urls(intake)]

    assert statuses == [200] * len(statuses)


def test_nav_for_visitors_links_the_catalogue_only(client, db):
    response = client.get(reverse("programmes:catalogue"))

    assert [item.label for item in response.context["nav_items"]] == ["Programmes"]


def test_nav_for_staff_adds_manage_programmes(staff_client):
    response = staff_client.get(reverse("programmes:catalogue"))

    labels = [str(item.label) for item in response.context["nav_items"]]
    assert [label for label in labels if "rogramme" in label] == ["Programmes", "Manage programmes"]
