"""Forms validate input; services decide."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.translated import label_language_fields, language_fields
from portal.widgets import LongModelChoiceField

from .emails import render_placeholders
from .enums import ConflictKind, Outcome, Recommendation
from .models import NotificationTemplate, SelectionSettings


class _Crispy:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class SettingsForm(_Crispy, forms.ModelForm):
    class Meta:
        model = SelectionSettings
        fields = [
            "blind_review",
            "review_deadline",
            "reminder_days",
            "confirmation_days",
            "reviews_required",
            "spread_threshold",
            "tie_break_criterion",
            "tie_break_spread",
        ]
        widgets = {"review_deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tie_break_criterion"].queryset = self.instance.intake.criteria.order_by("order", "pk")
        self.fields["tie_break_criterion"].empty_label = _("No criterion: equal means share a rank")
        # Not sent (an older form, a script): the saved value stays.
        self.fields["reviews_required"].required = False
        self._helper()

    def clean_reviews_required(self):
        return self.cleaned_data.get("reviews_required") or self.instance.reviews_required


class ReviewerAddForm(_Crispy, forms.Form):
    email = forms.EmailField(label=_("E-mail address of the reviewer"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class ConflictForm(_Crispy, forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this application?"),
        choices=[("no", _("No, I have no conflict of interest")), ("yes", _("Yes, I have a conflict of interest"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(label=_("Kind of conflict"), choices=[("", "—"), *ConflictKind.choices], required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not data.get("kind"):
            self.add_error("kind", _("Please say what kind of conflict it is."))
        return data


class LateConflictForm(_Crispy, forms.Form):
    """A conflict the reviewer finds after reading or scoring the application."""

    kind = forms.ChoiceField(label=_("Kind of conflict"), choices=ConflictKind.choices)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


# A reviewer in a menu as everywhere else (`User.__str__`): the name, else the e-mail address.
REVIEWER_LABEL = ["full_name", "email"]


class StaffConflictForm(_Crispy, forms.Form):
    application = LongModelChoiceField(label=_("Application"), label_fields=["title"])
    reviewer = LongModelChoiceField(label=_("Reviewer"), label_fields=REVIEWER_LABEL)
    kind = forms.ChoiceField(label=_("Kind of conflict"), choices=ConflictKind.choices)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))
    confirm = forms.BooleanField(
        label=_("I understand that this voids the reviewer's scores for this application (they stay in the history)."),
    )

    def __init__(self, *args, applications, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
        self.fields["reviewer"].queryset = reviewers
        self._helper()


class AssignOneForm(_Crispy, forms.Form):
    application = LongModelChoiceField(label=_("Application"), label_fields=["title"])
    reviewer = LongModelChoiceField(label=_("Reviewer"), label_fields=REVIEWER_LABEL)

    def __init__(self, *args, applications, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
        self.fields["reviewer"].queryset = reviewers
        self._helper()


class AssignBulkForm(forms.Form):
    applications = forms.ModelMultipleChoiceField(label=_("Applications"), queryset=None)
    reviewer = LongModelChoiceField(label=_("Assign the chosen applications to"), label_fields=REVIEWER_LABEL)

    def __init__(self, *args, applications, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = applications
        self.fields["reviewer"].queryset = reviewers
        # Drawn by hand below the table (the checkboxes are in its rows), so styled here.
        self.fields["reviewer"].widget.attrs["class"] = "form-select"


class AssignAutoForm(_Crispy, forms.Form):
    per_application = forms.IntegerField(label=_("Reviewers per application"), min_value=1, max_value=10, initial=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class ReassignForm(_Crispy, forms.Form):
    reviewer = forms.ModelChoiceField(label=_("New reviewer"), queryset=None)
    reason = forms.CharField(label=_("Reason"), required=False)

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
        self._helper()


class ReviewForm(forms.Form):
    """One score and comment per criterion, then the recommendation and overall comment."""

    recommendation = forms.ChoiceField(
        label=_("Your recommendation"), choices=[("", "—"), *Recommendation.choices], required=False
    )
    comment = forms.CharField(label=_("Overall comment"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, scores, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for row in scores:
            criterion = row.criterion
            score_name, comment_name = f"score_{criterion.pk}", f"comment_{criterion.pk}"
            self.fields[score_name] = forms.TypedChoiceField(
                label=_("Score (0 to %(max)d)") % {"max": criterion.max_score},
                choices=[("", "—")] + [(str(i), str(i)) for i in range(criterion.max_score + 1)],
                coerce=int,
                empty_value=None,
                required=False,
                initial=row.score,
            )
            self.fields[comment_name] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=row.comment,
            )
            self.rows.append((criterion, self[score_name], self[comment_name]))
        if locked:
            for f in self.fields.values():
                f.disabled = True

    def scores(self) -> dict:
        return {
            criterion.pk: (
                self.cleaned_data.get(f"score_{criterion.pk}"),
                self.cleaned_data.get(f"comment_{criterion.pk}"),
            )
            for criterion, _score, _comment in self.rows
        }


class DecisionForm(_Crispy, forms.Form):
    # What the service asked for before it records the decision: "justification" or "overfill".
    needs = None

    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices)
    reason = forms.CharField(
        label=_("Internal reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept on record for staff; never sent to the team."),
    )
    message = forms.CharField(
        label=_("Message to the team (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Goes into the decision e-mail and the team's status page when you release the decision."),
    )
    justification = forms.CharField(
        label=_("Justification for accepting over a higher-ranked team"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Needed when a higher-ranked team is not accepted, e.g. for country or gender balance."),
    )
    confirm_overfill = forms.BooleanField(label=_("Yes, accept more teams than there are places"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class TemplateForm(_Crispy, forms.ModelForm):
    """The e-mail text in each language; a stray brace is shown under the field it is in, with the typed text kept.

    English is required; a language left empty sends the English text to the people who read that language.
    """

    class Meta:
        model = NotificationTemplate
        fields = language_fields("subject", "body")
        widgets = {name: forms.Textarea(attrs={"rows": 10}) for name in language_fields("body")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self)
        self._helper()

    def clean(self):
        cleaned_data = super().clean()
        for name in language_fields("subject", "body"):
            try:
                render_placeholders(cleaned_data.get(name) or "", {})
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned_data


class ReasonForm(_Crispy, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        self._helper()


class DeclineForm(_Crispy, forms.Form):
    reason = forms.CharField(label=_("Why is your team declining? (optional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class RankingFilterForm(forms.Form):
    """Filters and sorts the ranking rows; ranks are computed before filtering, so they never change."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    flagged = forms.BooleanField(label=_("Only where reviewers disagree"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("rank", _("Rank")), ("spread", _("Disagreement")), ("title", _("Title")), ("status", _("Status"))],
    )
    view = forms.ChoiceField(
        label=_("Scores"),
        required=False,
        choices=[("raw", _("Raw")), ("normalised", _("Raw and normalised per reviewer"))],
    )

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]
