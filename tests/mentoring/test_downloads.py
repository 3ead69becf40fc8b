"""Coaching downloads: a team's history (private notes for the mentor and staff only) and the staff overview."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import (
    CoachingActionFactory,
    CoachingSessionFactory,
    MentoredTeamFactory,
    StaffFactory,
    TeamMemberFactory,
    UserFactory,
)

SECRET = "The deputy mayor blocks the hearings."


@pytest.fixture
def coached(db):
    team = MentoredTeamFactory(application__title="Ward budget hearings")
    member = TeamMemberFactory(application=team.application)
    session = CoachingSessionFactory(
        application=team.application, private_notes=SECRET, shared_notes="Agenda agreed.", duration_minutes=75
    )
    CoachingActionFactory(session=session, owner=member.user, description="Book the hall")
    return team, member


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def _url(team, fmt="csv"):
    return reverse("mentoring:team_history_export", kwargs={"pk": team.application_id, "fmt": fmt})


def test_member_downloads_the_history_without_private_notes(client, coached):
    team, member = coached
    client.force_login(member.user)

    response = client.get(_url(team))
    rows = _csv(response)

    assert response["Content-Disposition"].startswith('attachment; filename="coaching-')
    assert "Private notes" not in rows[0]
    assert [row[1] for row in rows[1:]] == ["75"]
    assert "Book the hall" in rows[1][7] and "Agenda agreed." in rows[1]
    assert SECRET not in repr(rows)


@pytest.mark.parametrize("who", ["mentor", "staff"])
def test_mentor_and_staff_download_it_with_private_notes(client, coached, who):
    team, _member = coached
    client.force_login(team.assignment.mentor if who == "mentor" else StaffFactory())

    rows = _csv(client.get(_url(team)))

    assert rows[0][-1] == "Private notes"
    assert [row[-1] for row in rows[1:]] == [SECRET]


def test_mentor_of_another_team_and_strangers_get_404_and_odd_formats_too(client, coached):
    team, member = coached
    other_mentor = MentoredTeamFactory(assignment__intake=team.assignment.intake).assignment.mentor
    statuses = []
    for user in (other_mentor, UserFactory()):
        client.force_login(user)
        statuses.append(client.get(_url(team)).status_code)
    client.force_login(member.user)
    statuses.append(client.get(_url(team, fmt="pdf")).status_code)

    assert statuses == [404, 404, 404]


def test_the_team_page_offers_the_download_and_says_what_is_left_out(client, coached):
    team, member = coached
    client.force_login(member.user)

    page = client.get(reverse("mentoring:team", kwargs={"pk": team.application_id})).content.decode()

    assert _url(team) in page and _url(team, "xlsx") in page
    assert "private notes are not included" in page


def test_staff_overview_download_follows_the_mentor_filter(client, coached, db):
    team, _member = coached
    other = MentoredTeamFactory(assignment__intake=team.assignment.intake, application__title="Market stalls")
    CoachingSessionFactory(application=other.application)
    client.force_login(StaffFactory())
    url = reverse("mentoring:overview_export", kwargs={"fmt": "xlsx"})

    everyone = load_workbook(io.BytesIO(b"".join(client.get(url).streaming_content))).active
    one = load_workbook(
        io.BytesIO(b"".join(client.get(url, {"mentor": team.assignment.mentor_id}).streaming_content))
    ).active

    assert sorted(row[1] for row in everyone.iter_rows(min_row=2, values_only=True)) == [
        "Market stalls",
        "Ward budget hearings",
    ]
    assert [row[1] for row in one.iter_rows(min_row=2, values_only=True)] == ["Ward budget hearings"]
    assert SECRET not in repr(list(everyone.values))


def test_overview_download_is_404_for_mentors_and_members(client, coached):
    team, member = coached
    url = reverse("mentoring:overview_export", kwargs={"fmt": "csv"})
    statuses = []
    for user in (team.assignment.mentor, member.user):
        client.force_login(user)
        statuses.append(client.get(url).status_code)

    assert statuses == [404, 404]
