"""Who may do what with a change project. Views answer 404 for every refusal.

Participants of the team edit the plan and submit reports; programme staff read everything and
approve; the team's mentor reads and comments. Predicates accept the project or any of its parts
(milestone, indicator, risk, report, document): `project_of` finds the project.
"""

import rules

from accounts.rules import is_programme_staff
from mentoring.rules import is_team_mentor

from .enums import EDITABLE_REPORT_STATES, PlanStatus


def project_of(obj):
    """The change project `obj` belongs to (itself when it is one)."""
    from .models import ChangeProject

    if obj is None or isinstance(obj, ChangeProject):
        return obj
    return obj.project


@rules.predicate
def is_participant(user, intake_or_project) -> bool:
    """A participant of this project, or of any project of this intake."""
    from programmes.models import Intake

    from .models import Participant

    if intake_or_project is None or not user.is_authenticated:
        return False
    if isinstance(intake_or_project, Intake):
        return Participant.objects.filter(project__intake=intake_or_project, user=user).exists()
    project = project_of(intake_or_project)
    cache = getattr(project, "_prefetched_objects_cache", {})
    if "participants" in cache:
        return any(p.user_id == user.pk for p in cache["participants"])
    return project.participants.filter(user=user).exists()


@rules.predicate
def is_project_mentor(user, obj) -> bool:
    """The team's mentor (mentoring's assignment of the application)."""
    project = project_of(obj)
    if project is None or not user.is_authenticated:
        return False
    return is_team_mentor(user, project.application)


@rules.predicate
def is_report_editable(user, report) -> bool:
    return report is not None and report.status in EDITABLE_REPORT_STATES


@rules.predicate
def is_plan_approved(user, obj) -> bool:
    project = project_of(obj)
    return project is not None and project.plan_status == PlanStatus.APPROVED


can_view_project = is_participant | is_programme_staff | is_project_mentor
can_edit_project = is_participant
can_comment = is_project_mentor

rules.add_perm("change_projects.view_project", can_view_project)
rules.add_perm("change_projects.edit_project", can_edit_project)
rules.add_perm("change_projects.edit_report", is_participant & is_report_editable)
rules.add_perm("change_projects.comment_report", is_project_mentor)
rules.add_perm("change_projects.manage_projects", is_programme_staff)
