"""The reviewer queue and the ranking table cost the same number of queries for 1 and 3 rows."""

import pytest
from django.urls import reverse

from selection.selectors import assignments_for_reviewer, ranking
from tests.factories import ReviewAssignmentFactory, UserFactory, scored_review


@pytest.mark.parametrize("rows", [1, 3])
def test_ranking_query_count(intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        application = make_application()
        scored_review(application=application, scores=[2, 5])
        scored_review(application=application, scores=[3, 4])
        ReviewAssignmentFactory(application=application)

    with django_assert_num_queries(5):
        result = ranking(intake=intake)
        [(r.countries, r.decision) for r in result]

    assert len(result) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_ranking_page_query_count(staff_client, intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        scored_review(application=make_application(), scores=[2, 5])
    url = reverse("selection:ranking", args=[intake.pk])
    staff_client.get(url)

    with django_assert_num_queries(11):
        staff_client.get(url)


@pytest.mark.parametrize("rows", [1, 3])
def test_reviewer_queue_query_count(client, make_application, rows, django_assert_num_queries):
    reviewer = UserFactory(country="SE")
    for index in range(rows):
        if index % 2:
            scored_review(application=make_application(), reviewer=reviewer, scores=[1, 1])
        else:
            ReviewAssignmentFactory(application=make_application(), reviewer=reviewer)
    client.force_login(reviewer)

    with django_assert_num_queries(1):
        assert len(list(assignments_for_reviewer(reviewer=reviewer))) == rows
    response = client.get(reverse("selection:queue"))
    with django_assert_num_queries(6):
        response = client.get(reverse("selection:queue"))

    assert len(response.context["page_obj"].object_list) == rows
