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
    _("Reviews done"),
    _("Reviews assigned"),
    _("Normalised"),
    _("Reviewer totals"),
    _("Reserve"),
]


def _blank(value):
    return "" if value is None else value


def ranking_rows(rows):
    """The ranking rows (`selectors.ranking_iter`) as cells for `portal.exports.export_response`, one at a time."""
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
            row.reviews_assigned,
            _blank(row.normalised),
            "; ".join(f"{t.reviewer_name}: {t.total}" for t in row.totals),
            _blank(row.reserve),
        ]
