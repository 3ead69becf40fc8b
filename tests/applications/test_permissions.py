import pytest
from django.urls import reverse

from applications.enums import ApplicationStatus
from tests.factories import ApplicationFactory, AttachmentFactory, StaffFactory, TeamMemberFactory, UserFactory

TEAM_PAGES = ["detail", "status", "team", "attachments", "checklist"]


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_team_page_of_other_team_answers_404(contact_client, team, name):
    url = reverse(f"applications:{name}", kwargs={"pk": team["other"].pk})

    response = contact_client.get(url)

    assert response.status_code == 404


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_team_page_for_non_member_answers_404(client, db, name):
    application = ApplicationFactory()
    client.force_login(UserFactory())

    response = client.get(reverse(f"applications:{name}", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_outline_of_other_team_cannot_be_changed(contact_client, team):
    other = team["other"]
    url = reverse("applications:outline", kwargs={"pk": other.pk, "section": "problem"})

    response = contact_client.post(url, {"title": "Taken over"})
    autosave = contact_client.post(url + "autosave/", {"title": "Taken over"})

    other.refresh_from_db()
    assert (response.status_code, autosave.status_code, other.title) == (404, 404, "Другая команда")


def test_attachment_of_other_team_answers_404_by_any_path(contact_client, team):
    other_file = team["other"].attachments.get()
    ours = team["ours"]

    direct = contact_client.get(
        reverse("applications:attachment_download", kwargs={"pk": team["other"].pk, "attachment_pk": other_file.pk})
    )
    through_ours = contact_client.get(
        reverse("applications:attachment_download", kwargs={"pk": ours.pk, "attachment_pk": other_file.pk})
    )
    delete = contact_client.post(
        reverse("applications:attachment_delete", kwargs={"pk": ours.pk, "attachment_pk": other_file.pk})
    )

    assert (direct.status_code, through_ours.status_code, delete.status_code) == (404, 404, 404)
    assert team["other"].attachments.count() == 1


def test_member_of_other_team_cannot_be_edited_or_removed_through_own_application(contact_client, team):
    other_member = team["other"].members.exclude(is_contact=True).first()
    ours = team["ours"]

    edit = contact_client.post(
        reverse("applications:member_edit", kwargs={"pk": ours.pk, "member_pk": other_member.pk}),
        {"position": "Hijacked", "role_type": "official"},
    )
    remove = contact_client.post(
        reverse("applications:member_remove", kwargs={"pk": ours.pk, "member_pk": other_member.pk})
    )

    other_member.refresh_from_db()
    assert (edit.status_code, remove.status_code, other_member.position) == (404, 404, other_member.position)
    assert team["other"].members.count() == 3


def test_member_cannot_edit_another_members_details(client, db):
    application = ApplicationFactory()
    member = TeamMemberFactory(application=application, position="Councillor")
    client.force_login(member.user)
    contact_member = application.members.get(is_contact=True)

    response = client.post(
        reverse("applications:member_edit", kwargs={"pk": application.pk, "member_pk": contact_member.pk}),
        {"position": "Changed", "role_type": "official"},
    )

    contact_member.refresh_from_db()
    assert response.status_code == 404
    assert contact_member.position != "Changed"


@pytest.mark.parametrize("url_name", ["staff_list", "intake_extend"])
def test_staff_intake_pages_answer_404_to_applicant(contact_client, team, url_name):
    response = contact_client.get(reverse(f"applications:{url_name}", kwargs={"intake_pk": team["ours"].intake_id}))

    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["screen", "extend_deadline"])
def test_staff_application_pages_answer_404_to_own_team(contact_client, team, url_name):
    response = contact_client.get(reverse(f"applications:{url_name}", kwargs={"pk": team["ours"].pk}))

    assert response.status_code == 404


def test_submitted_application_cannot_be_edited_by_team(client, db):
    application = ApplicationFactory(submitted=True, title="Сохранённый заголовок")
    client.force_login(application.contact_person)
    outline_url = reverse("applications:outline", kwargs={"pk": application.pk, "section": "problem"})

    responses = [
        client.post(outline_url, {"title": "Changed"}).status_code,
        client.post(outline_url + "autosave/", {"title": "Changed"}).status_code,
        client.post(
            reverse("applications:invite", kwargs={"pk": application.pk}), {"email": "x@example.org"}
        ).status_code,
        client.post(
            reverse("applications:organisation_add", kwargs={"pk": application.pk}),
            {"name": "X", "type": "municipality", "country": "KE"},
        ).status_code,
        client.post(reverse("applications:attachments", kwargs={"pk": application.pk}), {"kind": "cv"}).status_code,
    ]

    application.refresh_from_db()
    assert responses == [403, 403, 403, 403, 403]
    assert application.title == "Сохранённый заголовок"
    assert application.organisations.count() == 1


def test_submitted_outline_page_sends_team_to_read_only_overview(client, db):
    application = ApplicationFactory(submitted=True)
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:outline", kwargs={"pk": application.pk, "section": "problem"}))

    assert response.status_code == 302
    assert response.url == reverse("applications:detail", kwargs={"pk": application.pk})


def test_member_who_is_not_contact_cannot_submit_or_withdraw(client, db):
    application = ApplicationFactory(complete=True)
    member = application.members.exclude(is_contact=True).first()
    client.force_login(member.user)

    submit = client.post(reverse("applications:submit", kwargs={"pk": application.pk}), {"confirmed": "yes"})
    withdraw = client.post(reverse("applications:withdraw", kwargs={"pk": application.pk}))

    application.refresh_from_db()
    assert (submit.status_code, withdraw.status_code, application.status) == (403, 403, ApplicationStatus.DRAFT)


def test_staff_can_read_any_application_and_its_files(client, db):
    application = ApplicationFactory(submitted=True)
    attachment = AttachmentFactory(application=application)
    client.force_login(StaffFactory())

    page = client.get(reverse("applications:detail", kwargs={"pk": application.pk}))
    download = client.get(
        reverse("applications:attachment_download", kwargs={"pk": application.pk, "attachment_pk": attachment.pk})
    )

    assert page.context["application"] == application
    assert download["Content-Disposition"] == 'attachment; filename="mandate-letter.pdf"'
