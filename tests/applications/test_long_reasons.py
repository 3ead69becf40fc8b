"""Issue 10 #1: every reason a form accepts may be long (1,000 characters) without a server error.

Simple-history copies reasons into a 100-character column: PostgreSQL refused anything longer. The
history keeps the first 100 characters; the activity feed (or the record itself) keeps the whole reason.
Each test goes through the form a person uses.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.enums import ApplicationStatus
from portal.models import Audience
from portal.selectors import activities_for
from selection.enums import AssignmentStatus
from selection.models import ConflictDeclaration, ReviewAssignment
from tests.factories import (
    ApplicationFactory,
    ConfirmationFactory,
    IntakeFactory,
    ReviewAssignmentFactory,
    ReviewFactory,
    RubricCriterionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LONG = ("Country balance and a late mandate letter, explained at length. " * 20)[:1000]


def _latest_change(application):
    return activities_for(obj=application, audiences=Audience.values).exclude(to_state="").last()


def test_long_not_eligible_reason_is_kept(staff_client):
    application = ApplicationFactory(submitted=True, complete=True)

    response = staff_client.post(
        reverse("applications:screen", args=[application.pk]), {"decision": "ineligible", "reason": LONG}
    )

    assert response.status_code == 302
    assert (_latest_change(application).to_state, _latest_change(application).reason) == ("ineligible", LONG)
    assert application.history.first().history_change_reason == LONG[:100]


def test_long_reversal_comment_is_kept(staff_client):
    application = ApplicationFactory(ineligible=True, complete=True)

    response = staff_client.post(
        reverse("applications:screen", args=[application.pk]), {"decision": "eligible", "reason": LONG}
    )

    assert response.status_code == 302
    assert (_latest_change(application).to_state, _latest_change(application).reason) == ("eligible", LONG)


def test_long_reopen_reason_is_kept(staff_client):
    application = ApplicationFactory(submitted=True)

    response = staff_client.post(reverse("applications:reopen", args=[application.pk]), {"reason": LONG})

    assert response.status_code == 302
    assert (_latest_change(application).to_state, _latest_change(application).reason) == ("draft", LONG)


def test_long_team_deadline_extension_reason_is_kept(staff_client):
    application = ApplicationFactory()
    later = timezone.localtime(application.intake.closes_at + timedelta(days=3), application.intake.tzinfo)

    response = staff_client.post(
        reverse("applications:extend_deadline", args=[application.pk]),
        {"deadline": later.strftime("%Y-%m-%dT%H:%M"), "reason": LONG},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.deadline_override_reason == LONG
    assert application.history.first().history_change_reason == LONG[:100]


def test_long_intake_deadline_extension_reason_is_kept(staff_client):
    intake = IntakeFactory()
    later = timezone.localtime(intake.closes_at + timedelta(days=3), intake.tzinfo)

    response = staff_client.post(
        reverse("applications:intake_extend", args=[intake.pk]),
        {"deadline": later.strftime("%Y-%m-%dT%H:%M"), "reason": LONG},
    )

    assert response.status_code == 302
    assert intake.history.first().history_change_reason == LONG[:100]


def test_long_withdrawal_reason_is_kept(client):
    application = ApplicationFactory(submitted=True)
    client.force_login(application.contact_person)

    response = client.post(reverse("applications:withdraw", args=[application.pk]), {"reason": LONG})

    assert response.status_code == 302
    assert (_latest_change(application).to_state, _latest_change(application).reason) == ("withdrawn", LONG)


def test_long_decline_reason_is_kept(client):
    confirmation = ConfirmationFactory()

    response = client.post(
        reverse("selection:confirm", args=[confirmation.token]), {"action": "decline", "reason": LONG}
    )

    assert response.status_code == 302
    change = _latest_change(confirmation.application)
    assert (change.to_state, change.reason) == (ApplicationStatus.WITHDRAWN, LONG)


def test_long_decision_reason_is_kept(staff_client):
    intake = IntakeFactory(closed=True)
    RubricCriterionFactory(intake=intake, weight=100)
    application = ApplicationFactory(intake=intake, under_review=True)

    response = staff_client.post(
        reverse("selection:ranking", args=[intake.pk]),
        {"applications": [application.pk], "outcome": "rejected", "reason": LONG},
    )

    assert response.status_code == 302
    assert application.decisions.get().reason == LONG


def test_long_staff_conflict_note_is_kept(staff_client):
    assignment = ReviewAssignmentFactory(declared=True)

    response = staff_client.post(
        reverse("selection:conflicts", args=[assignment.application.intake_id]),
        {
            "application": assignment.application.pk,
            "reviewer": assignment.reviewer.pk,
            "kind": "other",
            "note": LONG,
            "confirm": "on",
        },
    )

    assert response.status_code == 302
    assert ConflictDeclaration.objects.get(application=assignment.application).note == LONG
    assert ReviewAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.VOIDED


def test_long_reassignment_reason_is_kept(staff_client):
    assignment = ReviewAssignmentFactory()
    new = UserFactory(country="SE")
    ReviewAssignmentFactory(reviewer=new, application=ApplicationFactory(intake=assignment.application.intake))

    response = staff_client.post(
        reverse("selection:reassign", args=[assignment.pk]), {"reviewer": new.pk, "reason": LONG}
    )

    assert response.status_code == 302
    assert ReviewAssignment.objects.get(pk=assignment.pk).voided_reason == LONG


def test_long_review_reopen_reason_is_kept(staff_client):
    review = ReviewFactory(submitted=True)

    response = staff_client.post(reverse("selection:review_reopen", args=[review.pk]), {"reason": LONG})

    assert response.status_code == 302
    assert review.history.first().history_change_reason == LONG[:100]
