"""The tables behind the exports: a team's history (private notes only for the mentor and staff) and the overview."""

from mentoring.selectors import overview_table, team_history_table
from tests.factories import CoachingActionFactory, CoachingSessionFactory, MentoredTeamFactory

SECRET = "The council is split."


def test_team_history_leaves_private_notes_out_unless_asked(db):
    session = CoachingSessionFactory(private_notes=SECRET, shared_notes="Agenda agreed.", duration_minutes=50)
    CoachingActionFactory(session=session, description="Book the hall")

    team_headers, team_rows = team_history_table(application=session.application, include_private=False)
    coach_headers, coach_rows = team_history_table(application=session.application, include_private=True)

    assert SECRET not in repr(team_rows) and "Private notes" not in team_headers
    assert coach_headers[-1] == "Private notes"
    assert [row[-1] for row in coach_rows] == [SECRET]
    assert [row[1] for row in team_rows] == [50]
    assert "Book the hall" in team_rows[0][7]


def test_overview_table_has_one_row_per_selected_team(db):
    team = MentoredTeamFactory(application__title="Ward hearings")
    CoachingSessionFactory(application=team.application, duration_minutes=90)

    headers, rows = overview_table(intake=team.assignment.intake)

    assert headers[:3] == ["Intake", "Team", "Mentor"]
    assert [(r[1], r[2], str(r[7])) for r in rows] == [
        ("Ward hearings", team.assignment.mentor.get_full_name(), "1.50")
    ]
