"""Forms validate input (numbers in digits, dates, limits); the services decide."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from applications.validators import validate_upload

from .enums import CONTRIBUTES_TO, EDITABLE_REPORT_STATES, IndicatorKind, MilestoneStatus, ResultLevel
from .models import Indicator, Milestone, ProgressReport, ResultItem, Risk

NUMBER_MESSAGE = _("Please write a number in digits, for example 40.")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def number_field(label, **kwargs):
    """A number typed by a person: “forty” is refused with a message that says how to write it."""
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=2,
        error_messages={"invalid": NUMBER_MESSAGE},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        localize=False,
        **kwargs,
    )


def _members(project):
    from accounts.models import User

    return User.objects.filter(participations__project=project).order_by("full_name")


class ResultForm(forms.ModelForm):
    class Meta:
        model = ResultItem
        fields = ["level", "title", "description", "contributes_to"]

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributes_to"].queryset = project.results.exclude(level=ResultLevel.ACTIVITY).exclude(
            pk=self.instance.pk
        )
        self.fields["contributes_to"].help_text = _("An activity contributes to an output; an output to an outcome.")

    def clean(self):
        data = super().clean()
        parent, level = data.get("contributes_to"), data.get("level")
        if parent is not None and level and CONTRIBUTES_TO.get(level) != parent.level:
            self.add_error(
                "contributes_to",
                _("A %(level)s contributes to an output (activities) or an outcome (outputs).")
                % {"level": ResultLevel(level).label.lower()},
            )
        return data


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "owner", "result", "note"]
        widgets = {"due_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _members(project)
        self.fields["owner"].help_text = _("One of the team's members.")
        self.fields["result"].queryset = project.results.all()


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when a milestone is delayed: what happened, and the new plan."),
    )


class IndicatorForm(forms.ModelForm):
    baseline = number_field(_("Baseline"))
    target = number_field(_("Target"))
    reason = forms.CharField(
        label=_("Reason for changing the baseline or target"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed once the plan is approved; kept in the project's history."),
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "kind",
            "scale",
            "direction",
            "baseline",
            "baseline_text",
            "baseline_date",
            "target",
            "target_text",
            "means_of_verification",
            "result",
        ]
        widgets = {
            "baseline_date": DATE_WIDGET,
            "scale": forms.Textarea(attrs={"rows": 3}),
            "means_of_verification": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].queryset = project.results.all()
        if not project.plan_approved:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == IndicatorKind.QUALITATIVE:
            if not data.get("scale"):
                self.add_error("scale", _("Describe the scale a qualitative indicator is measured on."))
            data["baseline"] = data["target"] = None
        elif kind:
            for name in ("baseline", "target"):
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, _("A quantitative indicator needs a number here."))
            data["baseline_text"] = data["target_text"] = ""
            if kind == IndicatorKind.PERCENTAGE:
                for name in ("baseline", "target"):
                    value = data.get(name)
                    if value is not None and not 0 <= value <= 100:
                        self.add_error(name, _("A percentage is between 0 and 100."))
        return data


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = ["title", "category", "likelihood", "impact", "mitigation", "owner"]
        widgets = {"mitigation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _members(project)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded, settings.PORTAL_MAX_UPLOAD_BYTES)
        return uploaded


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment to the team"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The team reads this: say what to revise."),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment as the team's mentor"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Programme staff read it before they approve or return the report."),
    )


class ReportingPeriodForm(forms.Form):
    """Staff: a phase that needs a report, and its due date (setting it again changes the date)."""

    phase = forms.ModelChoiceField(label=_("Phase"), queryset=None)
    due_on = forms.DateField(label=_("Report due on"), widget=DATE_WIDGET)

    def __init__(self, *args, intake, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = intake.phases.all()
        self.fields["due_on"].help_text = _("The whole day counts, in the intake's time zone (%(zone)s).") % {
            "zone": intake.time_zone
        }


REPORT_TEXT_FIELDS = ("activities_done", "deviations", "risks_changed", "lessons", "support_needed")


class ProgressReportForm(forms.ModelForm):
    """The report: its texts, one status and note per milestone, one actual per indicator.

    Built from the report's pre-filled rows; baseline and target are shown read-only, never posted.
    """

    class Meta:
        model = ProgressReport
        fields = list(REPORT_TEXT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in REPORT_TEXT_FIELDS}

    def __init__(self, *args, updates, actuals, **kwargs):
        super().__init__(*args, **kwargs)
        self.updates, self.actuals = list(updates), list(actuals)
        for name in REPORT_TEXT_FIELDS:
            self.fields[name].max_length = 5000
        for update in self.updates:
            self.fields[f"m{update.milestone_id}_status"] = forms.ChoiceField(
                label=_("Status"), choices=MilestoneStatus.choices, initial=update.status
            )
            self.fields[f"m{update.milestone_id}_note"] = forms.CharField(
                label=_("Note"), required=False, max_length=2000, initial=update.note
            )
        for actual in self.actuals:
            prefix, kind = f"i{actual.indicator_id}", actual.indicator.kind
            if kind == IndicatorKind.NUMBER:
                self.fields[f"{prefix}_value"] = number_field(_("Actual"), initial=actual.value)
            elif kind == IndicatorKind.PERCENTAGE:
                self.fields[f"{prefix}_numerator"] = number_field(_("Numerator"), initial=actual.numerator)
                self.fields[f"{prefix}_denominator"] = number_field(_("Denominator"), initial=actual.denominator)
            else:
                self.fields[f"{prefix}_value_text"] = forms.ChoiceField(
                    label=_("Actual"),
                    required=False,
                    choices=[("", "—")] + [(s, s) for s in actual.indicator.scale.splitlines() if s.strip()],
                    initial=actual.value_text,
                )
            self.fields[f"{prefix}_note"] = forms.CharField(
                label=_("Note"), required=False, max_length=2000, initial=actual.note
            )
        if self.instance.status not in EDITABLE_REPORT_STATES:
            for field in self.fields.values():
                field.disabled = True

    def clean(self):
        data = super().clean()
        for actual in self.actuals:
            if actual.indicator.kind != IndicatorKind.PERCENTAGE:
                continue
            prefix = f"i{actual.indicator_id}"
            numerator, denominator = data.get(f"{prefix}_numerator"), data.get(f"{prefix}_denominator")
            if denominator is not None and denominator <= 0:
                self.add_error(f"{prefix}_denominator", _("The denominator must be more than zero."))
            elif (numerator is None) != (denominator is None) and f"{prefix}_numerator" not in self.errors:
                self.add_error(f"{prefix}_denominator", _("Give both the numerator and the denominator, or neither."))
            elif numerator is not None and numerator < 0:
                self.add_error(f"{prefix}_numerator", _("The numerator cannot be negative."))
        return data

    def rows(self):
        """(update, status field, note field) and (actual, [value fields], note field) for the template."""
        milestone_rows = [(u, self[f"m{u.milestone_id}_status"], self[f"m{u.milestone_id}_note"]) for u in self.updates]
        indicator_rows = []
        for a in self.actuals:
            prefix = f"i{a.indicator_id}"
            names = {"number": ["value"], "percentage": ["numerator", "denominator"], "qualitative": ["value_text"]}
            indicator_rows.append((a, [self[f"{prefix}_{n}"] for n in names[a.indicator.kind]], self[f"{prefix}_note"]))
        return milestone_rows, indicator_rows

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        milestones = {
            u.milestone_id: {"status": data[f"m{u.milestone_id}_status"], "note": data[f"m{u.milestone_id}_note"]}
            for u in self.updates
        }
        actuals = {}
        for a in self.actuals:
            prefix = f"i{a.indicator_id}"
            actuals[a.indicator_id] = {
                key[len(prefix) + 1 :]: value for key, value in data.items() if key.startswith(prefix + "_")
            }
        return {"data": {n: data[n] for n in REPORT_TEXT_FIELDS}, "milestones": milestones, "actuals": actuals}
