"""Ranking, ties, overrides, overfill, late conflicts, release and confirmation."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from applications.enums import ApplicationStatus as S
from applications.models import Application
from portal.models import Audience
from portal.selectors import activities_for
from selection import services
from selection.models import Confirmation
from selection.selectors import cohort_balance, ranking
from tests.factories import NotificationTemplateFactory, OrganisationFactory, scored_review


def _ranked(make_application, scores_list):
    apps = []
    for scores in scores_list:
        application = make_application()
        scored_review(application=application, scores=scores)
        apps.append(application)
    return apps


def test_equal_means_share_a_rank_and_a_tie_at_the_cut_off_is_flagged(intake, make_application):
    # places = 2: 100, then two at 73.33 competing for the second place.
    top, a, b, last = _ranked(make_application, [[3, 6], [2, 5], [2, 5], [0, 0]])

    rows = ranking(intake=intake)

    assert [(r.application, r.rank, r.tie, r.tie_at_cutoff) for r in rows] == [
        (top, 1, False, False),
        (a, 2, True, True),
        (b, 2, True, True),
        (last, 4, False, False),
    ]


def test_ranking_page_and_csv_show_the_same_figures(staff_client, intake, make_application):
    application = make_application()
    scored_review(application=application, scores=[2, 5], full_name="Ana")
    scored_review(application=application, scores=[3, 4], full_name="Ben")
    scored_review(application=application, scores=[1, 6], full_name="Cai")

    page = staff_client.get(reverse("selection:ranking", args=[intake.pk])).content.decode()
    export = b"".join(staff_client.get(reverse("selection:ranking_csv", args=[intake.pk])).streaming_content).decode()
    row = list(csv.reader(io.StringIO(export)))[1]

    assert row[5] == "73.33"
    assert row[6] == "26.67"
    assert row[10] == "Ana: 73.33; Ben: 86.67; Cai: 60.00"
    assert '<td data-testid="mean"><strong>73.33</strong></td>' in page
    assert "Ana: 73.33" in page


def test_accepting_below_a_higher_ranked_team_needs_a_justification(intake, make_application, staff):
    _higher, lower = _ranked(make_application, [[3, 6], [1, 1]])

    with pytest.raises(ValidationError) as refused:
        services.decision_record(application=lower, outcome="accepted", reason="Country balance.", by=staff)
    decision = services.decision_record(
        application=lower, outcome="accepted", reason="Country balance.", justification="No team from TZ.", by=staff
    )

    assert refused.value.code == "justification"
    assert (decision.justification, lower.status) == ("No team from TZ.", S.ACCEPTED_PENDING)
    feed = activities_for(obj=lower, audiences=Audience.values)
    assert (feed.last().to_state, feed.last().reason, feed.last().audience) == (
        "accepted_pending",
        "Country balance.",
        Audience.STAFF,
    )


def test_accepting_beyond_the_places_needs_confirmation(intake, make_application, staff):
    apps = _ranked(make_application, [[3, 6], [3, 5], [3, 4]])
    services.decisions_record(applications=apps[:2], outcome="accepted", reason="Strong.", by=staff)

    with pytest.raises(ValidationError) as refused:
        services.decision_record(application=apps[2], outcome="accepted", reason="Strong too.", by=staff)
    decision = services.decision_record(
        application=apps[2], outcome="accepted", reason="Strong too.", confirm_overfill=True, by=staff
    )

    assert refused.value.code == "overfill"
    assert decision.overfill_confirmed is True


def test_decision_page_asks_for_the_justification(staff_client, intake, make_application):
    _higher, lower = _ranked(make_application, [[3, 6], [1, 1]])
    url = reverse("selection:ranking", args=[intake.pk])

    response = staff_client.post(url, {"applications": [lower.pk], "outcome": "accepted", "reason": "Balance."})

    lower.refresh_from_db()
    assert lower.status == S.UNDER_REVIEW
    assert "Please write why you accept this team instead" in response.content.decode()


def test_late_conflict_voids_the_scores_and_the_ranking_recomputes(intake, make_application, staff):
    application = make_application()
    keep = scored_review(application=application, scores=[3, 6])
    void = scored_review(application=application, scores=[0, 0])
    assert ranking(intake=intake)[0].mean == Decimal("50.00")

    services.scores_void_for_conflict(assignment=void.assignment, by=staff, note="Former employer of the team.")

    row = ranking(intake=intake)[0]
    assert (row.mean, row.reviews_done, row.reviews_assigned) == (Decimal("100.00"), 1, 1)
    assert [t.total for t in row.totals] == [Decimal("100.00")]
    void.refresh_from_db()
    assert (void.scores.count(), void.assignment.status, keep.assignment.status) == (2, "voided", "active")
    assert void.history.count() >= 1


def test_release_sends_the_intake_templates_only_on_release(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    first, second, third = _ranked(make_application, [[3, 6], [3, 5], [1, 1]])
    NotificationTemplateFactory(intake=intake, outcome="accepted", subject="Welcome, {team}")
    services.decisions_record(
        applications=[first, second], outcome="accepted", reason="Strong project.", message="Welcome!", by=staff
    )
    services.decision_record(application=third, outcome="waitlisted", reason="Good, but fewer places.", by=staff)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        services.decisions_release(intake=intake, by=staff)

    org = first.organisations.get().name
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(mail.outbox) == 3
    assert f"Welcome, {org}" in subjects
    accepted = next(m for m in mail.outbox if m.subject == f"Welcome, {org}")
    token = Confirmation.objects.get(application=first).token
    assert f"/selection/confirm/{token}/" in accepted.body
    assert "Welcome!" in accepted.body
    assert "Strong project." not in accepted.body  # the internal reason stays with staff
    waitlisted = next(m for m in mail.outbox if third.title in m.body)
    assert "waiting list" in waitlisted.body
    assert sorted(Application.objects.filter(intake=intake).values_list("status", flat=True)) == [
        "accepted",
        "accepted",
        "waitlisted",
    ]


def test_confirmation_decline_frees_the_place_for_the_waiting_list(client, intake, make_application, staff):
    first, second, third = _ranked(make_application, [[3, 6], [3, 5], [1, 1]])
    services.decisions_record(applications=[first, second], outcome="accepted", reason="Strong.", by=staff)
    services.decision_record(application=third, outcome="waitlisted", reason="Next in line.", by=staff)
    services.decisions_release(intake=intake, by=staff)
    token = Confirmation.objects.get(application=first).token

    client.post(reverse("selection:confirm", args=[token]), {"action": "decline", "reason": "Elections."})

    first.refresh_from_db()
    assert first.status == S.WITHDRAWN
    assert cohort_balance(intake=intake)["free"] == 1
    client.force_login(staff)
    page = client.get(reverse("selection:confirmations", args=[intake.pk])).content.decode()
    assert "1 place is free" in page
    assert f"Top of the waiting list: “{third.title}”" in page


def test_unconfirmed_place_expires_after_the_deadline(intake, make_application, staff):
    (application,) = _ranked(make_application, [[3, 6]])
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)
    services.decisions_release(intake=intake, by=staff)
    confirmation = Confirmation.objects.get()

    reminded = services.confirmations_remind(now=confirmation.deadline - timedelta(days=1))
    expired = services.confirmations_expire(now=confirmation.deadline + timedelta(minutes=1))

    application.refresh_from_db()
    assert (reminded, expired, application.status) == (1, 1, S.WITHDRAWN)


def test_review_reminders_before_the_deadline(intake, make_application):
    from tests.factories import ReviewAssignmentFactory, SelectionSettingsFactory

    SelectionSettingsFactory(intake=intake, review_deadline=timezone.now() + timedelta(days=2), reminder_days=3)
    assignment = ReviewAssignmentFactory(application=make_application())
    scored_review(application=make_application(), scores=[1, 1])

    sent = services.reviews_remind()
    again = services.reviews_remind()

    assert (sent, again) == (1, 0)
    assert [m.to for m in mail.outbox] == [[assignment.reviewer.email]]


def test_cohort_balance_counts_the_accepted_set(intake, make_application, staff):
    (application,) = _ranked(make_application, [[3, 6]])
    OrganisationFactory(application=application, country="TZ", type="cso")
    services.decision_record(application=application, outcome="accepted", reason="Strong.", by=staff)

    balance = cohort_balance(intake=intake)

    assert (balance["accepted"], balance["free"]) == (1, 1)
    assert balance["countries"] == [("Kenya", 1), ("Tanzania", 1)]
    assert balance["organisation_types"] == [("Civil-society organisation", 1), ("Municipality", 1)]
    assert balance["roles"] == [("Municipal or regional official", 1)]
    assert balance["core_areas"] == [("Participation", 1), ("Transparency", 1)]
