"""What a selection committee reads on the ranking (issue 10, item 8): per-criterion means, the intake's
tie-break rule applied and stated, the reserve order carried into the e-mails, and an audit of moves
across the cut-off."""

from decimal import Decimal

from django.core import mail
from django.urls import reverse

from portal.models import Activity
from selection import services
from selection.models import SelectionSettings
from selection.selectors import ranking, ranking_page, selection_settings_for, waitlist_top
from tests.factories import RubricCriterionFactory, scored_review
from tests.programmes.html import texts_by_testid


def _team(make_application, title, *score_lists):
    application = make_application(title=title)
    for scores in score_lists:
        scored_review(application=application, scores=scores)
    return application


def _tied_intake(make_application):
    """places = 2: a clear first, then three teams at 73.33 for the second place.

    "Relevance first": Relevance 3 (one review 3/2). "Agreeing": Relevance 2, both reviewers 73.33 (spread 0).
    "Disagreeing": Relevance 2, reviewers at 93.33 and 53.33 (spread 40).
    """
    _team(make_application, "Clear first", [3, 6])
    _team(make_application, "Agreeing", [2, 5], [2, 5])
    _team(make_application, "Disagreeing", [3, 5], [1, 5])
    _team(make_application, "Relevance first", [3, 2])


def _rule(intake, *, criterion_name=None, spread=False):
    settings, _created = SelectionSettings.objects.get_or_create(intake=intake)
    settings.tie_break_criterion = intake.criteria.get(name=criterion_name) if criterion_name else None
    settings.tie_break_spread = spread
    settings.save()
    return settings


def _ranks(rows):
    return [(r.application.title, r.rank, r.tie, r.tie_broken, r.tie_at_cutoff) for r in rows]


def test_ranking_shows_each_applications_mean_per_criterion(staff_client, intake, make_application):
    _team(make_application, "Ward hearings", [2, 5], [3, 4])

    response = staff_client.get(reverse("selection:ranking", args=[intake.pk]))

    assert [[(c.name, m) for c, m in r.criterion_means] for r in response.context["rows"]] == [
        [("Relevance", Decimal("2.50")), ("Commitment", Decimal("4.50"))]
    ]
    assert texts_by_testid(response, "criterion-means") == ["Relevance: 2.50 Commitment: 4.50"]


def test_without_a_rule_equal_means_share_the_rank_and_tie_at_the_cut_off(staff_client, intake, make_application):
    _tied_intake(make_application)

    response = staff_client.get(reverse("selection:ranking", args=[intake.pk]))

    assert _ranks(ranking(intake=intake)) == [
        ("Clear first", 1, False, False, False),
        ("Agreeing", 2, True, False, True),
        ("Disagreeing", 2, True, False, True),
        ("Relevance first", 2, True, False, True),
    ]
    assert texts_by_testid(response, "tie-break-rule") == [
        "No tie-break rule is set: equal means share a rank. Change the rule"
    ]


def test_the_intakes_tie_break_rule_orders_equal_means_and_is_stated(staff_client, intake, make_application):
    _tied_intake(make_application)
    settings = _rule(intake, criterion_name="Relevance", spread=True)

    response = staff_client.get(reverse("selection:ranking", args=[intake.pk]))
    page_two = ranking_page(intake=intake, settings=settings, page=2, per_page=2).object_list

    expected = [
        ("Clear first", 1, False, False, False),
        ("Relevance first", 2, False, True, False),
        ("Agreeing", 3, False, True, False),
        ("Disagreeing", 4, False, True, False),
    ]
    assert _ranks(ranking(intake=intake)) == expected
    assert _ranks(response.context["rows"]) == expected
    assert _ranks(page_two) == expected[2:]
    assert texts_by_testid(response, "tie-break-rule") == [
        "Equal means are ordered by the higher mean on “Relevance”, then by the smaller spread between reviewers; "
        "teams equal on all three share a rank. Change the rule"
    ]


