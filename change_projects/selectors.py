from applications.enums import ApplicationStatus
from applications.models import Application


def selected_teams_of(*, user) -> list[Application]:
    """The accepted applications `user` is a member of, with their intake's phases."""
    return list(
        Application.objects.filter(members__user=user, status=ApplicationStatus.ACCEPTED)
        .select_related("intake__programme")
        .prefetch_related("intake__phases", "members__user")
        .order_by("-intake__opens_at")
    )
