from django import template
from django.template.defaulttags import CsrfTokenNode

from mentoring.display import ActionRows, follow_up_row, left_alone_item, mentor_time_text
from mentoring.selectors import hours_of
from portal.views_utils import url_for_any_pk
from programmes.display import local_datetime_text

register = template.Library()


@register.simple_tag
def team_time(intake, moment):
    """A moment in the intake's zone, named (“14 March 2027, 09:00 CET”)."""
    return local_datetime_text(intake, moment) if moment else ""


@register.simple_tag
def mentor_time(assignment, moment):
    """A moment in the mentor's zone, named (“14 March 2027, 11:00 EAT”)."""
    return mentor_time_text(assignment, moment) if moment else ""


@register.filter
def overdue(action, today):
    return action.is_overdue(today)


@register.filter
def hours(minutes):
    """Whole minutes as hours with two decimals."""
    return hours_of(minutes)


_ACTION_ROWS = "mentoring.action_rows"


def _url_with_pk(context, name):
    """`name`'s address for any pk, reversed once a page (`portal.views_utils.url_for_any_pk`)."""
    key = f"mentoring.url.{name}"
    url = context.render_context.get(key)
    if url is None:
        url = context.render_context[key] = url_for_any_pk(name)
    return url


@register.simple_tag(takes_context=True)
def action_item(context, action, targets, today):
    """One agreed action's row (`mentoring.display.ActionRows`), with a button for each of `targets`."""
    rows = context.render_context.get(_ACTION_ROWS)
    if rows is None:
        # The form's address, its CSRF field and the labels are worked out once a page, not once a row.
        url = _url_with_pk(context, "mentoring:action_move")
        rows = context.render_context[_ACTION_ROWS] = ActionRows(
            move_url=lambda a: url(a.pk), csrf_input=CsrfTokenNode().render(context)
        )
    return rows(action, targets=targets, today=today)


@register.simple_tag
def follow_up(action, choice, due):
    """An outstanding action's row on the session form, with its two fields (`mentoring.display.follow_up_row`)."""
    return follow_up_row(action, choice, due)


@register.simple_tag(takes_context=True)
def left_alone(context, item):
    """A team left alone on the staff overview (`mentoring.display.left_alone_item`)."""
    return left_alone_item(
        item,
        team_url=_url_with_pk(context, "mentoring:team"),
        assignments_url=_url_with_pk(context, "mentoring:assignments"),
    )
