"""Form widgets the portal shares."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class LongSelect(forms.Select):
    """A select for hundreds of choices (an intake's applications, its reviewers), written in Python.

    Django renders each option through its own template; with 400 options that is most of a
    page's time. Same markup, same attributes, no option groups.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [option for _group, group_options, _index in widget["optgroups"] for option in group_options]
        return format_html(
            "<select{}>{}</select>",
            flatatt({**widget["attrs"], "name": widget["name"]}),
            format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((o["value"], " selected" if o["selected"] else "", o["label"]) for o in options),
            ),
        )
