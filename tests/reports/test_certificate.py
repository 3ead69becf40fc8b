"""Attendance certificates: the participant's phases and study-visit days; their own, or any for staff."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from reports.enums import JobStatus, ReportKind
from reports.models import ReportJob
from study_visits.models import Attendance
from tests.factories import PhaseFactory, StaffFactory
from tests.factories.change_projects import ChangeProjectFactory
from tests.factories.study_visits import PlaceFactory, StudyVisitFactory

from .pdf import job_text


@pytest.fixture
def participant(db):
    project = ChangeProjectFactory(title="Open budget hearings in Kisumu")
    person = project.application.contact_person
    PhaseFactory(
        intake=project.intake,
        name="Phase 1 in Sweden",
        starts_on=date.today() - timedelta(days=60),
        ends_on=date.today() - timedelta(days=50),
    )
    PhaseFactory(
        intake=project.intake,
        name="Final seminar",
        starts_on=date.today() + timedelta(days=200),
        ends_on=date.today() + timedelta(days=202),
    )
    visit = StudyVisitFactory(intake=project.intake, past=True, title="Study visit to Uppsala", host="Uppsala")
    place = PlaceFactory(visit=visit, application=project.application, user=person)
    Attendance.objects.create(place=place, day=visit.starts_on, present=True)
    Attendance.objects.create(place=place, day=visit.ends_on, present=False)
    return person


def _post(client, intake, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("reports:certificate_request", kwargs={"intake_pk": intake.pk}), data)


def test_participant_gets_own_certificate_with_phases_and_visit_days(
    client, participant, django_capture_on_commit_callbacks
):
    intake = participant.participations.get().project.intake
    client.force_login(participant)
    dashboard = client.get(reverse("portal:dashboard")).content.decode()

    response = _post(client, intake, django_capture_on_commit_callbacks)

    job = ReportJob.objects.get()
    assert f"Certificate for {intake.name}" in dashboard
    assert response.status_code == 302
    assert (job.kind, job.participant, job.status) == (ReportKind.CERTIFICATE, participant, JobStatus.DONE)
    text = job_text(job)
    assert f"This is to certify that {participant.get_full_name()}" in text
    assert "Open budget hearings in Kisumu" in text
    assert "Phase 1 in Sweden" in text
    assert "Final seminar" not in text  # not started yet
    assert "Study visit to Uppsala (Uppsala): present 1 of 2 days" in text


def test_a_participant_cannot_make_someone_elses_and_outsiders_get_404(
    client, participant, django_capture_on_commit_callbacks
):
    intake = participant.participations.get().project.intake
    other = ChangeProjectFactory(application__intake=intake).application.contact_person
    outsider = ChangeProjectFactory().application.contact_person  # a participant of another intake

    client.force_login(other)
    _post(client, intake, django_capture_on_commit_callbacks, participant=participant.pk)
    client.force_login(outsider)
    refused = _post(client, intake, django_capture_on_commit_callbacks, participant=participant.pk)

    assert list(ReportJob.objects.values_list("participant", flat=True)) == [other.pk]
    assert refused.status_code == 404


def test_staff_make_a_participants_certificate_but_not_an_outsiders(
    client, participant, django_capture_on_commit_callbacks
):
    intake = participant.participations.get().project.intake
    outsider = ChangeProjectFactory().application.contact_person
    client.force_login(StaffFactory())

    made = _post(client, intake, django_capture_on_commit_callbacks, participant=participant.pk)
    refused = _post(client, intake, django_capture_on_commit_callbacks, participant=outsider.pk)

    assert made.status_code == 302
    assert refused.status_code == 404
    assert list(ReportJob.objects.values_list("participant", flat=True)) == [participant.pk]
