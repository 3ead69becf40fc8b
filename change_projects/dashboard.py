from django.utils.translation import gettext_lazy as _

from portal.registry import Panel, dashboard_panel
from selection.selectors import in_a_selected_team

from .selectors import selected_teams_of


@dashboard_panel(order=15)
def participant_panel(request):
    """Participants: their selected team's programme, with the phases ahead."""
    if not in_a_selected_team(request.user):
        return None
    teams = selected_teams_of(user=request.user)
    if not teams:
        return None
    return Panel(
        title=_("Your programme"),
        template="change_projects/panels/participant.html",
        context={"teams": teams},
        order=15,
    )
