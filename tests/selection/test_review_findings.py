"""Review findings in selection: ids from elsewhere in URLs and POST data, and state rules on the server."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from applications.enums import ApplicationStatus as S
from portal.workflow import Forbidden
from selection import services
from selection.enums import ReviewStatus
from selection.models import Confirmation, ConflictDeclaration, CriterionScore, Decision
from tests.factories import (
    ApplicationFactory,
    AttachmentFactory,
    IntakeFactory,
    ReviewAssignmentFactory,
    RubricCriterionFactory,
    UserFactory,
    scored_review,
)

from .html import messages_shown

# --- Reviewers: ids of another application or intake -----------------------------------------------


def test_reviewer_file_link_with_another_applications_file_answers_404(client, make_application):
    own = ReviewAssignmentFactory(application=make_application(), declared=True)
    other_file = AttachmentFactory(application=make_application())
    client.force_login(own.reviewer)

    response = client.get(reverse("selection:attachment_download", args=[own.application_id, other_file.pk]))

    assert response.status_code == 404


def test_review_post_with_a_criterion_of_another_intake_changes_nothing_there(client, make_application):
    assignment = ReviewAssignmentFactory(application=make_application(), declared=True)
    foreign = RubricCriterionFactory(intake=IntakeFactory(closed=True), max_score=5)
    foreign_review = scored_review(application=ApplicationFactory(intake=foreign.intake, under_review=True), scores=[1])
    url = reverse("selection:review", args=[assignment.application_id])
    client.force_login(assignment.reviewer)

    client.post(url, {f"score_{foreign.pk}": "5", f"comment_{foreign.pk}": "Mine now", "action": "draft"})

    assert list(CriterionScore.objects.filter(criterion=foreign).values_list("review", "score", "comment")) == [
        (foreign_review.pk, 1, "")
    ]
    assert not CriterionScore.objects.filter(review__assignment=assignment, criterion=foreign).exists()


def test_review_service_ignores_a_criterion_of_another_intake(make_application):
    assignment = ReviewAssignmentFactory(application=make_application(), declared=True)
    foreign = RubricCriterionFactory(intake=IntakeFactory(closed=True), max_score=5)

    review = services.review_save_draft(assignment=assignment, by=assignment.reviewer, scores={foreign.pk: (5, "x")})

    assert sorted(review.scores.values_list("criterion__intake", flat=True)) == [
        assignment.application.intake_id,
        assignment.application.intake_id,
    ]


def test_review_post_before_declaring_no_conflict_saves_nothing(client, make_application):
    assignment = ReviewAssignmentFactory(application=make_application())
    first = assignment.application.intake.criteria.order_by("order").first()
    url = reverse("selection:review", args=[assignment.application_id])
    client.force_login(assignment.reviewer)

    response = client.post(url, {f"score_{first.pk}": "2", "action": "draft"})

    assert (response.status_code, response.url) == (
        302,
        reverse("selection:declare", args=[assignment.application_id]),
    )
    assert not CriterionScore.objects.filter(review__assignment=assignment).exists()
    with pytest.raises(Forbidden):
        services.review_save_draft(assignment=assignment, by=assignment.reviewer, scores={first.pk: (2, "")})


def test_submitted_review_post_keeps_the_submitted_scores(client, make_application):
    review = scored_review(application=make_application(), scores=[2, 5])
    criteria = list(review.assignment.application.intake.criteria.order_by("order"))
    client.force_login(review.assignment.reviewer)

    client.post(
        reverse("selection:review", args=[review.assignment.application_id]),
        {
            f"score_{criteria[0].pk}": "0",
            f"score_{criteria[1].pk}": "0",
            "recommendation": "reject",
            "action": "submit",
        },
    )

    review.refresh_from_db()
    assert (review.status, review.recommendation) == (ReviewStatus.SUBMITTED, "accept")
    assert list(review.scores.order_by("criterion__order").values_list("score", flat=True)) == [2, 5]
    with pytest.raises(ValidationError):
        services.review_save_draft(
            assignment=review.assignment, by=review.assignment.reviewer, scores={criteria[0].pk: (0, "")}
        )


# --- Decisions and release ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.SUBMITTED, S.INELIGIBLE, S.DRAFT, S.WITHDRAWN])
def test_decision_on_an_application_not_in_selection_is_refused(staff_client, intake, status):
    application = ApplicationFactory(intake=intake, status=status)

    response = staff_client.post(
        reverse("selection:ranking", args=[intake.pk]),
        {"applications": [application.pk], "outcome": "accepted", "reason": "Strong.", "confirm_overfill": "on"},
        follow=True,
    )

    application.refresh_from_db()
    assert application.status == status
    assert not Decision.objects.exists()
    assert len(messages_shown(response)) == 1


def test_decision_on_an_application_of_another_intake_is_ignored(staff_client, intake, make_application):
    other = ApplicationFactory(intake=IntakeFactory(closed=True), under_review=True)

    staff_client.post(
        reverse("selection:ranking", args=[intake.pk]),
        {"applications": [other.pk], "outcome": "rejected", "reason": "Weak."},
    )

    other.refresh_from_db()
    assert (other.status, Decision.objects.count()) == (S.UNDER_REVIEW, 0)


def test_release_twice_sends_each_decision_once(
    staff_client, intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application()
    scored_review(application=application, scores=[3, 6])
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)
    url = reverse("selection:release", args=[intake.pk])

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url)
    first = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url)

    assert first > 0
    assert len(mail.outbox) == first
    assert Confirmation.objects.count() == 1


# --- The team's confirmation link --------------------------------------------------------------------


@pytest.fixture
def released(intake, make_application, staff):
    """An accepted team whose decision is released: it has an open confirmation link."""
    application = make_application()
    scored_review(application=application, scores=[3, 6])
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)
    services.decisions_release(intake=intake, by=staff)
    return Confirmation.objects.get(application=application)


def test_confirm_after_the_deadline_is_refused(client, released):
    Confirmation.objects.filter(pk=released.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    response = client.post(reverse("selection:confirm", args=[released.token]), {"action": "confirm"}, follow=True)

    released.refresh_from_db()
    assert released.status == "pending"
    assert messages_shown(response) == ["The deadline to confirm has passed."]


def test_confirm_twice_keeps_the_first_confirmation(client, released):
    url = reverse("selection:confirm", args=[released.token])
    client.post(url, {"action": "confirm"}, follow=True)
    released.refresh_from_db()
    first = (released.status, released.closed_at)

    again = client.post(url, {"action": "decline", "reason": "Changed our minds."}, follow=True)

    released.refresh_from_db()
    released.application.refresh_from_db()
    assert (released.status, released.closed_at) == first == ("confirmed", first[1])
    assert released.application.status == S.ACCEPTED
    assert messages_shown(again) == ["This confirmation is already closed."]


def test_confirm_after_the_team_withdrew_is_refused(client, released):
    application = released.application
    client.force_login(application.contact_person)
    client.post(reverse("applications:withdraw", args=[application.pk]), {"reason": "Elections."})
    client.logout()

    response = client.post(reverse("selection:confirm", args=[released.token]), {"action": "confirm"}, follow=True)

    released.refresh_from_db()
    application.refresh_from_db()
    assert (application.status, released.status) == (S.WITHDRAWN, "pending")
    assert messages_shown(response) == ["Your team no longer has a place to confirm."]
    assert "We confirm our place" not in response.content.decode()


def test_confirm_after_staff_moved_the_team_to_the_waiting_list_is_refused(client, released, staff):
    application = released.application
    services.decision_record(application=application, outcome="waitlisted", reason="Fewer places.", by=staff)

    client.post(reverse("selection:confirm", args=[released.token]), {"action": "confirm"})

    released.refresh_from_db()
    application.refresh_from_db()
    assert (application.status, released.status) == (S.WAITLISTED_PENDING, "pending")


def test_confirm_link_with_an_unknown_token_answers_404(client, released):
    response = client.post(reverse("selection:confirm", args=["not-a-token"]), {"action": "confirm"})

    assert response.status_code == 404


def test_unassigned_user_cannot_reach_the_declare_page(client, make_application):
    application = make_application()
    ReviewAssignmentFactory(application=application)
    client.force_login(UserFactory())

    response = client.post(reverse("selection:declare", args=[application.pk]), {"has_conflict": "no"})

    assert response.status_code == 404
    assert not ConflictDeclaration.objects.filter(application=application).exists()


def test_draft_review_cannot_be_saved_once_the_application_is_decided(db):
    intake = IntakeFactory(closed=True, with_rubric=True)
    application = ApplicationFactory(intake=intake, accepted=True)
    review = scored_review(application=application, scores=[3, 3, 3, 3, 3], submitted=False)
    criterion = intake.criteria.first()

    with pytest.raises(ValidationError) as refused:
        services.review_save_draft(
            assignment=review.assignment, by=review.assignment.reviewer, scores={criterion.pk: (5, "")}
        )

    assert refused.value.messages == ["This application is no longer in selection; its reviews are closed."]
    assert review.scores.get(criterion=criterion).score == 3
