"""The ranking at scale: computed in the database over the whole intake, shown a page at a time.

Ranks, ties, the cut-off and the reviewers' z-scores are those of the whole intake on every page.
"""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.selectors import LONG_ANSWERS
from selection import views
from selection.selectors import ranking, ranking_page, selection_settings_for
from tests.factories import UserFactory, scored_review


def _ranked(make_application, scores_list):
    applications = []
    for index, scores in enumerate(scores_list):
        application = make_application(title=f"Team {index}")
        scored_review(application=application, scores=scores)
        applications.append(application)
    return applications


def _figures(rows):
    return [(r.application.title, r.rank, r.mean, r.tie, r.tie_at_cutoff, r.above_cutoff) for r in rows]


def test_ranking_pages_keep_the_ranks_ties_and_cut_off_of_the_whole_intake(intake, make_application):
    # places = 2: 100, then two at 73.33 for the second place, split over pages 1 and 2 of two rows.
    _ranked(make_application, [[0, 0], [2, 5], [3, 6], [2, 5], [1, 6]])
    settings = selection_settings_for(intake=intake)

    pages = [ranking_page(intake=intake, settings=settings, page=n, per_page=2) for n in (1, 2, 3)]

    assert [_figures(page.object_list) for page in pages] == [
        [
            ("Team 2", 1, Decimal("100.00"), False, False, True),
            ("Team 1", 2, Decimal("73.33"), True, True, True),
        ],
        [
            ("Team 3", 2, Decimal("73.33"), True, True, True),
            ("Team 4", 4, Decimal("60.00"), False, False, False),
        ],
        [("Team 0", 5, Decimal("0.00"), False, False, False)],
    ]
    assert [row for page in pages for row in _figures(page.object_list)] == _figures(ranking(intake=intake))
    assert (pages[0].paginator.count, pages[0].paginator.num_pages) == (5, 3)


def test_ranking_filter_and_sort_keep_the_whole_intakes_ranks(intake, make_application):
    _ranked(make_application, [[0, 0], [2, 5], [3, 6], [3, 0]])  # 0, 73.33, 100, 60
    scored_review(application=intake.applications.get(title="Team 2"), scores=[0, 0])  # 100 and 0: spread 100
    settings = selection_settings_for(intake=intake)

    flagged = ranking_page(intake=intake, settings=settings, flagged=True)
    by_title = ranking_page(intake=intake, settings=settings, sort="title", per_page=2, page=2)

    assert _figures(flagged.object_list) == [("Team 2", 3, Decimal("50.00"), False, False, False)]
    assert flagged.paginator.count == 1
    assert [(r.application.title, r.rank) for r in by_title.object_list] == [("Team 2", 3), ("Team 3", 2)]


def test_normalised_scores_on_a_page_are_over_each_reviewers_whole_intake(intake, make_application):
    harsh, kind = UserFactory(full_name="Harsh"), UserFactory(full_name="Kind")
    first, second = make_application(title="First"), make_application(title="Second")
    scored_review(application=first, reviewer=harsh, scores=[3, 6])  # 100
    scored_review(application=second, reviewer=harsh, scores=[1, 1])  # 26.67
    scored_review(application=first, reviewer=kind, scores=[2, 5])  # 73.33, Kind's only total: z 0
    settings = selection_settings_for(intake=intake)

    page_two = ranking_page(intake=intake, settings=settings, page=2, per_page=1, normalise=True).object_list
    whole = ranking(intake=intake)

    # Harsh: mean 63.335, spread 36.665, so 100 is z 1.00 and 26.67 is z -1.00.
    assert [(t.reviewer_name, t.total, t.z) for t in whole[0].totals] == [
        ("Harsh", Decimal("100.00"), Decimal("1.00")),
        ("Kind", Decimal("73.33"), Decimal("0.00")),
    ]
    assert (whole[0].normalised, whole[1].normalised) == (Decimal("0.50"), Decimal("-1.00"))
    assert [(r.application.title, r.normalised, [t.z for t in r.totals]) for r in page_two] == [
        ("Second", Decimal("-1.00"), [Decimal("-1.00")])
    ]


def test_ranking_reads_no_outline_text_and_no_inherited_order(intake, make_application):
    _ranked(make_application, [[2, 5], [3, 6]])
    settings = selection_settings_for(intake=intake)

    with CaptureQueriesContext(connection) as queries:
        shown = ranking_page(intake=intake, settings=settings).object_list
        whole = ranking(intake=intake)

    sql = "\n".join(q["sql"] for q in queries.captured_queries)
    assert (len(shown), len(whole)) == (2, 2)
    assert [name for name in LONG_ANSWERS if f".{name}" in sql or f'"{name}"' in sql] == []
    assert "created_at" not in sql


def test_ranking_page_shows_page_two_with_its_ranks_and_the_cut_off_line(
    staff_client, intake, make_application, monkeypatch
):
    monkeypatch.setattr(views, "RANKING_PAGE_SIZE", 2)
    _ranked(make_application, [[0, 0], [2, 5], [3, 6], [2, 5]])

    first = staff_client.get(reverse("selection:ranking", args=[intake.pk]))
    second = staff_client.get(reverse("selection:ranking", args=[intake.pk]), {"page": 2})

    assert [(r.application.title, r.rank, r.tie_at_cutoff) for r in second.context["rows"]] == [
        ("Team 3", 2, True),
        ("Team 0", 4, False),
    ]
    assert "cut-off: 2 places" in first.content.decode()
    assert "cut-off: 2 places" not in second.content.decode()
    assert "Page 2 of 2" in second.content.decode()


def test_ranking_rows_are_escaped_and_read_in_the_readers_language(staff_client, intake, make_application):
    """The rows are written in Python (`{% ranking_rows %}`): titles escaped, numbers and labels in French."""
    from django.utils import translation

    application = make_application(title="<b>Budget</b> & co")
    scored_review(application=application, scores=[2, 5])
    staff_client.cookies["django_language"] = "fr"
    staff = staff_client.session.get("_auth_user_id")
    UserFactory._meta.model.objects.filter(pk=staff).update(preferred_language="fr")

    with translation.override("fr"):
        page = staff_client.get(reverse("selection:ranking", args=[intake.pk])).content.decode()
        row = page[page.index(f'data-application="{application.pk}"') :]
        row = row[: row.index("</tr>")]

    assert "&lt;b&gt;Budget&lt;/b&gt; &amp; co" in row and "<b>Budget" not in row
    mean = ranking(intake=intake, settings=selection_settings_for(intake=intake))[0].mean
    assert f'data-testid="mean"><strong>{str(mean).replace(".", ",")}</strong>' in row
    assert "évaluations</a>" in row
