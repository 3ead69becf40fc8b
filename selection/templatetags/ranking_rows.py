"""`{% ranking_rows %}`: the ranking table's rows, written in Python.

A page of 50 applications, each with its reviewers' totals and criterion means, cost the template
engine most of the ranking page's time. The markup is the one `selection/ranking.html` drew row by
row; labels are translated once a page and numbers localised as the template did.
"""

from django import template
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal.views_utils import url_for_any_pk
from portal.widgets import escape

register = template.Library()


def _number(value, empty="—") -> str:
    return empty if value is None else escape(localize(value))


@register.simple_tag(takes_context=True)
def ranking_rows(context) -> str:
    rows = context["rows"]
    normalised = context.get("normalised")
    chosen = set(context.get("chosen_ids") or [])
    required = context["settings"].reviews_required
    cut_at = context["intake"].team_places if context.get("by_rank") and not normalised else None
    reviews_url = url_for_any_pk("selection:application_reviews")
    labels = {
        "cutoff_tie": escape(_("tie at the cut-off")),
        "tie": escape(_("tie")),
        "tie_broken": escape(_("tie broken by the rule")),
        "reviews": escape(_("reviews")),
        "disagree": f' <span class="badge text-bg-danger" title="{escape(_("Reviewers disagree a lot"))}">'
        f"{escape(_('disagree'))}</span>",
        "missing": f' <span class="badge text-bg-warning" title="{escape(_("Fewer valid reviews than required"))}">'
        f"{escape(_('missing'))}</span>",
    }
    of_required = _("%(valid)s of %(required)s")
    reserve = _("reserve %(n)s")
    out = []
    for row in rows:
        application = row.application
        pk = application.pk
        if row.tie_at_cutoff:
            css, badge = "table-warning", f' <span class="badge text-bg-warning">{labels["cutoff_tie"]}</span>'
        else:
            css = "table-light" if row.above_cutoff else ""
            badge = (
                f' <span class="badge text-bg-light">{labels["tie"]}</span>'
                if row.tie
                else f' <span class="badge text-bg-light">{labels["tie_broken"]}</span>'
                if row.tie_broken
                else ""
            )
        totals = (
            "".join(
                f'<span class="d-block text-nowrap">{escape(t.reviewer_name)}: {_number(t.total, "")}'
                + (f" (z {_number(t.z, '')})" if normalised else "")
                + "</span>"
                for t in row.totals
            )
            or "—"
        )
        means = (
            "".join(
                f'<span class="d-block text-nowrap">{escape(criterion.name)}: {_number(mean)}</span> '
                for criterion, mean in row.criterion_means
            )
            or "—"
        )
        spread = _number(row.spread)
        if row.spread_flagged:
            spread += labels["disagree"]
        reviews = escape(of_required % {"valid": localize(row.reviews_done), "required": localize(required)})
        if row.reviews_done < required:
            reviews += labels["missing"]
        status = escape(row.status_label)
        if row.reserve:
            n = escape(reserve % {"n": row.reserve})
            status += f' <span class="badge text-bg-info" data-testid="reserve">{n}</span>'
        decision = row.decision
        if decision:
            reason = escape(Truncator(decision.reason).chars(60))
            status += f'<br><span class="small text-body-secondary">{reason}</span>'
        out.append(
            f'<tr class="{css}" data-application="{pk}">'
            f'<td><input class="form-check-input" type="checkbox" name="applications" value="{pk}" id="choose-{pk}"'
            f"{' checked' if pk in chosen else ''}></td>"
            f"<td>{escape(row.rank) if row.rank else '—'}{badge}</td>"
            f'<td><label for="choose-{pk}">{escape(application.title)}</label><br>'
            f'<a class="small" href="{reviews_url(pk)}">{labels["reviews"]}</a></td>'
            f'<td data-testid="countries">{escape(", ".join(row.country_names))}</td>'
            f'<td class="small">{totals}</td>'
            f'<td data-testid="mean"><strong>{_number(row.mean)}</strong></td>'
            f'<td class="small" data-testid="criterion-means">{means}</td>'
            + (f"<td>{_number(row.normalised)}</td>" if normalised else "")
            + f"<td>{spread}</td>"
            f'<td data-testid="reviews" class="text-nowrap">{reviews}</td>'
            f"<td>{status}</td></tr>"
        )
        if cut_at is not None and row.position == cut_at:
            cut = escape(_("cut-off: %(p)s places") % {"p": localize(cut_at)})
            out.append(
                '<tr><td colspan="10" class="small text-center text-body-secondary border-bottom border-2 '
                f'border-primary">{cut}</td></tr>'
            )
    return mark_safe("".join(out))  # noqa: S308 — every value is escaped above
