import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_programme_staff
from portal.registry import Panel, dashboard_panel
from programmes.rules import intake_roles_of

from .display import deadline_text, progress_text
from .enums import ApplicationStatus
from .selectors import applications_for_user, intakes_with_application_counts


@dashboard_panel(order=10)
def my_applications_panel(request):
    """Your applications, each with its status and your team's own deadline."""
    if not rules.is_authenticated(request.user):
        return None
    rows = [
        {
            "application": application,
            "deadline": deadline_text(application),
            "progress": progress_text(application) if application.status == ApplicationStatus.DRAFT else "",
        }
        for application in applications_for_user(user=request.user)
    ]
    if not rows and (is_programme_staff(request.user) or intake_roles_of(request.user)):
        # Staff, reviewers and mentors rarely apply: no "start one" invitation on their dashboard.
        return None
    return Panel(
        title=_("Your applications"),
        template="applications/partials/dashboard_panel.html",
        context={"rows": rows},
        order=10,
    )


@dashboard_panel(order=20)
def intake_applications_panel(request):
    """For programme staff: each intake with applications, how many are submitted, and the link to the list."""
    if not is_programme_staff(request.user):
        return None
    return Panel(
        title=_("Applications by intake"),
        template="applications/partials/staff_dashboard_panel.html",
        context={"intakes": intakes_with_application_counts()},
        order=20,
    )
