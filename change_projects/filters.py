"""The staff overview's search, filters and sort order (a plain form: the selector applies them)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import ReportStatus, RiskLevel

SORT_CHOICES = [
    ("title", _("Title")),
    ("overdue", _("Most overdue milestones")),
    ("risk", _("Highest risk")),
    ("done", _("Most milestones done")),
]


class OverviewFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    report_status = forms.ChoiceField(
        label=_("Has a report that is"), required=False, choices=[("", _("Any")), *ReportStatus.choices]
    )
    risk = forms.ChoiceField(label=_("Risk level"), required=False, choices=[("", _("Any")), *RiskLevel.choices])
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)


class OverviewFilter:
    """What `templates/includes/_filter_form.html` expects: an object with a `form`."""

    def __init__(self, data):
        self.form = OverviewFilterForm(data)

    def is_valid(self) -> bool:
        return self.form.is_valid()
