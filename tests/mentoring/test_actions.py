"""Agreed actions: logged with a session, followed up at the next one, ticked off by their owner."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mentoring.enums import ActionStatus, SessionMode
from mentoring.models import CoachingAction
from mentoring.services import action_follow_up, session_log
from portal.models import Audience
from portal.selectors import activities_for
from portal.workflow import TransitionForbidden
from tests.factories import (
    ChangeProjectFactory,
    CoachingActionFactory,
    MentoredTeamFactory,
    MilestoneFactory,
    RiskFactory,
    StaffFactory,
    TeamMemberFactory,
    UserFactory,
)


def _log(team, by, **kwargs):
    defaults = {
        "starts_at": timezone.now() - timedelta(hours=2),
        "duration_minutes": 90,
        "mode": SessionMode.ONLINE,
    }
    return session_log(application=team.application, by=by, **{**defaults, **kwargs})


def test_session_log_records_actions_for_members_and_the_mentor(db):
    team = MentoredTeamFactory()
    member = TeamMemberFactory(application=team.application)
    mentor = team.assignment.mentor
    due = date.today() + timedelta(days=10)

    session = _log(
        team,
        mentor,
        participants=[member],
        actions=[
            {"description": "Draft the hearing invitation", "owner": member.user, "due_on": due},
            {"description": "Send examples of ward budgets", "owner": mentor, "due_on": due},
        ],
    )

    assert [(a.description, a.owner, a.status) for a in session.agreed_actions.order_by("pk")] == [
        ("Draft the hearing invitation", member.user, ActionStatus.OPEN),
        ("Send examples of ward budgets", mentor, ActionStatus.OPEN),
    ]
    assert list(session.participants.all()) == [member]


def test_session_log_refuses_an_owner_outside_the_team(db):
    team = MentoredTeamFactory()

    with pytest.raises(ValidationError) as exc:
        _log(
            team, team.assignment.mentor, actions=[{"description": "x", "owner": UserFactory(), "due_on": date.today()}]
        )

    assert exc.value.code == "owner"
    assert CoachingAction.objects.count() == 0


def test_session_log_refuses_a_session_in_the_future(db):
    team = MentoredTeamFactory()

    with pytest.raises(ValidationError) as exc:
        _log(team, team.assignment.mentor, starts_at=timezone.now() + timedelta(days=1))

    assert exc.value.code == "future"


def test_session_log_by_a_mentor_of_another_team_is_refused(db):
    team = MentoredTeamFactory()
    other = MentoredTeamFactory(assignment__intake=team.assignment.intake)

    with pytest.raises(Exception) as exc:
        _log(team, other.assignment.mentor)

    assert type(exc.value).__name__ == "PermissionDenied"


def test_carry_over_keeps_one_action_with_its_history(db):
    action = CoachingActionFactory(due_on=date(2027, 3, 10))
    team = action.application.mentored_team
    mentor = team.assignment.mentor

    second = _log(team, mentor, follow_ups={action: (ActionStatus.CARRIED_OVER, date(2027, 4, 10))})
    third = _log(team, mentor, follow_ups={action: (ActionStatus.CARRIED_OVER, None)})
    fourth = _log(team, mentor, follow_ups={action: (ActionStatus.DONE, None)})

    assert CoachingAction.objects.count() == 1
    action.refresh_from_db()
    assert (action.status, action.due_on, action.last_followed_up_in) == (ActionStatus.DONE, date(2027, 4, 10), fourth)
    feed = [(e.verb, e.from_state, e.to_state, e.data) for e in activities_for(obj=action)]
    assert feed == [
        ("carried the action over", "open", "carried_over", {"session": second.pk, "due_on": "2027-04-10"}),
        ("carried the action over", "carried_over", "carried_over", {"session": third.pk, "due_on": "2027-04-10"}),
        ("marked the action done", "carried_over", "done", {"session": fourth.pk}),
    ]
    assert [h.status for h in action.history.order_by("history_id")] == ["open", "carried_over", "carried_over", "done"]


def test_owner_ticks_off_their_own_action_but_not_another_members(db):
    action = CoachingActionFactory()
    colleague = TeamMemberFactory(application=action.application).user

    with pytest.raises(TransitionForbidden):
        action_follow_up(action=action, to=ActionStatus.DONE, by=colleague)
    action_follow_up(action=action, to=ActionStatus.DONE, by=action.owner)

    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


@pytest.mark.parametrize("to", [ActionStatus.CARRIED_OVER, ActionStatus.DROPPED])
def test_team_members_may_not_carry_over_or_drop(db, to):
    action = CoachingActionFactory()

    with pytest.raises(TransitionForbidden):
        action_follow_up(action=action, to=to, by=action.owner)


def test_staff_may_follow_up_any_action(db):
    action = CoachingActionFactory()

    action_follow_up(action=action, to=ActionStatus.DROPPED, by=StaffFactory())

    action.refresh_from_db()
    assert action.status == ActionStatus.DROPPED


def test_private_notes_never_reach_the_team_feed(db):
    team = MentoredTeamFactory()
    mentor = team.assignment.mentor
    # The application's own steps come first in both feeds.
    team_trail = activities_for(obj=team.application).count()
    mentor_trail = activities_for(obj=team.application, audiences=[Audience.TEAM, Audience.MENTOR]).count()

    session = _log(team, mentor, private_notes="The mayor is about to resign.", shared_notes="Hearings planned.")

    team_feed = list(activities_for(obj=team.application))[team_trail:]
    mentor_feed = list(activities_for(obj=team.application, audiences=[Audience.TEAM, Audience.MENTOR]))[mentor_trail:]
    assert [(e.verb, e.audience) for e in team_feed] == [("logged a coaching session", "team")]
    assert [(e.verb, e.audience) for e in mentor_feed] == [
        ("logged a coaching session", "team"),
        ("wrote private notes", "mentor"),
    ]
    assert all("resign" not in f"{e.verb}{e.reason}{e.data}" for e in mentor_feed)
    assert session.private_notes == "The mayor is about to resign."


def test_session_links_the_teams_own_milestones_and_risks_only(db):
    team = MentoredTeamFactory()
    project = ChangeProjectFactory(application=team.application, intake=team.application.intake)
    milestone, risk = MilestoneFactory(project=project), RiskFactory(project=project)
    foreign = MilestoneFactory()

    with pytest.raises(ValidationError) as exc:
        _log(team, team.assignment.mentor, milestones=[foreign])
    session = _log(team, team.assignment.mentor, milestones=[milestone], risks=[risk])

    assert exc.value.code == "foreign_project"
    assert (list(session.milestones.all()), list(session.risks.all())) == ([milestone], [risk])
    assert list(milestone.coaching_sessions.all()) == [session]
