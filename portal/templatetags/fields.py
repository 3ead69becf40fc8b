"""`{% form_field field %}`: a text, date or menu field as crispy-forms draws it, in one pass.

Crispy's Bootstrap 5 field template is a chain of templates and conditionals; a list's filter form of
seven fields cost a staff list page about 15 ms, and a mentor's session form repeats a few fields for
dozens of actions. The same markup (wrapper, label, widget classes, help text, errors) is written here;
any other kind of widget still goes through crispy. A widget may name its crispy class (`css_name`)
when its Python class name is not Django's (crispy marks a widget with its class name).
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

_WRITTEN_HERE = (forms.TextInput, forms.NumberInput, forms.DateInput, forms.Select)
_NOT_HERE = (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple, forms.SelectMultiple)


@register.simple_tag
def form_field(field: forms.BoundField) -> str:
    widget = field.field.widget
    if not isinstance(widget, _WRITTEN_HERE) or isinstance(widget, _NOT_HERE) or field.is_hidden:
        return as_crispy_field(field)
    classes = [widget.attrs.get("class", ""), getattr(widget, "css_name", "") or type(widget).__name__.lower()]
    classes.append("form-select" if isinstance(widget, forms.Select) else "form-control")
    if field.errors:
        classes.append("is-invalid")
    control = field.as_widget(attrs={"class": " ".join(dict.fromkeys(" ".join(classes).split()))})
    auto_id = field.auto_id
    label = ""
    if field.label:
        label = format_html(
            '<label for="{}" class="form-label{}">{}{}</label>',
            field.id_for_label,
            " requiredField" if field.field.required else "",
            field.label,
            mark_safe('<span class="asteriskField">*</span>') if field.field.required else "",
        )
    errors = ""
    if field.errors:
        errors = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            auto_id,
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((number, auto_id, error) for number, error in enumerate(field.errors, 1)),
            ),
        )
    help_text = (
        format_html(
            '<div id="{}_helptext" class="form-text">{}</div>',
            auto_id,
            mark_safe(field.help_text),  # noqa: S308 — as Django and crispy: help texts are the code's own HTML
        )
        if field.help_text
        else ""
    )
    return format_html('<div id="div_{}" class="mb-3">{}{}{}{}</div>', auto_id, label, control, errors, help_text)
