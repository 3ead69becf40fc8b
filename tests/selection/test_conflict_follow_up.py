"""Conflicts of interest as staff follow them up (issue 10, item 7): the staff e-mail, the declaration time,
valid against required reviews, the prompt for a replacement, and keeping a reviewer with a justification."""

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from applications.selectors import application_timeline
from portal.workflow import TransitionForbidden
from selection import services
from selection.enums import AssignmentStatus, ConflictStatus
from selection.models import ConflictDeclaration, ReviewAssignment, SelectionSettings
from selection.selectors import ranking
from tests.factories import ReviewAssignmentFactory, StaffFactory, scored_review
from tests.programmes.html import texts_by_testid


def _selected_option(response, name: str) -> str:
    [block] = re.findall(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', response.content.decode(), re.S)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', block)[0]


def _declare_conflict(assignment):
    services.conflict_declare(
        application=assignment.application,
        reviewer=assignment.reviewer,
        has_conflict=True,
        kind="personal",
        note="My cousin leads the team.",
    )


def test_reviewer_declaring_a_conflict_emails_programme_staff_after_commit(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    other_staff = StaffFactory(preferred_language="sv")
    application = make_application(title="Open budgets")
    assignment = ReviewAssignmentFactory(application=application, reviewer__full_name="Ruth Reviewer")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _declare_conflict(assignment)
        assert mail.outbox == []  # nothing before the commit

    assert len(callbacks) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([staff.email, other_staff.email])
    english = next(m for m in mail.outbox if m.to == [staff.email])
    assert english.subject == f"Conflict of interest declared: {intake.name}"
    assert "Ruth Reviewer declared a conflict of interest with the application “Open budgets”" in english.body
    assert "My cousin leads the team." in english.body
    assert "The application now has 0 valid reviews of 2 required." in english.body
    assert f"/selection/intakes/{intake.pk}/assignments/?application={application.pk}" in english.body


def test_answering_no_conflict_emails_nobody(intake, make_application, staff, django_capture_on_commit_callbacks):
    assignment = ReviewAssignmentFactory(application=make_application())

    with django_capture_on_commit_callbacks(execute=True):
        services.conflict_declare(application=assignment.application, reviewer=assignment.reviewer, has_conflict=False)

    assert mail.outbox == []


def test_conflicts_page_shows_when_each_conflict_was_declared_in_the_intakes_zone(
    staff_client, intake, make_application
):
    intake.time_zone = "Africa/Nairobi"
    intake.save()
    assignment = ReviewAssignmentFactory(application=make_application())
    _declare_conflict(assignment)
    ConflictDeclaration.objects.update(updated_at=datetime(2027, 3, 15, 9, 30, tzinfo=UTC))

    response = staff_client.get(reverse("selection:conflicts", kwargs={"intake_pk": intake.pk}))

    assert texts_by_testid(response, "declared-at") == ["15 March 2027, 12:30 EAT"]


def test_valid_reviews_against_required_after_a_voided_review(staff_client, intake, make_application, staff):
    application = make_application()
    kept = scored_review(application=application, scores=[3, 6])
    voided = scored_review(application=application, scores=[1, 1])
    services.scores_void_for_conflict(assignment=voided.assignment, by=staff, note="Found late: a former colleague.")

    ranking_page = staff_client.get(reverse("selection:ranking", kwargs={"intake_pk": intake.pk}))
    assignments_page = staff_client.get(reverse("selection:assignments", kwargs={"intake_pk": intake.pk}))
    reviews_page = staff_client.get(reverse("selection:application_reviews", kwargs={"pk": application.pk}))
    conflicts_page = staff_client.get(reverse("selection:conflicts", kwargs={"intake_pk": intake.pk}))

    assert kept.assignment.status == AssignmentStatus.ACTIVE
    assert texts_by_testid(ranking_page, "reviews") == ["1 of 2 missing"]
    assert texts_by_testid(assignments_page, "valid-reviews") == ["1 of 2 needs a reviewer"]
    assert texts_by_testid(reviews_page, "valid-reviews") == [
        "1 valid review of 2 required (submitted and not voided)."
    ]
    assert texts_by_testid(conflicts_page, "valid-reviews") == ["1 of 2", "1 of 2"]  # both declarations


def test_required_reviews_is_an_intake_setting(staff_client, intake, make_application):
    SelectionSettings.objects.create(intake=intake, reviews_required=1)
    application = make_application()
    scored_review(application=application, scores=[3, 6])

    ranking_page = staff_client.get(reverse("selection:ranking", kwargs={"intake_pk": intake.pk}))

    assert texts_by_testid(ranking_page, "reviews") == ["1 of 1"]


def test_conflicts_page_prompts_a_replacement_until_one_is_assigned(staff_client, intake, make_application, staff):
    application = make_application(title="Open budgets")
    assignment = ReviewAssignmentFactory(application=application)
    ReviewAssignmentFactory(application=application)
    _declare_conflict(assignment)
    conflicts_url = reverse("selection:conflicts", kwargs={"intake_pk": intake.pk})

    before = staff_client.get(conflicts_url)
    [link] = re.findall(r'href="([^"]*)"[^>]*data-testid="replace"', before.content.decode())
    assignments_page = staff_client.get(link.replace("&amp;", "&"))
    replacement = ReviewAssignmentFactory(application=application).reviewer
    after = staff_client.get(conflicts_url)

    assert link == f"/selection/intakes/{intake.pk}/assignments/?application={application.pk}#assign-one"
    assert _selected_option(assignments_page, "one-application") == str(application.pk)
    assert replacement.pk
    assert texts_by_testid(after, "replace") == []


def test_staff_keep_a_reviewer_despite_a_conflict_only_with_a_justification(
    staff_client, intake, make_application, staff
):
    application = make_application()
    assignment = ReviewAssignmentFactory(application=application)
    _declare_conflict(assignment)
    declaration = ConflictDeclaration.objects.get()
    url = reverse("selection:conflict_keep", kwargs={"pk": declaration.pk})

    refused = staff_client.post(url, {"reason": "  "})
    declaration.refresh_from_db()
    assignment.refresh_from_db()
    state_refused = (declaration.status, assignment.status)
    staff_client.post(url, {"reason": "The cousin left the team in January; checked with the municipality."})
    declaration.refresh_from_db()
    assignment.refresh_from_db()

    assert refused.status_code == 200
    assert state_refused == (ConflictStatus.DECLARED, AssignmentStatus.VOIDED)
    assert (declaration.status, assignment.status) == (ConflictStatus.WAIVED, AssignmentStatus.ACTIVE)
    staff_feed = [(a.verb, a.reason) for a in application_timeline(application=application)]
    assert (
        "kept the reviewer despite a declared conflict of interest",
        "The cousin left the team in January; checked with the municipality.",
    ) in staff_feed
    team_feed = [a.verb for a in application_timeline(application=application, for_team=True)]
    assert "kept the reviewer despite a declared conflict of interest" not in team_feed


def test_a_kept_reviewer_may_read_and_score_the_application(client, intake, make_application, staff):
    application = make_application()
    assignment = ReviewAssignmentFactory(application=application)
    _declare_conflict(assignment)
    reviewer = assignment.reviewer
    client.force_login(reviewer)
    review_url = reverse("selection:review", kwargs={"pk": application.pk})
    before = client.get(review_url).status_code

    services.conflict_keep_reviewer(
        declaration=ConflictDeclaration.objects.get(), by=staff, justification="A distant tie; no influence."
    )
    after = client.get(review_url).status_code
    services.review_submit(
        assignment=ReviewAssignment.objects.get(pk=assignment.pk),
        by=reviewer,
        scores={c.pk: (1, "") for c in intake.criteria.all()},
        recommendation="accept",
    )

    assert (before, after) == (404, 200)
    assert [r.reviews_done for r in ranking(intake=intake)] == [1]


def test_keeping_a_reviewer_after_a_late_conflict_counts_their_review_again(intake, make_application, staff):
    application = make_application()
    scored_review(application=application, scores=[3, 6])
    late = scored_review(application=application, scores=[1, 1])
    services.scores_void_for_conflict(assignment=late.assignment, by=staff, note="Same NGO board.")
    before = [(r.mean, r.reviews_done) for r in ranking(intake=intake)]

    services.conflict_keep_reviewer(
        declaration=ConflictDeclaration.objects.get(has_conflict=True),
        by=staff,
        justification="They left the board in 2024.",
    )

    assert before == [(100, 1)]
    assert [r.reviews_done for r in ranking(intake=intake)] == [2]


def test_only_staff_may_keep_a_reviewer_and_marking_again_makes_the_conflict_stand(intake, make_application, staff):
    application = make_application()
    assignment = ReviewAssignmentFactory(application=application)
    _declare_conflict(assignment)
    declaration = ConflictDeclaration.objects.get()

    with pytest.raises(TransitionForbidden):
        services.conflict_keep_reviewer(
            declaration=declaration, by=User.objects.get(pk=assignment.reviewer_id), justification="I am fine."
        )
    services.conflict_keep_reviewer(declaration=declaration, by=staff, justification="A distant tie.")
    services.conflict_mark_by_staff(
        application=application, reviewer=assignment.reviewer, kind="personal", note="The tie is closer.", by=staff
    )

    declaration.refresh_from_db()
    assert declaration.status == ConflictStatus.DECLARED
    assert list(ReviewAssignment.objects.filter(application=application).values_list("status", flat=True)) == [
        AssignmentStatus.VOIDED
    ]


def test_a_reviewer_who_finds_a_conflict_after_scoring_declares_it_and_the_review_stops_counting(
    client, intake, make_application, staff, django_capture_on_commit_callbacks
):
    application = make_application(title="Open budgets")
    scored_review(application=application, scores=[3, 6])
    late = scored_review(application=application, scores=[1, 1], full_name="Ruth Reviewer")
    client.force_login(late.assignment.reviewer)
    review_page = client.get(reverse("selection:review", args=[application.pk]))
    url = reverse("selection:declare_later", args=[application.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"kind": "personal", "note": "I only now saw my cousin's name in the team."})
    late.assignment.refresh_from_db()
    [row] = ranking(intake=intake)

    assert f'href="{url}"' in review_page.content.decode()
    assert response.url == reverse("selection:queue")
    assert late.assignment.status == AssignmentStatus.VOIDED
    assert (row.mean, row.reviews_done) == (Decimal("100.00"), 1)
    assert client.get(reverse("selection:review", args=[application.pk])).status_code == 404
    assert client.get(url).status_code == 404
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "Ruth Reviewer declared a conflict of interest with the application “Open budgets”" in mail.outbox[0].body
    assert "The application now has 1 valid review of 2 required." in mail.outbox[0].body
