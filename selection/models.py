"""Selection records: conflicts of interest, assignments, reviews and scores, decisions, e-mails, confirmations.

Figures (weighted totals, means, ranks) are never stored: selectors compute them in the database.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import (
    AssignmentStatus,
    ConfirmationStatus,
    ConflictKind,
    ConflictStatus,
    Outcome,
    Recommendation,
    ReviewStatus,
)


def _token() -> str:
    return secrets.token_urlsafe(32)


class SelectionSettings(models.Model):
    """Selection settings of one intake (kept here so the programmes models stay as they are)."""

    intake = models.OneToOneField("programmes.Intake", on_delete=models.CASCADE, related_name="selection_settings")
    blind_review = models.BooleanField(
        _("blind review"), default=False, help_text=_("Reviewers do not see the names of the people in a team.")
    )
    review_deadline = models.DateTimeField(_("reviews due"), null=True, blank=True)
    reminder_days = models.PositiveSmallIntegerField(
        _("remind reviewers this many days before"), default=3, validators=[MaxValueValidator(60)]
    )
    confirmation_days = models.PositiveSmallIntegerField(
        _("days an accepted team has to confirm"), default=14, validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    reviews_required = models.PositiveSmallIntegerField(
        _("valid reviews each application needs"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Submitted reviews that are not voided by a conflict; the pages show how many are still missing."),
    )
    spread_threshold = models.DecimalField(
        _("flag when reviewers differ by more than (points of 100)"),
        max_digits=5,
        decimal_places=2,
        default=20,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # The tie-break rule: equal means are ordered by the higher mean on this criterion, then the smaller spread.
    tie_break_criterion = models.ForeignKey(
        "programmes.RubricCriterion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("break ties by the higher mean on"),
        help_text=_("Equal means are ordered by the higher mean score on this criterion."),
    )
    tie_break_spread = models.BooleanField(
        _("then by the smaller spread between reviewers"),
        default=False,
        help_text=_("Equal means left after that are ordered by how much the reviewers agree."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("selection settings")
        verbose_name_plural = _("selection settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confirmation_days__gte=1), name="selection_settings_confirmation_days"
            ),
            models.CheckConstraint(
                condition=models.Q(spread_threshold__gte=0, spread_threshold__lte=100),
                name="selection_settings_spread_range",
            ),
        ]

    def __str__(self):
        return str(self.intake)

    def clean(self):
        if self.tie_break_criterion_id and self.tie_break_criterion.intake_id != self.intake_id:
            raise ValidationError(
                {"tie_break_criterion": _("Choose one of this intake's criteria.")}, code="tie_break_criterion"
            )


class ReviewerInvitation(models.Model):
    """A reviewer added by e-mail who has no account yet; they register and open the link."""

    intake = models.ForeignKey("programmes.Intake", on_delete=models.CASCADE, related_name="reviewer_invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reviewer invitation")
        verbose_name_plural = _("reviewer invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


class ConflictDeclaration(models.Model):
    """A reviewer's answer to “do you have a conflict of interest with this application?”.

    One per reviewer and application; a later change (e.g. staff marking a conflict) updates it and
    the history keeps every earlier answer. A declared conflict stands (`declared`) unless staff keep
    the reviewer with a written justification (`waived`, through `selection.workflows.CONFLICT_WORKFLOW`).
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts")
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    kind = models.CharField(_("kind of conflict"), max_length=20, choices=ConflictKind.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("declared by")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ConflictStatus.choices, default=ConflictStatus.DECLARED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conflict of interest declaration")
        verbose_name_plural = _("conflict of interest declarations")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="conflict_one_per_reviewer"),
            models.CheckConstraint(
                condition=models.Q(has_conflict=False, kind="")
                | models.Q(has_conflict=True, kind__in=ConflictKind.values),
                name="conflict_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ConflictStatus.DECLARED)
                | models.Q(status=ConflictStatus.WAIVED, has_conflict=True),
                name="conflict_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} — {self.application}"

    @property
    def stands(self) -> bool:
        """A conflict that keeps the reviewer away from the application."""
        return self.has_conflict and self.status == ConflictStatus.DECLARED

    @property
    def activity_parent(self):
        return self.application


class ReviewAssignment(models.Model):
    """A reviewer asked to score an application. Voided (not deleted) on a late conflict or a reassignment.

    Its status moves only through `selection.workflows.ASSIGNMENT_WORKFLOW`.
    """

    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    voided_reason = models.TextField(_("why it was voided"), blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"],
                condition=models.Q(status=AssignmentStatus.ACTIVE),
                name="assignment_one_active_per_reviewer",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AssignmentStatus.values), name="assignment_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status=AssignmentStatus.ACTIVE) | models.Q(voided_at__isnull=False),
                name="assignment_voided_when",
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.application}"

    @property
    def is_voided(self) -> bool:
        return self.status == AssignmentStatus.VOIDED

    @property
    def activity_parent(self):
        return self.application


