from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, Panel, dashboard_panel, register_nav
from programmes.rules import is_reviewer

from .selectors import assignments_for_reviewer, reviewer_progress

register_nav(NavItem(_("Your reviews"), "selection:queue", is_reviewer, order=20, group="mine"))
register_nav(NavItem(_("Selection"), "selection:intake_list", is_programme_staff, order=65, group="intakes"))


@dashboard_panel(order=15)
def reviewer_panel(request):
    """Reviewers: how many of their reviews are submitted, and the way to the queue."""
    if not is_reviewer(request.user):
        return None
    return Panel(
        title=_("Your reviews"),
        template="selection/partials/reviewer_panel.html",
        context={"progress": reviewer_progress(assignments_for_reviewer(reviewer=request.user))},
        order=15,
    )


@dashboard_panel(order=25)
def staff_selection_panel(request):
    if not is_programme_staff(request.user):
        return None
    return Panel(title=_("Selection"), template="selection/partials/staff_panel.html", order=25)
