import rules
from django.core.cache import cache

from accounts.rules import is_programme_staff

from .enums import IntakeRoleType
from .models import IntakeRole


def intake_roles_of(user) -> frozenset[str]:
    """The kinds of intake role `user` holds anywhere (reviewer, mentor).

    The navigation asks on every page, so the answer is cached (per request on the user object,
    across requests in the cache); programmes.signals clears it when a role is given or taken.
    """
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_intake_roles"):
        key = intake_roles_cache_key(user.pk)
        roles = cache.get(key)
        if roles is None:
            roles = frozenset(IntakeRole.objects.filter(user=user).values_list("role", flat=True).distinct())
            # Short-lived: with a per-process cache (no CACHE_URL) other processes miss the signal.
            cache.set(key, roles, timeout=300)
        user._intake_roles = roles
    return user._intake_roles


def intake_roles_cache_key(user_pk: int) -> str:
    return f"programmes:intake-roles:{user_pk}"


@rules.predicate
def is_reviewer(user) -> bool:
    """Reviewer in at least one intake."""
    return IntakeRoleType.REVIEWER in intake_roles_of(user)


@rules.predicate
def is_mentor(user) -> bool:
    """Mentor in at least one intake."""
    return IntakeRoleType.MENTOR in intake_roles_of(user)


@rules.predicate
def is_intake_reviewer(user, intake) -> bool:
    return (
        intake is not None
        and user.is_authenticated
        and intake.roles.filter(user=user, role=IntakeRoleType.REVIEWER).exists()
    )


rules.add_perm("programmes.manage_programmes", is_programme_staff)
