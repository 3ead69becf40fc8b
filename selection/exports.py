"""Selection's exports: the ranking as CSV, with exactly the figures of the ranking table."""

import csv

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
]


def _blank(value):
    return "" if value is None else value


def ranking_csv(rows, out) -> None:
    """Write the ranking rows (`selectors.ranking`) to the file-like `out`."""
    writer = csv.writer(out)
    writer.writerow([str(name) for name in HEADER])
    for row in rows:
        writer.writerow(
            [
                row.rank or "",
                "tie at cut-off" if row.tie_at_cutoff else ("tie" if row.tie else ""),
                row.application.title,
                " ".join(row.countries),
                row.application.get_status_display(),
                _blank(row.mean),
                _blank(row.spread),
                row.reviews_done,
                row.reviews_assigned,
                _blank(row.normalised),
                "; ".join(f"{t.reviewer_name}: {t.total}" for t in row.totals),
            ]
        )
