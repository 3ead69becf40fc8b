import rules
from django.utils.translation import gettext_lazy as _

from portal.registry import Panel, dashboard_panel

from .display import deadline_text
from .selectors import applications_for_user


@dashboard_panel(order=10)
def my_applications_panel(request):
    """Your applications, each with its status and your team's own deadline."""
    if not rules.is_authenticated(request.user):
        return None
    rows = [
        {"application": application, "deadline": deadline_text(application)}
        for application in applications_for_user(user=request.user)
    ]
    return Panel(
        title=_("Your applications"),
        template="applications/partials/dashboard_panel.html",
        context={"rows": rows},
        order=10,
    )
