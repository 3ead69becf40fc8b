"""Pages and selectors run a fixed number of queries whatever the number of projects and rows."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from change_projects.models import IndicatorActual
from tests.factories import (
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
from tests.factories.applications import TeamMemberFactory
from tests.factories.mentoring import CoachingActionFactory, CoachingSessionFactory
from tests.factories.study_visits import AgendaItemFactory, PlaceFactory, StudyVisitFactory


def _project_with_rows(intake, rows):
    """A project with `rows` milestones, indicators, risks and approved reports (each with actuals)."""
    project = ChangeProjectFactory(application__intake=intake)
    TeamMentorFactory(project)
    indicators = [IndicatorFactory(project=project) for _ in range(rows)]
    for i in range(rows):
        MilestoneFactory(project=project, overdue=i % 2 == 0)
        RiskFactory(project=project, high=i == 0)
    for period in intake.reporting_periods.all()[:rows]:
        report = ProgressReportFactory(project=project, period=period, approved=True)
        for indicator in indicators:
            IndicatorActual.objects.create(report=report, indicator=indicator, value=Decimal("3"))
    return project


def _intake_with_periods(count):
    first = PhaseFactory(starts_on=date.today() - timedelta(days=100))
    intake = first.intake
    ReportingPeriodFactory(phase=first, due_on=date.today() - timedelta(days=60))
    for n in range(1, count):
        ReportingPeriodFactory(phase=PhaseFactory(intake=intake), due_on=date.today() + timedelta(days=30 * n))
    return intake


@pytest.mark.parametrize("rows", [1, 3])
def test_team_dashboard_queries(client, db, django_assert_num_queries, rows):
    intake = _intake_with_periods(rows)
    project = _project_with_rows(intake, rows)
    client.force_login(project.participants.first().user)
    url = reverse("change_projects:dashboard", args=[project.pk])

    # 15 for the project, 1 for mentoring's open coaching actions section.
    with django_assert_num_queries(16):
        response = client.get(url)

    assert len(response.context["indicators"]) == rows


@pytest.mark.parametrize("count", [1, 3])
def test_staff_overview_queries(client, db, django_assert_num_queries, count):
    intake = _intake_with_periods(3)
    for _ in range(count):
        _project_with_rows(intake, 3)
    client.force_login(StaffFactory())
    url = reverse("change_projects:intake_overview", args=[intake.pk])

    with django_assert_num_queries(13):
        response = client.get(url)

    assert len(response.context["rows"]) == count
    assert [r["mentor"] is not None for r in response.context["rows"]] == [True] * count


@pytest.mark.parametrize("rows", [1, 3])
def test_report_list_queries(client, db, django_assert_num_queries, rows):
    intake = _intake_with_periods(rows)
    project = _project_with_rows(intake, rows)
    client.force_login(project.participants.first().user)
    url = reverse("change_projects:reports", args=[project.pk])

    with django_assert_num_queries(10):
        response = client.get(url)

    assert [row["report"].status for row in response.context["rows"]] == ["approved"] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_participant_portal_dashboard_queries(client, db, django_assert_num_queries, rows):
    """The participant's home page: applications, programme, coaching, study visit and certificates panels."""
    intake = _intake_with_periods(rows)
    project = _project_with_rows(intake, rows)
    application = project.application
    person = project.participants.first().user
    for _ in range(rows):
        TeamMemberFactory(application=application)
        CoachingActionFactory(session=CoachingSessionFactory(application=application))
    visit = StudyVisitFactory(intake=intake)
    for _ in range(rows):
        AgendaItemFactory(visit=visit)
    PlaceFactory(visit=visit, application=application, user=person)
    StudyVisitFactory(intake=intake)  # one more to sign up for
    client.force_login(person)
    client.get(reverse("portal:dashboard"))  # the person's intake roles are then cached, as on every later page

    # Session and user 2, applications 1, programme 3, coaching 2, staff check 1, study visits 3, certificates 1.
    with django_assert_num_queries(13):
        response = client.get(reverse("portal:dashboard"))

    titles = [str(panel.title) for panel in response.context["panels"]]
    assert titles[:4] == ["Your applications", "Your programme", "Your coaching", "Your study visit"]
    assert response.content.decode().count("Agreed action") == rows
