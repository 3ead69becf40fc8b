"""Study-visit choices, with the state groups the services and pages read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceStatus(models.TextChoices):
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a freed place")
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    DECLINED = "declined", _("Offer declined")
    EXPIRED = "expired", _("Offer expired")


P = PlaceStatus

# Hold a seat: a booked place, and an offer until it is accepted, declined or expires.
SEAT_STATES = frozenset({P.BOOKED, P.OFFERED})
# A person has at most one place in these states per visit.
ACTIVE_STATES = frozenset({P.WAITING, P.OFFERED, P.BOOKED})


class AgendaKind(models.TextChoices):
    SITE_VISIT = "site_visit", _("Site visit")
    POLITICIANS = "politicians", _("Meeting with politicians")
    WORKSHOP = "workshop", _("Workshop")
    TRAVEL = "travel", _("Travel")
    MEAL = "meal", _("Meal")
