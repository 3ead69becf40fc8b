"""“Is this team selected?” has one answer: accepted *and told* (released), optionally confirmed."""

import pytest
from django.urls import reverse

from selection import services
from selection.selectors import applications_selected, is_application_selected
from tests.factories import ApplicationFactory, ConfirmationFactory, IntakeFactory, MentorFactory, StaffFactory


def _panel_titles(client, user):
    client.force_login(user)
    return [str(p.title) for p in client.get(reverse("portal:dashboard")).context["panels"]]


def _mentor_teams(client, mentor):
    client.force_login(mentor)
    response = client.get(reverse("portal:dashboard"))
    [panel] = [p for p in response.context["panels"] if str(p.title) == "Your mentoring"]
    return [[team.title for team in i.selected_teams] for i in panel.context["intakes"]]


def test_accepted_but_unreleased_team_has_no_programme_panel_and_its_mentor_does_not_see_it(client, db):
    intake = IntakeFactory(closed=True)
    mentor = MentorFactory(intake=intake)
    staff = StaffFactory()
    team = ApplicationFactory(intake=intake, under_review=True, title="Open budget hearings")
    services.decision_record(application=team, outcome="accepted", reason="Strong project.", by=staff)

    team_panels_before = _panel_titles(client, team.contact_person)
    mentor_teams_before = _mentor_teams(client, mentor)
    services.decisions_release(intake=intake, by=staff)
    team_panels_after = _panel_titles(client, team.contact_person)
    mentor_teams_after = _mentor_teams(client, mentor)

    assert "Your programme" not in team_panels_before
    assert mentor_teams_before == [[]]
    assert "Your programme" in team_panels_after
    assert mentor_teams_after == [["Open budget hearings"]]


def test_applications_selected_is_released_acceptances_only(db):
    intake = IntakeFactory(closed=True)
    staged = ApplicationFactory(intake=intake, accepted_pending=True)
    released = ApplicationFactory(intake=intake, accepted=True)
    confirmed = ApplicationFactory(intake=intake, accepted=True)
    ConfirmationFactory(application=confirmed, confirmed=True)
    ApplicationFactory(intake=intake, waitlisted=True)
    ApplicationFactory(intake=IntakeFactory(closed=True), accepted=True)  # another intake

    assert sorted(applications_selected(intake=intake).values_list("pk", flat=True)) == [released.pk, confirmed.pk]
    assert list(applications_selected(intake=intake, confirmed=True)) == [confirmed]
    assert [is_application_selected(a) for a in (staged, released, confirmed)] == [False, True, True]
    assert [is_application_selected(a, confirmed=True) for a in (staged, released, confirmed)] == [False, False, True]


@pytest.mark.parametrize("teams", [1, 3])
def test_applications_selected_costs_one_query(db, django_assert_num_queries, teams):
    intake = IntakeFactory(closed=True)
    ApplicationFactory.create_batch(teams, intake=intake, accepted=True)
    ApplicationFactory(intake=intake, accepted_pending=True)

    with django_assert_num_queries(1):
        selected = list(applications_selected(intake=intake, confirmed=False))

    assert len(selected) == teams
