"""Form widgets and fields the portal shares."""

import html

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """A select for hundreds of choices (an intake's applications, its reviewers), written in Python.

    Django renders each option through its own template and builds a dictionary of attributes per
    option first; with 600 options that is most of a page's time. The same elements and attributes as
    Django's (the attributes in name order), no option groups.
    """

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape("" if v is None else v)}"{" selected" if str(v) in selected else ""}>'
            f"{escape(label)}</option>"
            for v, label in _flat(self.choices)
        )
        return mark_safe(  # noqa: S308 — every value and label is escaped here
            f'<select name="{escape(name)}"{write_attrs(self.build_attrs(self.attrs, attrs))}>{options}</select>'
        )


def write_attrs(attrs: dict) -> str:
    """A widget's attributes written out: `key="value"` escaped and sorted, then the flags (True) by name alone;
    None and False are left out (as Django's widget templates do)."""
    pairs = sorted((key, value) for key, value in attrs.items() if value is not None and not isinstance(value, bool))
    flags = sorted(key for key, value in attrs.items() if value is True)
    return "".join(f' {key}="{escape(value)}"' for key, value in pairs) + "".join(f" {key}" for key in flags)


def escape(text) -> str:
    """Django's `conditional_escape` without its lazy-string wrapper, for markup written in Python row by row
    (hundreds of values a page)."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


def _flat(choices):
    """Choices with any option groups flattened (the menu has no groups)."""
    for option_value, label in choices:
        if isinstance(label, (list, tuple)):
            yield from _flat(label)
        else:
            yield option_value, label


class _ValuesIterator(ModelChoiceIterator):
    """The menu of a `LongModelChoiceField` read as (pk, label) tuples: no model instance per option."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, *labels in self.queryset.values_list("pk", *self.field.label_fields):
            yield (pk, next((label for label in labels if label), f"#{pk}"))


class LongModelChoiceField(forms.ModelChoiceField):
    """A model choice among hundreds of rows: the menu shows the first non-empty of `label_fields`
    (e.g. a person's name, else their e-mail address) and is read without building a model per option.
    Validation is Django's: the chosen key must be in the queryset."""

    iterator = _ValuesIterator
    widget = LongSelect

    def __init__(self, queryset=None, *, label_fields=("title",), **kwargs):
        self.label_fields = tuple(label_fields)
        super().__init__(queryset, **kwargs)
