from django.utils.translation import gettext_lazy as _

from portal.registry import Panel, dashboard_panel
from programmes.enums import IntakeRoleType

from .selectors import mentor_intakes


@dashboard_panel(order=40)
def mentor_panel(request):
    """Mentors: the intakes they coach in and the selected teams there."""
    if not request.user.is_authenticated:
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
