"""`{% missing_languages obj %}`: a badge on staff pages naming the languages a text still lacks."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.translated import language_name
from portal.translated import missing_languages as _missing

register = template.Library()


@register.simple_tag
def missing_languages(obj, *fields):
    """“missing: fr, pt” (the languages' names on hover), or nothing."""
    codes = _missing(obj, fields or None)
    if not codes:
        return ""

    names = ", ".join(language_name(code) for code in codes)
    return format_html(
        '<span class="badge text-bg-warning" data-testid="missing-languages" title="{}">{}</span>',
        _("Not yet translated into: %(languages)s") % {"languages": names},
        _("missing: %(codes)s") % {"codes": ", ".join(codes)},
    )
