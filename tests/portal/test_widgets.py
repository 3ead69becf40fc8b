"""The long menus (an intake's applications and reviewers) drawn in Python: same markup, escaped, validated."""

import pytest
from django import forms

from accounts.models import User
from portal.widgets import LongModelChoiceField, LongSelect
from tests.factories import UserFactory


class _Form(forms.Form):
    person = LongModelChoiceField(label="Reviewer", label_fields=["full_name", "email"])
    colour = forms.ChoiceField(
        choices=[("", "Any"), ("Warm", [("red", "Red"), ("amber", 'Amber "A"')]), ("blue", "<b>Blue</b>")],
        widget=LongSelect,
        required=False,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


@pytest.mark.django_db
def test_the_menu_lists_names_else_e_mail_escaped_with_the_choice_selected():
    named = UserFactory(full_name="Ana <Pérez> & Co", email="ana@example.org")
    unnamed = UserFactory(full_name="", email="noname@example.org")
    people = User.objects.filter(pk__in=[named.pk, unnamed.pk]).order_by("email")

    html = str(_Form(initial={"person": unnamed.pk, "colour": "amber"}, people=people))

    assert f'<option value="{named.pk}">Ana &lt;Pérez&gt; &amp; Co</option>' in html
    assert f'<option value="{unnamed.pk}" selected>noname@example.org</option>' in html
    assert '<option value="" >' not in html and '<option value="">---------</option>' in html
    # Option groups are flattened; values and labels are escaped.
    assert '<option value="amber" selected>Amber &quot;A&quot;</option>' in html
    assert '<option value="blue">&lt;b&gt;Blue&lt;/b&gt;</option>' in html
    assert 'name="person"' in html and 'id="id_person"' in html and "required" in html


@pytest.mark.django_db
def test_only_a_row_of_the_queryset_is_accepted():
    inside, outside = UserFactory(), UserFactory()
    people = User.objects.filter(pk=inside.pk)

    refused = _Form({"person": outside.pk}, people=people)
    accepted = _Form({"person": inside.pk}, people=people)

    assert not refused.is_valid() and "person" in refused.errors
    assert accepted.is_valid() and accepted.cleaned_data["person"] == inside


@pytest.mark.django_db
def test_the_menu_is_one_query_without_a_model_per_option(django_assert_num_queries):
    for _ in range(3):
        UserFactory()
    form = _Form(people=User.objects.order_by("pk"))

    with django_assert_num_queries(1) as captured:
        str(form["person"])

    assert '"accounts_user"."password"' not in captured.captured_queries[0]["sql"]
