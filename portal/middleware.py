"""Server-Timing: how long the server spent on a response, in SQL, and in how many queries.

On when `PORTAL_SERVER_TIMING` is set (bench/pages.py reads the header). Browsers show it in the
network panel. The figures cover the view and every middleware after this one, up to the moment
the response leaves: a streamed body is still being written after that.
"""

import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections


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
