"""Staff table exports: parsed back, compared with what the pages and the ranking show."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.exports import EXPORTS
from selection.models import SelectionSettings
from tests.factories import ApplicantFactory, ApplicationFactory, StaffFactory


def _get(client, intake, name, fmt, query=""):
    url = reverse("reports:export", kwargs={"intake_pk": intake.pk, "name": name, "fmt": fmt})
    return client.get(f"{url}{query}")


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def _xlsx(response) -> list[tuple]:
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [tuple(row) for row in book.active.iter_rows(values_only=True)]


def test_applications_export_applies_the_list_filters_and_neutralises_formulas(client, scored_intake):
    intake = scored_intake["intake"]
    ApplicationFactory(intake=intake, title='=HYPERLINK("http://evil.example","click")')  # a draft
    client.force_login(StaffFactory())

    drafts = _csv(_get(client, intake, "applications", "csv", "?status=draft"))
    everything = _csv(_get(client, intake, "applications", "csv"))

    assert [row[:2] for row in drafts[1:]] == [['\'=HYPERLINK("http://evil.example","click")', "Draft"]]
    assert sorted(row[0] for row in everything[1:]) == sorted(
        ['\'=HYPERLINK("http://evil.example","click")', "Open budget hearings in Kisumu", "Citizen panels in Maputo"]
    )


def test_scores_export_matches_the_ranking_totals_and_types_numbers_in_excel(client, scored_intake):
    client.force_login(StaffFactory())

    rows = _xlsx(_get(client, scored_intake["intake"], "scores", "xlsx"))

    header, body = rows[0], rows[1:]
    assert header == ("Application", "Reviewer", "Review total", "Criterion", "Score", "Out of", "Comment")
    kisumu = sorted((r[1], r[2], r[3], r[4]) for r in body if r[0] == "Open budget hearings in Kisumu")
    assert kisumu == [
        ("Ada Reviewer", 100, "Commitment", 6),
        ("Ada Reviewer", 100, "Relevance", 3),
        ("Ben Reviewer", 60, "Commitment", 3),
        ("Ben Reviewer", 60, "Relevance", 2),
    ]
    assert all(isinstance(r[4], int) for r in body)


def test_scores_export_hides_reviewer_names_under_blind_review(client, scored_intake):
    SelectionSettings.objects.update_or_create(intake=scored_intake["intake"], defaults={"blind_review": True})
    client.force_login(StaffFactory())

    rows = _csv(_get(client, scored_intake["intake"], "scores", "csv"))

    assert sorted({r[1] for r in rows[1:]}) == ["Reviewer 1", "Reviewer 2"]


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_is_staff_only_and_a_download(client, scored_intake, name):
    intake = scored_intake["intake"]
    client.force_login(ApplicantFactory())
    refused = [_get(client, intake, name, fmt).status_code for fmt in ("csv", "xlsx")]
    client.force_login(StaffFactory())

    response = _get(client, intake, name, "csv")

    assert refused == [404, 404]
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"].endswith("no-store")
    assert response.streaming
    assert _get(client, intake, name, "pdf").status_code == 404


def test_export_values_keep_their_types_in_excel(client, scored_intake):
    client.force_login(StaffFactory())

    rows = _xlsx(_get(client, scored_intake["intake"], "applications", "xlsx"))

    submitted = [r[8] for r in rows[1:]]
    members = [r[6] for r in rows[1:]]
    assert all(hasattr(value, "year") for value in submitted)
    assert all(isinstance(value, int) for value in members)


def test_staff_list_links_to_its_export_with_the_same_filters(client, scored_intake):
    intake = scored_intake["intake"]
    client.force_login(StaffFactory())

    page = client.get(reverse("applications:staff_list", kwargs={"intake_pk": intake.pk}) + "?status=draft&q=budget")

    url = reverse("reports:export", kwargs={"intake_pk": intake.pk, "name": "applications", "fmt": "csv"})
    assert f'href="{url}?status=draft&amp;q=budget"' in page.content.decode()


def test_ranking_export_has_the_means_of_the_page_and_the_criteria(client, scored_intake):
    client.force_login(StaffFactory())

    rows = _xlsx(_get(client, scored_intake["intake"], "ranking", "xlsx"))

    assert rows[0][:4] == ("Rank", "Title", "Countries", "Mean")
    assert rows[0][-2:] == ("Relevance", "Commitment")
    assert [(r[0], r[1], r[3], r[-2], r[-1]) for r in rows[1:]] == [
        (1, "Open budget hearings in Kisumu", 80, 2.5, 4.5),
        (2, "Citizen panels in Maputo", 40, 1, 3),
    ]


def test_sessions_export_never_carries_private_notes(client, db):
    from tests.factories.mentoring import CoachingSessionFactory

    session = CoachingSessionFactory(topics="Budget calendar", private_notes="The mayor is reluctant.")
    client.force_login(StaffFactory())

    body = b"".join(_get(client, session.application.intake, "sessions", "csv").streaming_content).decode()

    assert "Budget calendar" in body
    assert "reluctant" not in body


def test_ranking_export_counts_valid_reviews_against_the_required_number(client, scored_intake):
    from selection.services import conflict_declare

    client.force_login(StaffFactory())
    SelectionSettings.objects.update_or_create(intake=scored_intake["intake"], defaults={"reviews_required": 3})
    conflict_declare(
        application=scored_intake["first"], reviewer=scored_intake["reviewers"][1], has_conflict=True, kind="other"
    )

    rows = _xlsx(_get(client, scored_intake["intake"], "ranking", "xlsx"))

    assert rows[0][4:6] == ("Valid reviews", "Reviews required")
    assert [(r[1], r[4], r[5]) for r in rows[1:]] == [
        ("Open budget hearings in Kisumu", 1, 3),
        ("Citizen panels in Maputo", 1, 3),
    ]
