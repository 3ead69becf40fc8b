from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import ReportKind


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
