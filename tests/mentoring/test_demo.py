import io

from django.core.management import call_command

from mentoring.models import CoachingAction, CoachingSession
from mentoring.selectors import left_alone, mentor_assignments, overview_rows
from programmes.demo import at, follow_up_day


def test_demo_gives_the_mentor_two_teams_actions_in_every_state_and_one_team_left_alone(db):
    call_command("demo", stdout=io.StringIO())
    sessions = CoachingSession.objects.count()
    call_command("demo", stdout=io.StringIO())

    from accounts.demo import demo_user

    [assignment] = mentor_assignments(mentor=demo_user("mentor"))
    assert sorted(t.title for t in assignment.teams.all()) == [
        "Citizen feedback on heritage-zone permits",
        "Musrenbang that includes people with disabilities",
    ]
    assert CoachingSession.objects.count() == sessions == 3
    assert sorted(set(CoachingAction.objects.values_list("status", flat=True))) == [
        "carried_over",
        "done",
        "dropped",
        "open",
    ]
    # As of the day the demo tells the (finished) intake's follow-up.
    intake = assignment.intake
    alone = left_alone(overview_rows(intake=intake), now=at(intake, follow_up_day(intake), 12))
    assert [(item.team.title, item.days) for item in alone] == [
        ("Musrenbang that includes people with disabilities", 45)
    ]
