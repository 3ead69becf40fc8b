"""Reports: asked for, made by the task, read back; who may ask and download; failures and retries."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from portal.models import Activity
from portal.workflow import TransitionForbidden, transition
from reports.enums import JobStatus, ReportKind
from reports.models import ReportJob
from reports.services import ReportNotAllowed, report_make, report_request, report_retry
from reports.workflow import REPORT_JOB_WORKFLOW
from selection.models import Decision, SelectionSettings
from tests.factories import ApplicantFactory, StaffFactory, UserFactory

from .pdf import job_text, pdf_pages


def _make(kind, intake, by, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request(kind=kind, intake=intake, by=by)
    job.refresh_from_db()
    return job


def test_dossier_lists_applications_in_ranking_order_with_scores(scored_intake, django_capture_on_commit_callbacks):
    staff = StaffFactory(full_name="Sara Staff")

    job = _make(ReportKind.DOSSIER, scored_intake["intake"], staff, django_capture_on_commit_callbacks)

    assert (job.status, job.progress) == (JobStatus.DONE, 100)
    text = job_text(job)
    assert text.index("1. Open budget hearings in Kisumu") < text.index("2. Citizen panels in Maputo")
    assert "Mean score: 80.00" in text
    assert "Ada Reviewer — total 100.00" in text
    assert "Ben Reviewer — total 60.00" in text
    assert "Mean score: 40.00" in text
    assert "Asked for by: Sara Staff" in text
    assert job.content_hash[:12] in text
    assert job.file_name.endswith(".pdf")


def test_dossier_hides_reviewer_names_under_blind_review(scored_intake, django_capture_on_commit_callbacks):
    SelectionSettings.objects.update_or_create(intake=scored_intake["intake"], defaults={"blind_review": True})

    job = _make(ReportKind.DOSSIER, scored_intake["intake"], StaffFactory(), django_capture_on_commit_callbacks)

    text = job_text(job)
    assert "Ada Reviewer" not in text
    assert "Ben Reviewer" not in text
    assert "Reviewer 1 — total 100.00" in text
    assert "Reviewer 2 — total 60.00" in text


def test_selection_result_shows_criterion_means_and_internal_reasons(scored_intake, django_capture_on_commit_callbacks):
    staff = StaffFactory()
    Decision.objects.create(
        application=scored_intake["first"], outcome="accepted", reason="Strongest local commitment", decided_by=staff
    )

    job = _make(ReportKind.SELECTION_RESULT, scored_intake["intake"], staff, django_capture_on_commit_callbacks)

    text = job_text(job)
    assert "Relevance: 2.50 / 3" in text
    assert "Commitment: 4.50 / 6" in text
    assert "Relevance: 0.33 / 3" not in text
    assert "Strongest local commitment" in text
    assert "Cohort balance" in text


def test_pdfs_count_valid_reviews_against_the_required_number(scored_intake, django_capture_on_commit_callbacks):
    from selection.services import conflict_declare

    staff = StaffFactory()
    SelectionSettings.objects.update_or_create(intake=scored_intake["intake"], defaults={"reviews_required": 3})
    conflict_declare(
        application=scored_intake["first"], reviewer=scored_intake["reviewers"][1], has_conflict=True, kind="other"
    )

    result = job_text(
        _make(ReportKind.SELECTION_RESULT, scored_intake["intake"], staff, django_capture_on_commit_callbacks)
    )
    dossier = job_text(_make(ReportKind.DOSSIER, scored_intake["intake"], staff, django_capture_on_commit_callbacks))

    assert result.count("(1 of 3 valid reviews)") == 2
    assert "/ 2 reviews" not in result
    assert dossier.count("1 of 3") == 2


def test_only_staff_may_ask_for_intake_reports(scored_intake):
    for person in (ApplicantFactory(), scored_intake["reviewers"][0], scored_intake["first"].contact_person):
        with pytest.raises(ReportNotAllowed):
            report_request(kind=ReportKind.DOSSIER, intake=scored_intake["intake"], by=person)

    assert ReportJob.objects.count() == 0


def test_report_pages_answer_404_to_everyone_but_staff(client, scored_intake, django_capture_on_commit_callbacks):
    job = _make(ReportKind.DOSSIER, scored_intake["intake"], StaffFactory(), django_capture_on_commit_callbacks)
    intake = scored_intake["intake"]
    urls = [
        reverse("reports:intake", kwargs={"intake_pk": intake.pk}),
        reverse("reports:job", kwargs={"pk": job.pk}),
        reverse("reports:job_status", kwargs={"pk": job.pk}),
        reverse("reports:job_download", kwargs={"pk": job.pk}),
    ]
    for person in (ApplicantFactory(), scored_intake["reviewers"][0], scored_intake["first"].contact_person):
        client.force_login(person)

        answers = [client.get(url).status_code for url in urls]
        posted = client.post(reverse("reports:intake_request", kwargs={"intake_pk": intake.pk}), {"kind": "dossier"})

        assert answers == [404, 404, 404, 404]
        assert posted.status_code == 404
    assert ReportJob.objects.count() == 1


def test_download_is_an_attachment_never_cached(client, scored_intake, django_capture_on_commit_callbacks):
    staff = StaffFactory()
    job = _make(ReportKind.DOSSIER, scored_intake["intake"], staff, django_capture_on_commit_callbacks)
    client.force_login(staff)

    response = client.get(reverse("reports:job_download", kwargs={"pk": job.pk}))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (response["X-Content-Type-Options"], response["Cache-Control"]) == ("nosniff", "no-store, private")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_request_page_queues_and_the_job_page_polls_until_done(
    client, scored_intake, django_capture_on_commit_callbacks
):
    staff = StaffFactory()
    client.force_login(staff)
    url = reverse("reports:intake_request", kwargs={"intake_pk": scored_intake["intake"].pk})

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"kind": "dossier"}, follow=True)
    job = ReportJob.objects.get()
    queued_page = response.content.decode()
    for callback in callbacks:
        callback()
    status = client.get(reverse("reports:job_status", kwargs={"pk": job.pk})).content.decode()

    assert "Waiting for a worker to start" in queued_page
    assert 'hx-trigger="every 2s"' in queued_page
    assert "Download the PDF" in status
    assert "hx-trigger" not in status


def test_failed_report_says_so_and_can_be_retried(scored_intake, monkeypatch, django_capture_on_commit_callbacks):
    from reports import builders

    staff = StaffFactory()
    real_render = builders.render
    monkeypatch.setattr(builders, "render", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    job = _make(ReportKind.DOSSIER, scored_intake["intake"], staff, django_capture_on_commit_callbacks)
    failed = (job.status, job.error)
    monkeypatch.setattr(builders, "render", real_render)

    with django_capture_on_commit_callbacks(execute=True):
        report_retry(job=job, by=staff)
    job.refresh_from_db()

    assert failed == (
        JobStatus.FAILED,
        "The report could not be made (OSError). Please try again; if it fails again, tell the programme staff.",
    )
    assert (job.status, job.attempts, job.error) == (JobStatus.DONE, 2, "")


def test_retry_by_someone_else_is_refused_without_activity(scored_intake):
    job = ReportJob.objects.create(
        kind=ReportKind.DOSSIER, intake=scored_intake["intake"], requested_by=StaffFactory(), status=JobStatus.FAILED
    )
    entries_before = Activity.objects.count()  # the applications' own trails

    with pytest.raises(ReportNotAllowed):
        report_retry(job=job, by=ApplicantFactory())
    with pytest.raises(TransitionForbidden):
        transition(workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.QUEUED, by=UserFactory())

    assert Activity.objects.count() == entries_before
    assert ReportJob.objects.get().status == JobStatus.FAILED


def test_a_task_run_twice_makes_one_file(scored_intake, django_capture_on_commit_callbacks):
    job = _make(ReportKind.DOSSIER, scored_intake["intake"], StaffFactory(), django_capture_on_commit_callbacks)
    first_file = job.file.name

    report_make(job_id=job.pk)
    job.refresh_from_db()

    assert (job.status, job.attempts, job.file.name) == (JobStatus.DONE, 1, first_file)
    # The job's own entries (an application may have the same pk: the feed is generic).
    entries = Activity.objects.filter(content_type=ContentType.objects.get_for_model(ReportJob), object_id=job.pk)
    assert list(entries.values_list("to_state", flat=True)) == ["running", "done"]


def test_a_redelivered_task_of_a_killed_worker_starts_again(scored_intake):
    job = ReportJob.objects.create(kind=ReportKind.DOSSIER, intake=scored_intake["intake"], requested_by=StaffFactory())
    transition(workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.RUNNING, by=None)  # then the worker died

    report_make(job_id=job.pk)
    job.refresh_from_db()

    assert job.status == JobStatus.DONE
    with job.file.open("rb") as handle:
        assert pdf_pages(handle.read()) >= 3


def test_expired_report_loses_its_file_and_stays_listed(scored_intake, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    from reports.services import report_jobs_expire

    job = _make(ReportKind.DOSSIER, scored_intake["intake"], StaffFactory(), django_capture_on_commit_callbacks)
    storage, name = job.file.storage, job.file.name

    expired = report_jobs_expire(now=timezone.now() + timedelta(days=31))
    job.refresh_from_db()

    assert (expired, job.status, job.file.name) == (1, JobStatus.EXPIRED, "")
    assert not storage.exists(name)


@pytest.mark.parametrize("jobs", [1, 3])
def test_intake_report_page_queries_do_not_grow_with_jobs(client, scored_intake, django_assert_num_queries, jobs):
    staff = StaffFactory()
    for _ in range(jobs):
        ReportJob.objects.create(kind=ReportKind.DOSSIER, intake=scored_intake["intake"], requested_by=staff)
    client.force_login(staff)
    url = reverse("reports:intake", kwargs={"intake_pk": scored_intake["intake"].pk})

    with django_assert_num_queries(8):
        response = client.get(url)

    assert response.content.decode().count("Application dossier") == jobs + 1
