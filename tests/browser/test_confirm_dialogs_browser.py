"""The three destructive buttons ask first, in the reader's language (apostrophes included), and
cancelling does nothing: decline your place, reassign a review, reopen a review."""

import os

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from applications.enums import ApplicationStatus
from selection.enums import AssignmentStatus, ConfirmationStatus, ReviewStatus
from selection.models import Confirmation, Review, ReviewAssignment
from tests.factories import (
    ConfirmationFactory,
    IntakeFactory,
    ReviewAssignmentFactory,
    RubricCriterionFactory,
    StaffFactory,
    scored_review,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DECLINE = "Decline your team's place? This cannot be undone."
REASSIGN = "Reassign? The current reviewer's draft stops counting."
REOPEN = "Reopen this review? It stops counting until it is submitted again."


def _in(language, text):
    with translation.override(language):
        return gettext(text)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "fr"])
def test_destructive_buttons_ask_in_the_readers_language_and_cancel_does_nothing(
    browser, live_server, transactional_db, language
):
    intake = IntakeFactory(closed=True)
    RubricCriterionFactory(intake=intake, weight=100, max_score=3)
    confirmation = ConfirmationFactory(application__intake=intake)
    assignment = ReviewAssignmentFactory(application__intake=intake)
    ReviewAssignmentFactory(application=assignment.application)  # someone to reassign to
    review = scored_review(application=assignment.application, scores=[2])
    staff = StaffFactory()
    client = Client()
    client.force_login(staff)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    asked = []

    def cancel(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", cancel)
    pages = [
        (reverse("selection:confirm", args=[confirmation.token]), "button[value=decline]"),
        (reverse("selection:reassign", args=[assignment.pk]), "form button[type=submit][data-confirm]"),
        (reverse("selection:application_reviews", args=[assignment.application_id]), "button[data-confirm]"),
    ]
    for path, button in pages:
        page.goto(f"{live_server.url}{path}")
        page.locator(button).click()
        page.wait_for_timeout(300)
        assert page.url == f"{live_server.url}{path}"  # nothing was sent
    context.close()

    assert asked == [_in(language, DECLINE), _in(language, REASSIGN), _in(language, REOPEN)]
    if language == "fr":  # French typography: a non-breaking space before the question mark
        assert asked == [
            "Refuser la place de votre équipe\u00a0? Cette action est irréversible.",
            "Réaffecter\u00a0? Le brouillon de l'évaluateur actuel ne comptera plus.",
            "Rouvrir cette évaluation\u00a0? Elle ne comptera plus jusqu'à ce qu'elle soit de nouveau soumise.",
        ]
    confirmation.refresh_from_db()
    assert (confirmation.status, confirmation.application.status) == (
        ConfirmationStatus.PENDING,
        ApplicationStatus.ACCEPTED,
    )
    assert ReviewAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.ACTIVE
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.SUBMITTED
    assert Confirmation.objects.count() == 1
