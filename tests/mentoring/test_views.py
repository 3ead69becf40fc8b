"""Mentoring pages: who sees what (404 otherwise), and what each person sees, exactly."""

from datetime import UTC, date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.enums import ActionStatus
from mentoring.models import CoachingAction, CoachingSession, MentorAssignment, MentorWork, TopicTag
from tests.factories import (
    ApplicationFactory,
    ChangeProjectFactory,
    CoachingActionFactory,
    CoachingSessionFactory,
    IntakeFactory,
    MentoredTeamFactory,
    MentorFactory,
    MentoringSettingsFactory,
    MentorWorkFactory,
    StaffFactory,
    TeamMemberFactory,
    TopicTagFactory,
    UserFactory,
)

SECRET = "The deputy mayor blocks the hearings."


@pytest.fixture
def coached(db):
    """A mentored team with a member, a session with private notes and an action for the member."""
    team = MentoredTeamFactory(application__title="Ward budget hearings")
    member = TeamMemberFactory(application=team.application)
    session = CoachingSessionFactory(application=team.application, private_notes=SECRET)
    action = CoachingActionFactory(session=session, owner=member.user, description="Book the hall")
    return team, member, session, action


def _text(response):
    return response.content.decode()


def test_team_page_shows_the_team_its_mentor_and_actions_without_private_notes(client, coached):
    team, member, session, action = coached
    client.force_login(member.user)

    response = client.get(reverse("mentoring:team", kwargs={"pk": team.application_id}))

    assert [a for a, _targets in response.context["outstanding"]] == [action]
    assert response.context["outstanding"][0][1] == [ActionStatus.DONE]
    assert list(response.context["page_obj"]) == [session]
    assert team.assignment.mentor.email in _text(response)
    assert SECRET not in _text(response)
    assert response.context["is_coach"] is False


def test_action_rows_show_each_viewer_their_buttons_the_overdue_mark_and_escape_the_text(client, coached):
    """The rows are written in Python (a busy team lists dozens): the markup the template drew, escaped."""
    team, member, _session, action = coached
    action.description = "Ask <b>the mayor</b> & council"
    action.due_on = timezone.localdate() - timedelta(days=3)
    action.save()
    url = reverse("mentoring:team", kwargs={"pk": team.application_id})
    move = reverse("mentoring:action_move", kwargs={"pk": action.pk})

    client.force_login(member.user)
    theirs = _text(client.get(url))
    client.force_login(TeamMemberFactory(application=team.application).user)
    colleagues = _text(client.get(url))
    client.force_login(team.assignment.mentor)
    mentors = _text(client.get(url))

    label = "Ask &lt;b&gt;the mayor&lt;/b&gt; &amp; council"
    assert f'<span class="d-block fw-semibold">{label}</span>' in theirs
    assert "<b>the mayor</b>" not in theirs + colleagues + mentors
    assert 'data-testid="action">' in theirs and "list-group-item-warning" in theirs
    assert '<span class="badge text-bg-danger ms-1">Overdue</span>' in theirs
    assert f'<form method="post" action="{move}"' in theirs and 'name="csrfmiddlewaretoken"' in theirs
    assert f'value="done" type="submit">Mark done<span class="visually-hidden">: {label}</span>' in theirs
    assert 'value="dropped"' not in theirs
    assert move not in colleagues  # a colleague may not tick off someone else's action
    assert 'value="done"' in mentors
    assert 'value="dropped" type="submit" data-confirm="Drop this action? It will no longer be followed up."' in mentors


def test_session_page_shows_private_notes_to_the_mentor_and_staff_only(client, coached):
    team, member, session, _action = coached
    url = reverse("mentoring:session_detail", kwargs={"pk": session.pk})
    seen = {}
    for name, user in [("member", member.user), ("mentor", team.assignment.mentor), ("staff", StaffFactory())]:
        client.force_login(user)
        seen[name] = SECRET in _text(client.get(url))

    assert seen == {"member": False, "mentor": True, "staff": True}


@pytest.mark.parametrize("url_name", ["team", "team_application", "session_log"])
def test_mentor_of_another_team_and_strangers_get_404(client, coached, url_name):
    team, _member, _session, _action = coached
    other_mentor = MentoredTeamFactory(assignment__intake=team.assignment.intake).assignment.mentor
    url = reverse(f"mentoring:{url_name}", kwargs={"pk": team.application_id})
    statuses = []
    for user in (other_mentor, UserFactory()):
        client.force_login(user)
        statuses.append(client.get(url).status_code)

    assert statuses == [404, 404]


