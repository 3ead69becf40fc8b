"""Status badges from one place: `{% load status %}{% status_badge value label %}`.

Every state of every workflow maps to one Bootstrap colour here; templates never pick colours.
"""

from django import template
from django.utils.html import format_html

register = template.Library()

# Good news, waiting, closed, and staged-for-staff states; anything else reads as "in progress".
COLOURS = {
    **dict.fromkeys(["accepted", "eligible", "confirmed", "published", "done"], "success"),
    **dict.fromkeys(["draft", "active", "queued"], "secondary"),
    **dict.fromkeys(["pending", "waitlisted"], "warning"),
    **dict.fromkeys(["rejected", "ineligible", "withdrawn", "declined", "expired", "voided", "archived"], "dark"),
    **dict.fromkeys(["accepted_pending", "waitlisted_pending", "rejected_pending", "running"], "info"),
    "failed": "danger",
}


def colour_of(value) -> str:
    return COLOURS.get(str(value), "primary")


@register.simple_tag
def status_badge(value, label=None):
    """A badge for a status value; `label` defaults to the value (pass the translated display)."""
    return format_html(
        '<span class="badge text-bg-{}" data-status="{}">{}</span>', colour_of(value), value, label or value
    )


@register.simple_tag
def object_status_badge(obj):
    """A badge for an object with a `status` field and its `get_status_display()`."""
    return status_badge(obj.status, obj.get_status_display())
