"""Selection's state machines on the portal's one workflow kit (`portal.workflow`).

- a review: draft → submitted by its own reviewer; submitted → draft (reopened) by staff;
- a review assignment: active → voided by staff, or by its reviewer declaring a conflict;
  voided → active (reinstated) by staff keeping a reviewer despite a declared conflict, with a reason;
- a conflict declaration: declared → waived by staff (the reviewer is kept; a written justification),
  waived → declared by staff marking the conflict again;
- a confirmation: pending → confirmed or declined by the team's contact person (the e-mailed
  link stands for them), pending → expired by the system (the daily beat task).

Decisions are the application's own staged states (`applications.workflows`): staff stage
them, and releasing moves each staged application to its outcome.
"""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.models import Audience
from portal.workflow import Transition, Workflow

from .enums import AssignmentStatus, ConfirmationStatus, ConflictStatus, ReviewStatus


@rules.predicate
def is_own_review(user, review) -> bool:
    return review is not None and user.is_authenticated and review.assignment.reviewer_id == user.pk


@rules.predicate
def is_own_assignment(user, assignment) -> bool:
    return assignment is not None and user.is_authenticated and assignment.reviewer_id == user.pk


@rules.predicate
def is_team_contact(user, confirmation) -> bool:
    return confirmation is not None and user.is_authenticated and confirmation.application.contact_person_id == user.pk


def _stamp_submitted(review, **_kwargs):
    review.submitted_at = timezone.now()
    return ["submitted_at"]


def _stamp_reopened(review, *, by, **_kwargs):
    review.reopened_at, review.reopened_by = timezone.now(), by
    return ["reopened_at", "reopened_by"]


def _stamp_voided(assignment, *, by, reason, **_kwargs):
    assignment.voided_at, assignment.voided_by, assignment.voided_reason = timezone.now(), by, reason
    return ["voided_at", "voided_by", "voided_reason"]


def _clear_voided(assignment, **_kwargs):
    # The activity feed and the history keep when and why it was voided.
    assignment.voided_at, assignment.voided_by, assignment.voided_reason = None, None, ""
    return ["voided_at", "voided_by", "voided_reason"]


def _stamp_closed(confirmation, **_kwargs):
    confirmation.closed_at = timezone.now()
    return ["closed_at"]


R, A, C, K = ReviewStatus, AssignmentStatus, ConfirmationStatus, ConflictStatus

REVIEW_WORKFLOW = Workflow(
    name="review",
    transitions=[
        Transition(
            R.DRAFT,
            R.SUBMITTED,
            allowed=is_own_review,
            verb=_("submitted a review"),
            audience=Audience.STAFF,
            effects=(_stamp_submitted,),
        ),
        Transition(
            R.SUBMITTED,
            R.DRAFT,
            allowed=is_programme_staff,
            verb=_("reopened a review"),
            audience=Audience.STAFF,
            effects=(_stamp_reopened,),
        ),
    ],
    always_save=("updated_at",),
)

ASSIGNMENT_WORKFLOW = Workflow(
    name="review assignment",
    transitions=[
        Transition(
            A.ACTIVE,
            A.VOIDED,
            allowed=is_programme_staff | is_own_assignment,
            verb=_("ended a review assignment"),
            audience=Audience.STAFF,
            reason_required=True,
            effects=(_stamp_voided,),
        ),
        Transition(
            A.VOIDED,
            A.ACTIVE,
            allowed=is_programme_staff,
            verb=_("reinstated a review assignment"),
            audience=Audience.STAFF,
            reason_required=True,
            effects=(_clear_voided,),
        ),
    ],
)

CONFLICT_WORKFLOW = Workflow(
    name="conflict of interest",
    transitions=[
        Transition(
            K.DECLARED,
            K.WAIVED,
            allowed=is_programme_staff,
            verb=_("kept the reviewer despite a declared conflict of interest"),
            audience=Audience.STAFF,
            reason_required=True,
        ),
        Transition(
            K.WAIVED,
            K.DECLARED,
            allowed=is_programme_staff,
            verb=_("marked the conflict of interest as standing again"),
            audience=Audience.STAFF,
            reason_required=True,
        ),
    ],
)

CONFIRMATION_WORKFLOW = Workflow(
    name="confirmation",
    transitions=[
        Transition(
            C.PENDING,
            C.CONFIRMED,
            allowed=is_team_contact,
            verb=_("confirmed the team's place"),
            effects=(_stamp_closed,),
        ),
        Transition(
            C.PENDING,
            C.DECLINED,
            allowed=is_team_contact,
            verb=_("declined the team's place"),
            effects=(_stamp_closed,),
        ),
        Transition(
            C.PENDING,
            C.EXPIRED,
            system=True,
            verb=_("let the confirmation deadline pass"),
            effects=(_stamp_closed,),
        ),
    ],
)
