from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, Panel, project_section, register_nav

register_nav(NavItem(_("Reports"), "reports:mine", is_programme_staff, order=70))


@project_section("project_dashboard", order=90)
def project_report_section(request, project):
    """Whoever may open the change project may have its PDF report (it never holds private notes)."""
    return Panel(
        title=_("PDF report"),
        template="reports/partials/project_section.html",
        context={"project": project},
        order=90,
    )
