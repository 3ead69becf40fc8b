"""The helpers every app's views share: the staff-only guard and paginated lists."""

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from portal.views_utils import paginated, querystring_without_page, staff_only
from tests.factories import ApplicantFactory, StaffFactory


@staff_only
def _staff_view(request):
    return HttpResponse("staff page")


@pytest.mark.parametrize("make_user", [lambda: None, ApplicantFactory], ids=["anonymous", "applicant"])
def test_staff_only_answers_404_to_non_staff(db, make_user):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = make_user() or AnonymousUser()

    with pytest.raises(Http404):
        _staff_view(request)


def test_staff_only_lets_programme_staff_in(db):
    request = RequestFactory().get("/")
    request.user = StaffFactory()

    response = _staff_view(request)

    assert response.content == b"staff page"


def test_querystring_without_page_keeps_filters_and_sort():
    request = RequestFactory().get("/", {"q": "Kisumu", "page": "3", "ordering": "-submitted"})

    assert querystring_without_page(request) == "q=Kisumu&ordering=-submitted"


def test_paginated_returns_the_asked_page_and_the_filters():
    request = RequestFactory().get("/", {"status": "draft", "page": "2"})

    context = paginated(request, list(range(45)), per_page=20)

    assert list(context["page_obj"]) == list(range(20, 40))
    assert context["querystring"] == "status=draft"
