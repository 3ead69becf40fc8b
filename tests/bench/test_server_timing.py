import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from portal.middleware import ServerTimingMiddleware, parse_server_timing


def _two_queries(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.execute("SELECT 2")
    return HttpResponse("ok")


@pytest.mark.django_db
def test_server_timing_header_counts_the_queries_of_the_request(settings):
    settings.PORTAL_SERVER_TIMING = True
    middleware = ServerTimingMiddleware(_two_queries)

    response = middleware(RequestFactory().get("/"))

    figures = parse_server_timing(response["Server-Timing"])
    assert sorted(figures) == ["queries", "sql", "total"]
    assert figures["queries"] == 2
    assert 0 <= figures["sql"] <= figures["total"]


@pytest.mark.django_db
def test_server_timing_stops_counting_after_the_response(settings):
    settings.PORTAL_SERVER_TIMING = True
    middleware = ServerTimingMiddleware(_two_queries)
    middleware(RequestFactory().get("/"))

    response = middleware(RequestFactory().get("/"))

    assert parse_server_timing(response["Server-Timing"])["queries"] == 2
    assert connection.execute_wrappers == []


def test_server_timing_is_off_unless_the_setting_says_so(settings):
    settings.PORTAL_SERVER_TIMING = False

    with pytest.raises(MiddlewareNotUsed):
        ServerTimingMiddleware(_two_queries)


@pytest.mark.django_db
def test_pages_carry_the_header_when_on(client, settings):
    settings.PORTAL_SERVER_TIMING = True

    response = client.get("/healthz")

    assert parse_server_timing(response["Server-Timing"])["queries"] == 1


@pytest.mark.django_db
def test_pages_carry_no_header_by_default(client):
    response = client.get("/healthz")

    assert "Server-Timing" not in response
