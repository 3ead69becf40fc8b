from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, Panel, dashboard_panel, project_section, register_nav
from programmes.enums import IntakeRoleType
from programmes.rules import is_mentor
from selection.selectors import in_a_selected_team

from .selectors import coaching_actions_open, mentor_intakes, participant_coaching

register_nav(NavItem(_("Your teams"), "mentoring:my_teams", is_mentor, order=25, group="mine"))
register_nav(NavItem(_("Mentoring"), "mentoring:overview", is_programme_staff, order=70, group="teams"))


@dashboard_panel(order=40)
def mentor_panel(request):
    """Mentors: the intakes they coach in and the selected teams there."""
    if not is_mentor(request.user):  # the roles are cached: no query for everyone else
        return None
    intakes = mentor_intakes(user=request.user)
    if not intakes:
        return None
    return Panel(
        title=_("Your mentoring"),
        template="mentoring/panels/mentor.html",
        context={"intakes": intakes, "role": IntakeRoleType.MENTOR},
        order=40,
    )


@dashboard_panel(order=16)
def participant_panel(request):
    """Participants: their team's mentor and the coaching actions still to do, overdue ones marked."""
    if not in_a_selected_team(request.user):
        return None
    teams = participant_coaching(user=request.user)
    if not teams:
        return None
    return Panel(
        title=_("Your coaching"),
        template="mentoring/panels/participant.html",
        context={"teams": teams, "today": timezone.localdate()},
        order=16,
    )


@project_section("project_dashboard", order=30)
@project_section("progress_report", order=30)
def open_actions_section(request, project):
    """A change project's dashboard and progress report: the team's open coaching actions."""
    return Panel(
        title=_("Open coaching actions"),
        template="mentoring/panels/project_actions.html",
        context={
            "actions": coaching_actions_open(application=project.application),
            "application_id": project.application_id,
            "today": timezone.localdate(),
        },
        order=30,
    )
