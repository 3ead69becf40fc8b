"""Middleware of the portal: session timeouts, the second-factor requirement, private caching,
and Server-Timing.

Server-Timing: how long the server spent on a response, in SQL, and in how many queries.
On when `PORTAL_SERVER_TIMING` is set (bench/pages.py reads the header). Browsers show it in the
network panel. The figures cover the view and every middleware after this one, up to the moment
the response leaves: a streamed body is still being written after that.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .security import (
    SESSION_PRIVILEGED_KEY,
    SESSION_SEEN_KEY,
    SESSION_STARTED_KEY,
    has_second_factor,
    is_privileged,
    start_session_clock,
)

# How often (seconds) the "last seen" time is written back: a write on every request would
# cost a query per request for nothing.
SEEN_RESOLUTION = 60


class SessionTimeoutMiddleware:
    """Sign out after the idle timeout (short for privileged users) or the absolute timeout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            session = request.session
            started, seen = session.get(SESSION_STARTED_KEY), session.get(SESSION_SEEN_KEY)
            now = int(time.time())
            if started is None or seen is None:
                start_session_clock(request, user)
            else:
                idle = (
                    settings.SESSION_IDLE_TIMEOUT_PRIVILEGED
                    if session.get(SESSION_PRIVILEGED_KEY)
                    else settings.SESSION_IDLE_TIMEOUT
                )
                if now - seen > idle or now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
                    logout(request)
                    messages.info(request, _("You were signed out to protect your account. Please log in again."))
                elif now - seen >= SEEN_RESOLUTION:
                    session[SESSION_SEEN_KEY] = now
                    # Roles change: look again now and then, not on every request.
                    session[SESSION_PRIVILEGED_KEY] = is_privileged(user)
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """A privileged user whose session has no second factor reaches only the MFA set-up pages."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and not has_second_factor(request)
            and request.session.get(SESSION_PRIVILEGED_KEY, False)
        ):
            messages.warning(
                request,
                _("Your role requires a second factor. Please set up an authenticator app to continue."),
            )
            return redirect(reverse("mfa_index"))
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Nothing a signed-in person sees, and no download, is kept by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        was_authenticated = request.user.is_authenticated
        response = self.get_response(request)
        if was_authenticated or request.user.is_authenticated or response.has_header("Content-Disposition"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class _QueryTimer:
    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


class ServerTimingMiddleware:
    def __init__(self, get_response):
        if not getattr(settings, "PORTAL_SERVER_TIMING", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        timer = _QueryTimer()
        started = time.perf_counter()
        with _wrapped(timer):
            response = self.get_response(request)
        total_ms = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = (
            f'total;dur={total_ms:.2f}, sql;dur={timer.seconds * 1000:.2f}, queries;desc="{timer.count}"'
        )
        return response


class _wrapped:
    """Time the queries of every database connection used while handling the request."""

    def __init__(self, timer):
        self.timer = timer
        self.contexts = []

    def __enter__(self):
        for alias in connections:
            context = connections[alias].execute_wrapper(self.timer)
            context.__enter__()
            self.contexts.append(context)

    def __exit__(self, *exc):
        for context in reversed(self.contexts):
            context.__exit__(*exc)
        return False


def parse_server_timing(header: str) -> dict:
    """{"total": ms, "sql": ms, "queries": n} from a Server-Timing header written above."""
    figures = {}
    for metric in header.split(","):
        name, *parts = (p.strip() for p in metric.split(";"))
        for part in parts:
            key, _sep, value = part.partition("=")
            if key == "dur":
                figures[name] = float(value)
            elif key == "desc" and name == "queries":
                figures[name] = int(value.strip('"'))
    return figures


class DomainRefusalMiddleware:
    """A service's domain refusal (`portal.workflow.Forbidden`) answers 404, never 403 or 500.

    Services never decide HTTP status; views check permissions first, and this is the one place
    that maps a refusal the view did not anticipate (a race, a stale page) to "not found".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.core.handlers.exception import response_for_exception
        from django.http import Http404

        from .workflow import Forbidden

        if isinstance(exception, Forbidden):
            return response_for_exception(request, Http404())
        return None
