from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupProfileForm(forms.ModelForm):
    """The profile fields asked at registration, on top of allauth's e-mail and password."""

    class Meta:
        model = User
        fields = ["full_name", "country", "organisation", "position", "preferred_language", "gender"]
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def signup(self, request, user):
        for field in self.Meta.fields:
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "country", "organisation", "position", "preferred_language", "gender"]
        help_texts = {"preferred_language": _("The portal and its e-mails use this language.")}
