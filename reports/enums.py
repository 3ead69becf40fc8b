"""Report kinds and the states of a report job."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    DOSSIER = "dossier", _("Application dossier")
    SELECTION_RESULT = "selection_result", _("Selection result")
    CHANGE_PROJECT = "change_project", _("Change-project report")
    INTAKE_SUMMARY = "intake_summary", _("Intake summary for funders")
    CERTIFICATE = "certificate", _("Attendance certificate")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")


# States the page keeps polling in.
ACTIVE_STATES = frozenset({JobStatus.QUEUED, JobStatus.RUNNING})
