"""Every non-trivial read of mentoring, with a fixed number of queries per page."""

from django.db.models import Count, Prefetch, Q, QuerySet

from applications.enums import ApplicationStatus
from applications.models import Application
from programmes.enums import IntakeRoleType
from programmes.models import Intake


def assignable_teams(*, intake) -> QuerySet[Application]:
    """The intake's selected teams, which staff may give a mentor."""
    return Application.objects.filter(intake=intake, status=ApplicationStatus.ACCEPTED).order_by("title", "pk")


def mentor_intakes(*, user) -> list[Intake]:
    """Intakes where `user` is a mentor, each with its selected teams (`selected_teams`)."""
    accepted = Application.objects.filter(status=ApplicationStatus.ACCEPTED).select_related("contact_person")
    return list(
        Intake.objects.filter(roles__user=user, roles__role=IntakeRoleType.MENTOR)
        .select_related("programme")
        .annotate(selected_count=Count("applications", filter=Q(applications__status=ApplicationStatus.ACCEPTED)))
        .prefetch_related(Prefetch("applications", queryset=accepted, to_attr="selected_teams"), "phases")
        .order_by("-opens_at")
    )
