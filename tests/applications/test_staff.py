import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.urls import reverse

from applications.enums import ApplicationStatus
from portal.models import Audience
from portal.selectors import activities_for
from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    OrganisationFactory,
    TeamMemberFactory,
    UserFactory,
)


@pytest.fixture
def intake(db):
    return IntakeFactory()


def _list(client, intake, **params):
    return client.get(reverse("applications:staff_list", kwargs={"intake_pk": intake.pk}), params)


def _titles(response):
    return [a.title for a in response.context["applications"]]


def test_staff_list_shows_only_the_intakes_applications(staff_client, intake):
    ApplicationFactory(title="Elsewhere")
    ApplicationFactory(intake=intake, title="Here", submitted=True)

    response = _list(staff_client, intake)

    assert _titles(response) == ["Here"]


def test_staff_list_search_by_contact_organisation_and_outline(staff_client, intake):
    ApplicationFactory(intake=intake, title="A", contact_person__full_name="Олена Коваль", submitted=True)
    b = ApplicationFactory(intake=intake, title="B", submitted=True, organisation=False)
    OrganisationFactory(application=b, name="Municipalidad de Cartagena", country="CO")
    ApplicationFactory(intake=intake, title="C", problem="Water kiosks are closed at night", submitted=True)

    found = [_titles(_list(staff_client, intake, q=q)) for q in ["Коваль", "cartagena", "kiosks"]]

    assert found == [["A"], ["B"], ["C"]]


def test_staff_list_filters(staff_client, intake):
    a = ApplicationFactory(intake=intake, title="A", sdgs=[11], core_areas=["participation"], submitted=True)
    b = ApplicationFactory(intake=intake, title="B", sdgs=[1, 5], core_areas=["equality"], organisation=False)
    OrganisationFactory(application=b, country="CO", type="cso")
    assert a.organisations.get().country.code == "KE"

    results = [
        _titles(_list(staff_client, intake, status="submitted")),
        _titles(_list(staff_client, intake, country="CO")),
        _titles(_list(staff_client, intake, organisation_type="cso")),
        _titles(_list(staff_client, intake, core_area="participation")),
        _titles(_list(staff_client, intake, sdg="1")),
        _titles(_list(staff_client, intake, sdg="11")),
    ]

    assert results == [["A"], ["B"], ["B"], ["A"], ["B"], ["A"]]


def test_staff_list_sorts_by_contact_name(staff_client, intake):
    ApplicationFactory(intake=intake, title="Z", contact_person__full_name="Ana Lima")
    ApplicationFactory(intake=intake, title="Y", contact_person__full_name="Bruno Costa")

    response = _list(staff_client, intake, ordering="-contact")

    assert _titles(response) == ["Y", "Z"]


def test_staff_list_paginates(staff_client, intake, settings):
    for n in range(27):
        ApplicationFactory(intake=intake, title=f"T{n:02}")

    response = _list(staff_client, intake, ordering="title", page="2")

    assert _titles(response) == ["T25", "T26"]


@pytest.mark.parametrize("rows", [1, 4])
def test_staff_list_query_count_is_fixed(staff_client, intake, django_assert_num_queries, rows):
    for _ in range(rows):
        application = ApplicationFactory(intake=intake, submitted=True)
        OrganisationFactory(application=application)
    staff_client.get(reverse("portal:home"))  # warm the session

    # session, user, groups (staff check), intake, count, page, contact people, organisations
    with django_assert_num_queries(8):
        response = _list(staff_client, intake)

    assert len(response.context["applications"]) == rows


def test_screening_prefills_checks_from_data(staff_client, db):
    earlier = IntakeFactory(closed=True)
    earlier.opens_at = earlier.opens_at.replace(year=earlier.opens_at.year - 2)
    earlier.closes_at = earlier.closes_at.replace(year=earlier.closes_at.year - 2)
    earlier.save()
    alumna = UserFactory(full_name="Fatou Ndiaye")
    ApplicationFactory(intake=earlier, contact_person=alumna, accepted=True)
    intake = IntakeFactory(exclude_previous_participants=True, min_english_level="B2", mandate_letter="required")
    application = ApplicationFactory(intake=intake, submitted=True, complete=True, organisation=False)
    OrganisationFactory(application=application, country="KE", type="municipality")
    TeamMemberFactory(application=application, user=alumna, role_type="civil_society", english_level="A2", gender="man")

    response = staff_client.get(reverse("applications:screen", kwargs={"pk": application.pk}))

    checks = [(str(c.label), c.ok, c.details) for c in response.context["checks"]]
    assert checks == [
        ("Country eligible", True, []),
        ("Organisation type eligible", True, []),
        ("Mandate letter present", True, []),
        ("Team composition", True, []),
        ("No earlier participants in the team", False, ["Fatou Ndiaye"]),
        ("English level at least B2", False, ["Fatou Ndiaye"]),
    ]
    assert response.context["form"].initial["decision"] == "ineligible"


