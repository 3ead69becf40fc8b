"""The reviewer queue and the ranking table cost the same number of queries for 1 and 3 rows."""

from decimal import Decimal

import pytest
from django.urls import reverse

from selection.selectors import assignments_for_reviewer, ranking
from tests.factories import (
    AttachmentFactory,
    OrganisationFactory,
    ReviewAssignmentFactory,
    RubricCriterionFactory,
    TeamMemberFactory,
    UserFactory,
    scored_review,
)


@pytest.mark.parametrize("rows", [1, 3])
def test_ranking_query_count(intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        application = make_application()
        scored_review(application=application, scores=[2, 5])
        scored_review(application=application, scores=[3, 4])
        ReviewAssignmentFactory(application=application)

    with django_assert_num_queries(6):
        result = ranking(intake=intake)
        [(r.countries, r.decision) for r in result]

    assert len(result) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_ranking_page_query_count(staff_client, intake, make_application, rows, django_assert_num_queries):
    for _ in range(rows):
        scored_review(application=make_application(), scores=[2, 5])
    url = reverse("selection:ranking", args=[intake.pk])
    staff_client.get(url)

    # The session, the user and their groups (3); the intake with its settings, countries, criteria, count, the
    # page's ranked slice, its organisations, decisions and reviewer totals; the accepted teams, the unreleased count.
    with django_assert_num_queries(13):
        response = staff_client.get(url)

    assert len(response.context["rows"]) == rows


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


@pytest.mark.parametrize("rows", [1, 3])
def test_scoring_page_query_count(client, intake, make_application, rows, django_assert_num_queries):
    """Issue 12: the scoring page at 12 queries or fewer (it was 22), the same for 1 and 3 of everything it lists."""
    for order in range(2, rows + 2):
        RubricCriterionFactory(intake=intake, name=f"Criterion {order}", weight=1, max_score=4, order=order)
    application = make_application()
    for _ in range(rows):
        OrganisationFactory(application=application)
        TeamMemberFactory(application=application)
        AttachmentFactory(application=application)
    reviewer = UserFactory(country="SE")
    scored_review(application=application, reviewer=reviewer, scores=[1] * (rows + 2), submitted=False)
    client.force_login(reviewer)
    url = reverse("selection:review", args=[application.pk])
    client.get(url)

    with django_assert_num_queries(10):
        response = client.get(url)

    assert [score.initial for _criterion, score, _comment in response.context["form"].rows] == [1] * (rows + 2)
    # 60 × 1/3 + 40 × 1/6 + 1 × 1/4 per added criterion
    assert response.context["total"] == {1: Decimal("26.92"), 3: Decimal("27.42")}[rows]
    assert len(response.context["application"].attachments.all()) == rows
