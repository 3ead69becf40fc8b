"""A team's change-project report: what it shows, what it never shows, and who may have it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from change_projects.models import IndicatorActual
from reports.enums import JobStatus, ReportKind
from reports.models import ReportJob
from reports.services import ReportNotAllowed, report_request
from tests.factories import ApplicantFactory, StaffFactory
from tests.factories.change_projects import (
    ChangeProjectFactory,
    IndicatorFactory,
    MilestoneFactory,
    ParticipantFactory,
    ProgressReportFactory,
    RiskFactory,
    TeamMentorFactory,
)
from tests.factories.mentoring import CoachingActionFactory, CoachingSessionFactory

from .pdf import job_text


@pytest.fixture
def project(db):
    project = ChangeProjectFactory(title="Open budget hearings in Kisumu", plan_approved=True)
    MilestoneFactory(project=project, title="First ward hearing held", delayed=True)
    indicator = IndicatorFactory(project=project, name="Hearings held", unit="hearings", baseline=0, target=12)
    RiskFactory(project=project, title="Council elections in August", high=True)
    approved = ProgressReportFactory(project=project, approved=True, lessons="Invite the ward councillor early.")
    IndicatorActual.objects.create(report=approved, indicator=indicator, value=Decimal(4))
    draft = ProgressReportFactory(project=project, lessons="A draft nobody approved yet.")
    IndicatorActual.objects.create(report=draft, indicator=indicator, value=Decimal(9))
    TeamMentorFactory(project)
    session = CoachingSessionFactory(
        application=project.application,
        topics="Stakeholder mapping for the hearings",
        private_notes="The mayor's office is reluctant; keep between us.",
        duration_minutes=90,
    )
    CoachingActionFactory(session=session, description="Send the hearing calendar to the ward committees")
    return project


def _make(project, by, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(
            kind=ReportKind.CHANGE_PROJECT, intake=project.intake, application=project.application, by=by
        )
    job.refresh_from_db()
    return job


def test_change_project_report_shows_plan_approved_data_and_coaching(project, django_capture_on_commit_callbacks):
    participant = project.application.contact_person

    job = _make(project, participant, django_capture_on_commit_callbacks)

    assert job.status == JobStatus.DONE
    text = job_text(job)
    assert "Open budget hearings in Kisumu" in text
    assert "First ward hearing held · Delayed" in text
    assert "0 → 12 (" in text
    assert ": 4)" in text  # the approved actual is on the chart...
    assert ": 9)" not in text  # ...the draft's is not (the same "label: value)" form)
    assert "Council elections in August" in text
    assert "Invite the ward councillor early." in text
    assert "A draft nobody approved yet." not in text
    assert "1 session, 1.5 hours." in text
    assert "Stakeholder mapping for the hearings" in text
    assert "Send the hearing calendar to the ward committees" in text
    assert "reluctant" not in text


def test_team_mentor_and_staff_may_have_it_others_not(project, django_capture_on_commit_callbacks):
    mentor = project.application.mentored_team.assignment.mentor
    other_team = ChangeProjectFactory()
    other_participant = other_team.application.contact_person
    other_mentor = TeamMentorFactory(other_team)

    for person in (mentor, StaffFactory(), ParticipantFactory(project)):
        assert _make(project, person, django_capture_on_commit_callbacks).status == JobStatus.DONE
    for person in (other_participant, other_mentor, ApplicantFactory()):
        with pytest.raises(ReportNotAllowed):
            report_request(
                kind=ReportKind.CHANGE_PROJECT, intake=project.intake, application=project.application, by=person
            )

    assert ReportJob.objects.count() == 3


def test_the_job_and_download_answer_404_to_another_team(client, project, django_capture_on_commit_callbacks):
    job = _make(project, project.application.contact_person, django_capture_on_commit_callbacks)
    other = ChangeProjectFactory()
    client.force_login(other.application.contact_person)

    answers = [
        client.get(reverse("reports:job", kwargs={"pk": job.pk})).status_code,
        client.get(reverse("reports:job_download", kwargs={"pk": job.pk})).status_code,
        client.post(reverse("reports:team_request", kwargs={"application_pk": project.application_id})).status_code,
    ]

    assert answers == [404, 404, 404]


def test_participant_asks_from_the_project_dashboard(client, project, django_capture_on_commit_callbacks):
    participant = project.application.contact_person
    client.force_login(participant)
    dashboard = client.get(reverse("change_projects:dashboard", kwargs={"pk": project.pk})).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:team_request", kwargs={"application_pk": project.application_id}))
    job_page = client.get(response["Location"]).content.decode()

    assert "Make the PDF report" in dashboard
    assert "Download the PDF" in job_page
    assert ReportJob.objects.get().requested_by == participant
