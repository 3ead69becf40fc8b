import secrets
import unicodedata
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from accounts.models import Gender
from programmes.enums import CEFRLevel, MemberRoleType, OrganisationType

from .enums import ACTIVE_STATES, EDITABLE_STATES, STAGED_STATES, ApplicationStatus, AttachmentKind
from .validators import validate_sdgs

# The default word limit of each long answer. An intake may set its own (`Intake.word_limits`, read
# through applications.documents.word_limits); the forms and the checklist apply the intake's.
WORD_LIMITS = {
    "problem": 300,
    "objectives": 200,
    "target_group": 150,
    "stakeholders": 200,
    "citizen_involvement": 200,
    "expected_results": 200,
    "timeline": 200,
    "commitment_staff_time": 150,
    "commitment_budget": 150,
    "baseline_political_commitment": 150,
    "baseline_dedicated_staff": 150,
    "baseline_current_situation": 250,
    "builds_on_description": 150,
}


def _answer(label, name, help_text=""):
    return models.TextField(label, blank=True, help_text=help_text)


class Application(models.Model):
    """A team's application to one intake: the team, its organisations and its change-project outline."""

    intake = models.ForeignKey("programmes.Intake", on_delete=models.PROTECT, related_name="applications")
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications_as_contact",
        verbose_name=_("contact person"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    deadline_override = models.DateTimeField(
        _("extended deadline for this team"), null=True, blank=True, help_text=_("Leave empty to use the intake's.")
    )
    deadline_override_reason = models.TextField(_("reason for the extension"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The receipt: a short reference given at the first submission, e.g. LLG-2027-014 (number within the intake).
    number = models.PositiveIntegerField(_("number in the intake"), null=True, blank=True, editable=False)
    reference = models.CharField(_("reference"), max_length=30, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # --- The change-project outline
    title = models.CharField(_("title of the change project"), max_length=200, blank=True)
    problem = _answer(_("the problem the change project addresses"), "problem")
    objectives = _answer(_("objectives"), "objectives")
    target_group = _answer(
        _("target group"), "target_group", _("Who benefits? For example the urban poor or excluded groups.")
    )
    core_areas = models.JSONField(_("core areas"), default=list, blank=True)
    sdgs = models.JSONField(
        _("related Sustainable Development Goals"), default=list, blank=True, validators=[validate_sdgs]
    )
    stakeholders = _answer(_("stakeholders"), "stakeholders")
    citizen_involvement = _answer(_("how citizens are involved"), "citizen_involvement")
    expected_results = _answer(_("expected results"), "expected_results")
    timeline = _answer(_("rough timeline"), "timeline")
    commitment_staff_time = _answer(_("staff time committed"), "commitment_staff_time")
    commitment_budget = _answer(
        _("budget committed"),
        "commitment_budget",
        _("The programme funds no implementation: say what your organisation will pay for."),
    )
    baseline_political_commitment = _answer(_("political commitment today"), "baseline_political_commitment")
    baseline_dedicated_staff = _answer(_("staff dedicated today"), "baseline_dedicated_staff")
    baseline_current_situation = _answer(_("the current situation"), "baseline_current_situation")
    builds_on_previous = models.BooleanField(_("builds on a previous team's change project"), default=False)
    builds_on_description = _answer(_("which change project, and how"), "builds_on_description")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        # Counts by intake and stage (catalogue, intake lists, dashboards) read this index alone.
        indexes = [models.Index(fields=["intake", "status"], name="application_intake_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ApplicationStatus.values), name="application_status_valid"
            ),
            models.UniqueConstraint(
                fields=["intake", "number"], condition=models.Q(number__isnull=False), name="application_number_unique"
            ),
            models.UniqueConstraint(
                fields=["intake", "contact_person"],
                condition=models.Q(status__in=sorted(ACTIVE_STATES)),
                name="application_one_per_contact_per_intake",
            ),
        ]

    def __str__(self):
        return self.title or _("Application %(pk)s") % {"pk": self.pk}

    @property
    def deadline(self):
        """The team's own deadline: its extension if it has one, else the intake's."""
        return self.deadline_override or self.intake.closes_at

    def status_for_team(self) -> str:
        """The status the team has been told: a staged (unreleased) decision reads as the last told status.

        What the team was told is the last state its activity feed shows it (staged decisions are
        recorded for staff only). List selectors annotate `told_status`; a single application asks.
        """
        if self.status not in STAGED_STATES:
            return self.status
        if hasattr(self, "told_status"):
            return self.told_status or ApplicationStatus.UNDER_REVIEW
        from .selectors import told_status_of

        return told_status_of(self) or ApplicationStatus.UNDER_REVIEW

    def get_status_for_team_display(self) -> str:
        return ApplicationStatus(self.status_for_team()).label

    def is_before_deadline(self, now=None) -> bool:
        """The closing second itself still counts, as for the intake."""
        return (now or timezone.now()) <= self.deadline

    def is_editable(self, now=None) -> bool:
        """The team may change a draft up to its deadline; an extension reopens it."""
        return self.status in EDITABLE_STATES and self.is_before_deadline(now)

    def is_closed_draft(self, now=None) -> bool:
        """A draft whose deadline has passed: read-only, and it can no longer be submitted."""
        return self.status in EDITABLE_STATES and not self.is_before_deadline(now)


class Organisation(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices)
    country = CountryField(_("country"))

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(type__in=OrganisationType.values), name="organisation_type_valid")
        ]

    def __str__(self):
        return self.name


class TeamMember(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships")
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role_type = models.CharField(_("role in the team"), max_length=20, choices=MemberRoleType.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    english_level = models.CharField(
        _("English level (self-declared)"), max_length=2, choices=CEFRLevel.choices, blank=True
    )
    date_of_birth = models.DateField(
        _("date of birth"), null=True, blank=True, help_text=_("Optional; asked only when the intake has an age limit.")
    )
    is_contact = models.BooleanField(_("contact person"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["-is_contact", "joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "user"], name="team_member_unique"),
        ]

    def __str__(self):
        return str(self.user)


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


INVITATION_DAYS = 14


def _invitation_expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """An invitation to join a team, sent to one e-mail address; the link carries an unguessable token."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) > self.expires_at


def attachment_path(instance, filename):
    """A private path with a random name; the applicant's file name is kept in `original_name` only."""
    suffix = Path(filename).suffix.lower()
    return f"private/applications/{instance.application_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    member = models.ForeignKey(
        TeamMember,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("member"),
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=100)
    # The content's fingerprint, to notice the same file uploaded twice.
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["kind", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=AttachmentKind.values), name="attachment_kind_valid")
        ]

    def __str__(self):
        return self.original_name

    @property
    def activity_parent(self):
        """Who downloaded this file shows on the application's feed (for programme staff)."""
        return self.application


def name_key(name: str) -> str:
    """A person's name for matching: case, accents and spacing ignored ("  José  Pérez" = "jose perez")."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


class EarlierParticipant(models.Model):
    """Someone who took part in a programme before the portal, from a list staff imported (CSV).

    Screening matches a team against it by e-mail, or by name + date of birth + country, when the
    intake excludes earlier participants (selectors.earlier_participants).
    """

    full_name = models.CharField(_("full name"), max_length=200)
    # Both written by services.earlier_participants_import: the name as matched, the e-mail in lower case.
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    country = CountryField(_("country"), blank=True)
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("earlier participant")
        verbose_name_plural = _("earlier participants")
        ordering = ["name_key", "pk"]

    def __str__(self):
        return self.full_name
