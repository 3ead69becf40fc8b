"""The ranking's CSV is streamed from an iterator; the confirmations page finds the next reserve with one query."""

import csv
import inspect
import io
from decimal import Decimal

from django.db import connection
from django.db.models.query import RawQuerySet
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from applications.enums import ApplicationStatus
from applications.models import Application
from selection import selectors, services
from selection.selectors import ranking, ranking_iter, waitlist_top
from tests.factories import UserFactory, scored_review


def test_ranking_iter_is_a_generator_that_reads_nothing_before_the_first_row(intake, make_application):
    scored_review(application=make_application(title="Ward hearings"), scores=[2, 5])

    with CaptureQueriesContext(connection) as before:
        rows = ranking_iter(intake=intake)
    first = next(rows)

    assert inspect.isgenerator(rows)
    assert len(before.captured_queries) == 0
    assert (first.application.title, first.rank, first.mean) == ("Ward hearings", 1, Decimal("73.33"))


def test_ranking_csv_of_10000_rows_is_streamed_from_an_iterator(staff_client, intake, monkeypatch):
    contacts = User.objects.bulk_create(
        User(email=f"team-{n}@example.org", full_name=f"Contact {n}", password="!") for n in range(10_000)
    )
    Application.objects.bulk_create(
        Application(intake=intake, contact_person=contact, status=ApplicationStatus.UNDER_REVIEW, title=f"Team {n:05}")
        for n, contact in enumerate(contacts)
    )
    best = Application.objects.get(title="Team 09999")
    scored_review(application=best, scores=[3, 6], full_name="Ana")
    iterated = []
    original = RawQuerySet.iterator

    def spy(self):
        iterated.append(self.raw_query)
        return original(self)

    monkeypatch.setattr(RawQuerySet, "iterator", spy)

    with CaptureQueriesContext(connection) as answered:
        response = staff_client.get(reverse("selection:ranking_csv", args=[intake.pk]))
    content = b"".join(response.streaming_content).decode()

    lines = list(csv.reader(io.StringIO(content)))
    assert isinstance(response, StreamingHttpResponse)
    assert [q["sql"] for q in answered.captured_queries if "per_assignment" in q["sql"]] == []
    assert len(iterated) == 1
    assert len(lines) == 10_001
    assert lines[1][:6] == ["1", "", "Team 09999", "", "Under review", "100.00"]
    assert lines[1][10] == "Ana: 100.00"
    assert lines[2][:3] == ["", "", "Team 00000"]


def test_ranking_iter_gives_the_rows_of_the_ranking(intake, make_application):
    harsh = UserFactory(full_name="Harsh")
    for scores in ([2, 5], [3, 6], [2, 5], [1, 1]):
        scored_review(application=make_application(), reviewer=harsh, scores=scores)
    scored_review(application=make_application(), scores=[0, 0], submitted=False)

    streamed = list(ranking_iter(intake=intake, chunk_size=2))
    whole = ranking(intake=intake)

    assert [(r.application.pk, r.rank, r.tie, r.tie_at_cutoff, r.normalised, r.countries) for r in streamed] == [
        (r.application.pk, r.rank, r.tie, r.tie_at_cutoff, r.normalised, r.countries) for r in whole
    ]
    assert [r.rank for r in streamed] == [1, 2, 2, 4, None]


def test_waitlist_top_is_the_best_ranked_reserve_in_two_queries(intake, make_application, django_assert_num_queries):
    for title in ("First at 73.33", "Second at 73.33"):
        scored_review(application=make_application(title=title, waitlisted=True, under_review=False), scores=[2, 5])
    scored_review(application=make_application(title="Not waitlisted"), scores=[3, 6])
    best = make_application(title="Best", waitlisted_pending=True, under_review=False)
    scored_review(application=best, scores=[3, 5])  # 93.33

    with django_assert_num_queries(2):  # the settings (the tie-break rule), then the waitlisted teams in order
        top = waitlist_top(intake=intake)

    assert (top.application.title, top.mean, top.reserve) == ("Best", Decimal("93.33"), 1)


def test_confirmations_page_finds_the_reserve_without_building_the_ranking(
    staff_client, intake, make_application, monkeypatch
):
    reserve = make_application(title="Reserve", waitlisted=True, under_review=False)
    scored_review(application=reserve, scores=[2, 5])

    def refuse(**kwargs):
        raise AssertionError("the confirmations page built the whole ranking")

    monkeypatch.setattr(selectors, "ranking", refuse)
    response = staff_client.get(reverse("selection:confirmations", args=[intake.pk]))

    assert (response.context["top"].application.title, response.context["free"]) == ("Reserve", 2)
    assert "Top of the waiting list: “Reserve” (mean 73.33)." in response.content.decode()


def test_ranking_csv_counts_valid_reviews_against_the_required_number_as_the_page_does(staff_client, scored_intake):
    """A conflict declared after scoring voids that review: the CSV then reads 1 of 2, like the ranking page."""
    intake, first = scored_intake["intake"], scored_intake["first"]
    selectors.selection_settings_for(intake=intake)  # the intake's settings row, with the default of 2 required
    services.conflict_declare(
        application=first, reviewer=scored_intake["reviewers"][1], has_conflict=True, kind="other"
    )

    response = staff_client.get(reverse("selection:ranking_csv", args=[intake.pk]))
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    page = staff_client.get(reverse("selection:ranking", args=[intake.pk])).content.decode()

    assert lines[0][7:9] == ["Valid reviews", "Reviews required"]
    assert {line[2]: line[7:9] for line in lines[1:]} == {
        "Open budget hearings in Kisumu": ["1", "2"],
        "Citizen panels in Maputo": ["1", "2"],
    }
    assert page.count('class="text-nowrap">1 of 2') == 2
