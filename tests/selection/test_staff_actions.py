"""Staff actions on reviews: reassign an assignment, reopen a submitted review, the intake's selection settings."""

import pytest
from django.urls import reverse

from selection.enums import ReviewStatus
from selection.models import ReviewAssignment
from tests.factories import (
    ConflictDeclarationFactory,
    ReviewAssignmentFactory,
    ReviewerFactory,
    SelectionSettingsFactory,
    UserFactory,
    scored_review,
)
from tests.programmes.html import texts_by_testid

from .html import action_buttons, messages_shown, select_options


def _queue_titles(client, reviewer) -> list[str]:
    client.force_login(reviewer)
    response = client.get(reverse("selection:queue"))
    return [a.application.title for a in response.context["page_obj"]]


# --- Reassign ------------------------------------------------------------------------------------------


@pytest.fixture
def assignment(make_application):
    """A Kenyan team's application assigned to a Swedish reviewer who has not started."""
    application = make_application(title="Ward budget hearings")
    return ReviewAssignmentFactory(application=application, reviewer=UserFactory(full_name="Sara Lind", country="SE"))


def _reassign(client, assignment, reviewer, reason="Sara is on leave."):
    url = reverse("selection:reassign", args=[assignment.pk])
    return client.post(url, {"reviewer": reviewer.pk, "reason": reason}, follow=True)


def test_reassign_gives_the_application_to_the_new_reviewer(client, staff, intake, assignment):
    new = ReviewerFactory(intake=intake, full_name="Nils Berg", country="NO")
    client.force_login(staff)

    response = _reassign(client, assignment, new)

    assert response.redirect_chain == [(reverse("selection:assignments", args=[intake.pk]), 302)]
    assert messages_shown(response) == ["The application is reassigned."]
    assignment.refresh_from_db()
    assert (assignment.status, assignment.voided_reason) == ("voided", "Sara is on leave.")
    assert _queue_titles(client, new) == ["Ward budget hearings"]
    assert _queue_titles(client, assignment.reviewer) == []


@pytest.mark.parametrize(
    ("country", "conflict", "message"),
    [
        ("KE", False, "Nils Berg is from the same country as the team."),
        ("NO", True, "Nils Berg has a conflict of interest with this application."),
    ],
)
def test_reassign_to_a_same_country_or_conflicted_reviewer_is_refused(
    client, staff, intake, assignment, country, conflict, message
):
    new = ReviewerFactory(intake=intake, full_name="Nils Berg", country=country)
    if conflict:
        ConflictDeclarationFactory(application=assignment.application, reviewer=new, conflict=True)
    client.force_login(staff)

    response = _reassign(client, assignment, new)

    assert response.redirect_chain == []
    assert messages_shown(response) == [message]
    assignment.refresh_from_db()
    assert assignment.status == "active"
    assert list(ReviewAssignment.objects.filter(reviewer=new)) == []
    assert _queue_titles(client, assignment.reviewer) == ["Ward budget hearings"]


def test_reassign_offers_the_intakes_other_reviewers_only(client, staff, intake, assignment):
    ReviewerFactory(intake=intake, full_name="Nils Berg", country="NO")
    ReviewerFactory(full_name="Elsewhere Reviewer")  # a reviewer in another intake
    client.force_login(staff)

    response = client.get(reverse("selection:reassign", args=[assignment.pk]))

    assert select_options(response, "reviewer") == ["---------", "Nils Berg"]


def test_reassign_is_404_for_the_reviewer(client, intake, assignment):
    new = ReviewerFactory(intake=intake, country="NO")
    client.force_login(assignment.reviewer)

    response = client.post(reverse("selection:reassign", args=[assignment.pk]), {"reviewer": new.pk})

    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == "active"


# --- Reopen ------------------------------------------------------------------------------------------


@pytest.fixture
def submitted(make_application):
    return scored_review(application=make_application(), scores=[2, 5], full_name="Sara Lind")


def test_reopen_by_staff_lets_the_reviewer_edit_again(client, staff, submitted):
    application = submitted.assignment.application
    reviewer = submitted.assignment.reviewer
    client.force_login(reviewer)
    before = client.get(reverse("selection:review", args=[application.pk]))
    client.force_login(staff)

    reopened = client.post(
        reverse("selection:review_reopen", args=[submitted.pk]), {"reason": "Scores swapped."}, follow=True
    )
    client.force_login(reviewer)
    after = client.get(reverse("selection:review", args=[application.pk]))
    criteria = list(application.intake.criteria.order_by("order"))
    client.post(
        reverse("selection:review", args=[application.pk]),
        {f"score_{criteria[0].pk}": "3", f"score_{criteria[1].pk}": "6", "recommendation": "accept", "action": "draft"},
    )

    assert action_buttons(before) == []
    assert reopened.redirect_chain == [(reverse("selection:application_reviews", args=[application.pk]), 302)]
    assert messages_shown(reopened) == ["The review is reopened; it counts again once the reviewer submits it."]
    assert action_buttons(after) == ["Save draft", "Submit review"]
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.DRAFT
    assert sorted(submitted.scores.values_list("score", flat=True)) == [3, 6]


def test_reopen_is_refused_to_the_reviewer(client, submitted):
    client.force_login(submitted.assignment.reviewer)

    response = client.post(reverse("selection:review_reopen", args=[submitted.pk]), {"reason": "I changed my mind."})
    page = client.get(reverse("selection:review", args=[submitted.assignment.application_id]))

    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED
    assert action_buttons(page) == []


def test_reopen_of_a_draft_says_it_is_not_submitted(client, staff, make_application):
    draft = scored_review(application=make_application(), scores=[1, 1], submitted=False)
    client.force_login(staff)

    response = client.post(reverse("selection:review_reopen", args=[draft.pk]), {"reason": "Check."}, follow=True)

    assert messages_shown(response) == ["This review is not submitted."]


# --- Settings ----------------------------------------------------------------------------------------


def _settings_data(**changes):
    data = {
        "review_deadline": "",
        "reminder_days": "3",
        "confirmation_days": "14",
        "reviews_required": "2",
        "spread_threshold": "20",
    }
    return {**data, **changes}


@pytest.mark.parametrize(("blind", "member_shown"), [(True, "Member 1, Mayor"), (False, "Amina Odhiambo, Mayor")])
def test_settings_blind_review_takes_effect_on_the_reviewers_page(
    client, staff, intake, make_application, blind, member_shown
):
    application = make_application(contact_person=UserFactory(full_name="Amina Odhiambo", country="KE"))
    application.members.update(position="Mayor", role_type="", gender="")
    SelectionSettingsFactory(intake=intake, blind_review=not blind)
    assignment = ReviewAssignmentFactory(application=application, declared=True)
    client.force_login(staff)

    saved = client.post(
        reverse("selection:intake_home", args=[intake.pk]),
        _settings_data(**({"blind_review": "on"} if blind else {})),
        follow=True,
    )
    client.force_login(assignment.reviewer)
    page = client.get(reverse("selection:review", args=[application.pk]))

    assert messages_shown(saved) == ["The selection settings are saved."]
    assert saved.context["form"]["blind_review"].value() is blind
    assert texts_by_testid(page, "member") == [member_shown]


def test_settings_with_an_invalid_value_keep_the_old_ones(client, staff, intake):
    client.force_login(staff)

    response = client.post(reverse("selection:intake_home", args=[intake.pk]), _settings_data(confirmation_days="0"))

    assert response.context["form"].errors == {
        "confirmation_days": ["Ensure this value is greater than or equal to 1."]
    }
    assert messages_shown(response) == []