def test_member_may_not_open_the_mentors_pages(client, coached):
    team, member, _session, _action = coached
    client.force_login(member.user)

    statuses = [
        client.get(reverse("mentoring:team_application", kwargs={"pk": team.application_id})).status_code,
        client.get(reverse("mentoring:session_log", kwargs={"pk": team.application_id})).status_code,
        client.get(reverse("mentoring:work", kwargs={"pk": team.assignment_id})).status_code,
        client.get(reverse("mentoring:my_teams")).status_code,
        client.get(reverse("mentoring:overview")).status_code,
    ]

    assert statuses == [404, 404, 404, 404, 404]


def test_mentor_logs_a_session_with_actions_and_follows_up_the_open_one(client, coached):
    team, member, _session, action = coached
    mentor = team.assignment.mentor
    tag = TopicTagFactory(name="Citizen dialogue")
    client.force_login(mentor)
    yesterday = timezone.localdate() - timedelta(days=1)

    response = client.post(
        reverse("mentoring:session_log", kwargs={"pk": team.application_id}),
        {
            "date": yesterday.isoformat(),
            "time": "10:00",
            "duration_minutes": "75",
            "mode": "in_person",
            "participants": [member.pk],
            "tags": [tag.pk],
            "topics": "Hearing plan",
            "shared_notes": "Agreed the agenda.",
            "private_notes": "Tension in the team.",
            "action_0_description": "Print the flyers",
            "action_0_owner": str(member.user_id),
            "action_0_due_on": (yesterday + timedelta(days=14)).isoformat(),
            f"follow_{action.pk}": "carried_over",
            f"due_{action.pk}": (yesterday + timedelta(days=21)).isoformat(),
        },
    )

    session = CoachingSession.objects.latest("created_at")
    assert response.status_code == 302
    assert response.url == reverse("mentoring:session_detail", kwargs={"pk": session.pk})
    # 10:00 in Nairobi (the mentor's zone) is 07:00 UTC.
    assert (session.starts_at.astimezone(UTC).hour, session.duration_minutes) == (7, 75)
    assert [(a.description, a.status) for a in CoachingAction.objects.order_by("pk")] == [
        ("Book the hall", ActionStatus.CARRIED_OVER),
        ("Print the flyers", ActionStatus.OPEN),
    ]
    assert list(session.tags.all()) == [tag]


def test_session_form_keeps_what_was_typed_and_asks_for_the_owner(client, coached):
    team, _member, _session, _action = coached
    client.force_login(team.assignment.mentor)

    response = client.post(
        reverse("mentoring:session_log", kwargs={"pk": team.application_id}),
        {
            "date": "2026-01-05",
            "time": "10:00",
            "duration_minutes": "60",
            "mode": "online",
            "topics": "Typed topics",
            "action_0_description": "Someone should do this",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["action_0_owner"] == ["Who will do it?"]
    assert "Typed topics" in _text(response)
    assert CoachingSession.objects.count() == 1


def test_new_action_fields_are_drawn_as_crispy_forms_would_with_their_errors(client, coached):
    """The new actions' fields have quick widgets too: label, Bootstrap's classes, the typed text, the error."""
    team, _member, _session, _action = coached
    client.force_login(team.assignment.mentor)
    url = reverse("mentoring:session_log", kwargs={"pk": team.application_id})

    blank = client.get(url).content.decode()
    page = client.post(
        url,
        {"date": "2026-01-05", "time": "10:00", "duration_minutes": "60", "mode": "online"}
        | {"action_0_description": 'Ask "the mayor" <now>', "action_0_due_on": "2026-02-01"},
    ).content.decode()

    assert (
        '<div id="div_id_action_0_description" class="mb-3"><label for="id_action_0_description" class="form-label">'
        'Action</label><input type="text" name="action_0_description" class="textinput form-control" '
        'id="id_action_0_description" maxlength="300"></div>'
    ) in blank
    assert '<select name="action_1_owner" class="select form-select" id="id_action_1_owner">' in blank
    assert '<input type="date" name="action_2_due_on" class="dateinput form-control" id="id_action_2_due_on">' in blank
    assert 'value="Ask &quot;the mayor&quot; &lt;now&gt;"' in page
    assert (
        '<select name="action_0_owner" aria-describedby="id_action_0_owner_error" aria-invalid="true" '
        'class="select form-select is-invalid" id="id_action_0_owner"><option value="" selected>—</option>'
    ) in page
    assert (
        '<div id="id_action_0_owner_error" class="invalid-feedback"><p id="error_1_id_action_0_owner">'
        "<strong>Who will do it?</strong></p></div>"
    ) in page
    assert 'name="action_0_due_on" value="2026-02-01" class="dateinput form-control"' in page


def test_follow_up_fields_keep_the_choice_and_mark_a_wrong_date(client, coached):
    team, _member, _session, action = coached
    client.force_login(team.assignment.mentor)
    url = reverse("mentoring:session_log", kwargs={"pk": team.application_id})

    blank = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "date": "2026-01-05",
            "time": "10:00",
            "duration_minutes": "60",
            "mode": "online",
            f"follow_{action.pk}": "carried_over",
            f"due_{action.pk}": "next week",
        },
    )

    # Drawn as crispy forms would: the label, Bootstrap's classes, the error under the field.
    assert (
        f'<div id="div_id_follow_{action.pk}" class="mb-3"><label for="id_follow_{action.pk}" class="form-label">'
        f'Book the hall</label><select name="follow_{action.pk}" class="select form-select" id="id_follow_{action.pk}">'
        '<option value="" selected>Leave as it is</option><option value="done">Done</option>' in blank
    )
    assert f'<input type="date" name="due_{action.pk}" class="dateinput form-control" id="id_due_{action.pk}">' in blank
    page = response.content.decode()
    assert response.status_code == 200
    assert '<option value="carried_over" selected>Carry over</option>' in page
    assert (
        f'<input type="date" name="due_{action.pk}" value="next week" aria-describedby="id_due_{action.pk}_error" '
        f'aria-invalid="true" class="dateinput form-control is-invalid" id="id_due_{action.pk}">'
        f'<div id="id_due_{action.pk}_error" class="invalid-feedback"><p id="error_1_id_due_{action.pk}">'
        "<strong>Enter a valid date.</strong></p></div>"
    ) in page
    assert CoachingSession.objects.count() == 1


