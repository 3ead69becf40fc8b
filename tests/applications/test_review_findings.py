"""Review findings in applications: ids of another team in URLs and POST data, and state rules on the server."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from applications.enums import ApplicationStatus
from programmes.models import Intake
from tests.factories import ApplicationFactory, OrganisationFactory
from tests.factories.applications import PDF_BYTES


def test_organisation_of_other_team_cannot_be_removed_through_own_application(contact_client, team):
    other_organisation = team["other"].organisations.get()
    url = reverse(
        "applications:organisation_remove", kwargs={"pk": team["ours"].pk, "organisation_pk": other_organisation.pk}
    )

    page = contact_client.get(url)
    remove = contact_client.post(url)

    assert (page.status_code, remove.status_code) == (404, 404)
    assert list(team["other"].organisations.all()) == [other_organisation]


def test_invitation_to_other_team_answers_404(contact_client, team):
    response = contact_client.post(
        reverse("applications:invite", kwargs={"pk": team["other"].pk}), {"email": "intruder@example.org"}
    )

    assert response.status_code == 404
    assert not team["other"].invitations.exists()


def test_cv_for_a_member_of_another_team_is_refused(contact_client, team):
    Intake.objects.filter(pk=team["ours"].intake_id).update(cvs="required")
    other_member = team["other"].members.exclude(is_contact=True).first()

    response = contact_client.post(
        reverse("applications:attachments", kwargs={"pk": team["ours"].pk}),
        {
            "kind": "cv",
            "member": other_member.pk,
            "file": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        },
    )

    assert response.context["form"].errors["member"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert not team["ours"].attachments.exists()


def test_submitted_application_team_and_files_cannot_be_changed(client, db):
    application = ApplicationFactory(submitted=True, complete=True)
    OrganisationFactory(application=application)
    organisation = application.organisations.first()
    attachment = application.attachments.get()
    member = application.members.exclude(is_contact=True).first()
    own = application.members.get(is_contact=True)
    client.force_login(application.contact_person)

    codes = [
        client.post(
            reverse(
                "applications:organisation_remove", kwargs={"pk": application.pk, "organisation_pk": organisation.pk}
            )
        ).status_code,
        client.post(
            reverse("applications:attachment_delete", kwargs={"pk": application.pk, "attachment_pk": attachment.pk})
        ).status_code,
        client.post(
            reverse("applications:member_remove", kwargs={"pk": application.pk, "member_pk": member.pk})
        ).status_code,
        client.post(
            reverse("applications:member_edit", kwargs={"pk": application.pk, "member_pk": own.pk}),
            {"position": "Changed", "role_type": "official"},
        ).status_code,
    ]

    own.refresh_from_db()
    assert codes == [403, 403, 403, 403]
    assert (application.organisations.count(), application.attachments.count(), application.members.count()) == (
        2,
        1,
        3,
    )
    assert own.position != "Changed"


def test_withdraw_after_the_deadline_is_neither_offered_nor_done(client, db):
    application = ApplicationFactory(submitted=True)
    Intake.objects.filter(pk=application.intake_id).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(application.contact_person)

    status_page = client.get(reverse("applications:status", kwargs={"pk": application.pk}))
    withdraw = client.post(reverse("applications:withdraw", kwargs={"pk": application.pk}), {"reason": "Too late"})

    application.refresh_from_db()
    assert "Withdraw the application" not in status_page.content.decode()
    assert withdraw.status_code == 403
    assert application.status == ApplicationStatus.SUBMITTED


def test_withdraw_in_selection_after_the_deadline_is_still_offered(client, db):
    application = ApplicationFactory(under_review=True)
    Intake.objects.filter(pk=application.intake_id).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(application.contact_person)

    status_page = client.get(reverse("applications:status", kwargs={"pk": application.pk}))
    client.post(reverse("applications:withdraw", kwargs={"pk": application.pk}), {"reason": "Elections"})

    application.refresh_from_db()
    assert "Withdraw the application" in status_page.content.decode()
    assert application.status == ApplicationStatus.WITHDRAWN
