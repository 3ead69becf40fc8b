import rules
from django.utils.translation import gettext_lazy as _

from .registry import ACCOUNT_MENU, NavGroup, NavItem, Panel, dashboard_panel, register_nav, register_nav_group

register_nav(NavItem(_("Dashboard"), "portal:dashboard", rules.is_authenticated, order=0))
register_nav(NavItem(_("Admin"), "admin:index", rules.is_staff, order=99, group=ACCOUNT_MENU))
# The staff's links, in two menus so the bar keeps one row (apps put their links in by key):
# setting up intakes and choosing their teams, then the selected teams' programme.
register_nav_group(NavGroup("intakes", _("Intakes"), order=60))
register_nav_group(NavGroup("teams", _("Teams"), order=66))
# A person's own work in intakes (reviews to score, teams to coach): one link stays a link; a reviewer
# who also mentors gets one menu, so staff who also review and mentor keep a one-row bar too.
register_nav_group(NavGroup("mine", _("Your work"), order=20))


@dashboard_panel(order=100)
def profile_panel(request):
    user = request.user
    missing = [
        label
        for label, value in [
            (_("country"), user.country),
            (_("organisation"), user.organisation),
            (_("position"), user.position),
        ]
        if not value
    ]
    return Panel(
        title=_("Your profile"),
        template="portal/panels/profile.html",
        context={"missing": missing},
        order=100,
    )
