"""Mentoring: who coaches which teams under what agreement, the sessions, the agreed actions, other work.

Figures (hours used, last session, open actions) are never stored: selectors compute them.
"""

import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.models import validate_time_zone

from .enums import HOURS_PER_DAY, OUTSTANDING_ACTION_STATES, ActionStatus, BudgetUnit, SessionMode, WorkKind


class MentoringSettings(models.Model):
    """Mentoring settings of one intake (kept here so the programmes models stay as they are)."""

    intake = models.OneToOneField("programmes.Intake", on_delete=models.CASCADE, related_name="mentoring_settings")
    no_coaching_days = models.PositiveSmallIntegerField(
        _("flag a team after this many days without coaching"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    class Meta:
        verbose_name = _("mentoring settings")
        verbose_name_plural = _("mentoring settings")

    def __str__(self):
        return str(self.intake)


class MentorAssignment(models.Model):
    """A mentor's agreement for one intake: the period, the budget of time, what is expected, the teams."""

    intake = models.ForeignKey("programmes.Intake", on_delete=models.CASCADE, related_name="mentor_assignments")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentor_assignments", verbose_name=_("mentor")
    )
    teams = models.ManyToManyField(
        "applications.Application", through="MentoredTeam", related_name="mentor_assignments", verbose_name=_("teams")
    )
    starts_on = models.DateField(_("agreement starts on"))
    ends_on = models.DateField(_("agreement ends on"))
    budget_amount = models.DecimalField(
        _("budget"), max_digits=6, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    budget_unit = models.CharField(_("budget in"), max_length=10, choices=BudgetUnit.choices, default=BudgetUnit.HOURS)
    expectations = models.TextField(_("expectations"), blank=True)
    mentor_time_zone = models.CharField(
        _("mentor's time zone"),
        max_length=64,
        blank=True,
        default="",
        validators=[validate_time_zone],
        help_text=_(
            "Session times are shown in this zone next to the team's. Leave empty to use the time zone "
            "in the mentor's profile."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mentor assignment")
        verbose_name_plural = _("mentor assignments")
        ordering = ["intake", "mentor__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["intake", "mentor"], name="mentor_assignment_one_per_intake"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="mentor_period_valid"),
            models.CheckConstraint(condition=models.Q(budget_unit__in=BudgetUnit.values), name="mentor_budget_unit"),
            models.CheckConstraint(condition=models.Q(budget_amount__gt=0), name="mentor_budget_positive"),
        ]

    def __str__(self):
        return f"{self.mentor} — {self.intake}"

    @property
    def budget_hours(self) -> Decimal:
        if self.budget_unit == BudgetUnit.DAYS:
            return self.budget_amount * HOURS_PER_DAY
        return self.budget_amount

    @property
    def mentor_zone_name(self) -> str:
        """The zone set on the agreement, else the mentor's own (profile), else the intake's."""
        return self.mentor_time_zone or self.mentor.time_zone or self.intake.time_zone

    @property
    def mentor_tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.mentor_zone_name)


class MentoredTeam(models.Model):
    """A team (a selected application) under a mentor's agreement. A team has one mentor at a time."""

    assignment = models.ForeignKey(MentorAssignment, on_delete=models.CASCADE, related_name="mentored_teams")
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="mentored_team"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentored team")
        verbose_name_plural = _("mentored teams")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.application} ({self.assignment.mentor})"


class TopicTag(models.Model):
    """A coaching topic staff maintain (stakeholder mapping, citizen dialogue, budgeting…)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    is_active = models.BooleanField(
        _("offered for new sessions"), default=True, help_text=_("Retired tags stay on the sessions that used them.")
    )

    class Meta:
        verbose_name = _("topic tag")
        verbose_name_plural = _("topic tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CoachingSession(models.Model):
    """One coaching session a mentor held with a team. The private notes are for the mentor and staff only."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="coaching_sessions", verbose_name=_("team")
    )
    assignment = models.ForeignKey(MentorAssignment, on_delete=models.PROTECT, related_name="sessions")
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    mode = models.CharField(_("mode"), max_length=20, choices=SessionMode.choices, default=SessionMode.ONLINE)
    participants = models.ManyToManyField(
        "applications.TeamMember", related_name="coaching_sessions", blank=True, verbose_name=_("who took part")
    )
    topics = models.TextField(_("topics"), blank=True)
    tags = models.ManyToManyField(TopicTag, related_name="sessions", blank=True, verbose_name=_("topic tags"))
    milestones = models.ManyToManyField(
        "change_projects.Milestone",
        related_name="coaching_sessions",
        blank=True,
        verbose_name=_("milestones discussed"),
    )
    risks = models.ManyToManyField(
        "change_projects.Risk", related_name="coaching_sessions", blank=True, verbose_name=_("risks discussed")
    )
    shared_notes = models.TextField(_("notes shared with the team"), blank=True)
    private_notes = models.TextField(
        _("private notes"), blank=True, help_text=_("Only you and programme staff see these; never the team.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["private_notes"])

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["application", "-starts_at"], name="session_team_latest"),
            # Hours used per agreement (the budget, the staff's mentor workload) read from the index alone.
            models.Index(fields=["assignment", "duration_minutes"], name="session_agreement_minutes"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(mode__in=SessionMode.values), name="session_mode_valid"),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=5, duration_minutes__lte=600), name="session_duration_range"
            ),
        ]

    def __str__(self):
        return f"{self.application} — {self.starts_at:%Y-%m-%d}"

    @property
    def activity_parent(self):
        return self.application

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.duration_minutes) / 60).quantize(Decimal("0.01"))


class CoachingAction(models.Model):
    """An action agreed in a session: what, who (a member or the mentor), by when, and where it stands.

    Followed up at later sessions: carrying it over keeps this one row (its history says when).
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="coaching_actions", verbose_name=_("team")
    )
    session = models.ForeignKey(
        CoachingSession, on_delete=models.CASCADE, related_name="agreed_actions", verbose_name=_("agreed in")
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coaching_actions", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    last_followed_up_in = models.ForeignKey(
        CoachingSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_up_actions",
        verbose_name=_("last followed up in"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        ordering = ["due_on", "pk"]
        # A team's outstanding (and overdue) actions: the overview's counts, the session form, the dashboard.
        indexes = [models.Index(fields=["application", "status", "due_on"], name="action_team_status")]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ActionStatus.values), name="action_status_valid"),
        ]

    def __str__(self):
        return self.description

    @property
    def activity_parent(self):
        return self.application

    @property
    def is_outstanding(self) -> bool:
        return self.status in OUTSTANDING_ACTION_STATES

    def is_overdue(self, today=None) -> bool:
        return self.is_outstanding and self.due_on < (today or timezone.localdate())


class MentorWork(models.Model):
    """Time a mentor spent outside sessions (preparation, travel, reading reports), against the same budget."""

    assignment = models.ForeignKey(MentorAssignment, on_delete=models.CASCADE, related_name="other_work")
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for team"),
    )
    kind = models.CharField(_("kind of work"), max_length=20, choices=WorkKind.choices)
    worked_on = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("other logged work")
        verbose_name_plural = _("other logged work")
        ordering = ["-worked_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=WorkKind.values), name="mentor_work_kind_valid"),
            models.CheckConstraint(condition=models.Q(hours__gt=0, hours__lte=24), name="mentor_work_hours_range"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.worked_on}"
