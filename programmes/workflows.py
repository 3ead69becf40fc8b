"""Publication of programmes and intakes on the portal's one workflow kit (`portal.workflow`).

Only programme staff publish and unpublish; the entries are for staff (`Audience.STAFF`).
"""

from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.models import Audience
from portal.workflow import Transition, Workflow

from .enums import PublicationStatus as P


def _publication(name: str) -> Workflow:
    return Workflow(
        name=name,
        transitions=[
            Transition(P.DRAFT, P.PUBLISHED, allowed=is_programme_staff, verb=_("published"), audience=Audience.STAFF),
            Transition(
                P.PUBLISHED, P.DRAFT, allowed=is_programme_staff, verb=_("unpublished"), audience=Audience.STAFF
            ),
        ],
        always_save=("updated_at",),
    )


PROGRAMME_WORKFLOW = _publication("programme")
INTAKE_WORKFLOW = _publication("intake")
