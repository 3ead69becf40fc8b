import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from applications.checks import composition
from applications.models import TeamMember
from tests.accounts.html import select_options
from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    InvitationFactory,
    OrganisationFactory,
    TeamMemberFactory,
    UserFactory,
)


def _invite(client, application, email):
    return client.post(reverse("applications:invite", kwargs={"pk": application.pk}), {"email": email})


def test_composition_too_small_and_missing_roles_listed_in_words(db):
    application = ApplicationFactory(intake__min_team_size=3, intake__min_politicians=1, intake__min_civil_society=1)

    result = composition(application)

    assert result.problems == [
        "The team has 1 member; this intake asks for at least 3.",
        "The team needs at least 1 elected politician; it has 0.",
        "The team needs at least 1 civil-society member; it has 0.",
    ]


def test_composition_too_large_is_a_problem(db):
    application = ApplicationFactory(complete=True, intake__max_team_size=3)
    TeamMemberFactory(application=application, role_type="official", gender="man")

    result = composition(application)

    assert result.problems == ["The team has 4 members; this intake allows at most 3."]


def test_composition_gender_imbalance_is_only_a_warning(db):
    application = ApplicationFactory(complete=True)
    application.members.update(gender="man")

    result = composition(application)

    assert result.ok
    assert result.warnings == [
        "The team is not gender balanced (0 women, 3 men). "
        "Balanced teams are encouraged, but this does not stop you from applying."
    ]


def test_composition_balanced_team_has_no_warning(db):
    application = ApplicationFactory(complete=True)

    result = composition(application)

    assert (result.problems, result.warnings) == ([], [])


def test_team_page_shows_composition_problems(contact_client, team):
    response = contact_client.get(reverse("applications:team", kwargs={"pk": team["ours"].pk}))

    assert response.context["composition"].problems == [
        "The team has 1 member; this intake asks for at least 3.",
        "The team needs at least 1 elected politician; it has 0.",
        "The team needs at least 1 civil-society member; it has 0.",
    ]


def test_invitation_sent_and_accepted_with_same_email_joins_team(
    client, contact_client, team, django_capture_on_commit_callbacks
):
    ours = team["ours"]
    invitee = UserFactory(email="amira.haddad@example.org", full_name="أميرة حداد")

    with django_capture_on_commit_callbacks(execute=True):
        _invite(contact_client, ours, "Amira.Haddad@example.org")
    link = re.search(r"http://testserver(/applications/invitation/\S+/)", mail.outbox[0].body).group(1)
    client.force_login(invitee)
    response = client.post(link)

    member = TeamMember.objects.get(application=ours, user=invitee)
    assert mail.outbox[0].to == ["amira.haddad@example.org"]
    assert response.url == reverse("applications:member_edit", kwargs={"pk": ours.pk, "member_pk": member.pk})
    assert [m.user.full_name for m in ours.members.order_by("joined_at")] == ["Grace Wanjiru", "أميرة حداد"]


def test_invitation_expired_is_refused_with_message(client, db):
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(UserFactory(email=invitation.email))

    response = client.post(reverse("applications:invitation_accept", kwargs={"token": invitation.token}))

    assert response.status_code == 400
    assert response.context["error"] == "This invitation has expired. Please ask the team to invite you again."
    assert invitation.application.members.count() == 1


def test_invitation_for_other_email_is_refused_with_message(client, db):
    invitation = InvitationFactory(email="invited@example.org")
    client.force_login(UserFactory(email="someone.else@example.org"))

    response = client.post(reverse("applications:invitation_accept", kwargs={"token": invitation.token}))

    assert response.context["error"] == (
        "This invitation was sent to invited@example.org, but you are logged in as someone.else@example.org. "
        "Please log in with the address the invitation was sent to."
    )
    assert invitation.application.members.count() == 1


def test_invitation_used_twice_is_refused(client, db):
    invitation = InvitationFactory(email="once@example.org")
    user = UserFactory(email="once@example.org")
    client.force_login(user)
    url = reverse("applications:invitation_accept", kwargs={"token": invitation.token})
    client.post(url)

    response = client.post(url)

    assert response.context["error"] == ("This invitation has already been used. Please ask the team for a new one.")
    assert invitation.application.members.filter(user=user).count() == 1


def test_invitation_refused_when_already_in_a_team_of_the_intake(client, db):
    intake = IntakeFactory()
    user = UserFactory(email="busy@example.org")
    ApplicationFactory(intake=intake, contact_person=user)
    invitation = InvitationFactory(application__intake=intake, email="busy@example.org")
    client.force_login(user)

    response = client.post(reverse("applications:invitation_accept", kwargs={"token": invitation.token}))

    assert response.context["error"] == "You are already in a team that applies to this intake."


def test_invitation_page_for_anonymous_asks_to_log_in_with_the_address(client, db):
    invitation = InvitationFactory(email="new.person@example.org")

    response = client.get(reverse("applications:invitation_accept", kwargs={"token": invitation.token}))

    assert response.status_code == 200
    assert "new.person@example.org" in response.content.decode()


def test_invite_refused_when_team_is_full(contact_client, team):
    ours = team["ours"]
    ours.intake.min_team_size = ours.intake.max_team_size = 1
    ours.intake.save()

    response = _invite(contact_client, ours, "extra@example.org")

    assert [str(m) for m in response.wsgi_request._messages] == [
        "The team already has 1 members, the most this intake allows."
    ]
    assert mail.outbox == []