class Review(models.Model):
    """One reviewer's review of one application: scores per criterion, a recommendation, a comment."""

    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices, blank=True)
    comment = models.TextField(_("overall comment"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ReviewStatus.values), name="review_status_valid"),
            models.CheckConstraint(
                condition=models.Q(recommendation="") | models.Q(recommendation__in=Recommendation.values),
                name="review_recommendation_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ReviewStatus.DRAFT)
                | models.Q(submitted_at__isnull=False) & ~models.Q(recommendation=""),
                name="review_submitted_complete",
            ),
        ]

    def __str__(self):
        return str(self.assignment)

    @property
    def is_submitted(self) -> bool:
        return self.status == ReviewStatus.SUBMITTED

    @property
    def activity_parent(self):
        return self.assignment.application


class CriterionScore(models.Model):
    """A score on one rubric criterion, 0..the criterion's maximum (checked by the service)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("programmes.RubricCriterion", on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True, validators=[MaxValueValidator(100)])
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_one_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=100),
                name="score_range",
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class Decision(models.Model):
    """A selection decision with its internal reason; the team hears of it only when staff release.

    `reason` is for staff only (the ranking, the record, reports); `message` is the optional text the
    team reads in the decision e-mail ({message}) and on its status page. The reason never reaches the team.

    An application may have several over time (waitlisted, then accepted); the latest counts.
    Whether it is released is the application's status alone: staged (e.g. ACCEPTED_PENDING) until
    staff release it, then the outcome (ACCEPTED).
    """

    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("internal reason"))
    message = models.TextField(_("message to the team"), blank=True)
    justification = models.TextField(_("justification for accepting over a higher-ranked team"), blank=True)
    overfill_confirmed = models.BooleanField(_("accepted beyond the places, confirmed"), default=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(outcome__in=Outcome.values), name="decision_outcome_valid"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="decision_reason_required"),
        ]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"


class NotificationTemplate(models.Model):
    """The e-mail a team receives for one outcome in one intake. Without one, the default text is used."""

    intake = models.ForeignKey("programmes.Intake", on_delete=models.CASCADE, related_name="notification_templates")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notification template")
        verbose_name_plural = _("notification templates")
        constraints = [
            models.UniqueConstraint(fields=["intake", "outcome"], name="template_one_per_outcome"),
            models.CheckConstraint(condition=models.Q(outcome__in=Outcome.values), name="template_outcome_valid"),
        ]

    def __str__(self):
        return f"{self.intake}: {self.get_outcome_display()}"


class Confirmation(models.Model):
    """An accepted team's confirmation of participation, by a deadline, from an unguessable link.

    Its status moves only through `selection.workflows.CONFIRMATION_WORKFLOW`; `closed_at` is when
    it left `pending` (confirmed, declined or expired).
    """

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="confirmation"
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    deadline = models.DateTimeField(_("confirm by"))
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ConfirmationStatus.choices, default=ConfirmationStatus.PENDING
    )
    closed_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ConfirmationStatus.values), name="confirmation_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status=ConfirmationStatus.PENDING) | models.Q(closed_at__isnull=False),
                name="confirmation_closed_when",
            ),
        ]

    def __str__(self):
        return str(self.application)

    @property
    def is_open(self) -> bool:
        return self.status == ConfirmationStatus.PENDING

    @property
    def activity_parent(self):
        return self.application
