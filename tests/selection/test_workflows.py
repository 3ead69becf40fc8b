"""Selection's state machines run on the workflow kit: a forbidden arrow or actor changes nothing."""

import pytest
from django.urls import reverse

from portal.models import Activity, Audience
from portal.selectors import activities_for
from portal.workflow import TransitionForbidden, TransitionNotAllowed, transition
from selection import services
from selection.enums import AssignmentStatus, ConfirmationStatus, ReviewStatus
from selection.models import CriterionScore, Review, ReviewAssignment
from selection.workflows import ASSIGNMENT_WORKFLOW, CONFIRMATION_WORKFLOW, REVIEW_WORKFLOW
from tests.factories import ConfirmationFactory, ReviewAssignmentFactory, StaffFactory, UserFactory, scored_review


def _refused_without_entry(workflow, obj, to, by, error):
    before = Activity.objects.count()
    status = obj.status
    with pytest.raises(error):
        transition(workflow=workflow, obj=obj, to=to, by=by, reason="Because.")
    obj.refresh_from_db()
    return (obj.status, Activity.objects.count() - before) == (status, 0)


def test_review_refuses_a_forbidden_transition_and_a_forbidden_actor(make_application):
    review = scored_review(application=make_application(), scores=[2, 5], submitted=False)
    reviewer = review.assignment.reviewer

    assert _refused_without_entry(REVIEW_WORKFLOW, review, "voided", reviewer, TransitionNotAllowed)
    assert _refused_without_entry(REVIEW_WORKFLOW, review, ReviewStatus.SUBMITTED, UserFactory(), TransitionForbidden)
    assert _refused_without_entry(REVIEW_WORKFLOW, review, ReviewStatus.SUBMITTED, StaffFactory(), TransitionForbidden)


def test_submitting_and_reopening_a_review_are_on_the_applications_staff_feed(make_application, staff):
    review = scored_review(application=make_application(), scores=[2, 5], submitted=False)
    Review.objects.filter(pk=review.pk).update(recommendation="accept")
    review.refresh_from_db()
    reviewer = review.assignment.reviewer

    transition(workflow=REVIEW_WORKFLOW, obj=review, to=ReviewStatus.SUBMITTED, by=reviewer)
    services.review_reopen(review=review, by=staff, reason="Score the budget again.")

    application = review.assignment.application
    feed = [(a.actor, a.to_state, a.reason) for a in activities_for(obj=application, audiences=Audience.values)]
    assert feed[-2:] == [(reviewer, "submitted", ""), (staff, "draft", "Score the budget again.")]
    assert [a.to_state for a in activities_for(obj=application)][-1] != "draft"  # the team never sees reviews


def test_assignment_refuses_a_forbidden_transition_and_a_forbidden_actor(make_application):
    assignment = ReviewAssignmentFactory(application=make_application())

    assert _refused_without_entry(ASSIGNMENT_WORKFLOW, assignment, "draft", StaffFactory(), TransitionNotAllowed)
    assert _refused_without_entry(
        ASSIGNMENT_WORKFLOW, assignment, AssignmentStatus.VOIDED, UserFactory(), TransitionForbidden
    )
    assert ReviewAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACTIVE


def test_confirmation_refuses_a_forbidden_transition_and_a_forbidden_actor(db):
    confirmation = ConfirmationFactory()
    other_member = UserFactory()

    assert _refused_without_entry(CONFIRMATION_WORKFLOW, confirmation, "voided", StaffFactory(), TransitionNotAllowed)
    assert _refused_without_entry(
        CONFIRMATION_WORKFLOW, confirmation, ConfirmationStatus.CONFIRMED, other_member, TransitionForbidden
    )
    assert _refused_without_entry(
        CONFIRMATION_WORKFLOW, confirmation, ConfirmationStatus.CONFIRMED, StaffFactory(), TransitionForbidden
    )
    assert _refused_without_entry(
        CONFIRMATION_WORKFLOW, confirmation, ConfirmationStatus.CONFIRMED, None, TransitionForbidden
    )


def test_confirmed_place_shows_on_the_teams_feed(client, db):
    confirmation = ConfirmationFactory()
    application = confirmation.application

    client.post(reverse("selection:confirm", args=[confirmation.token]), {"action": "confirm"})

    confirmation.refresh_from_db()
    last = activities_for(obj=application).last()
    assert confirmation.status == ConfirmationStatus.CONFIRMED
    assert (last.actor, last.to_state) == (application.contact_person, ConfirmationStatus.CONFIRMED)


def test_review_page_get_writes_nothing(client, make_application):
    assignment = ReviewAssignmentFactory(application=make_application(), declared=True)
    client.force_login(assignment.reviewer)

    response = client.get(reverse("selection:review", args=[assignment.application_id]))

    assert response.status_code == 200
    assert (Review.objects.count(), CriterionScore.objects.count()) == (0, 0)
    assert [c.name for c, _score, _comment in response.context["form"].rows] == ["Relevance", "Commitment"]


def test_releasing_decisions_is_for_staff_only_and_a_refusal_leaves_nothing(intake, make_application, staff):
    from applications.enums import ApplicationStatus
    from selection.models import Confirmation

    application = make_application()
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)
    before = Activity.objects.count()

    with pytest.raises(TransitionForbidden):
        services.decisions_release(intake=intake, by=application.contact_person)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED_PENDING
    assert (Activity.objects.count(), Confirmation.objects.count()) == (before, 0)
