"""A participant plans and reports; the mentor comments; staff return, the team resubmits, staff approve;
version 1 stays readable."""

import os

import pytest
from playwright.sync_api import expect

from change_projects.models import ProgressReport
from tests.factories import (
    ChangeProjectFactory,
    PhaseFactory,
    ReportingPeriodFactory,
    StaffFactory,
    TeamMentorFactory,
    UserFactory,
)
from tests.factories.accounts import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
def test_participant_reports_mentor_comments_staff_return_and_approve(
    page, live_server, login, transactional_db, logout
):
    project = ChangeProjectFactory(
        title="Open budget hearings",
        application__contact_person=UserFactory(email="lan@example.org", full_name="Lan Nguyen"),
    )
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake, name="Phase 1"))
    mentor = TeamMentorFactory(project)
    staff = StaffFactory(email="manager@example.org")
    page.on("dialog", lambda dialog: dialog.accept())
    base = f"{live_server.url}/projects/{project.pk}"

    # --- The participant: a milestone, an indicator, then the report.
    login(page, "lan@example.org", PASSWORD)
    page.goto(f"{base}/plan/")
    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Title").fill("Hearing calendar adopted")
    page.get_by_label("Due date").fill("2027-05-01")
    page.get_by_label("Owner").select_option(label="Lan Nguyen")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The milestone is saved.").wait_for()
    page.get_by_role("link", name="Add an indicator").click()
    page.get_by_label("Name").fill("Wards with a hearing")
    page.get_by_label("Kind").select_option("percentage")
    page.get_by_label("Baseline", exact=True).fill("0")
    page.get_by_label("Target", exact=True).fill("100")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The indicator is saved.").wait_for()

    page.goto(f"{base}/reports/")
    page.get_by_role("link", name="Start Phase 1").click()
    page.get_by_label("Numerator").fill("3")
    page.get_by_label("Denominator").fill("12")
    page.get_by_label("Activities done, compared with the plan").fill("Three hearings held.")
    page.get_by_role("button", name="Submit the report").click()
    page.get_by_text("The report is submitted.").wait_for()
    logout(page)

    # --- The mentor comments.
    login(page, mentor.email, PASSWORD)
    report = ProgressReport.objects.get(project=project, period=period)
    page.goto(f"{live_server.url}/projects/reports/{report.pk}/")
    page.get_by_label("Your comment as the team's mentor").fill("Good start; the minutes are missing.")
    page.get_by_role("button", name="Save my comment").click()
    page.get_by_text("Your comment is saved.").wait_for()
    logout(page)

    # --- Staff read the mentor's comment and return the report.
    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/projects/reports/{report.pk}/")
    page.get_by_test_id("mentor-comment").get_by_text("Good start; the minutes are missing.").wait_for()
    page.get_by_label("Comment to the team").fill("Please attach the minutes of the hearings.")
    page.get_by_role("button", name="Return for revision").click()
    page.get_by_text("The report is returned to the team with your comment.").wait_for()
    logout(page)

    # --- The participant sees the comment, revises and resubmits.
    login(page, "lan@example.org", PASSWORD)
    page.goto(f"{base}/reports/{period.pk}/edit/")
    page.get_by_text("Please attach the minutes of the hearings.").wait_for()
    page.get_by_label("Activities done, compared with the plan").fill("Three hearings held; minutes attached.")
    page.get_by_role("button", name="Submit the report").click()
    page.get_by_text("The report is submitted.").wait_for()
    logout(page)

    # --- Staff approve; version 1 stays readable beside version 2.
    login(page, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/projects/reports/{report.pk}/")
    page.get_by_role("button", name="Approve the report").click()
    page.get_by_text("The report is approved; its period is locked.").wait_for()
    page.get_by_role("link", name="Compare two versions side by side").click()
    row = page.get_by_role("row", name="Activities done, compared with the plan")
    # expect() waits for the comparison page to arrive; reading the cells at once raced the click.
    expect(row.get_by_role("cell")).to_have_text(["Three hearings held.", "Three hearings held; minutes attached."])
    report.refresh_from_db()
    assert (report.status, [v.number for v in report.versions.all()]) == ("approved", [1, 2])
