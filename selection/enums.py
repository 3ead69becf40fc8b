"""Selection's choices, with the groups the services and pages read."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from applications.enums import ApplicationStatus


class ConflictKind(models.TextChoices):
    SAME_ORGANISATION = "same_organisation", _("Same organisation or a link with the country")
    PERSONAL = "personal", _("Personal relation with a team member")
    OTHER = "other", _("Other")


class ConflictStatus(models.TextChoices):
    """Whether a declared conflict stands, or staff kept the reviewer despite it (with a written justification)."""

    DECLARED = "declared", _("Stands")
    WAIVED = "waived", _("Reviewer kept by staff")


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    WAITLIST = "waitlist", _("Waiting list")
    REJECT = "reject", _("Reject")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    # Ended by a conflict of interest or a reassignment; kept (with its review) for the record.
    VOIDED = "voided", _("Voided")


class ConfirmationStatus(models.TextChoices):
    PENDING = "pending", _("Not yet")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Deadline passed")


class Outcome(models.TextChoices):
    """A decision on an application; the values are the application statuses they lead to."""

    ACCEPTED = ApplicationStatus.ACCEPTED.value, _("Accepted")
    WAITLISTED = ApplicationStatus.WAITLISTED.value, _("Waiting list")
    REJECTED = ApplicationStatus.REJECTED.value, _("Not selected")
