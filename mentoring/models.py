"""Mentoring: who coaches which teams under what agreement, the sessions, the agreed actions, other work.

Figures (hours used, last session, open actions) are never stored: selectors compute them.
"""

import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.models import validate_time_zone

from .enums import HOURS_PER_DAY, BudgetUnit


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
        default="Europe/Stockholm",
        validators=[validate_time_zone],
        help_text=_("Session times are shown in this zone next to the team's."),
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
    def mentor_tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.mentor_time_zone)


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
