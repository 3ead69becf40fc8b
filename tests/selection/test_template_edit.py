"""The per-intake e-mail editor: edit, keep the typed text on a placeholder error, preview for a sample application."""

import pytest
from django.urls import reverse

from selection.enums import Outcome
from selection.models import NotificationTemplate
from tests.factories import NotificationTemplateFactory, OrganisationFactory, UserFactory
from tests.programmes.html import texts_by_testid

from .html import field_errors, input_value, messages_shown, textarea_text


@pytest.fixture
def waitlisted(make_application):
    """The sample the preview uses for the waiting-list e-mail: an application with that status."""
    make_application(title="Ward budget hearings")
    application = make_application(
        waitlisted=True,
        under_review=False,
        title="Open council meetings",
        contact_person=UserFactory(full_name="Amina Odhiambo", country="KE"),
        organisation=False,
    )
    OrganisationFactory(application=application, name="Kisumu County")
    return application


def _url(intake, outcome=Outcome.WAITLISTED):
    return reverse("selection:template_edit", args=[intake.pk, outcome])


def test_template_edit_saves_the_text_and_release_page_shows_the_subject(staff_client, intake, waitlisted):
    response = staff_client.post(
        _url(intake),
        {"subject_en": "{programme}: waiting list for {team}", "body_en": "Dear {contact}, ...", "action": "save"},
        follow=True,
    )

    saved = NotificationTemplate.objects.get(intake=intake, outcome=Outcome.WAITLISTED)
    assert (saved.subject, saved.body) == ("{programme}: waiting list for {team}", "Dear {contact}, ...")
    assert response.redirect_chain == [(reverse("selection:release", args=[intake.pk]), 302)]
    assert messages_shown(response) == ["The e-mail text is saved."]
    assert texts_by_testid(response, "template") == [
        "Accepted: Your team is selected for {programme}",
        "Waiting list: {programme}: waiting list for {team}",
        "Not selected: Your application to {programme}",
    ]


def test_template_edit_shows_the_saved_text(staff_client, intake, waitlisted):
    NotificationTemplateFactory(
        intake=intake, outcome=Outcome.WAITLISTED, subject="Waiting list", body="Dear {contact}, wait."
    )

    response = staff_client.get(_url(intake))

    assert (input_value(response, "subject_en"), textarea_text(response, "body_en")) == (
        "Waiting list",
        "Dear {contact}, wait.",
    )


def test_template_edit_with_a_stray_brace_keeps_the_typed_text_and_saves_nothing(staff_client, intake, waitlisted):
    typed = "Dear {contact,\n\nyour team {team} is on the waiting list."

    response = staff_client.post(_url(intake), {"subject_en": "About {project}", "body_en": typed, "action": "save"})

    assert response.status_code == 200
    assert field_errors(response) == [
        "The text has a brace { or } that does not belong to a placeholder: unexpected '{' in field name"
    ]
    assert messages_shown(response) == []
    assert texts_by_testid(response, "preview-subject") == []
    assert (input_value(response, "subject_en"), textarea_text(response, "body_en")) == ("About {project}", typed)
    assert not NotificationTemplate.objects.filter(intake=intake).exists()


def test_template_edit_preview_fills_the_placeholders_for_a_sample_application(staff_client, intake, waitlisted):
    response = staff_client.post(
        _url(intake),
        {
            "subject_en": "{project}: waiting list",
            "body_en": "Dear {contact}, {team} waits for {programme}, {intake}. {message} {unknown}",
            "action": "preview",
        },
    )

    assert texts_by_testid(response, "preview-subject") == ["Open council meetings: waiting list"]
    assert texts_by_testid(response, "preview-body") == [
        f"Dear Amina Odhiambo, Kisumu County waits for {intake.programme.title}, {intake.name}. "
        "(the message to the team you write, if any) {unknown}"
    ]
    assert texts_by_testid(response, "preview-sample") == ["(Open council meetings)"]
    assert not NotificationTemplate.objects.filter(intake=intake).exists()


def test_template_edit_preview_of_the_acceptance_shows_a_confirmation_link(staff_client, intake, waitlisted):
    response = staff_client.post(
        _url(intake, Outcome.ACCEPTED),
        {"subject_en": "Selected", "body_en": "Confirm: {confirm_url}", "action": "preview"},
    )

    assert texts_by_testid(response, "preview-body") == ["Confirm: http://testserver/selection/confirm/%E2%80%A6/"]


def test_template_edit_of_an_unknown_outcome_is_404(staff_client, intake):
    response = staff_client.get(_url(intake, "maybe"))

    assert response.status_code == 404


def test_template_edit_is_404_for_a_reviewer(client, intake, waitlisted):
    from tests.factories import ReviewAssignmentFactory

    client.force_login(ReviewAssignmentFactory(application=waitlisted).reviewer)

    response = client.get(_url(intake))

    assert response.status_code == 404


def test_template_edit_saves_each_language_and_release_page_marks_the_missing_ones(staff_client, intake, waitlisted):
    staff_client.post(
        _url(intake),
        {
            "subject_en": "Waiting list",
            "body_en": "Dear {contact}, wait.",
            "subject_fr": "Liste d'attente",
            "body_fr": "Cher {contact}, patientez.",
            "subject_es": "",
            "body_es": "",
            "action": "save",
        },
    )

    release = staff_client.get(reverse("selection:release", args=[intake.pk]))

    saved = NotificationTemplate.objects.get(intake=intake, outcome=Outcome.WAITLISTED)
    assert (saved.subject_en, saved.subject_fr, saved.body_fr, saved.subject_es) == (
        "Waiting list",
        "Liste d'attente",
        "Cher {contact}, patientez.",
        "",
    )
    assert texts_by_testid(release, "missing-languages") == ["missing: es, pt"]


def test_template_edit_of_a_new_text_starts_from_the_default_in_each_language(staff_client, intake, waitlisted):
    response = staff_client.get(_url(intake, Outcome.REJECTED))

    assert [input_value(response, f"subject_{code}") for code in ("en", "es")] == [
        "Your application to {programme}",
        "Su postulación a {programme}",
    ]
