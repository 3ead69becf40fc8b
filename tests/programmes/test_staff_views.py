"""Staff journeys through the programme and intake pages."""

from datetime import UTC, datetime

from django.urls import reverse

from programmes.enums import PublicationStatus
from programmes.models import Intake, Programme
from tests.factories import IntakeFactory, ProgrammeFactory

from .html import alerts, texts_by_testid


def test_staff_create_programme_makes_a_draft_with_slug_from_title(staff_client):
    response = staff_client.post(
        reverse("programmes:staff_programme_create"),
        {
            "title_en": "Gender Equality in Local Government",
            "slug": "",
            "summary_en": "Politicians and officials make services work for women and men alike.",
            "objectives_en": "",
            "expected_outcomes_en": "",
            "offers": ["training", "coaching"],
            "languages": "English, French",
        },
    )

    programme = Programme.objects.get()
    assert response.url == reverse("programmes:staff_programme_intakes", kwargs={"pk": programme.pk})
    assert (programme.slug, programme.status, programme.offers) == (
        "gender-equality-in-local-government",
        PublicationStatus.DRAFT,
        ["training", "coaching"],
    )


def test_staff_programme_list_shows_programmes_with_counts(staff_client):
    published = ProgrammeFactory(title="Leadership in Local Governance")
    IntakeFactory(programme=published)
    IntakeFactory(programme=published, draft=True)
    ProgrammeFactory(title="Urban Planning", draft=True)

    response = staff_client.get(reverse("programmes:staff_programme_list"))

    assert texts_by_testid(response, "programme-row") == [
        "Leadership in Local Governance missing: fr, es, pt Published 2 (1) Edit Leadership in Local Governance · "
        "Unpublish Leadership in Local Governance",
        "Urban Planning missing: fr, es, pt Draft 0 (0) Edit Urban Planning · Publish Urban Planning",
    ]


def test_staff_programme_list_empty_state(staff_client):
    response = staff_client.get(reverse("programmes:staff_programme_list"))

    assert alerts(response) == ["There are no programmes yet. Create the first one."]


def test_staff_intake_list_shows_state_deadline_and_counts(staff_client):
    programme = ProgrammeFactory(title="Leadership in Local Governance")
    IntakeFactory(
        programme=programme,
        name="2030 intake",
        draft=True,
        time_zone="Africa/Nairobi",
        opens_at=datetime(2030, 1, 1, tzinfo=UTC),
        closes_at=datetime(2030, 3, 15, 20, 59, tzinfo=UTC),
    )

    response = staff_client.get(reverse("programmes:staff_intake_list"))

    assert texts_by_testid(response, "intake-row") == [
        "2030 intake missing: fr, es, pt Leadership in Local Governance Draft 15 March 2030, 23:59 EAT 0 0"
    ]


def test_staff_publish_intake_without_rubric_explains_and_does_not_publish(staff_client):
    intake = IntakeFactory(draft=True)

    response = staff_client.post(reverse("programmes:staff_intake_publish", kwargs={"pk": intake.pk}))

    assert alerts(response) == [
        "This intake cannot be published yet: Add the selection rubric first: reviewers score against it."
    ]
    assert Intake.objects.get(pk=intake.pk).status == PublicationStatus.DRAFT


def test_staff_publish_intake_get_asks_for_confirmation_only(staff_client):
    intake = IntakeFactory(draft=True, with_rubric=True)

    response = staff_client.get(reverse("programmes:staff_intake_publish", kwargs={"pk": intake.pk}))

    assert texts_by_testid(response, "confirm") == ["Yes, publish"]
    assert Intake.objects.get(pk=intake.pk).status == PublicationStatus.DRAFT


def test_staff_publish_intake_with_rubric_publishes_and_says_so(staff_client):
    intake = IntakeFactory(draft=True, with_rubric=True, name="2027 intake")

    response = staff_client.post(reverse("programmes:staff_intake_publish", kwargs={"pk": intake.pk}), follow=True)

    assert Intake.objects.get(pk=intake.pk).status == PublicationStatus.PUBLISHED
    assert alerts(response)[0] == "“2027 intake” is published."


def test_staff_unpublish_programme_hides_it_from_catalogue(staff_client, client):
    programme = ProgrammeFactory(title="Leadership in Local Governance")

    staff_client.post(reverse("programmes:staff_programme_unpublish", kwargs={"pk": programme.pk}))
    staff_client.logout()
    response = client.get(reverse("programmes:catalogue"))

    assert texts_by_testid(response, "programme-title") == []


def test_staff_create_intake_with_bad_window_keeps_values_and_explains(staff_client):
    programme = ProgrammeFactory()

    response = staff_client.post(
        reverse("programmes:staff_intake_create", kwargs={"pk": programme.pk}),
        {
            "name_en": "2027 intake",
            "time_zone": "Africa/Nairobi",
            "opens_on": "2027-03-01",
            "opens_time": "09:00",
            "closes_on": "2027-02-01",
            "closes_time": "23:59",
            "team_places": "10",
            "min_team_size": "5",
            "max_team_size": "3",
            "min_politicians": "1",
            "min_officials": "1",
            "min_civil_society": "1",
            "mandate_letter": "required",
            "cvs": "optional",
        },
    )

    form = response.context["form"]
    assert form.errors == {
        "closes_on": ["The closing date and time must be after the opening."],
        "max_team_size": ["The largest team cannot be smaller than the smallest team."],
    }
    assert (form["name_en"].value(), form["time_zone"].value()) == ("2027 intake", "Africa/Nairobi")
    assert list(Intake.objects.all()) == []


def test_staff_intake_page_links_to_its_applications(staff_client, db):
    intake = IntakeFactory()

    response = staff_client.get(reverse("programmes:staff_intake_detail", kwargs={"pk": intake.pk}))

    expected = f'href="{reverse("applications:staff_list", kwargs={"intake_pk": intake.pk})}">Applications</a>'
    assert expected in response.content.decode()
