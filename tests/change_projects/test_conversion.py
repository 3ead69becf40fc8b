"""From outline to project: only released and confirmed teams, once, as a copy."""

import pytest

from applications.models import TeamMember
from change_projects.models import ChangeProject
from change_projects.selectors import participants_of
from change_projects.services import (
    NotSelected,
    change_project_create_from_application,
    change_projects_create_for_confirmed,
)
from tests.factories import (
    ApplicationFactory,
    ConfirmationFactory,
    DecisionFactory,
    TeamMemberFactory,
    UserFactory,
    confirmed_team,
)


def test_confirmed_team_gets_a_project_with_a_copy_of_its_outline_and_its_members(db):
    application = confirmed_team(title="Open budget hearings", contact_person=UserFactory(full_name="Ana Silva"))
    TeamMemberFactory(application=application, user=UserFactory(full_name="Ben Okoro"))

    project = change_project_create_from_application(application=application, by=None)

    assert (project.application, project.intake, project.title, project.problem) == (
        application,
        application.intake,
        "Open budget hearings",
        application.problem,
    )
    assert [u.full_name for u in participants_of(intake=application.intake)] == ["Ana Silva", "Ben Okoro"]


def test_project_is_a_copy_later_edits_do_not_touch_the_application(db):
    application = confirmed_team(title="Open budget hearings")
    project = change_project_create_from_application(application=application)

    project.title = "Budget hearings in every ward"
    project.save()
    application.refresh_from_db()

    assert application.title == "Open budget hearings"


def test_conversion_happens_once(db):
    application = confirmed_team()

    first = change_project_create_from_application(application=application)
    second = change_project_create_from_application(application=application)
    TeamMemberFactory(application=application)
    third = change_projects_create_for_confirmed(intake=application.intake)

    assert first == second
    assert third == []
    assert ChangeProject.objects.count() == 1
    assert first.participants.count() == 1


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: ApplicationFactory(under_review=True), id="not-accepted"),
        pytest.param(lambda: DecisionFactory(unreleased=True).application, id="accepted-not-released"),
        pytest.param(
            lambda: ConfirmationFactory(application=DecisionFactory().application).application,
            id="released-not-confirmed",
        ),
        pytest.param(
            lambda: ConfirmationFactory(application=DecisionFactory().application, declined=True).application,
            id="declined",
        ),
    ],
)
def test_teams_not_released_and_confirmed_get_no_project(db, make):
    application = make()

    with pytest.raises(NotSelected):
        change_project_create_from_application(application=application)

    assert change_projects_create_for_confirmed() == []
    assert ChangeProject.objects.count() == 0


def test_safety_net_converts_every_confirmed_team_without_a_project(db):
    first, second = confirmed_team(title="A"), confirmed_team(title="B")
    ApplicationFactory(accepted=True, title="C")

    created = change_projects_create_for_confirmed()

    assert sorted(p.title for p in created) == ["A", "B"]
    assert TeamMember.objects.filter(application__in=[first, second]).count() == 2


def test_confirming_the_place_from_the_link_starts_the_change_project(client, db):
    from django.urls import reverse

    application = DecisionFactory(application__title="Open budget hearings").application
    confirmation = ConfirmationFactory(application=application)

    client.post(reverse("selection:confirm", args=[confirmation.token]), {"action": "confirm"})

    assert [(p.application, p.title) for p in ChangeProject.objects.all()] == [(application, "Open budget hearings")]
    assert [u.pk for u in participants_of(intake=application.intake)] == [application.contact_person_id]
