"""The intake summary for funders: approved data only, stamped with when, a version and a content hash."""

from decimal import Decimal

import pytest

from change_projects.enums import MilestoneStatus
from change_projects.models import IndicatorActual, MilestoneUpdate, ReportVersion
from change_projects.selectors import report_snapshot
from reports.enums import JobStatus, ReportKind
from reports.services import report_request
from study_visits.models import Attendance
from tests.factories import PhaseFactory, StaffFactory
from tests.factories.change_projects import (
    ChangeProjectFactory,
    IndicatorFactory,
    MilestoneFactory,
    ProgressReportFactory,
    ReportingPeriodFactory,
)
from tests.factories.mentoring import CoachingSessionFactory, MentoredTeamFactory
from tests.factories.study_visits import PlaceFactory, StudyVisitFactory

from .pdf import job_text


def _approved_report(project, period, *, milestone_status, actual):
    report = ProgressReportFactory(project=project, period=period, approved=True)
    MilestoneUpdate.objects.create(report=report, milestone=project.milestones.get(), status=milestone_status)
    IndicatorActual.objects.create(report=report, indicator=project.indicators.get(), value=Decimal(actual))
    ReportVersion.objects.filter(report=report).update(content=report_snapshot(report=report))
    return report


@pytest.fixture
def cohort(db):
    first = ChangeProjectFactory(title="Open budget hearings in Kisumu")
    intake = first.intake
    second = ChangeProjectFactory(title="Citizen panels in Maputo", application__intake=intake)
    period = ReportingPeriodFactory(phase=PhaseFactory(intake=intake))
    for project in (first, second):
        MilestoneFactory(project=project, title="First hearing")
        IndicatorFactory(project=project, name="Hearings held", baseline=0, target=10)
    _approved_report(first, period, milestone_status=MilestoneStatus.DONE, actual=6)
    draft = ProgressReportFactory(project=second, period=period)  # not approved: must not count
    MilestoneUpdate.objects.create(report=draft, milestone=second.milestones.get(), status=MilestoneStatus.DONE)
    IndicatorActual.objects.create(report=draft, indicator=second.indicators.get(), value=Decimal(9))
    team = MentoredTeamFactory(application=first.application)
    CoachingSessionFactory(application=first.application, assignment=team.assignment, duration_minutes=120)
    visit = StudyVisitFactory(intake=intake, past=True, title="Study visit to Uppsala", host="Uppsala")
    place = PlaceFactory(visit=visit, application=first.application, user=first.application.contact_person)
    Attendance.objects.create(place=place, day=visit.starts_on, present=True)
    Attendance.objects.create(place=place, day=visit.ends_on, present=True)
    return {"intake": intake, "first": first, "second": second, "period": period}


def _make(intake, by, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(kind=ReportKind.INTAKE_SUMMARY, intake=intake, by=by)
    job.refresh_from_db()
    return job


def test_summary_counts_approved_data_only_and_is_stamped(cohort, django_capture_on_commit_callbacks):
    job = _make(cohort["intake"], StaffFactory(), django_capture_on_commit_callbacks)

    assert job.status == JobStatus.DONE
    text = job_text(job)
    assert "Milestones done, as the approved reports state them: 1 of 1." in text
    assert "Indicators with an approved actual: 1 of 2" in text
    assert "Open budget hearings in Kisumu" in text
    assert "Citizen panels in Maputo" in text
    assert "1 coaching sessions (2.0 hours)" in text
    assert "Study visit to Uppsala (Uppsala, " in text
    assert "1 place booked; 2 days of attendance in all" in text
    assert "Data as of:" in text
    assert "Version: 1" in text
    assert f"Content hash: {job.content_hash}" in text
    assert job.version == 1


def test_same_data_same_hash_new_approval_new_hash_and_version(cohort, django_capture_on_commit_callbacks):
    staff = StaffFactory()
    first = _make(cohort["intake"], staff, django_capture_on_commit_callbacks)
    again = _make(cohort["intake"], staff, django_capture_on_commit_callbacks)
    _approved_report(
        cohort["second"],
        ReportingPeriodFactory(phase=PhaseFactory(intake=cohort["intake"])),
        milestone_status=MilestoneStatus.IN_PROGRESS,
        actual=3,
    )

    changed = _make(cohort["intake"], staff, django_capture_on_commit_callbacks)

    assert first.content_hash == again.content_hash
    assert changed.content_hash != first.content_hash
    assert [first.version, again.version, changed.version] == [1, 2, 3]
    assert "Indicators with an approved actual: 2 of 2" in job_text(changed)