def test_member_ticks_off_their_action_but_a_colleague_gets_404(client, coached):
    team, member, _session, action = coached
    colleague = TeamMemberFactory(application=team.application).user
    url = reverse("mentoring:action_move", kwargs={"pk": action.pk})

    client.force_login(colleague)
    refused = client.post(url, {"to": "done"}).status_code
    client.force_login(member.user)
    done = client.post(url, {"to": "done"})

    action.refresh_from_db()
    assert (refused, done.status_code, action.status) == (404, 302, ActionStatus.DONE)


def test_mentor_logs_and_deletes_other_work(client, coached):
    team, *_ = coached
    client.force_login(team.assignment.mentor)
    url = reverse("mentoring:work", kwargs={"pk": team.assignment_id})

    client.post(url, {"kind": "travel", "worked_on": "2026-11-02", "hours": "3.5", "note": "Bus to Mbale"})
    entry = MentorWork.objects.get()
    page = client.get(url)
    client.post(reverse("mentoring:work_delete", kwargs={"pk": entry.pk}))

    assert (entry.kind, entry.hours, entry.worked_on) == ("travel", Decimal("3.50"), date(2026, 11, 2))
    assert page.context["budget"].other_work == Decimal("3.50")
    assert MentorWork.objects.count() == 0


def test_other_mentors_work_is_404(client, coached):
    team, *_ = coached
    entry = MentorWorkFactory(assignment=team.assignment)
    client.force_login(MentorFactory(intake=team.assignment.intake))

    statuses = [
        client.get(reverse("mentoring:work", kwargs={"pk": team.assignment_id})).status_code,
        client.post(reverse("mentoring:work_delete", kwargs={"pk": entry.pk})).status_code,
    ]

    assert statuses == [404, 404]
    assert MentorWork.objects.count() == 1


def test_mentor_sees_their_teams_with_members_contact_details(client, coached):
    team, member, *_ = coached
    MentoredTeamFactory(assignment__intake=team.assignment.intake, application__title="Someone else's team")
    client.force_login(team.assignment.mentor)

    response = client.get(reverse("mentoring:my_teams"))

    [(assignment, budget)] = response.context["rows"]
    assert [t.title for t in assignment.teams.all()] == ["Ward budget hearings"]
    assert member.user.email in _text(response)
    assert "Someone else&#x27;s team" not in _text(response)
    assert budget.sessions == Decimal("1.00")


def test_participant_dashboard_shows_the_mentor_and_open_actions(client, coached):
    team, member, _session, action = coached
    client.force_login(member.user)

    response = client.get(reverse("portal:dashboard"))

    [panel] = [p for p in response.context["panels"] if str(p.title) == "Your coaching"]
    [shown] = panel.context["teams"]
    assert (shown.mentored_team.assignment.mentor, shown.todo) == (team.assignment.mentor, [action])


