"""Application states, their named groups and the one table of allowed transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    UNDER_REVIEW = "under_review", _("Under review")
    # A selection decision is staged first (staff see it, the team does not) and becomes the
    # outcome itself when staff release it: ACCEPTED means accepted *and told*.
    ACCEPTED_PENDING = "accepted_pending", _("Accepted, not released yet")
    WAITLISTED_PENDING = "waitlisted_pending", _("On the waiting list, not released yet")
    REJECTED_PENDING = "rejected_pending", _("Not selected, not released yet")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = ApplicationStatus

# The team may change its application only while it is a draft.
EDITABLE_STATES = frozenset({S.DRAFT})
# Sent to the programme: everything after submission except a withdrawal.
# The released outcome → its staged (decided, not yet released) state, and back.
STAGED_OF = {S.ACCEPTED: S.ACCEPTED_PENDING, S.WAITLISTED: S.WAITLISTED_PENDING, S.REJECTED: S.REJECTED_PENDING}
RELEASED_OF = {staged: released for released, staged in STAGED_OF.items()}
STAGED_STATES = frozenset(RELEASED_OF)
RELEASED_DECISION_STATES = frozenset(STAGED_OF)
# Decided, released or not: what staff work with (ranking, places, cohort balance).
DECIDED_STATES = frozenset(RELEASED_DECISION_STATES | STAGED_STATES)
# Accepted by staff, released or not (counts against the places).
ACCEPTED_STATES = frozenset({S.ACCEPTED, S.ACCEPTED_PENDING})
WAITLISTED_STATES = frozenset({S.WAITLISTED, S.WAITLISTED_PENDING})
SUBMITTED_STATES = frozenset({S.SUBMITTED, S.ELIGIBLE, S.INELIGIBLE, S.UNDER_REVIEW} | DECIDED_STATES)
# Screened by staff (eligible or not, decided or not): an intake with one is "selecting".
SCREENED_STATES = frozenset(SUBMITTED_STATES - {S.SUBMITTED})
# Not (or no longer) sent to the programme.
NOT_SUBMITTED_STATES = frozenset({S.DRAFT, S.WITHDRAWN})
# Screened eligible and still in the race: what selection works on.
IN_SELECTION_STATES = frozenset({S.ELIGIBLE, S.UNDER_REVIEW})
FINAL_STATES = frozenset({S.REJECTED, S.WITHDRAWN, S.INELIGIBLE})
# The team may withdraw these only up to its deadline; later states (in selection, accepted) at any time.
WITHDRAW_BY_DEADLINE_STATES = frozenset({S.DRAFT, S.SUBMITTED})
# Counts for "one application per person per intake": a withdrawn one frees the person.
ACTIVE_STATES = frozenset(set(S) - {S.WITHDRAWN})

# from → the states it may move to. The transition service refuses anything else.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    # Staff may reopen a submitted application for corrections (back to draft).
    S.SUBMITTED: frozenset({S.DRAFT, S.ELIGIBLE, S.INELIGIBLE, S.WITHDRAWN}),
    S.ELIGIBLE: frozenset({S.UNDER_REVIEW, S.INELIGIBLE, S.SUBMITTED, S.WITHDRAWN}),
    # A screening mistake can be corrected.
    S.INELIGIBLE: frozenset({S.ELIGIBLE, S.SUBMITTED}),
    # Staff decide (staged), may change a staged decision, and release it (staged → outcome).
    S.UNDER_REVIEW: frozenset({*STAGED_STATES, S.ELIGIBLE, S.WITHDRAWN}),
    S.ACCEPTED_PENDING: frozenset({S.ACCEPTED, S.WAITLISTED_PENDING, S.REJECTED_PENDING, S.WITHDRAWN}),
    S.WAITLISTED_PENDING: frozenset({S.WAITLISTED, S.ACCEPTED_PENDING, S.REJECTED_PENDING, S.WITHDRAWN}),
    S.REJECTED_PENDING: frozenset({S.REJECTED, S.ACCEPTED_PENDING, S.WAITLISTED_PENDING, S.WITHDRAWN}),
    # A released decision can be changed; the change is staged again until released.
    S.ACCEPTED: frozenset({S.WITHDRAWN, S.WAITLISTED_PENDING, S.REJECTED_PENDING}),
    S.WAITLISTED: frozenset({S.ACCEPTED_PENDING, S.REJECTED_PENDING, S.WITHDRAWN}),
    S.REJECTED: frozenset({S.WAITLISTED_PENDING, S.ACCEPTED_PENDING}),
    S.WITHDRAWN: frozenset(),
}

# Transitions the team's contact person may make; every other one is for programme staff.
TEAM_TRANSITIONS = frozenset(
    {
        (S.DRAFT, S.SUBMITTED),
        (S.DRAFT, S.WITHDRAWN),
        (S.SUBMITTED, S.WITHDRAWN),
        (S.ELIGIBLE, S.WITHDRAWN),
        (S.UNDER_REVIEW, S.WITHDRAWN),
        (S.ACCEPTED, S.WITHDRAWN),
        (S.WAITLISTED, S.WITHDRAWN),
        # The team does not know of a staged decision; it may withdraw as before it.
        (S.ACCEPTED_PENDING, S.WITHDRAWN),
        (S.WAITLISTED_PENDING, S.WITHDRAWN),
        (S.REJECTED_PENDING, S.WITHDRAWN),
    }
)


def outcome_of(status: str) -> str:
    """The decision a status stands for, staged or released (the status itself otherwise)."""
    return RELEASED_OF.get(status, status)


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(from_status, frozenset())


class AttachmentKind(models.TextChoices):
    MANDATE_LETTER = "mandate_letter", _("Mandate letter")
    CV = "cv", _("CV")
    PASSPORT_COPY = "passport_copy", _("Passport copy")
    PHOTO = "photo", _("Photo")
    MEDICAL_STATEMENT = "medical_statement", _("Medical statement")
    LANGUAGE_CERTIFICATE = "language_certificate", _("Language certificate")


# Documents each member brings (the upload names whose); the mandate letter is the team's.
PER_MEMBER_KINDS = frozenset(
    {
        AttachmentKind.CV,
        AttachmentKind.PASSPORT_COPY,
        AttachmentKind.PHOTO,
        AttachmentKind.MEDICAL_STATEMENT,
        AttachmentKind.LANGUAGE_CERTIFICATE,
    }
)


# The 17 Sustainable Development Goals, by number.
SDG_CHOICES = [
    (1, _("1 No poverty")),
    (2, _("2 Zero hunger")),
    (3, _("3 Good health and well-being")),
    (4, _("4 Quality education")),
    (5, _("5 Gender equality")),
    (6, _("6 Clean water and sanitation")),
    (7, _("7 Affordable and clean energy")),
    (8, _("8 Decent work and economic growth")),
    (9, _("9 Industry, innovation and infrastructure")),
    (10, _("10 Reduced inequalities")),
    (11, _("11 Sustainable cities and communities")),
    (12, _("12 Responsible consumption and production")),
    (13, _("13 Climate action")),
    (14, _("14 Life below water")),
    (15, _("15 Life on land")),
    (16, _("16 Peace, justice and strong institutions")),
    (17, _("17 Partnerships for the goals")),
]
