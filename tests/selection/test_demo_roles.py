"""Issue 10 #15: the demo matches the README for every role."""

import io

import pytest
from django.core.management import call_command

from accounts.demo import demo_user
from applications.enums import ApplicationStatus
from applications.models import Application
from selection.enums import AssignmentStatus, ReviewStatus
from selection.models import ReviewAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())


def test_demo_reviewer_has_reviews_to_do(demo):
    reviewer = demo_user("reviewer")

    assignments = list(
        ReviewAssignment.objects.filter(reviewer=reviewer, status=AssignmentStatus.ACTIVE).select_related("review")
    )

    done = [a for a in assignments if hasattr(a, "review") and a.review.status == ReviewStatus.SUBMITTED]
    assert (len(assignments) > 0, done) == (True, [])


def test_demo_reviewer_keeps_reviews_to_do_when_demo_runs_again(demo):
    call_command("demo", stdout=io.StringIO())
    reviewer = demo_user("reviewer")

    to_do = ReviewAssignment.objects.filter(reviewer=reviewer, status=AssignmentStatus.ACTIVE).exclude(
        review__status=ReviewStatus.SUBMITTED
    )

    assert to_do.count() > 0


def test_demo_applicant_has_a_draft(demo):
    applicant = demo_user("applicant")

    statuses = list(Application.objects.filter(members__user=applicant).values_list("status", flat=True))

    assert ApplicationStatus.DRAFT in statuses


def test_demo_participant_is_in_a_selected_team(demo):
    participant = demo_user("participant")

    statuses = list(Application.objects.filter(members__user=participant).values_list("status", flat=True))

    assert ApplicationStatus.ACCEPTED in statuses
