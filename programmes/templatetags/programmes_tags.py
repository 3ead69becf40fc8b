"""Template helpers for programmes: safe Markdown and times in an intake's own time zone."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

from programmes import display
from programmes.enums import IntakeState

register = template.Library()

# What Markdown may produce on a programme page. Anything else (scripts, styles, iframes,
# event attributes, raw HTML typed by a user) is removed by nh3.
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> str:
    """Markdown to HTML, cleaned so only harmless tags and http(s)/mailto links remain."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    ).strip()


@register.filter(name="markdown")
def markdown_filter(text):
    """`{{ programme.objectives|markdown }}`: Markdown rendered and sanitised."""
    return mark_safe(render_markdown(text))  # noqa: S308 - cleaned by nh3 just above


@register.filter
def deadline(intake):
    """`{{ intake|deadline }}` → “closes 15 March 2027, 23:59 CET (in 12 days)”."""
    return display.deadline_text(intake)


@register.filter
def opening(intake):
    """`{{ intake|opening }}` → “opens 1 February 2027, 09:00 CET (in 3 days)”."""
    return display.opening_text(intake)


@register.simple_tag
def intake_time(intake, moment, seconds=False):
    """`{% intake_time intake intake.opens_at %}` → “1 February 2027, 09:00 CET” (`seconds=True`: 09:00:05)."""
    return display.local_datetime_text(intake, moment, seconds=seconds)


@register.filter
def eligibility(intake):
    """`{% for line in intake|eligibility %}`: who may apply, in plain sentences."""
    return display.eligibility_lines(intake)


STATE_BADGES = {
    "draft": "text-bg-secondary",
    "upcoming": "text-bg-info",
    "open": "text-bg-success",
    "closed": "text-bg-warning",
    "selecting": "text-bg-warning",
    "running": "text-bg-primary",
    "finished": "text-bg-light border",
}


@register.inclusion_tag("programmes/_state_badge.html")
def intake_state_badge(intake):
    """A badge with the intake's state in words (needs its phases prefetched on lists)."""
    state = intake.state()
    return {"label": IntakeState(state).label, "css": STATE_BADGES.get(state, "text-bg-secondary")}


@register.filter
def phase_state(phase, intake):
    """`{{ phase|phase_state:intake }}` → "past", "current" or "upcoming", by today's date in the intake's zone."""
    from django.utils import timezone

    today = intake.local(timezone.now()).date()
    if phase.ends_on < today:
        return "past"
    return "current" if phase.starts_on <= today else "upcoming"


@register.filter
def composition_rules(intake):
    """`{% for line in intake|composition_rules %}`: the team's size and mix the intake asks for."""
    return display.composition_lines(intake)
