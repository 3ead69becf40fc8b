import rules

from accounts.rules import is_programme_staff

from .enums import IntakeRoleType


@rules.predicate
def is_reviewer(user) -> bool:
    """Reviewer in at least one intake."""
    return user.is_authenticated and user.intake_roles.filter(role=IntakeRoleType.REVIEWER).exists()


@rules.predicate
def is_mentor(user) -> bool:
    """Mentor in at least one intake."""
    return user.is_authenticated and user.intake_roles.filter(role=IntakeRoleType.MENTOR).exists()


@rules.predicate
def is_intake_reviewer(user, intake) -> bool:
    return (
        intake is not None
        and user.is_authenticated
        and intake.roles.filter(user=user, role=IntakeRoleType.REVIEWER).exists()
    )


rules.add_perm("programmes.manage_programmes", is_programme_staff)
