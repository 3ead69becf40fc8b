"""Weighted totals and means, computed in the database, exact to the cent."""

from decimal import Decimal

from selection.selectors import ranking, review_total, reviews_with_totals
from tests.factories import scored_review


def test_review_total_weighted_on_a_0_to_100_scale(intake, make_application):
    review = scored_review(application=make_application(), scores=[2, 5])

    total = review_total(review=review)

    # 2/3 × 60 + 5/6 × 40 = 40 + 33.333…
    assert total == Decimal("73.33")


def test_mean_over_three_reviews_is_exact(intake, make_application):
    application = make_application()
    scored_review(application=application, scores=[2, 5])  # 73.333…
    scored_review(application=application, scores=[3, 4])  # 60 + 26.666… = 86.67
    scored_review(application=application, scores=[1, 6])  # 20 + 40 = 60

    rows = ranking(intake=intake)

    assert [r.mean for r in rows] == [Decimal("73.33")]
    assert sorted(t.total for t in rows[0].totals) == [Decimal("60.00"), Decimal("73.33"), Decimal("86.67")]
    assert rows[0].spread == Decimal("26.67")
    assert rows[0].spread_flagged is True
    assert (rows[0].reviews_done, rows[0].reviews_assigned) == (3, 3)


def test_drafts_do_not_count(intake, make_application):
    application = make_application()
    scored_review(application=application, scores=[3, 6])
    scored_review(application=application, scores=[0, 0], submitted=False)

    rows = ranking(intake=intake)

    assert (rows[0].mean, rows[0].reviews_done, rows[0].reviews_assigned) == (Decimal("100.00"), 1, 2)


def test_reviews_with_totals_match_review_total(intake, make_application):
    review = scored_review(application=make_application(), scores=[1, 1])

    assert list(reviews_with_totals(intake=intake).values_list("total", flat=True)) == [review_total(review=review)]
    assert review_total(review=review) == Decimal("26.67")
