"""The session clock starts at login; adding an authenticator counts as passing a second factor."""

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY, record_authentication
from allauth.account.signals import authentication_step_completed
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .security import start_session_clock


@receiver(user_logged_in)
def _start_session_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        start_session_clock(request, user)


@receiver(authenticator_added)
def _authenticator_proves_second_factor(sender, request, user, authenticator, **kwargs):
    """Setting up an authenticator means typing a valid code from it: the session has its second factor."""
    if request is not None:
        record_authentication(request, user, "mfa", type=authenticator.type, id=authenticator.pk)


@receiver(authentication_step_completed)
def _a_login_is_a_recent_authentication(sender, request, method, **kwargs):
    """A login minutes ago counts as re-authentication (ACCOUNT_REAUTHENTICATION_TIMEOUT) for
    releasing decisions or changing roles; allauth alone would ask for the password again."""
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) if request is not None else None
    if records:
        records[-1]["reauthenticated"] = True
        request.session.modified = True
