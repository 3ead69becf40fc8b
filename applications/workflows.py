"""The application's state machine on the portal's one workflow kit (`portal.workflow`).

The table is `enums.ALLOWED_TRANSITIONS`; who may trigger each arrow is said here: the team's
contact person for the arrows in `enums.TEAM_TRANSITIONS`, programme staff for every other one.
The system (a beat task, `by=None`) may only withdraw an accepted team that let its confirmation
deadline pass. Staged decisions are recorded for staff only and e-mail nobody.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.models import Audience
from portal.workflow import Transition, Workflow

from .enums import ALLOWED_TRANSITIONS, STAGED_STATES, TEAM_TRANSITIONS
from .enums import ApplicationStatus as S
from .rules import is_contact_person

# Arrows the system may take without a person (the daily confirmation expiry).
SYSTEM_TRANSITIONS = frozenset({(S.ACCEPTED, S.WITHDRAWN)})
# Reversing a screening decision needs a comment (it is e-mailed to the team with the new state).
REASON_REQUIRED = frozenset({(S.ELIGIBLE, S.INELIGIBLE), (S.INELIGIBLE, S.ELIGIBLE)})

VERBS = {
    S.DRAFT: _("reopened the application"),
    S.SUBMITTED: _("submitted the application"),
    S.ELIGIBLE: _("found the application eligible"),
    S.INELIGIBLE: _("found the application not eligible"),
    S.UNDER_REVIEW: _("started the review"),
    S.ACCEPTED_PENDING: _("decided to accept the team"),
    S.WAITLISTED_PENDING: _("decided to put the team on the waiting list"),
    S.REJECTED_PENDING: _("decided not to select the team"),
    S.ACCEPTED: _("released the acceptance"),
    S.WAITLISTED: _("released the waiting-list decision"),
    S.REJECTED: _("released the decision not to select the team"),
    S.WITHDRAWN: _("withdrew the application"),
}


def _stamp_submitted(application, **_kwargs):
    application.submitted_at = timezone.now()
    return ["submitted_at"]


def _email_team(activity):
    from .tasks import send_status_email

    send_status_email.delay(activity.pk)


def _arrow(source: str, target: str) -> Transition:
    team = (source, target) in TEAM_TRANSITIONS
    return Transition(
        source,
        target,
        allowed=is_contact_person if team else is_programme_staff,
        verb=VERBS[target],
        audience=Audience.STAFF if target in STAGED_STATES else Audience.TEAM,
        system=(source, target) in SYSTEM_TRANSITIONS,
        reason_required=(source, target) in REASON_REQUIRED,
        effects=(_stamp_submitted,) if target == S.SUBMITTED else (),
        notify=() if target in STAGED_STATES else (_email_team,),
    )


APPLICATION_WORKFLOW = Workflow(
    name="application",
    transitions=[
        _arrow(source, target) for source, targets in ALLOWED_TRANSITIONS.items() for target in sorted(targets)
    ],
    always_save=("updated_at",),
)
