"""Who may do what with study visits. Views turn every refusal into a 404, so ids reveal nothing.

A visit belongs to an intake: its participants (members of the intake's selected, confirmed teams)
see it and may sign up; programme staff manage it; the host contact records attendance.
"""

import rules

from accounts.rules import is_programme_staff


@rules.predicate
def is_intake_participant(user, visit) -> bool:
    """A member of one of the visit's intake's selected, confirmed teams."""
    if visit is None or not user.is_authenticated:
        return False
    from .selectors import participant_team

    return participant_team(user=user, intake=visit.intake) is not None


@rules.predicate
def is_host_contact(user, visit) -> bool:
    return visit is not None and user.is_authenticated and visit.host_contact_id == user.pk


@rules.predicate
def is_place_holder(user, place) -> bool:
    return place is not None and user.is_authenticated and place.user_id == user.pk


@rules.predicate
def is_offer_open(user, place) -> bool:
    return place is not None and place.offer_is_open()


@rules.predicate
def is_before_visit(user, place) -> bool:
    return place is not None and not place.visit.has_started()


can_view_visit = is_programme_staff | is_host_contact | is_intake_participant
can_record_attendance = is_programme_staff | is_host_contact

rules.add_perm("study_visits.manage_visits", is_programme_staff)
rules.add_perm("study_visits.view_visit", can_view_visit)
rules.add_perm("study_visits.record_attendance", can_record_attendance)
rules.add_perm("study_visits.sign_up", is_intake_participant)

# Who may move a place, per transition (the PLACE_WORKFLOW table in workflows.py reads these);
# offers and their expiry are made by the portal itself (system transitions, by=None).
may_cancel_place = (is_place_holder & is_before_visit) | is_programme_staff
may_answer_offer = is_place_holder & is_offer_open
