"""Mentoring choices: budget units, session modes, kinds of other work and the states of an agreed action."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# A budget given in days is counted at this many hours a day.
HOURS_PER_DAY = 8


class BudgetUnit(models.TextChoices):
    HOURS = "hours", _("Hours")
    DAYS = "days", _("Days")


class SessionMode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    PROGRAMME_PHASE = "phase", _("During a programme phase")


class WorkKind(models.TextChoices):
    PREPARATION = "preparation", _("Preparation")
    TRAVEL = "travel", _("Travel")
    REPORT_READING = "report_reading", _("Reading reports")
    OTHER = "other", _("Other")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CARRIED_OVER = "carried_over", _("Carried over")
    DROPPED = "dropped", _("Dropped")


# Still to do: shown at the next session, in the digest and in the progress report.
OUTSTANDING_ACTION_STATES = frozenset({ActionStatus.OPEN, ActionStatus.CARRIED_OVER})
