from django import forms
from django.utils.translation import gettext_lazy as _

from portal.time_zones import is_known_zone, time_zone_choices

from .models import User

# What an empty choice means, instead of Django's "---------".
CHOOSE_COUNTRY = _("Choose a country")
NOT_GIVEN = _("Not given")


def set_empty_label(field, label):
    """Show `label` as the empty choice of a select (Django's default reads "---------")."""
    field.choices = [("", label), *[(value, text) for value, text in field.choices if value != ""]]


class _EmptyLabelsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        set_empty_label(self.fields["country"], CHOOSE_COUNTRY)
        # Gender already offers "Prefer not to say"; the empty choice means nothing was given.
        set_empty_label(self.fields["gender"], NOT_GIVEN)


class SignupProfileForm(_EmptyLabelsMixin, forms.ModelForm):
    """The profile fields asked at registration, on top of allauth's e-mail and password.

    The time zone is not asked: static/js/time-zone.js fills the hidden field from the
    browser, and the person can change it in their profile.
    """

    class Meta:
        model = User
        fields = ["full_name", "country", "organisation", "position", "preferred_language", "gender", "time_zone"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "time_zone": forms.HiddenInput(attrs={"data-detect-time-zone": ""}),
        }

    def clean_time_zone(self):
        # A browser may report a zone this server does not know; then none is kept, never an error.
        value = self.cleaned_data.get("time_zone", "")
        return value if is_known_zone(value) else ""

    def signup(self, request, user):
        for field in self.Meta.fields:
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(_EmptyLabelsMixin, forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Your time zone"), required=False)

    class Meta:
        model = User
        fields = ["full_name", "country", "organisation", "position", "preferred_language", "time_zone", "gender"]
        help_texts = {"preferred_language": _("The portal and its e-mails use this language.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["time_zone"]
        field.choices = [("", NOT_GIVEN), *time_zone_choices(self.instance.time_zone)]
        field.help_text = _("Deadlines are shown in the programme's time and in yours.")
