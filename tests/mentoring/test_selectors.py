"""Mentoring figures: hours against the budget, teams left alone, and fixed query counts."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from mentoring.enums import ActionStatus, BudgetUnit
from mentoring.selectors import (
    budget_use,
    left_alone,
    mentor_assignments,
    mentor_workload,
    overview_rows,
    team_session_list,
    team_sessions,
)
from tests.factories import (
    ApplicationFactory,
    CoachingActionFactory,
    CoachingSessionFactory,
    IntakeFactory,
    MentorAssignmentFactory,
    MentoredTeamFactory,
    MentoringSettingsFactory,
    MentorWorkFactory,
    PhaseFactory,
    TopicTagFactory,
)


def test_budget_use_adds_sessions_and_other_work(db):
    assignment = MentorAssignmentFactory(budget_amount=Decimal("2"), budget_unit=BudgetUnit.DAYS)
    first, second = (MentoredTeamFactory(assignment=assignment) for _ in range(2))
    CoachingSessionFactory(application=first.application, duration_minutes=90)
    CoachingSessionFactory(application=second.application, duration_minutes=45)
    MentorWorkFactory(assignment=assignment, hours=Decimal("2.5"))
    MentorWorkFactory(assignment=assignment, hours=Decimal("0.25"), application=first.application)
    MentorWorkFactory(hours=Decimal("9"))  # another mentor's

    use = budget_use(assignment)

    assert (use.sessions, use.other_work, use.used, use.budget, use.left) == (
        Decimal("2.25"),
        Decimal("2.75"),
        Decimal("5.00"),
        Decimal("16"),
        Decimal("11.00"),
    )
    [listed] = mentor_assignments(mentor=assignment.mentor)
    assert budget_use(listed).used == Decimal("5.00")
    [row] = mentor_workload(mentor=assignment.mentor)
    assert (row.team_count, row.session_count, budget_use(row).used) == (2, 2, Decimal("5.00"))


def _team_with_last_session(intake, starts_at):
    team = MentoredTeamFactory(assignment__intake=intake, application__title=f"Team {starts_at:%d %H%M}")
    CoachingSessionFactory(application=team.application, starts_at=starts_at)
    return team.application


def test_left_alone_lists_teams_past_n_days_counted_in_the_intakes_zone(db):
    # Auckland is UTC+13 in December: now is 22 December, 01:00 there but still 21 December in UTC.
    intake = IntakeFactory(closed=True, time_zone="Pacific/Auckland")
    MentoringSettingsFactory(intake=intake, no_coaching_days=10)
    now = datetime(2026, 12, 21, 12, 0, tzinfo=UTC)
    exactly_ten = _team_with_last_session(intake, datetime(2026, 12, 11, 11, 30, tzinfo=UTC))  # 12 Dec 00:30 local
    eleven_local = _team_with_last_session(intake, datetime(2026, 12, 11, 10, 0, tzinfo=UTC))  # 11 Dec 23:00 local
    twelve = _team_with_last_session(intake, datetime(2026, 12, 10, 10, 0, tzinfo=UTC))
    without_mentor = ApplicationFactory(intake=intake, accepted=True, title="No mentor")
    ApplicationFactory(intake=intake, rejected=True)

    found = left_alone(overview_rows(intake=intake), now=now)

    # In UTC the 11 December session would be exactly ten days old and not listed.
    assert [(item.team, item.days) for item in found] == [(without_mentor, None), (twelve, 12), (eleven_local, 11)]
    assert exactly_ten not in [item.team for item in found]


def _today_in(intake) -> date:
    return intake.local(timezone.now()).date()


def test_left_alone_counts_from_the_agreement_start_when_never_coached(db):
    intake = IntakeFactory(closed=True)
    MentoringSettingsFactory(intake=intake, no_coaching_days=30)
    today = _today_in(intake)
    never_late = MentoredTeamFactory(assignment__intake=intake, assignment__starts_on=today - timedelta(days=31))
    MentoredTeamFactory(assignment__intake=intake, assignment__starts_on=today - timedelta(days=30))

    found = left_alone(overview_rows(intake=intake))

    assert [(item.team, item.days, item.since) for item in found] == [(never_late.application, 31, None)]


def test_overview_rows_count_sessions_this_phase_and_open_and_overdue_actions(db):
    intake = IntakeFactory(closed=True)
    PhaseFactory(intake=intake, starts_on=date.today() - timedelta(days=100), ends_on=date.today() - timedelta(days=50))
    PhaseFactory(intake=intake, starts_on=date.today() - timedelta(days=20), ends_on=date.today() + timedelta(days=20))
    team = MentoredTeamFactory(assignment__intake=intake)
    before = CoachingSessionFactory(application=team.application, starts_at=datetime.now(UTC) - timedelta(days=60))
    CoachingSessionFactory(application=team.application, starts_at=datetime.now(UTC) - timedelta(days=5))
    CoachingActionFactory(session=before, due_on=date.today() - timedelta(days=1))
    CoachingActionFactory(session=before, due_on=date.today() + timedelta(days=1), status=ActionStatus.CARRIED_OVER)
    CoachingActionFactory(session=before, due_on=date.today() - timedelta(days=9), status=ActionStatus.DONE)

    [row] = overview_rows(intake=intake)

    assert (row.session_count, row.sessions_this_phase, row.open_actions, row.overdue_actions) == (2, 1, 2, 1)
    assert row.mentored_team.assignment.mentor == team.assignment.mentor


@pytest.mark.parametrize("sessions", [1, 3])
def test_team_session_list_reads_what_the_team_page_shows_in_two_queries(db, django_assert_num_queries, sessions):
    team = MentoredTeamFactory()
    for _ in range(sessions):
        session = CoachingSessionFactory(application=team.application, topics="Budget calendar")
        session.tags.add(TopicTagFactory())

    with django_assert_num_queries(2):
        seen = [
            (s.assignment.mentor_tzinfo, s.get_mode_display(), s.duration_minutes, s.topics, len(s.tags.all()))
            for s in team_session_list(application=team.application)
        ]

    assert [row[3:] for row in seen] == [("Budget calendar", 1)] * sessions


@pytest.mark.parametrize("teams", [1, 3])
def test_mentor_assignments_query_count_is_fixed(db, django_assert_num_queries, teams):
    assignment = MentorAssignmentFactory()
    for _ in range(teams):
        team = MentoredTeamFactory(assignment=assignment)
        CoachingActionFactory(session=CoachingSessionFactory(application=team.application))

    with django_assert_num_queries(3):
        [listed] = mentor_assignments(mentor=assignment.mentor)
        seen = [(t.title, t.open_actions, [m.user.email for m in t.members.all()]) for t in listed.teams.all()]

    assert len(seen) == teams


@pytest.mark.parametrize("sessions", [1, 3])
def test_team_sessions_query_count_is_fixed(db, django_assert_num_queries, sessions):
    team = MentoredTeamFactory()
    for _ in range(sessions):
        CoachingActionFactory(session=CoachingSessionFactory(application=team.application))

    with django_assert_num_queries(4):
        seen = [
            (
                s.assignment.mentor.full_name,
                [p.user.email for p in s.participants.all()],
                list(s.tags.all()),
                [a.owner.email for a in s.agreed_actions.all()],
            )
            for s in team_sessions(application=team.application)
        ]

    assert len(seen) == sessions


@pytest.mark.parametrize("teams", [1, 3])
def test_overview_query_count_is_fixed(db, django_assert_num_queries, teams):
    intake = IntakeFactory(closed=True)
    for _ in range(teams):
        team = MentoredTeamFactory(assignment__intake=intake)
        CoachingActionFactory(session=CoachingSessionFactory(application=team.application))

    with django_assert_num_queries(2):
        rows = list(overview_rows(intake=intake))
        found = left_alone(rows)
        workload = [(a.mentor.full_name, budget_use(a).used) for a in mentor_workload(intake=intake)]

    assert (len(rows), len(workload), found) == (teams, teams, [])


def test_teams_whose_coaching_is_over_are_not_left_alone(db):
    """A finished programme's teams are history: an ended agreement, or no mentor after the last phase."""
    intake = IntakeFactory(closed=True)
    MentoringSettingsFactory(intake=intake, no_coaching_days=30)
    today = _today_in(intake)
    PhaseFactory(intake=intake, starts_on=today - timedelta(days=400), ends_on=today - timedelta(days=1))
    ended = MentoredTeamFactory(
        assignment__intake=intake,
        assignment__starts_on=today - timedelta(days=400),
        assignment__ends_on=today - timedelta(days=1),
    )
    running = MentoredTeamFactory(
        assignment__intake=intake, assignment__starts_on=today - timedelta(days=400), assignment__ends_on=today
    )
    ApplicationFactory(intake=intake, accepted=True, title="No mentor, programme over")

    found = left_alone(overview_rows(intake=intake))

    assert [(item.team, item.days) for item in found] == [(running.application, 400)]
    assert ended.application not in [item.team for item in found]


def test_a_team_without_a_mentor_is_left_alone_until_the_last_phase_ends(db):
    intake = IntakeFactory(closed=True)
    today = _today_in(intake)  # the intake's day: in Stockholm it can already be tomorrow in UTC
    PhaseFactory(intake=intake, starts_on=today - timedelta(days=10), ends_on=today)
    waiting = ApplicationFactory(intake=intake, accepted=True, title="No mentor yet")

    found = left_alone(overview_rows(intake=intake))

    assert [(item.team, item.days) for item in found] == [(waiting, None)]
