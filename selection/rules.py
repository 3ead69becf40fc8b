"""Who may do what in selection. Views turn every refusal into a 404, so ids reveal nothing.

The rule on scores: a reviewer sees only their own review, ever — never another reviewer's scores,
comments or totals, neither before nor after submitting. Programme staff see every review.
"""

import rules
from django.db.models import Exists, OuterRef, Q

from accounts.rules import is_programme_staff

from .enums import AssignmentStatus, ConflictStatus
from .models import ConflictDeclaration, ReviewAssignment

# A conflict keeps the reviewer away unless staff kept them despite it (with a written justification).
STANDING_CONFLICT = Q(has_conflict=True, status=ConflictStatus.DECLARED)
CLEARED = Q(has_conflict=False) | Q(status=ConflictStatus.WAIVED)


def _review_access(user, application) -> tuple[bool, bool, bool]:
    """(assigned and active, a declared conflict that stands, cleared to score) in one query.

    Cleared: declared no conflict, or staff kept the reviewer despite a declared one.
    """
    if application is None or not user.is_authenticated:
        return False, False, False
    declarations = ConflictDeclaration.objects.filter(application=OuterRef("application"), reviewer=user)
    row = (
        ReviewAssignment.objects.filter(application=application, reviewer=user, status=AssignmentStatus.ACTIVE)
        .annotate(
            conflict=Exists(declarations.filter(STANDING_CONFLICT)),
            cleared=Exists(declarations.filter(CLEARED)),
        )
        .values_list("conflict", "cleared")
        .first()
    )
    if row is None:
        return False, False, False
    return True, row[0], row[1]


@rules.predicate
def can_review(user, application) -> bool:
    """May reach the application at all: an active (not voided) assignment and no declared conflict.

    The conflict question comes first; one query, so the scoring page checks cheaply.
    """
    assigned, conflict, _cleared = _review_access(user, application)
    return assigned and not conflict


@rules.predicate
def can_read_for_review(user, application) -> bool:
    """May read the application's content and files and score it: assigned and cleared (see _review_access)."""
    assigned, conflict, cleared = _review_access(user, application)
    return assigned and not conflict and cleared


rules.add_perm("selection.manage_selection", is_programme_staff)
rules.add_perm("selection.review_application", can_review)
rules.add_perm("selection.read_application_for_review", can_read_for_review)
