"""A mentor logs a session with two actions for two members; a member ticks one off on a phone;
the next session shows the other as open and the mentor carries it over (the same action)."""

import os
from datetime import date, timedelta

import pytest

from mentoring.enums import ActionStatus
from mentoring.models import CoachingAction
from tests.factories import IntakeFactory, MentoredTeamFactory, MentorFactory, TeamMemberFactory
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
PAGE_WIDTH = "document.documentElement.scrollWidth"


@pytest.mark.browser
def test_mentor_logs_member_ticks_off_mentor_carries_over(page, phone, live_server, login, transactional_db):
    intake = IntakeFactory(closed=True)
    mentor = MentorFactory(intake=intake, email="mentor@example.org", full_name="Ana Lindqvist")
    team = MentoredTeamFactory(
        assignment__intake=intake, assignment__mentor=mentor, application__title="Ward budget hearings"
    )
    amina = TeamMemberFactory(application=team.application, user__full_name="Amina Njeri").user
    peter = TeamMemberFactory(application=team.application, user__full_name="Peter Okello").user
    yesterday = date.today() - timedelta(days=1)

    # --- The mentor logs the first session with two actions.
    login(page, mentor.email, PASSWORD)
    page.goto(f"{live_server.url}/mentoring/")
    page.get_by_role("link", name="Log a session").click()
    page.get_by_label("Date").fill(yesterday.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Duration (minutes)").fill("60")
    page.get_by_label("Amina Njeri").check()
    page.get_by_label("Peter Okello").check()
    page.get_by_label("Private notes").fill("The council is split on the hearings.")
    rows = page.get_by_test_id("new-actions")
    rows.get_by_label("Action").nth(0).fill("Book the hall")
    rows.get_by_label("Owner").nth(0).select_option(label="Amina Njeri")
    rows.get_by_label("Due on").nth(0).fill((yesterday + timedelta(days=14)).isoformat())
    rows.get_by_label("Action").nth(1).fill("Draft the invitation")
    rows.get_by_label("Owner").nth(1).select_option(label="Peter Okello")
    rows.get_by_label("Due on").nth(1).fill((yesterday + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Save the session").click()
    page.get_by_text("The session is logged.").wait_for()

    # --- Amina ticks hers off on a phone; she sees no private notes and the page fits the screen.
    login(phone, amina.email, PASSWORD)
    phone.goto(f"{live_server.url}/mentoring/teams/{team.application_id}/")
    assert "split" not in phone.content()
    phone.get_by_test_id("action").filter(has_text="Book the hall").get_by_role("button", name="Mark done").click()
    phone.get_by_text("“Book the hall” is now done.").wait_for()
    assert phone.get_by_test_id("action").filter(has_text="Draft the invitation").get_by_role("button").count() == 0
    phone.set_viewport_size({"width": 320, "height": 800})
    assert phone.evaluate(PAGE_WIDTH) <= 320

    # --- The next session shows Peter's action as open; the mentor carries it over.
    page.goto(f"{live_server.url}/mentoring/teams/{team.application_id}/sessions/new/")
    follow_ups = page.get_by_test_id("follow-up")
    assert follow_ups.count() == 1
    assert "Draft the invitation" in follow_ups.first.inner_text()
    page.locator("#id_date").fill(date.today().isoformat())
    page.get_by_label("Start time").fill("00:05")
    page.get_by_label("Duration (minutes)").fill("45")
    follow_ups.first.get_by_label("Draft the invitation").select_option("carried_over")
    page.get_by_role("button", name="Save the session").click()
    page.get_by_text("The session is logged.").wait_for()

    actions = {a.description: a for a in CoachingAction.objects.all()}
    assert sorted(actions) == ["Book the hall", "Draft the invitation"]
    assert (actions["Book the hall"].status, actions["Draft the invitation"].status) == (
        ActionStatus.DONE,
        ActionStatus.CARRIED_OVER,
    )
    assert [h.status for h in actions["Draft the invitation"].history.order_by("history_id")] == [
        "open",
        "carried_over",
    ]
    assert peter.coaching_actions.count() == 1
