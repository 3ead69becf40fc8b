from django import template
from django.utils.formats import date_format

from study_visits import display

register = template.Library()


@register.filter
def item_time(item) -> str:
    return display.item_time_text(item)


@register.filter
def visit_dates(visit) -> str:
    return display.visit_dates_text(visit)


@register.filter
def offer_deadline(place) -> str:
    return display.offer_deadline_text(place)


@register.filter
def item_day(item) -> str:
    """The item's day on the host's clock, short: “Mon 3 May”."""
    return date_format(item.visit.local(item.starts_at), "D j M")
