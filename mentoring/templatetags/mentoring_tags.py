from django import template

from mentoring.display import mentor_time_text
from mentoring.selectors import hours_of
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
