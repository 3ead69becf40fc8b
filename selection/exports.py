"""Selection's exports: the ranking, with exactly the figures of the ranking table (written by portal.exports)."""

from django.utils.translation import gettext_lazy as _

HEADER = [
    _("Rank"),
    _("Tie"),
    _("Application"),
    _("Countries"),
    _("Status"),
    _("Mean"),
    _("Spread"),
    _("Valid reviews"),
    _("Reviews required"),
    _("Normalised"),
    _("Reviewer totals"),
    _("Reserve"),
]


def _blank(value):
    return "" if value is None else value


def ranking_rows(rows, *, required: int):
    """The ranking rows (`selectors.ranking_iter`) as cells for `portal.exports.export_response`, one at a time.

    The reviews read as on the page: valid ones (submitted, not voided) against the intake's required number.
    """
    for row in rows:
        yield [
            row.rank or "",
            "tie at cut-off" if row.tie_at_cutoff else ("tie" if row.tie else ""),
            row.application.title,
            " ".join(row.countries),
            row.status_label,
            _blank(row.mean),
            _blank(row.spread),
            row.reviews_done,
            required,
            _blank(row.normalised),
            "; ".join(f"{t.reviewer_name}: {t.total}" for t in row.totals),
            _blank(row.reserve),
        ]
