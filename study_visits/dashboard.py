from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import NavItem, Panel, dashboard_panel, register_nav
from selection.selectors import in_a_selected_team

from .selectors import upcoming_places_of, visits_for

register_nav(
    NavItem(label=_("Study visits"), url_name="study_visits:list", visible=is_programme_staff, order=66, group="teams")
)


@dashboard_panel(order=20)
def participant_visits_panel(request):
    """Participants: their upcoming study visit with its agenda, or the visits they may sign up for."""
    if not request.user.is_authenticated or is_programme_staff(request.user):
        return None
    # Places are a selected team's; a host contact who is no participant has none.
    places = upcoming_places_of(user=request.user) if in_a_selected_team(request.user) else []
    placed = {p.visit_id for p in places}
    visits = [v for v in visits_for(user=request.user) if v.pk not in placed and not v.has_ended()]
    hosted = [v for v in visits if v.host_contact_id == request.user.pk]
    open_visits = [v for v in visits if v not in hosted and not v.has_started()]
    if not places and not open_visits and not hosted:
        return None
    return Panel(
        title=_("Your study visit"),
        template="study_visits/panels/participant.html",
        context={"places": places, "open_visits": open_visits, "hosted": hosted},
        order=20,
    )
