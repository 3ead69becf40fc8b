from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, Panel, dashboard_panel, register_nav

from .selectors import intakes_open_for_staff


def _everyone(user) -> bool:
    return True


register_nav(NavItem(_("Programmes"), "programmes:catalogue", _everyone, order=10))
register_nav(
    NavItem(_("Manage programmes"), "programmes:staff_programme_list", is_programme_staff, order=60, group="intakes")
)


@dashboard_panel(order=20)
def open_intakes_panel(request):
    """Staff: the intakes open for applications now, soonest deadline first."""
    if not is_programme_staff(request.user):
        return None
    return Panel(
        title=_("Intakes open now"),
        template="programmes/panels/open_intakes.html",
        context={"intakes": intakes_open_for_staff()},
        order=20,
    )
