"""A decision's internal reason stays with staff; the team reads only the message (issue 10, item 4)."""

import importlib

from django.apps import apps
from django.core import mail
from django.urls import reverse

from applications.selectors import application_timeline
from selection import services
from selection.models import Decision, NotificationTemplate
from tests.factories import NotificationTemplateFactory, TeamMemberFactory, scored_review

REASON = "Country balance: Botswana has no selected team"
MESSAGE = "Congratulations: the jury liked your plan for open budget hearings."


def _decide_and_release(intake, staff, application, capture, *, outcome="accepted", message=MESSAGE):
    scored_review(application=application, scores=[3, 6])
    services.decision_record(application=application, outcome=outcome, reason=REASON, message=message, by=staff)
    with capture(execute=True):
        services.decisions_release(intake=intake, by=staff)


def test_release_email_carries_the_message_and_never_the_internal_reason(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application()
    TeamMemberFactory(application=application)

    _decide_and_release(intake, staff, application, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2
    assert [MESSAGE in m.body for m in mail.outbox] == [True, True]
    assert [REASON in m.body or REASON in m.subject for m in mail.outbox] == [False, False]


def test_an_intake_text_still_saying_reason_shows_the_message_not_the_internal_reason(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    NotificationTemplateFactory(
        intake=intake, outcome="waitlisted", subject="About {project}", body="Dear {contact}. {reason} Bye."
    )
    application = make_application()

    _decide_and_release(intake, staff, application, django_capture_on_commit_callbacks, outcome="waitlisted")

    [email] = mail.outbox
    assert email.body.endswith(f". {MESSAGE} Bye.")
    assert REASON not in email.body


def test_without_a_message_the_email_has_neither_the_reason_nor_a_gap(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application()

    _decide_and_release(intake, staff, application, django_capture_on_commit_callbacks, outcome="rejected", message="")

    [email] = mail.outbox
    assert REASON not in email.body
    assert "\n\n\n" not in email.body
    assert Decision.objects.get(application=application).reason == REASON


def test_team_pages_and_team_feed_never_show_the_internal_reason(
    client, intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application()
    _decide_and_release(intake, staff, application, django_capture_on_commit_callbacks)
    client.force_login(application.contact_person)

    pages = [
        client.get(reverse(name, kwargs={"pk": application.pk})).content.decode()
        for name in ("applications:status", "applications:detail")
    ]
    dashboard = client.get(reverse("portal:dashboard")).content.decode()
    team_feed = application_timeline(application=application, for_team=True)
    staff_feed = application_timeline(application=application)

    assert [REASON in page for page in [*pages, dashboard]] == [False, False, False]
    assert MESSAGE in pages[0]
    assert [REASON in entry.reason for entry in team_feed] == [False] * len(team_feed)
    assert MESSAGE in [entry.reason for entry in team_feed]
    assert REASON in [entry.reason for entry in staff_feed]


def test_status_page_labels_the_message_as_a_message_and_the_internal_reason_as_internal(
    client, intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application()
    _decide_and_release(intake, staff, application, django_capture_on_commit_callbacks)
    url = reverse("applications:status", kwargs={"pk": application.pk})
    client.force_login(application.contact_person)
    team_page = client.get(url).content.decode()
    client.force_login(staff)
    staff_page = client.get(url).content.decode()

    assert f'Message from the programme: <span style="white-space: pre-line">{MESSAGE}' in team_page
    assert "Reason:" not in team_page
    assert f'Internal reason (staff only): <span style="white-space: pre-line">{REASON}' in staff_page
    assert f'Message from the programme: <span style="white-space: pre-line">{MESSAGE}' in staff_page


def test_decision_form_asks_for_an_internal_reason_and_an_optional_message(staff_client, intake, make_application):
    make_application()

    page = staff_client.get(reverse("selection:ranking", kwargs={"intake_pk": intake.pk})).content.decode()

    assert "{reason}" not in page
    assert "Internal reason" in page
    assert "Message to the team (optional)" in page


def test_ranking_form_records_reason_and_message_apart(staff_client, intake, make_application):
    application = make_application()
    scored_review(application=application, scores=[3, 6])

    staff_client.post(
        reverse("selection:ranking", kwargs={"intake_pk": intake.pk}),
        {"applications": [application.pk], "outcome": "rejected", "reason": REASON, "message": MESSAGE},
    )

    decision = Decision.objects.get(application=application)
    assert (decision.reason, decision.message) == (REASON, MESSAGE)


def test_decision_needs_an_internal_reason_even_with_a_message(staff_client, intake, make_application):
    application = make_application()
    scored_review(application=application, scores=[3, 6])

    staff_client.post(
        reverse("selection:ranking", kwargs={"intake_pk": intake.pk}),
        {"applications": [application.pk], "outcome": "rejected", "reason": "", "message": MESSAGE},
    )

    assert not Decision.objects.filter(application=application).exists()


def test_migration_turns_saved_reason_placeholders_into_the_message(intake):
    template = NotificationTemplateFactory(intake=intake, subject="{reason}", body="Dear {contact}. {reason}")
    migration = importlib.import_module("selection.migrations.0004_decision_message_to_the_team")

    migration.reason_to_message(apps, None)

    template = NotificationTemplate.objects.get(pk=template.pk)
    assert (template.subject, template.body) == ("{message}", "Dear {contact}. {message}")
