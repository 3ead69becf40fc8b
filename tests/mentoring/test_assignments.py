"""Staff assign a mentor to teams with an agreement; `is_team_mentor` says who coaches whom."""

from datetime import date
from decimal import Decimal

import pytest
import rules
from django.core.exceptions import ValidationError

from mentoring.enums import BudgetUnit
from mentoring.models import MentoredTeam
from mentoring.rules import is_team_mentor
from mentoring.services import mentor_assignment_create, mentor_assignment_update
from programmes.models import IntakeRole
from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    MentorAssignmentFactory,
    MentorFactory,
    StaffFactory,
    UserFactory,
)

AGREEMENT = {
    "starts_on": date(2027, 3, 1),
    "ends_on": date(2027, 12, 31),
    "budget_amount": Decimal("5"),
    "budget_unit": BudgetUnit.DAYS,
    "expectations": "Monthly sessions.",
    "mentor_time_zone": "America/Bogota",
}


def test_assignment_create_gives_the_mentor_the_teams_and_the_agreement(db):
    intake = IntakeFactory(closed=True)
    mentor = MentorFactory(intake=intake)
    teams = ApplicationFactory.create_batch(2, intake=intake, accepted=True)

    assignment = mentor_assignment_create(intake=intake, mentor=mentor, teams=teams, by=StaffFactory(), **AGREEMENT)

    assert sorted(assignment.teams.values_list("pk", flat=True)) == sorted(t.pk for t in teams)
    assert (assignment.budget_hours, assignment.mentor_time_zone) == (Decimal("40"), "America/Bogota")
    assert [is_team_mentor(mentor, t) for t in teams] == [True, True]


def test_assignment_create_refuses_someone_without_the_mentor_role(db):
    intake = IntakeFactory(closed=True)
    team = ApplicationFactory(intake=intake, accepted=True)

    with pytest.raises(ValidationError) as exc:
        mentor_assignment_create(intake=intake, mentor=UserFactory(), teams=[team], by=StaffFactory(), **AGREEMENT)

    assert exc.value.code == "not_mentor"


@pytest.mark.parametrize("trait", ["submitted", "rejected", "waitlisted"])
def test_assignment_create_refuses_a_team_not_selected(db, trait):
    intake = IntakeFactory(closed=True)
    team = ApplicationFactory(intake=intake, **{trait: True})

    with pytest.raises(ValidationError) as exc:
        mentor_assignment_create(
            intake=intake, mentor=MentorFactory(intake=intake), teams=[team], by=StaffFactory(), **AGREEMENT
        )

    assert exc.value.code == "not_selected"
    assert MentoredTeam.objects.count() == 0


def test_assignment_refuses_a_team_another_mentor_has(db):
    intake = IntakeFactory(closed=True)
    team = ApplicationFactory(intake=intake, accepted=True)
    MentorAssignmentFactory(intake=intake, teams=[team])

    with pytest.raises(ValidationError) as exc:
        mentor_assignment_create(
            intake=intake, mentor=MentorFactory(intake=intake), teams=[team], by=StaffFactory(), **AGREEMENT
        )

    assert exc.value.code == "taken"


def test_assignment_refuses_a_period_ending_before_it_starts(db):
    intake = IntakeFactory(closed=True)

    with pytest.raises(ValidationError):
        mentor_assignment_create(
            intake=intake,
            mentor=MentorFactory(intake=intake),
            teams=[],
            by=StaffFactory(),
            **{**AGREEMENT, "ends_on": date(2027, 2, 1)},
        )


def test_assignment_update_moves_teams_on_and_off(db):
    intake = IntakeFactory(closed=True)
    kept, dropped, added = ApplicationFactory.create_batch(3, intake=intake, accepted=True)
    assignment = MentorAssignmentFactory(intake=intake, teams=[kept, dropped])

    mentor_assignment_update(assignment=assignment, teams=[kept, added], by=StaffFactory(), budget_amount=Decimal(12))

    assert sorted(assignment.teams.values_list("pk", flat=True)) == sorted([kept.pk, added.pk])
    assert assignment.budget_hours == Decimal(12)
    assert [is_team_mentor(assignment.mentor, t) for t in (kept, dropped, added)] == [True, False, True]


def test_is_team_mentor_is_false_for_others_and_after_the_role_is_taken(db):
    intake = IntakeFactory(closed=True)
    team, other_team = ApplicationFactory.create_batch(2, intake=intake, accepted=True)
    assignment = MentorAssignmentFactory(intake=intake, teams=[team])
    other_mentor = MentorAssignmentFactory(intake=intake, teams=[other_team]).mentor

    before = [is_team_mentor(assignment.mentor, team), is_team_mentor(other_mentor, team)]
    IntakeRole.objects.filter(user=assignment.mentor).delete()

    assert before == [True, False]
    assert is_team_mentor(assignment.mentor, team) is False
    assert rules.has_perm("mentoring.view_team_coaching", team.contact_person, team) is True
    assert rules.has_perm("mentoring.view_private_notes", team.contact_person, team) is False
