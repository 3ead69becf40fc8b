from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from applications import services
from applications.enums import ApplicationStatus
from portal.models import Activity
from portal.selectors import activities_for
from tests.factories import ApplicationFactory, StaffFactory


@pytest.fixture
def complete(db):
    return ApplicationFactory(complete=True)


def test_submit_one_second_before_deadline_accepted(complete, django_capture_on_commit_callbacks):
    now = complete.intake.closes_at - timedelta(seconds=1)

    services.application_submit(application=complete, by=complete.contact_person, now=now)

    complete.refresh_from_db()
    assert complete.status == ApplicationStatus.SUBMITTED


def test_submit_one_second_after_deadline_refused(complete):
    now = complete.intake.closes_at + timedelta(seconds=1)

    with pytest.raises(ValidationError) as error:
        services.application_submit(application=complete, by=complete.contact_person, now=now)

    complete.refresh_from_db()
    assert error.value.messages == ["The deadline for this application has passed."]
    assert complete.status == ApplicationStatus.DRAFT


def test_submit_after_intake_deadline_within_team_extension_accepted(complete):
    staff = StaffFactory()
    services.application_extend_deadline(
        application=complete, until=complete.intake.closes_at + timedelta(days=2), by=staff, reason="Power cut"
    )
    now = complete.intake.closes_at + timedelta(days=2) - timedelta(seconds=1)

    services.application_submit(application=complete, by=complete.contact_person, now=now)

    complete.refresh_from_db()
    assert complete.status == ApplicationStatus.SUBMITTED
    assert complete.history.filter(history_change_reason="Power cut").count() == 1


def test_submit_after_team_extension_refused(complete):
    services.application_extend_deadline(
        application=complete, until=complete.intake.closes_at + timedelta(days=2), by=StaffFactory(), reason="Flood"
    )

    with pytest.raises(ValidationError):
        services.application_submit(
            application=complete, by=complete.contact_person, now=complete.deadline + timedelta(seconds=1)
        )


def test_submit_view_after_deadline_refused_by_server(client, complete):
    complete.intake.closes_at = timezone.now() - timedelta(seconds=1)
    complete.intake.save()
    client.force_login(complete.contact_person)

    response = client.post(
        reverse("applications:submit", kwargs={"pk": complete.pk}), {"confirmed": "yes"}, follow=True
    )

    complete.refresh_from_db()
    assert [str(m) for m in response.context["messages"]] == ["The deadline for this application has passed."]
    assert complete.status == ApplicationStatus.DRAFT


def test_submit_incomplete_refused_with_what_is_missing(contact_client, team):
    ours = team["ours"]

    response = contact_client.post(
        reverse("applications:submit", kwargs={"pk": ours.pk}), {"confirmed": "yes"}, follow=True
    )

    ours.refresh_from_db()
    assert [str(m) for m in response.context["messages"]] == [
        "The application is not complete yet: Team composition, Mandate letter."
    ]
    assert ours.status == ApplicationStatus.DRAFT


def test_checklist_lists_missing_items_with_links(contact_client, team):
    ours = team["ours"]
    ours.problem = ""
    ours.save()

    response = contact_client.get(reverse("applications:checklist", kwargs={"pk": ours.pk}))

    missing = [(str(i.label), i.url, i.details) for i in response.context["items"] if not i.ok]
    assert missing == [
        (
            "Outline: The problem and your objectives",
            reverse("applications:outline", kwargs={"pk": ours.pk, "section": "problem"}),
            ["Not answered yet: The problem the change project addresses"],
        ),
        (
            "Team composition",
            reverse("applications:team", kwargs={"pk": ours.pk}),
            [
                "The team has 1 member; this intake asks for at least 3.",
                "The team needs at least 1 elected politician; it has 0.",
                "The team needs at least 1 civil-society member; it has 0.",
            ],
        ),
        (
            "Mandate letter",
            reverse("applications:attachments", kwargs={"pk": ours.pk}),
            ["Upload the mandate letter signed by your municipality or region."],
        ),
    ]


