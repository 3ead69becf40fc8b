from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Offer(models.TextChoices):
    """What a programme offers its participants."""

    TRAINING = "training", _("Training in leadership, strategic planning and communication")
    WORKSHOPS = "workshops", _("Workshops")
    STUDY_VISIT = "study_visit", _("Study visit to a host municipality or region")
    COACHING = "coaching", _("Coaching by programme staff and mentors")


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    CSO = "cso", _("Civil-society organisation")
    ASSOCIATION = "association", _("Association of local governments")


class MemberRoleType(models.TextChoices):
    """The kind of person a team member is; the intake's composition rules count these."""

    POLITICIAN = "politician", _("Elected politician")
    OFFICIAL = "official", _("Municipal or regional official")
    CIVIL_SOCIETY = "civil_society", _("Civil-society member")


class CoreArea(models.TextChoices):
    PARTICIPATION = "participation", _("Participation")
    EQUALITY = "equality", _("Equality and inclusion")
    TRANSPARENCY = "transparency", _("Transparency")
    ACCOUNTABILITY = "accountability", _("Accountability")


class CEFRLevel(models.TextChoices):
    A1 = "A1", _("A1 – beginner")
    A2 = "A2", _("A2 – elementary")
    B1 = "B1", _("B1 – intermediate")
    B2 = "B2", _("B2 – upper intermediate")
    C1 = "C1", _("C1 – advanced")
    C2 = "C2", _("C2 – proficient")

    @classmethod
    def rank(cls, level: str) -> int:
        return list(cls.values).index(level)


class AttachmentRequirement(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked")
    OPTIONAL = "optional", _("Optional")
    REQUIRED = "required", _("Required")


class IntakeState(models.TextChoices):
    """Where an intake is in its life; derived from its dates, never stored."""

    DRAFT = "draft", _("Draft")
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed")
    SELECTING = "selecting", _("Selecting")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class IntakeRoleType(models.TextChoices):
    REVIEWER = "reviewer", _("Reviewer")
    MENTOR = "mentor", _("Mentor")