def test_a_criterion_rule_alone_leaves_teams_equal_on_it_tied(intake, make_application):
    _tied_intake(make_application)
    _rule(intake, criterion_name="Relevance")

    assert _ranks(ranking(intake=intake))[1:] == [
        ("Relevance first", 2, False, True, False),
        ("Agreeing", 3, True, False, False),
        ("Disagreeing", 3, True, False, False),
    ]


def test_staff_set_the_rule_in_the_settings_and_only_with_this_intakes_criteria(staff_client, intake):
    relevance = intake.criteria.get(name="Relevance")
    foreign = RubricCriterionFactory(name="Elsewhere")
    url = reverse("selection:intake_home", args=[intake.pk])
    data = {"reminder_days": 3, "confirmation_days": 14, "spread_threshold": "20", "tie_break_spread": "on"}

    refused = staff_client.post(url, {**data, "tie_break_criterion": foreign.pk})
    saved = staff_client.post(url, {**data, "tie_break_criterion": relevance.pk})

    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert saved.status_code == 302
    settings = selection_settings_for(intake=intake)
    assert (settings.tie_break_criterion, settings.tie_break_spread) == (relevance, True)


def test_waitlisted_teams_get_a_reserve_number_on_the_ranking_and_in_their_e_mail(
    intake, make_application, staff, django_capture_on_commit_callbacks
):
    first = _team(make_application, "First", [3, 6])
    second = _team(make_application, "Second", [3, 5])
    lower = _team(make_application, "Lower reserve", [1, 1])
    higher = _team(make_application, "Higher reserve", [2, 5])
    services.decisions_record(applications=[first, second], outcome="accepted", reason="Strongest.", by=staff)
    services.decisions_record(applications=[lower, higher], outcome="waitlisted", reason="Next in line.", by=staff)

    rows = ranking(intake=intake)
    with django_capture_on_commit_callbacks(execute=True):
        services.decisions_release(intake=intake, by=staff)

    assert [(r.application.title, r.reserve) for r in rows] == [
        ("First", None),
        ("Second", None),
        ("Higher reserve", 1),
        ("Lower reserve", 2),
    ]
    assert waitlist_top(intake=intake).application == higher
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "on the waiting list as reserve 1:" in bodies[higher.contact_person.email]
    assert "on the waiting list as reserve 2:" in bodies[lower.contact_person.email]


def test_moving_teams_across_the_cut_off_is_recorded_with_before_and_after(intake, make_application, staff):
    top = _team(make_application, "Top", [3, 6])
    _team(make_application, "Second", [3, 5])
    third = _team(make_application, "Third", [2, 5])

    services.decision_record(application=top, outcome="waitlisted", reason="Country balance.", by=staff)
    services.decision_record(
        application=third,
        outcome="accepted",
        reason="Country balance.",
        justification="Only team from Malawi.",
        by=staff,
    )

    entries = Activity.objects.filter(from_state__endswith="_cutoff").order_by("pk")
    assert [(e.object_id, e.verb, e.from_state, e.to_state, e.reason, e.audience) for e in entries] == [
        (
            top.pk,
            "moved the team below the cut-off: rank 1 of 2 places, now waiting list",
            "above_cutoff",
            "below_cutoff",
            "Country balance.",
            "staff",
        ),
        (
            third.pk,
            "moved the team above the cut-off: rank 3 of 2 places, now accepted",
            "below_cutoff",
            "above_cutoff",
            "Country balance.",
            "staff",
        ),
    ]
    assert entries[1].data == {
        "cut_off": {
            "places": 2,
            "before": {"side": "below", "rank": 3, "mean": "73.33"},
            "after": {"side": "above", "outcome": "accepted", "status": "accepted_pending"},
        }
    }


def test_a_decision_that_follows_the_cut_off_is_not_flagged(intake, make_application, staff):
    top = _team(make_application, "Top", [3, 6])
    last = _team(make_application, "Last", [0, 0])
    _team(make_application, "Second", [3, 5])

    services.decision_record(application=top, outcome="accepted", reason="Strongest.", by=staff)
    services.decision_record(application=last, outcome="rejected", reason="Weakest.", by=staff)

    assert Activity.objects.filter(from_state__endswith="_cutoff").count() == 0