def test_contact_person_removes_member_after_confirmation(contact_client, team):
    member = TeamMemberFactory(application=team["ours"], user__full_name="Jean Dupré")
    url = reverse("applications:member_remove", kwargs={"pk": team["ours"].pk, "member_pk": member.pk})

    confirm = contact_client.get(url)
    contact_client.post(url)

    assert confirm.context["member"] == member
    assert list(team["ours"].members.values_list("user__full_name", flat=True)) == ["Grace Wanjiru"]


def test_member_who_is_not_contact_cannot_remove_others(client, db):
    application = ApplicationFactory()
    member = TeamMemberFactory(application=application)
    other = TeamMemberFactory(application=application)
    client.force_login(member.user)

    response = client.post(reverse("applications:member_remove", kwargs={"pk": application.pk, "member_pk": other.pk}))

    assert response.status_code == 403
    assert application.members.count() == 3


def test_member_edits_own_details_in_any_script(client, db):
    application = ApplicationFactory()
    member = TeamMemberFactory(application=application, position="")
    client.force_login(member.user)

    client.post(
        reverse("applications:member_edit", kwargs={"pk": application.pk, "member_pk": member.pk}),
        {
            "position": "Депутат міської ради",
            "organisation": "Mairie de Saint-Étienne",
            "role_type": "politician",
            "gender": "man",
            "english_level": "B1",
        },
    )

    member.refresh_from_db()
    assert (member.position, member.organisation, member.role_type) == (
        "Депутат міської ради",
        "Mairie de Saint-Étienne",
        "politician",
    )


def test_organisation_from_ineligible_country_refused(contact_client, team):
    url = reverse("applications:organisation_add", kwargs={"pk": team["ours"].pk})

    response = contact_client.post(url, {"name": "Municipio de Lima", "type": "municipality", "country": "PE"})

    assert response.context["organisation_form"].errors["country"] == [
        "Select a valid choice. PE is not one of the available choices."
    ]
    assert team["ours"].organisations.count() == 1


def test_organisation_added_with_name_kept_exactly(contact_client, team):
    url = reverse("applications:organisation_add", kwargs={"pk": team["ours"].pk})

    contact_client.post(url, {"name": "Thành phố Huế", "type": "municipality", "country": "VN"})

    assert list(team["ours"].organisations.values_list("name", flat=True))[-1] == "Thành phố Huế"


@pytest.mark.parametrize("trait", ["submitted", "withdrawn"])
def test_invitation_to_non_draft_application_refused(client, db, trait):
    invitation = InvitationFactory(application=ApplicationFactory(**{trait: True}), email="late@example.org")
    client.force_login(UserFactory(email="late@example.org"))

    response = client.post(reverse("applications:invitation_accept", kwargs={"token": invitation.token}))

    assert response.context["error"] == ("This application has already been submitted; the team can no longer change.")


def test_organisation_remove_asks_before_removing(client, db):
    application = ApplicationFactory()
    organisation = OrganisationFactory(application=application, name="Kisumu County Government")
    client.force_login(application.contact_person)

    response = client.get(
        reverse("applications:organisation_remove", kwargs={"pk": application.pk, "organisation_pk": organisation.pk})
    )

    assert '<h2 class="h5">Remove Kisumu County Government from the application?</h2>' in response.content.decode()
    assert application.organisations.filter(pk=organisation.pk).exists()


def test_organisation_remove_confirmed_removes_it(client, db):
    application = ApplicationFactory()
    organisation = OrganisationFactory(application=application, name="Kisumu County Government")
    client.force_login(application.contact_person)

    client.post(
        reverse("applications:organisation_remove", kwargs={"pk": application.pk, "organisation_pk": organisation.pk})
    )

    assert not application.organisations.filter(pk=organisation.pk).exists()


def test_organisation_add_with_an_error_keeps_the_input_and_the_pending_invitations(client, db):
    application = ApplicationFactory()
    InvitationFactory(application=application, email="otieno@example.org")
    client.force_login(application.contact_person)

    response = client.post(
        reverse("applications:organisation_add", kwargs={"pk": application.pk}),
        {"name": "Kisumu County Government", "type": "region", "country": ""},
    )

    page = response.content.decode()
    assert 'value="Kisumu County Government"' in page
    assert "<li>otieno@example.org · valid until " in page


def test_organisation_dropdowns_name_their_empty_choice(contact_client, team):
    intake = team["ours"].intake
    intake.eligible_countries = ["KE", "VN"]
    intake.eligible_organisation_types = ["municipality", "cso"]
    intake.save()

    response = contact_client.get(reverse("applications:team", kwargs={"pk": team["ours"].pk}))

    assert select_options(response, "type") == ["Choose a type", "Municipality", "Civil-society organisation"]
    assert select_options(response, "country") == ["Choose a country", "Kenya", "Vietnam"]


def test_organisation_dropdowns_without_intake_limits_name_their_empty_choice(contact_client, team):
    intake = team["ours"].intake
    intake.eligible_countries = []
    intake.eligible_organisation_types = []
    intake.save()

    response = contact_client.get(reverse("applications:team", kwargs={"pk": team["ours"].pk}))

    assert select_options(response, "type") == [
        "Choose a type",
        "Municipality",
        "Region",
        "Civil-society organisation",
        "Association of local governments",
    ]
    assert select_options(response, "country")[:2] == ["Choose a country", "Afghanistan"]


def test_member_edit_dropdowns_name_their_empty_choice(client, db):
    application = ApplicationFactory()
    member = TeamMemberFactory(application=application, role_type="", gender="", english_level="")
    client.force_login(member.user)

    response = client.get(reverse("applications:member_edit", kwargs={"pk": application.pk, "member_pk": member.pk}))

    assert [select_options(response, name)[0] for name in ("role_type", "gender", "english_level")] == [
        "Choose a role",
        "Not given",
        "Choose a level",
    ]
