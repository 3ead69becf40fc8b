from django.urls import reverse

from tests.factories import ApplicationFactory, IntakeFactory, UserFactory
from tests.factories.selection import ReviewAssignmentFactory, scored_review


def test_reviewer_dashboard_counts_submitted_reviews(client, db):
    intake = IntakeFactory(closed=True, with_rubric=True)
    reviewer = UserFactory(country="SE")
    scored_review(application=ApplicationFactory(intake=intake, under_review=True), reviewer=reviewer, scores=[5] * 5)
    ReviewAssignmentFactory(application=ApplicationFactory(intake=intake, under_review=True), reviewer=reviewer)
    client.force_login(reviewer)

    response = client.get(reverse("portal:dashboard"))

    assert "1 of 2 reviews submitted." in response.content.decode()
