"""Every write of reports: ask for a report, make it (in a worker), retry, expire.

`report_make` is idempotent and survives a killed worker: the task message is acknowledged late
and redelivered, and a redelivery finds the job either still queued, running under the same
task (it starts again from the top) or already done (it does nothing).
"""

import hashlib
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.workflow import Forbidden, TransitionForbidden, transition

from . import builders
from .enums import JobStatus, ReportKind
from .models import ReportJob
from .rules import may_have_report
from .workflow import REPORT_JOB_WORKFLOW

logger = logging.getLogger(__name__)


class ReportNotAllowed(Forbidden):
    """The person may not see every part of this report. Views answer 404."""


def report_request(*, kind: str, intake, by, application=None, participant=None) -> ReportJob:
    """Create a queued job for `by` and queue its task after commit."""
    job = ReportJob(kind=kind, intake=intake, application=application, participant=participant, requested_by=by)
    if kind not in ReportKind.values or not may_have_report(by, job):
        raise ReportNotAllowed(kind)
    try:
        builders.check_subject(job)
    except builders.SubjectMissing as exc:
        raise ReportNotAllowed(kind) from exc
    with transaction.atomic():
        job.save()
        from .tasks import make_report

        transaction.on_commit(lambda: make_report.delay(job.pk))
    return job


def report_retry(*, job: ReportJob, by) -> ReportJob:
    try:
        transition(workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.QUEUED, by=by)
    except TransitionForbidden as exc:
        raise ReportNotAllowed(job.kind) from exc
    return job


def _set_progress(job_id: int, percent: int) -> None:
    # Progress is not a state: a plain update the polling page reads.
    ReportJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(progress=percent)


def _file_name(job: ReportJob) -> str:
    subject = job.intake.name
    if job.application_id:
        subject = job.application.reference if hasattr(job.application, "reference") else job.application.title
    if job.participant_id:
        subject = job.participant.get_full_name() or f"participant-{job.participant_id}"
    base = slugify(f"{job.get_kind_display()} {subject}")[:80] or "report"
    return f"{base}.pdf"


def report_make(*, job_id: int) -> None:
    """Make the job's PDF: running, render with progress, store through the storage API, done (or failed)."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().get(pk=job_id)
        if job.status == JobStatus.QUEUED:
            transition(workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.RUNNING, by=None)
        elif job.status != JobStatus.RUNNING:
            return  # done, failed or expired already: a duplicate delivery does nothing
    try:
        with override(job.requested_by.preferred_language or settings.LANGUAGE_CODE):
            data = builders.build(job)
            _set_progress(job.pk, 20)
            digest = hashlib.sha256(json.dumps(data.pop("fingerprint", {}), sort_keys=True, default=str).encode())
            data["content_hash"] = digest.hexdigest()
            pdf = builders.render(job, data, progress=lambda p: _set_progress(job.pk, p))
    except Exception as exc:
        logger.exception("Report job %s failed", job.pk)
        job.refresh_from_db()
        message = _(
            "The report could not be made (%(error)s). Please try again; if it fails again, tell the programme staff."
        ) % {"error": exc.__class__.__name__}
        transition(
            workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.FAILED, by=None, reason=str(exc)[:500], error=message
        )
        return
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().get(pk=job_id)
        if job.status != JobStatus.RUNNING:
            return
        if job.file:
            job.file.delete(save=False)  # a redelivered task replaces its own half-made file
        job.file_name = _file_name(job)
        job.file.save(job.file_name, ContentFile(pdf), save=False)
        job.size = len(pdf)
        job.content_hash = data["content_hash"]
        job.data_as_of = data["generated_at"]
        job.version = data.get("version", 1)
        job.expires_at = timezone.now() + timedelta(days=settings.PORTAL_REPORT_RETENTION_DAYS)
        job.save(update_fields=["file", "file_name", "size", "content_hash", "data_as_of", "version", "expires_at"])
        transition(workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.DONE, by=None)


def report_jobs_expire(*, now=None) -> int:
    """Delete the files of jobs past their expiry; the job stays listed as expired (it can be made again)."""
    now = now or timezone.now()
    count = 0
    for job in ReportJob.objects.filter(status=JobStatus.DONE, expires_at__lte=now):
        transition(workflow=REPORT_JOB_WORKFLOW, obj=job, to=JobStatus.EXPIRED, by=None)
        count += 1
    return count
