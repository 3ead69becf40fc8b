"""Change-project pages: what each person sees, forms, and 404 for everyone else."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from change_projects.enums import ReportStatus
from change_projects.models import IndicatorActual, Milestone, ProgressReport
from tests.factories import (
    ApplicationFactory,
    ChangeProjectFactory,
    IndicatorFactory,
    MilestoneFactory,
    PhaseFactory,
    ProgressReportFactory,
    ReportingPeriodFactory,
    RiskFactory,
    StaffFactory,
    TeamMentorFactory,
)


def _member(project):
    return project.participants.get().user


@pytest.fixture
def project(db):
    return ChangeProjectFactory(title="Open budget hearings")


def test_participant_adds_a_milestone_with_an_owner_among_the_members(client, project):
    member = _member(project)
    client.force_login(member)

    response = client.post(
        reverse("change_projects:item_add", args=[project.pk, "milestone"]),
        {"title": "Hearing calendar adopted", "due_on": "2027-05-01", "owner": member.pk, "note": ""},
        follow=True,
    )

    assert [(m.title, m.owner, m.status) for m in Milestone.objects.all()] == [
        ("Hearing calendar adopted", member, "planned")
    ]
    assert [str(m) for m in response.context["messages"]] == ["The milestone is saved."]


def test_milestone_owner_outside_the_team_is_refused(client, project):
    client.force_login(_member(project))
    outsider = _member(ChangeProjectFactory())

    response = client.post(
        reverse("change_projects:item_add", args=[project.pk, "milestone"]),
        {"title": "x", "due_on": "2027-05-01", "owner": outsider.pk},
    )

    assert list(response.context["form"].errors) == ["owner"]
    assert Milestone.objects.count() == 0


def test_delayed_milestone_needs_a_note(client, project):
    milestone = MilestoneFactory(project=project)
    client.force_login(_member(project))
    url = reverse("change_projects:milestone_status", args=[project.pk, milestone.pk])

    refused = client.post(url, {"status": "delayed", "note": ""}, follow=True)
    client.post(url, {"status": "delayed", "note": "The council postponed its vote."})

    assert [str(m) for m in refused.context["messages"]] == ["Please give a reason."]
    milestone.refresh_from_db()
    assert (milestone.status, milestone.note) == ("delayed", "The council postponed its vote.")


def test_words_in_a_numeric_actual_are_refused_with_a_message(client, project):
    IndicatorFactory(project=project, name="Hearings held")
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake))
    client.force_login(_member(project))
    url = reverse("change_projects:report_edit", args=[project.pk, period.pk])
    client.get(url)
    indicator_id = IndicatorActual.objects.get().indicator_id

    response = client.post(url, {f"i{indicator_id}_value": "forty", "activities_done": "Two hearings", "save": "1"})

    assert response.context["form"].errors == {
        f"i{indicator_id}_value": ["Please write a number in digits, for example 40."]
    }
    assert "Please write a number in digits, for example 40." in response.content.decode()
    assert response.context["form"]["activities_done"].value() == "Two hearings"
    assert IndicatorActual.objects.get().value is None


def test_percentage_form_computes_and_baseline_target_are_read_only(client, project):
    indicator = IndicatorFactory(project=project, percentage=True, baseline=Decimal("10"), target=Decimal("80"))
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake))
    client.force_login(_member(project))
    url = reverse("change_projects:report_edit", args=[project.pk, period.pk])
    client.get(url)
    prefix = f"i{indicator.pk}"

    client.post(
        url,
        {f"{prefix}_numerator": "3", f"{prefix}_denominator": "4", "baseline": "99", "target": "0", "save": "1"},
    )

    indicator.refresh_from_db()
    assert IndicatorActual.objects.get().value == Decimal("75.00")
    assert (indicator.baseline, indicator.target) == (Decimal("10.00"), Decimal("80.00"))


def test_returned_report_shows_the_reviewers_comment_to_the_team(client, project):
    report = ProgressReportFactory(project=project, returned=True)
    client.force_login(_member(project))

    response = client.get(reverse("change_projects:report_detail", args=[report.pk]))

    assert response.context["report"].return_comment == "Please add the minutes."
    assert 'data-testid="return-comment">Please add the minutes.</span>' in response.content.decode()


def test_staff_overview_counts_reports_per_phase_and_filters(client, db):
    staff = StaffFactory()
    first = ChangeProjectFactory(title="Budget hearings")
    intake = first.intake
    second = ChangeProjectFactory(title="Youth council", application__intake=intake)
    period = ReportingPeriodFactory(
        phase=PhaseFactory(intake=intake, name="Phase 1"), due_on=date.today() - timedelta(days=1)
    )
    ProgressReportFactory(project=first, period=period, submitted=True)
    RiskFactory(project=second, high=True)
    MilestoneFactory(project=second, overdue=True)
    client.force_login(staff)
    url = reverse("change_projects:intake_overview", args=[intake.pk])

    everything = client.get(url)
    risky = client.get(url, {"risk": "high"})

    assert [
        (r["project"].title, r["risk_level"], r["project"].milestones_overdue) for r in everything.context["rows"]
    ] == [
        ("Budget hearings", None, 0),
        ("Youth council", "high", 1),
    ]
    [counts] = everything.context["counts"]
    assert (counts["submitted"], counts["returned"], counts["overdue"]) == (1, 0, 1)
    assert [r["project"].title for r in risky.context["rows"]] == ["Youth council"]


# --- 404 for everyone else ----------------------------------------------------------------


def _urls(project, report):
    return [
        reverse("change_projects:dashboard", args=[project.pk]),
        reverse("change_projects:plan", args=[project.pk]),
        reverse("change_projects:reports", args=[project.pk]),
        reverse("change_projects:documents", args=[project.pk]),
        reverse("change_projects:report_detail", args=[report.pk]),
        reverse("change_projects:report_compare", args=[report.pk]),
        reverse("change_projects:application", args=[project.pk]),
        reverse("change_projects:report_edit", args=[project.pk, report.period_id]),
        reverse("change_projects:item_add", args=[project.pk, "milestone"]),
    ]


@pytest.mark.parametrize("who", ["other_participant", "other_mentor", "unselected_applicant"])
def test_everyone_else_gets_404(client, db, who):
    project = ChangeProjectFactory()
    report = ProgressReportFactory(project=project, submitted=True)
    other = ChangeProjectFactory(application__intake=project.intake)
    person = {
        "other_participant": lambda: _member(other),
        "other_mentor": lambda: TeamMentorFactory(other),
        "unselected_applicant": lambda: ApplicationFactory(intake=project.intake, rejected=True).contact_person,
    }[who]()
    client.force_login(person)

    statuses = [client.get(url).status_code for url in _urls(project, report)]
    posted = client.post(reverse("change_projects:report_decide", args=[report.pk, "approve"]))

    assert statuses == [404] * 9
    assert posted.status_code == 404
    assert ProgressReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


def test_the_teams_mentor_reads_but_does_not_edit(client, project):
    report = ProgressReportFactory(project=project, submitted=True)
    client.force_login(TeamMentorFactory(project))

    reads = [client.get(url).status_code for url in _urls(project, report)[:7]]
    edits = [client.get(url).status_code for url in _urls(project, report)[7:]]

    assert reads == [200] * 7
    assert edits == [404, 404]


def test_every_page_shows_the_plan_and_report_to_the_team_and_staff(client, db):
    from change_projects.services import report_comment, report_return, report_start, report_submit

    project = ChangeProjectFactory(title="Open budget hearings")
    member, staff, mentor = _member(project), StaffFactory(), TeamMentorFactory(project)
    MilestoneFactory(project=project, title="Calendar adopted")
    IndicatorFactory(project=project, name="Hearings held")
    IndicatorFactory(project=project, qualitative=True, name="Dialogue")
    RiskFactory(project=project, high=True)
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=project.intake, name="Phase 1"))
    report = report_start(project=project, period=period, by=member)
    report_submit(report=report, by=member)
    report_comment(report=report, by=mentor, body="Minutes missing.")
    report_return(report=report, by=staff, comment="Add the minutes.")
    report_submit(report=report, by=member)
    pages = {
        "dashboard": reverse("change_projects:dashboard", args=[project.pk]),
        "plan": reverse("change_projects:plan", args=[project.pk]),
        "indicator": reverse("change_projects:item_add", args=[project.pk, "indicator"]),
        "documents": reverse("change_projects:documents", args=[project.pk]),
        "reports": reverse("change_projects:reports", args=[project.pk]),
        "report": reverse("change_projects:report_detail", args=[report.pk]),
        "compare": reverse("change_projects:report_compare", args=[report.pk]) + "?a=1&b=2",
    }
    staff_pages = {
        "overview": reverse("change_projects:intake_overview", args=[project.intake.pk]),
        "periods": reverse("change_projects:intake_periods", args=[project.intake.pk]),
    }

    client.force_login(member)
    team_view = {name: client.get(url) for name, url in pages.items() if name != "indicator"}
    team_view["indicator"] = client.get(pages["indicator"])
    client.force_login(staff)
    staff_view = {name: client.get(url) for name, url in {**pages, **staff_pages}.items() if name != "indicator"}

    assert {name: r.status_code for name, r in team_view.items()} == dict.fromkeys(team_view, 200)
    assert {name: r.status_code for name, r in staff_view.items()} == dict.fromkeys(staff_view, 200)
    assert "Calendar adopted" in team_view["plan"].content.decode()
    assert "You are here" in team_view["dashboard"].content.decode()
    assert [c.body for c in staff_view["report"].context["comments"]] == ["Minutes missing."]
    assert staff_view["report"].context["can_approve"] is True
    assert team_view["report"].context["can_approve"] is False
    assert [v.number for v in team_view["compare"].context["versions"]] == [1, 2]


def test_mentor_reads_the_application_as_selected_not_the_projects_later_edits(client, project):
    project.title = "Budget hearings in every ward"
    project.problem = "Rewritten later by the team."
    project.save()
    client.force_login(TeamMentorFactory(project))

    page = client.get(reverse("change_projects:application", args=[project.pk])).content.decode()

    assert project.application.problem in page
    assert "Rewritten later by the team." not in page


def test_the_mentors_review_is_shown_to_staff_not_to_the_team(client, project):
    from change_projects.services import report_comment

    report = ProgressReportFactory(project=project, submitted=True)
    report_comment(report=report, by=TeamMentorFactory(project), body="Candid: the council is hesitant.")
    url = reverse("change_projects:report_detail", args=[report.pk])

    client.force_login(_member(project))
    team_page = client.get(url).content.decode()
    client.force_login(StaffFactory())
    staff_page = client.get(url).content.decode()

    assert "Candid: the council is hesitant." not in team_page
    assert "Candid: the council is hesitant." in staff_page
