"""Who may do what with an application. Views turn a refusal into a 404 so nothing leaks."""

import rules

from accounts.rules import is_programme_staff
from portal.permissions import answer_once_per_object

from .enums import EDITABLE_STATES, TEAM_TRANSITIONS, WITHDRAW_BY_DEADLINE_STATES, ApplicationStatus


@rules.predicate
@answer_once_per_object
def is_member(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    # Use the prefetched team when the view loaded it.
    cache = getattr(application, "_prefetched_objects_cache", {})
    if "members" in cache:
        return any(m.user_id == user.pk for m in cache["members"])
    return application.members.filter(user=user).exists()


@rules.predicate
def is_contact_person(user, application) -> bool:
    return application is not None and user.is_authenticated and application.contact_person_id == user.pk


@rules.predicate
def is_editable(user, application) -> bool:
    """A draft up to the team's deadline; after it (without an extension) the draft is read-only."""
    return application is not None and application.is_editable()


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.status in EDITABLE_STATES


@rules.predicate
def is_withdrawable_by_team(user, application) -> bool:
    return application is not None and (application.status, ApplicationStatus.WITHDRAWN) in TEAM_TRANSITIONS


@rules.predicate
def is_within_withdrawal_window(user, application) -> bool:
    """Drafts and submitted applications only up to the team's deadline, as application_withdraw checks."""
    return application is not None and (
        application.status not in WITHDRAW_BY_DEADLINE_STATES or application.is_before_deadline()
    )


can_view = is_member | is_programme_staff
can_edit = is_member & is_editable
can_manage_team = is_contact_person & is_editable

rules.add_perm("applications.view_application", can_view)
rules.add_perm("applications.edit_application", can_edit)
rules.add_perm("applications.manage_team", can_manage_team)
# Not `is_editable`: a late press on Submit reaches the service, which says the deadline has passed.
rules.add_perm("applications.submit_application", is_contact_person & is_draft)
rules.add_perm(
    "applications.withdraw_application",
    is_contact_person & is_withdrawable_by_team & is_within_withdrawal_window,
)
rules.add_perm("applications.screen_application", is_programme_staff)
rules.add_perm("applications.manage_applications", is_programme_staff)