def test_staff_overview_filters_by_mentor(staff_client, coached):
    team, *_ = coached
    MentoredTeamFactory(application__title="Other team")

    everyone = staff_client.get(reverse("mentoring:overview"))
    filtered = staff_client.get(reverse("mentoring:overview"), {"mentor": team.assignment.mentor_id})

    assert sorted(t.title for t in everyone.context["page_obj"]) == ["Other team", "Ward budget hearings"]
    assert [t.title for t in filtered.context["page_obj"]] == ["Ward budget hearings"]
    assert [a.mentor for a, _b in filtered.context["workload"]] == [team.assignment.mentor]


def test_overview_lists_teams_left_alone_with_their_days_or_a_link_to_give_a_mentor(staff_client, db):
    """The items are written in Python (a bench intake lists dozens): the markup the template drew, escaped."""
    intake = IntakeFactory(closed=True)
    MentoringSettingsFactory(intake=intake, no_coaching_days=30)
    today = intake.local(timezone.now()).date()
    late = MentoredTeamFactory(
        assignment__intake=intake,
        assignment__starts_on=today - timedelta(days=31),
        application__title="Ward <budget> & hearings",
    ).application
    alone = ApplicationFactory(intake=intake, accepted=True, title="")

    page = staff_client.get(reverse("mentoring:overview")).content.decode()

    team_url = reverse("mentoring:team", kwargs={"pk": late.pk})
    assert (
        f'<li class="list-group-item list-group-item-warning"><a href="{team_url}">Ward &lt;budget&gt; &amp; '
        f'hearings</a> <span class="small">· {intake.name} · no coaching for 31 days (limit 30)</span></li>'
    ) in page
    assert (
        f'<a href="{reverse("mentoring:team", kwargs={"pk": alone.pk})}">Untitled change project</a> '
        f'<span class="small">· {intake.name} · no mentor yet · '
        f'<a href="{reverse("mentoring:assignments", kwargs={"intake_pk": intake.pk})}">assign one</a></span></li>'
    ) in page


def test_staff_assign_a_mentor_to_teams(staff_client, db):
    intake = IntakeFactory(closed=True)
    mentor = MentorFactory(intake=intake)
    team = ApplicationFactory(intake=intake, accepted=True)

    response = staff_client.post(
        reverse("mentoring:assignment_new", kwargs={"intake_pk": intake.pk}),
        {
            "mentor": mentor.pk,
            "teams": [team.pk],
            "starts_on": "2027-03-01",
            "ends_on": "2027-12-31",
            "budget_amount": "30",
            "budget_unit": "hours",
            "expectations": "Monthly",
            "mentor_time_zone": "Africa/Kampala",
        },
    )

    assert response.status_code == 302
    assignment = MentorAssignment.objects.get()
    assert (assignment.mentor, list(assignment.teams.all())) == (mentor, [team])


def test_staff_add_and_retire_tags(staff_client):
    staff_client.post(reverse("mentoring:tags"), {"name": "Budgeting", "is_active": "on"})
    tag = TopicTag.objects.get()
    staff_client.post(reverse("mentoring:tag_edit", kwargs={"pk": tag.pk}), {"name": "Budgeting"})

    tag.refresh_from_db()
    assert (tag.name, tag.is_active) == ("Budgeting", False)


def test_change_project_dashboard_shows_the_open_coaching_actions(client, coached):
    team, member, session, action = coached
    CoachingActionFactory(session=session, owner=member.user, description="Finished", status=ActionStatus.DONE)
    project = ChangeProjectFactory(application=team.application, intake=team.application.intake)
    client.force_login(member.user)

    response = client.get(reverse("change_projects:dashboard", args=[project.pk]))

    [section] = [s for s in response.context["sections"] if str(s.title) == "Open coaching actions"]
    assert section.context["actions"] == [action]
    assert "Book the hall" in _text(response) and "Finished" not in _text(response)
    assert SECRET not in _text(response)


def test_without_a_zone_on_the_agreement_the_mentors_profile_zone_is_used(client, coached):
    team, _member, _session, _action = coached
    assignment = team.assignment
    assignment.mentor_time_zone = ""
    assignment.save(update_fields=["mentor_time_zone"])
    mentor = assignment.mentor
    mentor.time_zone = "America/La_Paz"  # UTC-4 all year
    mentor.save(update_fields=["time_zone"])
    client.force_login(mentor)
    url = reverse("mentoring:session_log", kwargs={"pk": team.application_id})

    page = client.get(url).content.decode()
    client.post(
        url,
        {
            "date": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "time": "10:00",
            "duration_minutes": "60",
            "mode": "online",
            "topics": "Budget hearing",
        },
    )

    assert "America/La_Paz" in page
    session = CoachingSession.objects.latest("created_at")
    assert session.starts_at.astimezone(UTC).hour == 14