def test_screening_ineligible_needs_reason(staff_client, db):
    application = ApplicationFactory(submitted=True)

    response = staff_client.post(
        reverse("applications:screen", kwargs={"pk": application.pk}), {"decision": "ineligible", "reason": ""}
    )

    application.refresh_from_db()
    assert response.context["form"].errors["reason"] == ["Please give the reason the application is not eligible."]
    assert application.status == ApplicationStatus.SUBMITTED


def test_screening_decision_recorded_and_team_told(staff_client, staff, db, django_capture_on_commit_callbacks):
    application = ApplicationFactory(submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("applications:screen", kwargs={"pk": application.pk}),
            {"decision": "ineligible", "reason": "Peru is not in this intake's region."},
        )

    application.refresh_from_db()
    change = activities_for(obj=application, audiences=Audience.values).last()
    assert application.status == ApplicationStatus.INELIGIBLE
    assert (change.actor, change.reason) == (staff, "Peru is not in this intake's region.")
    assert [m.to for m in mail.outbox] == [[application.contact_person.email]]
    assert "The application did not pass the eligibility check." in mail.outbox[0].body
    assert "Peru is not in this intake's region." in mail.outbox[0].body


def test_screening_refused_for_draft(staff_client, db):
    application = ApplicationFactory()

    response = staff_client.post(
        reverse("applications:screen", kwargs={"pk": application.pk}), {"decision": "eligible", "reason": ""}
    )

    assert response.status_code == 403


def test_staff_list_page_links_keep_the_filters(staff_client, intake):
    for n in range(27):
        ApplicationFactory(intake=intake, title=f"T{n:02}", status=ApplicationStatus.DRAFT)

    response = _list(staff_client, intake, status="draft", ordering="title")

    next_link = '<a class="page-link" href="?status=draft&amp;ordering=title&amp;page=2">Next</a>'
    assert next_link in response.content.decode()


def test_staff_list_answers_404_to_anonymous_visitors(client, intake):
    response = _list(client, intake)

    assert response.status_code == 404


def test_staff_list_shows_submission_time_in_the_intakes_zone(staff_client, intake):
    submitted = ApplicationFactory(intake=intake, title="Sent", submitted=True)
    submitted.submitted_at = datetime(2027, 3, 15, 12, 30, tzinfo=UTC)
    submitted.save(update_fields=["submitted_at"])

    response = _list(staff_client, intake)

    cells = re.findall(r"<td>([^<]*)</td>", response.content.decode())
    assert "15 March 2027, 13:30:00 CET" in cells


def test_staff_list_offers_screening_only_where_it_can_happen(staff_client, intake):
    for status in [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW]:
        ApplicationFactory(intake=intake, title=f"Project {status.value}", status=status)

    response = _list(staff_client, intake)

    links = re.findall(r'>Screen<span class="visually-hidden"> ([^<]+)</span>', response.content.decode())
    assert links == ["Project submitted"]


def test_staff_list_leads_back_to_the_intake(staff_client, intake):
    response = _list(staff_client, intake)

    expected = f'<a href="{reverse("programmes:staff_intake_detail", kwargs={"pk": intake.pk})}">{intake.name}</a>'
    assert expected in response.content.decode()


def test_application_header_names_the_teams_deadline_for_staff(staff_client, intake):
    application = ApplicationFactory(intake=intake, submitted=True)

    response = staff_client.get(reverse("applications:detail", kwargs={"pk": application.pk}))

    assert re.findall(r'data-testid="team-deadline">([^:<]+):', response.content.decode()) == ["The team's deadline"]


def _cancel_links(response):
    pattern = r'<a class="btn btn-link" href="([^"]+)" data-testid="cancel">([^<]+)</a>'
    return re.findall(pattern, response.content.decode())


def test_team_deadline_page_cancels_back_to_the_application(staff_client, intake):
    application = ApplicationFactory(intake=intake, submitted=True)

    response = staff_client.get(reverse("applications:extend_deadline", kwargs={"pk": application.pk}))

    assert _cancel_links(response) == [(reverse("applications:detail", kwargs={"pk": application.pk}), "Cancel")]


def test_intake_deadline_page_cancels_back_to_the_staff_list(staff_client, intake):
    response = staff_client.get(reverse("applications:intake_extend", kwargs={"intake_pk": intake.pk}))

    assert _cancel_links(response) == [(reverse("applications:staff_list", kwargs={"intake_pk": intake.pk}), "Cancel")]


def test_staff_list_sort_labels_are_translated_in_both_directions(staff_client, intake):
    staff_client.cookies["django_language"] = "fr"

    response = _list(staff_client, intake)

    choices = [str(label) for _value, label in response.context["filter"].form.fields["ordering"].choices]
    assert choices[:4] == ["---------", "Soumise", "Soumise (ordre décroissant)", "Personne de contact"]
    assert choices[-1] == "Taille de l'équipe (ordre décroissant)"
