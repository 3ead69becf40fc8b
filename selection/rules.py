"""Who may do what in selection. Views turn every refusal into a 404, so ids reveal nothing.

The rule on scores: a reviewer sees only their own review, ever — never another reviewer's scores,
comments or totals, neither before nor after submitting. Programme staff see every review.
"""

import rules

from accounts.rules import is_programme_staff

from .enums import AssignmentStatus
from .models import ConflictDeclaration, ReviewAssignment


@rules.predicate
def is_assigned_reviewer(user, application) -> bool:
    """An active (not voided) assignment to this application."""
    if application is None or not user.is_authenticated:
        return False
    return ReviewAssignment.objects.filter(
        application=application, reviewer=user, status=AssignmentStatus.ACTIVE
    ).exists()


@rules.predicate
def has_declared_conflict(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    return ConflictDeclaration.objects.filter(application=application, reviewer=user, has_conflict=True).exists()


@rules.predicate
def has_declared_no_conflict(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    return ConflictDeclaration.objects.filter(application=application, reviewer=user, has_conflict=False).exists()


# May reach the application at all (the conflict question comes first).
can_review = is_assigned_reviewer & ~has_declared_conflict
# May read the application's content and files and score it.
can_read_for_review = can_review & has_declared_no_conflict

rules.add_perm("selection.manage_selection", is_programme_staff)
rules.add_perm("selection.review_application", can_review)
rules.add_perm("selection.read_application_for_review", can_read_for_review)
