import zoneinfo
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from applications.enums import SCREENED_STATES  # applications owns the statuses; its enums import nothing here

from .enums import (
    AttachmentRequirement,
    CEFRLevel,
    IntakeRoleType,
    IntakeState,
    PublicationStatus,
)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


MEGABYTE = 1024 * 1024
# The longest word limit staff may set on one outline answer.
MAX_WORD_LIMIT = 5000


def validate_upload_ceiling(value) -> None:
    """An intake's largest upload may be smaller than the portal's (PORTAL_MAX_UPLOAD_BYTES), never larger."""
    ceiling = settings.PORTAL_MAX_UPLOAD_BYTES // MEGABYTE
    if value is not None and value > ceiling:
        raise ValidationError(
            _("At most %(ceiling)d MB: that is the portal's own limit."), params={"ceiling": ceiling}, code="ceiling"
        )


def validate_word_limits(value) -> None:
    if not isinstance(value, dict) or any(
        not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_WORD_LIMIT
        for limit in value.values()
    ):
        raise ValidationError(
            _("Word limits are whole numbers from 1 to %(max)d."), params={"max": MAX_WORD_LIMIT}, code="word_limits"
        )


def default_time_zone() -> str:
    return settings.PORTAL_DEFAULT_TIME_ZONE


class Programme(models.Model):
    """A training programme, e.g. “Leadership in Local Governance”. It runs intakes."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in the catalogue."))
    objectives = models.TextField(_("objectives"), blank=True, help_text=_("Markdown is allowed."))
    expected_outcomes = models.TextField(_("expected outcomes"), blank=True, help_text=_("Markdown is allowed."))
    offers = models.JSONField(_("what is offered"), default=list, blank=True)
    contact_email = models.EmailField(
        _("contact address"),
        blank=True,
        help_text=_("Shown on the programme's pages and error pages, for applicants' questions."),
    )
    languages = models.CharField(
        _("languages of instruction"), max_length=200, blank=True, help_text=_("For example: English, French")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=PublicationStatus.values), name="programme_status_valid"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:programme_detail", kwargs={"slug": self.slug})


def _asked(label, default=AttachmentRequirement.NOT_ASKED):
    """Whether an intake requires, accepts or does not ask for one kind of document."""
    return models.CharField(label, max_length=20, choices=AttachmentRequirement.choices, default=default)


class Intake(models.Model):
    """One run of a programme: its cohort, application window, phases, rules and rubric."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="intakes")
    name = models.CharField(_("name"), max_length=200, help_text=_("For example: 2027 intake, East Africa"))
    status = models.CharField(
        _("publication"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    faq = models.TextField(
        _("questions and answers"),
        blank=True,
        help_text=_("A short FAQ for applicants, shown on the intake's page. Markdown: “## Question” then the answer."),
    )
    # --- Who may apply
    eligible_countries = CountryField(_("eligible countries"), multiple=True, blank=True)
    eligible_organisation_types = models.JSONField(_("eligible organisation types"), default=list, blank=True)
    # --- When: stored in UTC, entered and shown in the intake's own time zone.
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=default_time_zone, validators=[validate_time_zone]
    )
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    # --- The cohort
    team_places = models.PositiveSmallIntegerField(_("team places"), default=10)
    min_team_size = models.PositiveSmallIntegerField(_("smallest team"), default=3)
    max_team_size = models.PositiveSmallIntegerField(_("largest team"), default=5)
    min_politicians = models.PositiveSmallIntegerField(_("at least this many elected politicians"), default=1)
    min_officials = models.PositiveSmallIntegerField(_("at least this many officials"), default=1)
    min_civil_society = models.PositiveSmallIntegerField(_("at least this many civil-society members"), default=1)
    min_women = models.PositiveSmallIntegerField(
        _("at least this many women"),
        default=0,
        validators=[MaxValueValidator(20)],
        help_text=_("0: no rule. A team with fewer women cannot submit and fails the composition check."),
    )
    warn_gender_imbalance = models.BooleanField(
        _("warn when a team is not gender balanced"),
        default=True,
        help_text=_("A warning to the team, never a block."),
    )
    # --- Attachments asked for (one setting per kind of document)
    mandate_letter = _asked(_("mandate letter"), AttachmentRequirement.REQUIRED)
    cvs = _asked(_("CVs"), AttachmentRequirement.OPTIONAL)
    passport_copies = _asked(_("passport copies"))
    photos = _asked(_("photos"))
    medical_statements = _asked(_("medical statements"))
    language_certificates = _asked(_("language certificates"))
    max_upload_mb = models.PositiveSmallIntegerField(
        _("largest upload (MB)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), validate_upload_ceiling],
        help_text=_("Per file. Leave empty for the portal's own limit, which is also the most you can set."),
    )
    # --- The outline: a word limit per long answer; a question not named here keeps the portal's default.
    word_limits = models.JSONField(_("word limits"), default=dict, blank=True, validators=[validate_word_limits])
    # --- Extra eligibility rules, switched on per intake
    exclude_previous_participants = models.BooleanField(
        _("people who took part in an earlier intake may not apply again"), default=False
    )
    min_english_level = models.CharField(
        _("minimum self-declared English level"), max_length=2, choices=CEFRLevel.choices, blank=True
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MinValueValidator(18), MaxValueValidator(120)]
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", verbose_name=_("copied from")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="intake_window_valid"),
            models.CheckConstraint(
                condition=models.Q(max_team_size__gte=models.F("min_team_size")), name="intake_team_size_valid"
            ),
            models.CheckConstraint(condition=models.Q(status__in=PublicationStatus.values), name="intake_status_valid"),
        ]

    def __str__(self):
        return f"{self.programme} — {self.name}"

    def get_absolute_url(self):
        return reverse("programmes:intake_detail", kwargs={"pk": self.pk})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local(self, moment: datetime) -> datetime:
        """A UTC moment shown in the intake's time zone."""
        return timezone.localtime(moment, self.tzinfo)

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether the application window is open. The closing minute itself still counts."""
        now = now or timezone.now()
        return self.status == PublicationStatus.PUBLISHED and self.opens_at <= now <= self.closes_at

    def state(self, now: datetime | None = None) -> str:
        """Upcoming, open, closed, selecting, running or finished, from the dates, phases and screening.

        Closed: past the deadline, nothing screened yet; selecting: staff have screened at least
        one application. Lists prefetch `phases` and annotate `screened_applications`.
        """
        now = now or timezone.now()
        if self.status == PublicationStatus.DRAFT:
            return IntakeState.DRAFT
        if now < self.opens_at:
            return IntakeState.UPCOMING
        if now <= self.closes_at:
            return IntakeState.OPEN
        phases = list(self.phases.all())
        today = self.local(now).date()
        if phases:
            if today > max(p.ends_on for p in phases):
                return IntakeState.FINISHED
            if today >= min(p.starts_on for p in phases):
                return IntakeState.RUNNING
        return IntakeState.SELECTING if self.selection_started() else IntakeState.CLOSED

    def selection_started(self) -> bool:
        annotated = getattr(self, "screened_applications", None)
        if annotated is not None:
            return annotated > 0
        return self.applications.filter(status__in=sorted(SCREENED_STATES)).exists()

    def max_upload_bytes(self) -> int:
        """The largest file a team may upload: the intake's own limit under the portal's ceiling."""
        ceiling = settings.PORTAL_MAX_UPLOAD_BYTES
        return min(ceiling, self.max_upload_mb * MEGABYTE) if self.max_upload_mb else ceiling

    def accepts_country(self, country_code: str) -> bool:
        return not self.eligible_countries or country_code in [c.code for c in self.eligible_countries]


class Phase(models.Model):
    """A stage of an intake, e.g. phase 1 in Sweden, a regional phase, the home phase."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("name"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="phase_dates_valid")
        ]

    def __str__(self):
        return self.name


class RubricCriterion(models.Model):
    """One criterion of an intake's selection rubric. An intake's weights add up to 100."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    guidance = models.TextField(_("guidance for reviewers"), blank=True)
    max_score = models.PositiveSmallIntegerField(
        _("maximum score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(max_score__gte=1), name="criterion_max_score_positive"),
            models.CheckConstraint(condition=models.Q(weight__gte=1, weight__lte=100), name="criterion_weight_range"),
        ]

    def __str__(self):
        return self.name


class IntakeRole(models.Model):
    """A person's role in one intake: reviewer or mentor."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake_roles")
    role = models.CharField(_("role"), max_length=20, choices=IntakeRoleType.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("intake role")
        verbose_name_plural = _("intake roles")
        constraints = [
            models.UniqueConstraint(fields=["intake", "user", "role"], name="intake_role_unique"),
            models.CheckConstraint(condition=models.Q(role__in=IntakeRoleType.values), name="intake_role_valid"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.intake}"
