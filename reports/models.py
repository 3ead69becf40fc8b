"""A report job: who asked for which report of what, its state, progress and the file it made."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import JobStatus, ReportKind


def report_path(job, filename):
    # A random folder: the file's name says what it is, the path guesses nothing.
    return f"reports/{job.created_at:%Y/%m}/{secrets.token_hex(12)}/{filename}"


class ReportJob(models.Model):
    """One request for one report. The file is private: downloaded only through a permission check."""

    kind = models.CharField(_("report"), max_length=30, choices=ReportKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    # What the report is about: an intake (dossier, selection result, summary), a team's
    # application (its change project) or a participant within an intake (certificate).
    intake = models.ForeignKey("programmes.Intake", on_delete=models.CASCADE, related_name="report_jobs")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, null=True, blank=True, related_name="report_jobs"
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_jobs")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # 0..100 while running; the page polls it.
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(_("what went wrong"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=report_path, max_length=300, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    # For reports a funder keeps: when the data was read, and a hash of what was rendered.
    data_as_of = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=JobStatus.values), name="report_job_status_valid"),
            models.CheckConstraint(condition=models.Q(kind__in=ReportKind.values), name="report_job_kind_valid"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_job_progress_range"),
        ]
        indexes = [models.Index(fields=["intake", "kind", "-created_at"], name="report_job_intake_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
