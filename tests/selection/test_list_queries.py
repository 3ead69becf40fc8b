"""Every selection list costs the same number of queries for 1 and 3 rows."""

import pytest
from django.urls import reverse

from tests.factories import (
    ApplicationFactory,
    ConfirmationFactory,
    ConflictDeclarationFactory,
    DecisionFactory,
    IntakeFactory,
    ReviewAssignmentFactory,
    scored_review,
)


def _assert_queries(client, url, count, django_assert_num_queries):
    client.get(url)  # the session and the role cache are warm, as on any page after the first

    with django_assert_num_queries(count):
        response = client.get(url)

    return response


@pytest.mark.parametrize("rows", [1, 3])
def test_intake_list_query_count(staff_client, rows, django_assert_num_queries):
    for _ in range(rows):
        IntakeFactory(closed=True)

    response = _assert_queries(staff_client, reverse("selection:intake_list"), 5, django_assert_num_queries)

    assert len(response.context["page_obj"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_reviewers_query_count(staff_client, intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        scored_review(application=make_application(), scores=[2, 5])

    response = _assert_queries(
        staff_client, reverse("selection:reviewers", args=[intake.pk]), 6, django_assert_num_queries
    )

    assert [(r.load, r.done) for r in response.context["reviewers"]] == [(1, 1)] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_assignments_query_count(staff_client, intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        application = make_application()
        scored_review(application=application, scores=[2, 5])
        ReviewAssignmentFactory(application=application)

    response = _assert_queries(
        staff_client, reverse("selection:assignments", args=[intake.pk]), 11, django_assert_num_queries
    )

    assert [len(a.active_assignments) for a in response.context["rows"]] == [2] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_conflicts_query_count(staff_client, intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        ConflictDeclarationFactory(application=make_application(), conflict=True)

    response = _assert_queries(
        staff_client, reverse("selection:conflicts", args=[intake.pk]), 8, django_assert_num_queries
    )

    assert len(response.context["page_obj"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_application_reviews_query_count(staff_client, make_application, rows, django_assert_num_queries):
    application = make_application()
    for score in range(rows):
        scored_review(application=application, scores=[score, 5])

    response = _assert_queries(
        staff_client, reverse("selection:application_reviews", args=[application.pk]), 8, django_assert_num_queries
    )

    assert len(response.context["assignments"]) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_release_query_count(staff_client, intake, rows, django_assert_num_queries):
    for _ in range(rows):
        DecisionFactory(application=ApplicationFactory(intake=intake, accepted_pending=True))

    response = _assert_queries(
        # 6: one query for the three e-mail templates (it was one per outcome)
        staff_client,
        reverse("selection:release", args=[intake.pk]),
        6,
        django_assert_num_queries,
    )

    assert len(response.context["pending"]) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_confirmations_query_count(staff_client, intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        ConfirmationFactory(application=ApplicationFactory(intake=intake, accepted=True))
        scored_review(application=make_application(waitlisted=True, under_review=False), scores=[2, 5])

    response = _assert_queries(
        staff_client, reverse("selection:confirmations", args=[intake.pk]), 7, django_assert_num_queries
    )

    assert len(response.context["confirmations"]) == rows
    assert response.context["top"].mean is not None
