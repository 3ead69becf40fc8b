from django.db.models import Count, Prefetch, Q

from applications.enums import ApplicationStatus
from applications.models import Application
from programmes.enums import IntakeRoleType
from programmes.models import Intake


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
