"""The agreed actions' workflow: the one table of who may move an action where.

The team ticks off its own actions (and may undo the tick); the mentor follows every action up
at the next session (done, carried over with a new due date, dropped). Carrying over keeps the
same row: its activity entries and history are the action's story.
"""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from applications.rules import is_member
from portal.workflow import Transition, Workflow

from .enums import ActionStatus
from .rules import is_team_mentor

A = ActionStatus


@rules.predicate
def is_action_owner(user, action) -> bool:
    return action is not None and user.is_authenticated and action.owner_id == user.pk


@rules.predicate
def is_action_team_member(user, action) -> bool:
    return action is not None and is_member(user, action.application)


@rules.predicate
def is_action_mentor(user, action) -> bool:
    return action is not None and is_team_mentor(user, action.application)


# The owner ticks off their own action (a member of the team; the mentor's own are the mentor's).
can_tick = (is_action_owner & is_action_team_member) | is_action_mentor | is_programme_staff
can_follow_up = is_action_mentor | is_programme_staff


def _followed_up(action, *, by, reason, source, session=None, due_on=None, **extra):
    """Record the session that followed the action up and, when carried over, its new due date."""
    changed = []
    if session is not None:
        action.last_followed_up_in = session
        changed.append("last_followed_up_in")
    if due_on is not None:
        action.due_on = due_on
        changed.append("due_on")
    return changed


OUTSTANDING = (A.OPEN, A.CARRIED_OVER)

ACTION_WORKFLOW = Workflow(
    name="coaching_action",
    always_save=("updated_at",),
    transitions=[
        Transition(OUTSTANDING, A.DONE, allowed=can_tick, verb=_("marked the action done"), effects=(_followed_up,)),
        Transition(
            OUTSTANDING,
            A.CARRIED_OVER,
            allowed=can_follow_up,
            verb=_("carried the action over"),
            effects=(_followed_up,),
        ),
        Transition(
            OUTSTANDING, A.DROPPED, allowed=can_follow_up, verb=_("dropped the action"), effects=(_followed_up,)
        ),
        Transition(A.DONE, A.OPEN, allowed=can_tick, verb=_("reopened the action")),
        Transition(A.DROPPED, A.OPEN, allowed=can_follow_up, verb=_("reopened the action")),
    ],
)
