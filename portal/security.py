"""Who must use a second factor and a short session, and the session clock.

Programme staff, reviewers, superusers and anyone with admin access hold other people's
personal data and decisions about them: they must log in with a second factor (MFA) and are
signed out after a short idle time. Applicants keep a longer idle time (their drafts autosave).
"""

import time

from allauth.account.authentication import get_authentication_records

from accounts.rules import is_programme_staff

SESSION_STARTED_KEY = "portal_session_started"
SESSION_SEEN_KEY = "portal_session_seen"
SESSION_PRIVILEGED_KEY = "portal_session_privileged"


def is_privileged(user) -> bool:
    """Staff, superusers, admin users and reviewers (in any intake).

    Asked at login and once a minute at most; it reads the database directly rather than the
    navigation's cached roles, so pages cost the same whatever happened at login.
    """
    from programmes.enums import IntakeRoleType
    from programmes.models import IntakeRole

    if not user.is_authenticated:
        return False
    return bool(
        user.is_superuser
        or user.is_staff
        or is_programme_staff(user)
        or IntakeRole.objects.filter(user=user, role=IntakeRoleType.REVIEWER).exists()
    )


def has_second_factor(request) -> bool:
    """Whether this session's login included a second factor (TOTP, recovery code, passkey)."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def start_session_clock(request, user) -> None:
    now = int(time.time())
    request.session[SESSION_STARTED_KEY] = now
    request.session[SESSION_SEEN_KEY] = now
    request.session[SESSION_PRIVILEGED_KEY] = is_privileged(user)
