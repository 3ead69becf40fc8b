"""Staff-written content in each language (django-modeltranslation, see */translation.py).

Each translated field `title` has one column per language (`title_en`, `title_fr`, ...); reading
`obj.title` gives the reader's language, or English when that one is empty. Staff forms show every
language's column (`language_fields`); staff pages mark the languages still missing
(`missing_languages`, the `{% missing_languages obj %}` badge).
"""

from django.conf import settings
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

DEFAULT_LANGUAGE = "en"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES)[code])


def translated_fields(model) -> tuple[str, ...]:
    """The model's translated fields (`title`, `summary`), or none."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def language_fields(*names: str) -> list[str]:
    """`title` → `title_en`, `title_fr`, `title_es`, `title_pt`, for a form's or a service's field list."""
    return [f"{name}_{code}" for name in names for code in language_codes()]


def missing_languages(obj, fields=None) -> list[str]:
    """The languages in which a text written in English has no translation yet (codes, in LANGUAGES order)."""
    fields = fields or translated_fields(type(obj))
    written = [name for name in fields if getattr(obj, f"{name}_{DEFAULT_LANGUAGE}", None)]
    return [
        code
        for code in language_codes()
        if code != DEFAULT_LANGUAGE and any(not getattr(obj, f"{name}_{code}", None) for name in written)
    ]


def label_language_fields(form) -> None:
    """Label each language's field “Title (French)”; only English is required where the model requires it."""
    for name, field in form.fields.items():
        base, _sep, code = name.rpartition("_")
        if not base or code not in dict(settings.LANGUAGES):
            continue
        if base not in translated_fields(form._meta.model):
            continue
        model_field = form._meta.model._meta.get_field(base)
        field.label = _("%(field)s (%(language)s)") % {
            "field": str(model_field.verbose_name)[:1].upper() + str(model_field.verbose_name)[1:],
            "language": language_name(code),
        }
        field.required = code == DEFAULT_LANGUAGE and not model_field.blank
        if code != DEFAULT_LANGUAGE:
            field.help_text = _("Leave empty to show the English text.")
        elif model_field.help_text:
            field.help_text = model_field.help_text


def search_q(lookup: str, value) -> Q:
    """`title__icontains=value` in any language's column, so a search finds a text whatever language it was typed in."""
    field, _sep, rest = lookup.rpartition("__")
    query = Q()
    for code in language_codes():
        query |= Q(**{f"{field}_{code}__{rest}": value})
    return query


def in_reader_language(field: str) -> Coalesce:
    """An expression for ordering by a translated text as the reader sees it: their language, else English."""
    code = translation.get_language() or DEFAULT_LANGUAGE
    if code not in language_codes() or code == DEFAULT_LANGUAGE:
        return Coalesce(NullIf(F(f"{field}_{DEFAULT_LANGUAGE}"), Value("")), F(field))
    return Coalesce(
        NullIf(F(f"{field}_{code}"), Value("")), NullIf(F(f"{field}_{DEFAULT_LANGUAGE}"), Value("")), F(field)
    )
