"""`{% form_field %}` writes a list's filter fields as crispy-forms would (labels, classes, errors, help)."""

import re

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms

from portal.templatetags.fields import form_field
from portal.widgets import LongSelect


class _Filters(forms.Form):
    q = forms.CharField(label="Search", required=False, help_text="Title, team or <em>organisation</em>")
    status = forms.ChoiceField(label="Status", choices=[("", "Any"), ("draft", "Draft")], required=False)
    country = forms.ChoiceField(label="Country", choices=[("KE", "Kenya")], widget=LongSelect)
    since = forms.DateField(label="Since", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    mine = forms.BooleanField(label="Only mine", required=False)


def _normalised(html) -> str:
    """Whitespace between and inside tags is the templates' layout, not markup."""
    html = re.sub(r"\s+", " ", str(html)).replace(" >", ">")
    return re.sub(r"\s*<\s*", "<", re.sub(r">\s*", ">", html)).strip()


def _both(form, name):
    ours = _normalised(form_field(form[name]))
    # Crispy adds its classes to the widget itself: the field is drawn from a fresh form.
    theirs = _normalised(as_crispy_field(type(form)(form.data or None)[name]))
    return ours, theirs


def test_text_select_long_select_and_date_fields_match_crispy():
    form = _Filters()

    for name in ("q", "status", "country", "since"):
        ours, theirs = _both(form, name)
        assert ours == theirs, name
    assert 'class="textinput form-control"' in _both(form, "q")[0]
    assert "Title, team or <em>organisation</em>" in str(form_field(form["q"]))
    assert '<span class="asteriskField">*</span>' in _both(form, "country")[0]


def test_invalid_choice_is_marked_and_explained_like_crispy():
    form = _Filters({"status": "bogus", "country": "KE"})
    form.is_valid()

    ours, theirs = _both(form, "status")

    assert ours == theirs
    assert "is-invalid" in ours and 'aria-invalid="true"' in ours and 'id="id_status_error"' in ours
    assert "Select a valid choice. bogus is not one of the available choices." in ours


def test_a_checkbox_is_left_to_crispy():
    form = _Filters()

    ours, theirs = _both(form, "mine")

    assert ours == theirs and "form-check-input" in ours
