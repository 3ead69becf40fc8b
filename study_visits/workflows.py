"""The place workflow: every way a place on a study visit changes state, and who may trigger it.

Places are created booked or waiting (study_visits.services decides under the visit's lock); from
then on `portal.workflow.transition` with this table is the only way their status changes.
Offers and their expiry are made by the portal itself (`by=None`, system transitions).
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.models import Audience
from portal.workflow import Transition, Workflow

from .enums import PlaceStatus
from .rules import may_answer_offer, may_cancel_place

P = PlaceStatus


def _queue_email(kind: str):
    def notify(activity):
        from .tasks import send_place_email

        # The person hears of what others did to their place, not of their own clicks.
        transaction.on_commit(lambda: send_place_email.delay(activity.object_id, kind, activity.actor_id))

    return notify


def _hold_seat(place, *, deadline, **kwargs):
    place.offer_expires_at = deadline
    return ["offer_expires_at"]


def _clear_offer(place, **kwargs):
    place.offer_expires_at = None
    return ["offer_expires_at"]


PLACE_WORKFLOW = Workflow(
    name="study_visit_place",
    always_save=("updated_at",),
    transitions=[
        Transition(
            P.WAITING,
            P.OFFERED,
            system=True,
            verb=_("offered a freed place"),
            effects=(_hold_seat,),
            notify=(_queue_email("offered"),),
        ),
        Transition(
            P.OFFERED,
            P.BOOKED,
            allowed=may_answer_offer,
            verb=_("accepted the offered place"),
            effects=(_clear_offer,),
        ),
        Transition(
            P.OFFERED,
            P.DECLINED,
            allowed=may_answer_offer,
            verb=_("declined the offered place"),
            effects=(_clear_offer,),
        ),
        Transition(
            P.OFFERED,
            P.EXPIRED,
            system=True,
            verb=_("let the offer expire"),
            notify=(_queue_email("expired"),),
        ),
        Transition(
            (P.BOOKED, P.WAITING),
            P.CANCELLED,
            allowed=may_cancel_place,
            verb=_("cancelled the place"),
            notify=(_queue_email("cancelled"),),
        ),
        # Staff take back an offer (e.g. the person told them they cannot come).
        Transition(
            P.OFFERED,
            P.CANCELLED,
            allowed=is_programme_staff,
            verb=_("withdrew the offer"),
            audience=Audience.TEAM,
            effects=(_clear_offer,),
            notify=(_queue_email("cancelled"),),
        ),
    ],
)
