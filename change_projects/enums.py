"""Change-project states and choices, with the state groups named."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Plan in preparation")
    APPROVED = "approved", _("Plan approved")


class ResultLevel(models.TextChoices):
    ACTIVITY = "activity", _("Activity")
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")


# What each level contributes to in the results chain: activities → outputs → outcomes.
CONTRIBUTES_TO = {ResultLevel.ACTIVITY: ResultLevel.OUTPUT, ResultLevel.OUTPUT: ResultLevel.OUTCOME}


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")


OPEN_MILESTONE_STATES = frozenset({MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, MilestoneStatus.DELAYED})


class IndicatorKind(models.TextChoices):
    NUMBER = "number", _("Number")
    PERCENTAGE = "percentage", _("Percentage (numerator / denominator)")
    QUALITATIVE = "qualitative", _("Qualitative (on a described scale)")


class Direction(models.TextChoices):
    INCREASE = "increase", _("Increase")
    DECREASE = "decrease", _("Decrease")


class RiskCategory(models.TextChoices):
    POLITICAL = "political", _("Election or loss of political support")
    STAFF_TURNOVER = "staff_turnover", _("Staff turnover")
    DELAYS = "delays", _("Delays")
    COMMITMENT = "commitment", _("Lack of commitment")
    FUNDING = "funding", _("Funding")
    SECURITY = "security", _("Security")
    OTHER = "other", _("Other")


class Rating(models.IntegerChoices):
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


def risk_level(likelihood: int, impact: int) -> str:
    """Likelihood × impact (each 1–3): up to 2 low, 3–4 medium, 6 and 9 high."""
    score = likelihood * impact
    if score >= 6:
        return RiskLevel.HIGH
    if score >= 3:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    OCCURRED = "occurred", _("Occurred")
    CLOSED = "closed", _("Closed")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")


# The team edits a report in these states; an approved report locks its period.
EDITABLE_REPORT_STATES = frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED})
# Still owed by the team: counts towards "overdue" once the due date has passed.
OWED_REPORT_STATES = frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED})
