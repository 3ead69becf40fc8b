from datetime import date

from django.urls import reverse

from tests.factories import ApplicationFactory, IntakeFactory, PhaseFactory, TeamMemberFactory, UserFactory


def test_participant_sees_selected_team_and_phases_on_dashboard(client, db):
    intake = IntakeFactory(closed=True, name="2026 intake")
    PhaseFactory(
        intake=intake, name="Phase 1", place="Stockholm", starts_on=date(2027, 3, 1), ends_on=date(2027, 3, 12)
    )
    PhaseFactory(intake=intake, name="Home phase", place="", starts_on=date(2027, 4, 1), ends_on=date(2027, 9, 30))
    team = ApplicationFactory(intake=intake, accepted=True, title="Open budget hearings")
    member = TeamMemberFactory(application=team, user=UserFactory(full_name="Lan Nguyen"))
    client.force_login(member.user)

    response = client.get(reverse("portal:dashboard"))

    [panel] = [p for p in response.context["panels"] if str(p.title) == "Your programme"]
    assert panel.context["teams"] == [team]
    page = response.content.decode()
    assert "Change project: Open budget hearings" in page
    assert [p.name for p in panel.context["teams"][0].intake.phases.all()] == ["Phase 1", "Home phase"]


def test_applicant_with_undecided_application_has_no_programme_panel(client, db):
    application = ApplicationFactory(submitted=True)
    client.force_login(application.contact_person)

    response = client.get(reverse("portal:dashboard"))

    assert "Your programme" not in [str(p.title) for p in response.context["panels"]]
