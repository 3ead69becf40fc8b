"""Who may do what in mentoring. Views turn a refusal into a 404 so nothing leaks.

`is_team_mentor(user, application)` is the one answer to "is this person the team's mentor": a
mentor assignment in the application's intake names the team, and the person still holds the
mentor role there. Other apps (change projects) compose it into their own rules.
"""

import rules

from accounts.rules import is_programme_staff
from applications.rules import is_member
from portal.permissions import answer_once_per_object
from programmes.enums import IntakeRoleType


@rules.predicate
@answer_once_per_object
def is_team_mentor(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    from .models import MentoredTeam

    return MentoredTeam.objects.filter(
        application_id=application.pk,
        assignment__mentor=user,
        assignment__intake__roles__user=user,
        assignment__intake__roles__role=IntakeRoleType.MENTOR,
    ).exists()


@rules.predicate
def is_assignment_mentor(user, assignment) -> bool:
    return assignment is not None and user.is_authenticated and assignment.mentor_id == user.pk


# The team's coaching: its mentor, its members and staff.
can_view_coaching = is_team_mentor | is_member | is_programme_staff
# Private notes and the mentor's own logs: the mentor and staff, never the team.
can_view_private_notes = is_team_mentor | is_programme_staff
can_log_session = is_team_mentor | is_programme_staff

rules.add_perm("mentoring.manage_mentoring", is_programme_staff)
rules.add_perm("mentoring.view_team_coaching", can_view_coaching)
rules.add_perm("mentoring.view_private_notes", can_view_private_notes)
rules.add_perm("mentoring.log_session", can_log_session)
rules.add_perm("mentoring.view_assignment", is_assignment_mentor | is_programme_staff)
