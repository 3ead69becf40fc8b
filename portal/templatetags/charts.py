"""Small charts drawn on the server as inline SVG: no JavaScript, no library, a text alternative in each.

`{% bar_chart items title key %}`: horizontal bars for (label, count) pairs (the cohort balance).
`{% dot_chart values title key %}`: dots on a 0–100 line (reviewers' totals for one application).
"""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

WIDTH = 320
ROW = 20
LABEL_WIDTH = 140
BAR_SPACE = WIDTH - LABEL_WIDTH - 36
BLUE = "#1f4e79"


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


@register.simple_tag
def bar_chart(items, title, key):
    """A figure titled `title` with one bar per (label, count); the SVG's title lists every pair for screen readers."""
    items = [(str(label), int(count)) for label, count in items]
    if not items:
        return ""
    top = max(count for _label, count in items) or 1
    height = ROW * len(items) + 4
    rows = format_html_join(
        "",
        '<text x="0" y="{}" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="12" rx="2" fill="{}"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text>',
        (
            (
                index * ROW + 14,
                _short(label),
                LABEL_WIDTH,
                index * ROW + 4,
                max(round(count / top * BAR_SPACE), 2),
                BLUE,
                LABEL_WIDTH + max(round(count / top * BAR_SPACE), 2) + 4,
                index * ROW + 14,
                count,
            )
            for index, (label, count) in enumerate(items)
        ),
    )
    summary = "; ".join(f"{label}: {count}" for label, count in items)
    return format_html(
        '<figure class="chart mb-2" data-testid="chart-{}">'
        '<figcaption class="small fw-semibold">{}</figcaption>'
        '<svg role="img" aria-labelledby="chart-{}-title" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" class="chart-svg">'
        '<title id="chart-{}-title">{}: {}</title>{}</svg></figure>',
        key,
        title,
        key,
        WIDTH,
        height,
        key,
        title,
        summary,
        rows,
    )


@register.simple_tag
def dot_chart(values, title, key, maximum=100):
    """Each (label, value) as a dot on a 0–`maximum` line: how far apart reviewers' totals are."""
    values = [(str(label), float(value)) for label, value in values if value is not None]
    if not values:
        return ""
    left, right, height = 10, WIDTH - 10, 44

    def x(value):
        return round(left + (right - left) * min(max(value / maximum, 0), 1), 1)

    dots = format_html_join(
        "",
        '<circle cx="{}" cy="18" r="6" fill="{}" fill-opacity=".75"></circle>',
        ((x(value), BLUE) for _label, value in values),
    )
    low, high = min(v for _l, v in values), max(v for _l, v in values)
    summary = "; ".join(f"{label}: {value:g}" for label, value in values)
    return format_html(
        '<figure class="chart mb-2" data-testid="chart-{}">'
        '<figcaption class="small fw-semibold">{}</figcaption>'
        '<svg role="img" aria-labelledby="chart-{}-title" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" class="chart-svg">'
        '<title id="chart-{}-title">{}: {}</title>'
        '<line x1="{}" y1="18" x2="{}" y2="18" stroke="#6c757d" stroke-width="2"></line>'
        '<rect x="{}" y="12" width="{}" height="12" fill="{}" fill-opacity=".15"></rect>{}'
        '<text x="{}" y="40" class="chart-value">0</text>'
        '<text x="{}" y="40" text-anchor="end" class="chart-value">{}</text></svg></figure>',
        key,
        title,
        key,
        WIDTH,
        height,
        key,
        title,
        summary,
        left,
        right,
        x(low),
        max(x(high) - x(low), 1),
        BLUE,
        dots,
        left,
        right,
        maximum,
    )