def test_submit_view_sends_confirmation_with_summary_to_whole_team(
    client, complete, django_capture_on_commit_callbacks
):
    client.force_login(complete.contact_person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:submit", kwargs={"pk": complete.pk}), {"confirmed": "yes"})

    complete.refresh_from_db()
    assert response.url == reverse("applications:status", kwargs={"pk": complete.pk})
    assert complete.status == ApplicationStatus.SUBMITTED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(complete.members.values_list("user__email", flat=True))
    assert "mandate-letter.pdf" in mail.outbox[0].body
    assert complete.organisations.get().name in mail.outbox[0].body


def test_withdraw_before_deadline_after_confirmation(client, complete):
    client.force_login(complete.contact_person)
    url = reverse("applications:withdraw", kwargs={"pk": complete.pk})

    confirm = client.get(url)
    client.post(url, {"reason": "Elections were called"})

    complete.refresh_from_db()
    assert confirm.status_code == 200
    assert complete.status == ApplicationStatus.WITHDRAWN
    assert activities_for(obj=complete).last().reason == "Elections were called"


def test_withdraw_after_deadline_refused(complete):
    with pytest.raises(ValidationError):
        services.application_withdraw(
            application=complete, by=complete.contact_person, now=complete.deadline + timedelta(seconds=1)
        )


def test_staff_reopen_sends_back_to_draft_with_reason(client, db):
    application = ApplicationFactory(submitted=True)
    staff = StaffFactory()
    client.force_login(staff)

    client.post(reverse("applications:reopen", kwargs={"pk": application.pk}), {"reason": "Attach the signed letter"})

    application.refresh_from_db()
    change = activities_for(obj=application).last()
    assert application.status == ApplicationStatus.DRAFT
    assert (change.from_state, change.to_state, change.actor, change.reason) == (
        "submitted",
        "draft",
        staff,
        "Attach the signed letter",
    )


def test_staff_extends_intake_deadline_with_reason_in_intake_zone(client, db):
    application = ApplicationFactory()
    intake = application.intake
    staff = StaffFactory()
    client.force_login(staff)

    client.post(
        reverse("applications:intake_extend", kwargs={"intake_pk": intake.pk}),
        {"deadline": "2099-03-15T23:59", "reason": "Public holiday week"},
    )

    intake.refresh_from_db()
    latest = intake.history.first()
    assert intake.local(intake.closes_at).strftime("%Y-%m-%d %H:%M %Z") == "2099-03-15 23:59 CET"
    assert (latest.history_change_reason, latest.history_user) == ("Public holiday week", staff)


def test_staff_extends_one_team_deadline_and_team_sees_it(client, db):
    application = ApplicationFactory()
    client.force_login(StaffFactory())
    client.post(
        reverse("applications:extend_deadline", kwargs={"pk": application.pk}),
        {"deadline": "2099-06-01T12:00", "reason": "Internet outage in the district"},
    )
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:detail", kwargs={"pk": application.pk}))

    application.refresh_from_db()
    assert application.deadline_override_reason == "Internet outage in the district"
    assert response.context["deadline"] == "1 June 2099, 12:00 CEST"


def test_status_page_shows_timeline_in_plain_words(client, db):
    application = ApplicationFactory(eligible=True, contact_person__full_name="Nguyễn Thị Lan")
    Activity.objects.filter(object_id=application.pk, to_state="submitted").update(actor=application.contact_person)
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:status", kwargs={"pk": application.pk}))

    assert [e["text"] for e in response.context["events"]] == [
        "The programme team started the application.",
        "Nguyễn Thị Lan submitted the application.",
        "The application passed the eligibility check.",
    ]
    assert 'class="timeline"' in response.content.decode()


def test_checklist_of_submitted_application_says_when_in_the_intakes_zone(client, db):
    application = ApplicationFactory(submitted=True)
    application.submitted_at = datetime(2027, 7, 1, 21, 59, tzinfo=UTC)
    application.save(update_fields=["submitted_at"])
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:checklist", kwargs={"pk": application.pk}))

    assert "<p>Submitted 1 July 2027, 23:59 CEST.</p>" in response.content.decode()


def test_checklist_of_application_withdrawn_as_draft_claims_no_submission(client, db):
    application = ApplicationFactory(status=ApplicationStatus.WITHDRAWN)
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:checklist", kwargs={"pk": application.pk}))

    assert "Submitted" not in response.content.decode()
