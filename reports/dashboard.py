from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, Panel, dashboard_panel, project_section, register_nav
from selection.selectors import in_a_selected_team

from .selectors import certificate_intakes

register_nav(NavItem(_("Reports"), "reports:mine", is_programme_staff, order=70, group="intakes"))


@project_section("project_dashboard", order=90)
def project_report_section(request, project):
    """Whoever may open the change project may have its PDF report (it never holds private notes)."""
    return Panel(
        title=_("PDF report"),
        template="reports/partials/project_section.html",
        context={"project": project},
        order=90,
    )


@dashboard_panel(order=85)
def certificate_panel(request):
    """Participants: their attendance certificate, as a PDF, whenever they need it."""
    if not in_a_selected_team(request.user):  # participants are members of selected teams
        return None
    intakes = certificate_intakes(user=request.user)
    if not intakes:
        return None
    return Panel(
        title=_("Attendance certificate"),
        template="reports/partials/certificate_panel.html",
        context={"intakes": intakes},
        order=85,
    )
