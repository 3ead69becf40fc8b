"""A selected team's change project: plan (results chain, milestones, indicators, risks, documents)
and progress reports per phase. Statuses move only through `change_projects.workflows`."""

import uuid
from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import (
    Direction,
    IndicatorKind,
    MilestoneStatus,
    PlanStatus,
    Rating,
    ReportStatus,
    ResultLevel,
    RiskCategory,
    RiskLevel,
    RiskStatus,
    risk_level,
)


class ChangeProject(models.Model):
    """The team's reform, from its application to its final report (one identity: the application).

    The outline fields are a copy taken when the team confirmed its place: editing the project never
    rewrites the application, and the application stays readable as it was selected.
    """

    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="change_project"
    )
    intake = models.ForeignKey("programmes.Intake", on_delete=models.PROTECT, related_name="change_projects")
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("the problem it addresses"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    timeline = models.TextField(_("rough timeline"), blank=True)
    plan_status = models.CharField(_("plan"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    plan_approved_at = models.DateTimeField(_("plan approved"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("change project")
        verbose_name_plural = _("change projects")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(plan_status__in=PlanStatus.values), name="cp_plan_status_valid"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("change_projects:dashboard", kwargs={"pk": self.pk})

    @property
    def plan_approved(self) -> bool:
        return self.plan_status == PlanStatus.APPROVED


class Participant(models.Model):
    """A member of the team when it confirmed its place: the intake's participant."""

    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="cp_participant_unique")]

    def __str__(self):
        return str(self.user)


class ResultItem(models.Model):
    """One link of the results chain: an activity contributes to an output, an output to an outcome."""

    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="results")
    level = models.CharField(_("level"), max_length=20, choices=ResultLevel.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    contributes_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("contributes to"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__in=ResultLevel.values), name="cp_result_level_valid"),
        ]

    def __str__(self):
        return self.title


class Milestone(models.Model):
    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due date"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    note = models.TextField(_("note"), blank=True)
    result = models.ForeignKey(
        ResultItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("part of"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=MilestoneStatus.values), name="cp_milestone_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def activity_parent(self):
        return self.project


class Indicator(models.Model):
    """How the team will know the change happened: baseline (with its date) → target; actuals per report."""

    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="indicators")
    result = models.ForeignKey(
        ResultItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("measures"),
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("For example: hearings, residents, %"))
    kind = models.CharField(_("kind"), max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.NUMBER)
    scale = models.TextField(
        _("scale"), blank=True, help_text=_("Qualitative indicators: describe each step of the scale, one per line.")
    )
    direction = models.CharField(
        _("direction of change"), max_length=20, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_text = models.CharField(_("baseline (qualitative)"), max_length=200, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_text = models.CharField(_("target (qualitative)"), max_length=200, blank=True)
    means_of_verification = models.TextField(_("means of verification"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=IndicatorKind.values), name="cp_indicator_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(direction__in=Direction.values), name="cp_indicator_direction_valid"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def activity_parent(self):
        return self.project

    @property
    def is_quantitative(self) -> bool:
        return self.kind != IndicatorKind.QUALITATIVE

    def progress(self, actual: Decimal | None) -> float | None:
        """Share of the way from baseline to target (0..1, may exceed), or None when it cannot be said."""
        if actual is None or self.baseline is None or self.target is None or self.target == self.baseline:
            return None
        return float((actual - self.baseline) / (self.target - self.baseline))


class Risk(models.Model):
    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="risks")
    title = models.CharField(_("risk"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=RiskCategory.choices)
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=Rating.choices, default=Rating.MEDIUM)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Rating.choices, default=Rating.MEDIUM)
    mitigation = models.TextField(_("mitigation"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    status = models.CharField(_("status"), max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(category__in=RiskCategory.values), name="cp_risk_category_valid"),
            models.CheckConstraint(condition=models.Q(status__in=RiskStatus.values), name="cp_risk_status_valid"),
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=3, impact__gte=1, impact__lte=3),
                name="cp_risk_ratings_valid",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def activity_parent(self):
        return self.project

    @property
    def level(self) -> str:
        return risk_level(self.likelihood, self.impact)

    @property
    def level_label(self) -> str:
        return RiskLevel(self.level).label


class ReportingPeriod(models.Model):
    """A phase of the intake that needs a progress report from every team, and its due date.

    "Overdue" is decided in the intake's time zone: the whole due date counts, to its last second there.
    """

    phase = models.OneToOneField("programmes.Phase", on_delete=models.CASCADE, related_name="reporting_period")
    intake = models.ForeignKey("programmes.Intake", on_delete=models.CASCADE, related_name="reporting_periods")
    due_on = models.DateField(_("report due on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return str(self.phase)

    @property
    def due_at(self) -> datetime:
        """The first moment after the due date in the intake's zone (DST-safe: midnight of the next day)."""
        next_day = self.due_on + timedelta(days=1)
        return datetime.combine(next_day, time.min, tzinfo=self.intake.tzinfo)

    def is_overdue(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.due_at


class ProgressReport(models.Model):
    """A team's report for one reporting period: draft → submitted → returned → approved (locks the period)."""

    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="reports")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    activities_done = models.TextField(_("activities done, compared with the plan"), blank=True)
    deviations = models.TextField(_("deviations from the plan and their reasons"), blank=True)
    risks_changed = models.TextField(_("risks that changed"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    support_needed = models.TextField(_("support needed"), blank=True)
    return_comment = models.TextField(_("reviewer's comment"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["period__due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "period"], name="cp_report_one_per_period"),
            models.CheckConstraint(condition=models.Q(status__in=ReportStatus.values), name="cp_report_status_valid"),
        ]

    def __str__(self):
        return f"{self.project} — {self.period}"

    def get_absolute_url(self):
        return reverse("change_projects:report_detail", kwargs={"pk": self.pk})

    @property
    def activity_parent(self):
        return self.project


class MilestoneUpdate(models.Model):
    """What a report says about one milestone in its period."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="milestone_updates")
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=20, choices=MilestoneStatus.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["milestone__due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "milestone"], name="cp_milestone_update_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=MilestoneStatus.values), name="cp_milestone_update_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.milestone}: {self.get_status_display()}"


class IndicatorActual(models.Model):
    """An indicator's actual value for the report's period (percentages computed from numerator/denominator)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="actuals")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actuals")
    value = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, null=True, blank=True)
    numerator = models.DecimalField(_("numerator"), max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), max_digits=14, decimal_places=2, null=True, blank=True)
    value_text = models.CharField(_("actual (qualitative)"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["indicator__order", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="cp_actual_unique"),
            models.CheckConstraint(
                condition=models.Q(denominator__isnull=True) | ~models.Q(denominator=0), name="cp_actual_denominator"
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value if self.value is not None else self.value_text}"


class ReportVersion(models.Model):
    """Every submitted version of a report, kept as it was sent (a snapshot), numbered from 1."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(default=dict)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="cp_version_unique")]

    def __str__(self):
        return f"{self.report} v{self.number}"


class ReportComment(models.Model):
    """The mentor's review of a submitted version: staff read it before approving."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(ReportVersion, on_delete=models.CASCADE, null=True, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report}: {self.author}"


def document_path(instance, filename):
    """A private path with a random name; the uploaded name is kept in `original_name` only."""
    return f"private/change_projects/{instance.project_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ProjectDocument(models.Model):
    """A private file of the project; with `report` set it is evidence for that progress report."""

    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="documents")
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence")
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return self.title or self.original_name

    @property
    def activity_parent(self):
        return self.project


class ReportReminder(models.Model):
    """A reminder sent to a team about a period's report, once per kind (before / after the due date)."""

    BEFORE, AFTER = "before", "after"
    project = models.ForeignKey(ChangeProject, on_delete=models.CASCADE, related_name="reminders")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=[(BEFORE, _("before the due date")), (AFTER, _("overdue"))])
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "period", "kind"], name="cp_reminder_once"),
            models.CheckConstraint(condition=models.Q(kind__in=["before", "after"]), name="cp_reminder_kind_valid"),
        ]

    def __str__(self):
        return f"{self.project} — {self.period} ({self.kind})"
