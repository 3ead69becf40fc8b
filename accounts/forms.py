from django import forms
from django.utils.translation import gettext_lazy as _

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
    """The profile fields asked at registration, on top of allauth's e-mail and password."""

    class Meta:
        model = User
        fields = ["full_name", "country", "organisation", "position", "preferred_language", "gender"]
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def signup(self, request, user):
        for field in self.Meta.fields:
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(_EmptyLabelsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "country", "organisation", "position", "preferred_language", "gender"]
        help_texts = {"preferred_language": _("The portal and its e-mails use this language.")}
