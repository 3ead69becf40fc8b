"""Mentoring pages ask a fixed number of queries whatever the number of teams, actions and sessions.

Every action row asks who may tick it off or follow it up; the bench found 199 queries on a busy
team (one permission query per action) before the team's answers were kept for the page.
"""

import pytest
from django.urls import reverse

from mentoring.enums import ActionStatus
from tests.factories import (
    ApplicationFactory,
    ChangeProjectFactory,
    CoachingActionFactory,
    CoachingSessionFactory,
    IntakeFactory,
    MentorAssignmentFactory,
    MentoredTeamFactory,
    MilestoneFactory,
    RiskFactory,
    TeamMemberFactory,
    TopicTagFactory,
)


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize("who", ["mentor", "member"])
def test_team_page_queries_do_not_grow_with_actions(client, db, django_assert_num_queries, rows, who):
    team = MentoredTeamFactory()
    application = team.application
    member = TeamMemberFactory(application=application).user
    for _ in range(rows):
        session = CoachingSessionFactory(application=application)
        CoachingActionFactory(session=session, owner=member)
        CoachingActionFactory(session=session, status=ActionStatus.DONE)
    client.force_login(team.assignment.mentor if who == "mentor" else member)
    url = reverse("mentoring:team", args=[application.pk])
    client.get(url)  # the person's intake roles are then cached, as on every later page

    # The team's sessions are listed without who took part and the actions agreed (each session's own page
    # shows them), and the view's permission answer is kept for the page's rows: 14 and 15 before.
    with django_assert_num_queries(11):
        response = client.get(url)

    assert len(response.context["outstanding"]) == rows
    assert len(response.context["closed"]) == rows
    assert [bool(targets) for _action, targets in response.context["outstanding"]] == [True] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_overview_page_queries_do_not_grow_with_teams(staff_client, db, django_assert_num_queries, rows):
    intake = IntakeFactory(closed=True)
    for _ in range(rows):
        # A mentor with a coached team, and a selected team nobody mentors (left alone).
        team = MentoredTeamFactory(assignment=MentorAssignmentFactory(intake=intake))
        CoachingActionFactory(session=CoachingSessionFactory(application=team.application))
        ApplicationFactory(intake=intake, accepted=True)
    url = reverse("mentoring:overview")
    staff_client.get(url)

    # 5 for the page's figures, 2 for the filter's intake and mentor menus.
    with django_assert_num_queries(7):
        response = staff_client.get(url)

    assert len(response.context["page_obj"].object_list) == 2 * rows
    assert [item.days for item in response.context["left_alone"]] == [None] * rows
    assert [(a.team_count, a.session_count, a.open_action_count) for a, _budget in response.context["workload"]] == [
        (1, 1, 1)
    ] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_session_log_page_queries_do_not_grow_with_actions(client, db, django_assert_num_queries, rows):
    team = MentoredTeamFactory()
    application = team.application
    for _ in range(rows):
        member = TeamMemberFactory(application=application).user
        session = CoachingSessionFactory(application=application)
        CoachingActionFactory(session=session, owner=member)
        CoachingActionFactory(session=session, owner=member, status=ActionStatus.CARRIED_OVER)
        CoachingActionFactory(session=session, status=ActionStatus.DONE)
        TopicTagFactory()
    project = ChangeProjectFactory(application=application)
    MilestoneFactory.create_batch(rows, project=project)
    RiskFactory.create_batch(rows, project=project)
    members = application.members.count()
    client.force_login(team.assignment.mentor)
    url = reverse("mentoring:session_log", args=[application.pk])
    client.get(url)  # the person's intake roles are then cached, as on every later page

    with django_assert_num_queries(11):
        response = client.get(url)

    form = response.context["form"]
    assert len(form.follow_up_rows) == 2 * rows
    assert [len(form.fields[name].choices) for name in ("participants", "tags", "milestones", "risks")] == [
        members,
        rows,
        rows,
        rows,
    ]
    assert response.content.decode().count('data-testid="follow-up"') == 2 * rows


def test_overview_filter_shows_its_intake_and_mentor_menus_and_filters(staff_client, db):
    """The filter form was drawn without fields (the view passed the form where the shared include reads
    `filter.form`): staff could not filter the overview by intake or mentor."""
    first = MentoredTeamFactory(application__title="Ward forums")
    MentoredTeamFactory(application__title="Open budgets")
    first.assignment.mentor.full_name = "Amina Mentor"
    first.assignment.mentor.save(update_fields=["full_name"])
    url = reverse("mentoring:overview")

    page = staff_client.get(url).content.decode()
    filtered = staff_client.get(url, {"mentor": first.assignment.mentor.pk})

    assert '<select name="intake"' in page
    assert '<select name="mentor"' in page
    assert ">Amina Mentor</option>" in page
    assert [row.title for row in filtered.context["page_obj"].object_list] == ["Ward forums"]


def test_overview_shows_the_ten_longest_alone_and_folds_the_rest(staff_client, db):
    from tests.factories import ApplicationFactory, IntakeFactory

    intake = IntakeFactory(closed=True)
    for n in range(12):
        ApplicationFactory(intake=intake, accepted=True, title=f"Team without a mentor {n:02}")

    page = staff_client.get(reverse("mentoring:overview")).content.decode()
    left_alone_section = page.split('id="teams-heading"')[0]  # the teams table below lists them all again
    shown, folded = left_alone_section.split('data-testid="left-alone-more"')

    assert shown.count("Team without a mentor") == 10
    assert folded.count("Team without a mentor") == 2
    assert "Show 2 more teams left alone" in folded
