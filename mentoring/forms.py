"""Forms validate input; services decide."""

from datetime import datetime

from crispy_forms.helper import FormHelper
from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from portal.widgets import LongSelect, escape, write_attrs
from programmes.enums import IntakeRoleType

from .enums import ActionStatus, WorkKind
from .models import MentorAssignment, MentoringSettings, MentorWork, TopicTag

# Blank rows for new actions on the session form (no JavaScript needed to add one).
NEW_ACTION_ROWS = 3
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _Crispy:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class _Named(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return getattr(obj, "title", None) or str(obj)


class AssignmentForm(_Crispy, forms.ModelForm):
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=User.objects.none())
    teams = _Named(label=_("Teams"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = MentorAssignment
        fields = ["mentor", "starts_on", "ends_on", "budget_amount", "budget_unit", "expectations", "mentor_time_zone"]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "expectations": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"budget_unit": _("A day counts as 8 hours.")}

    def __init__(self, *args, intake, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = User.objects.filter(
            intake_roles__intake=intake, intake_roles__role=IntakeRoleType.MENTOR
        ).order_by("full_name")
        self.fields["mentor"].help_text = _("People with the mentor role in this intake.")
        self.fields["teams"].queryset = teams
        if self.instance.pk:
            self.fields["mentor"].disabled = True
            self.initial["mentor"] = self.instance.mentor_id
            self.initial["teams"] = list(self.instance.teams.values_list("pk", flat=True))
        self._helper()

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The agreement ends after it starts."))
        return data

    def _post_clean(self):
        # The service validates the whole agreement (it knows the intake); the form checks the fields.
        pass


class MentoringSettingsForm(_Crispy, forms.ModelForm):
    class Meta:
        model = MentoringSettings
        fields = ["no_coaching_days"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class TopicTagForm(_Crispy, forms.ModelForm):
    class Meta:
        model = TopicTag
        fields = ["name", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class MentorWorkForm(_Crispy, forms.ModelForm):
    class Meta:
        model = MentorWork
        fields = ["kind", "worked_on", "hours", "application", "note"]
        widgets = {"worked_on": DATE}

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = assignment.teams.order_by("title")
        self.fields["application"].label_from_instance = lambda team: team.title or str(team)
        self.fields["kind"].choices = WorkKind.choices
        self.fields["hours"].help_text = _("From 0.25 to 24 hours.")
        self._helper()

    def _post_clean(self):
        pass


class _Quick:
    """A text or date input written out in Python rather than through the form renderer's template (a busy
    team's session form has dozens), with the markup Django would give it."""

    def _attrs(self, attrs) -> str:
        return write_attrs(self.build_attrs(self.attrs, attrs))


class Select(LongSelect):
    """The portal's long menu, named `Select` as Django's is: crispy forms marks a widget with its class name
    (`class="select form-select"`), so the markup stays the same wherever crispy draws it."""


class _QuickTextInput(_Quick, forms.TextInput):
    css_name = "textinput"  # crispy's class for Django's TextInput

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        shown = f' value="{escape(value)}"' if value is not None else ""
        return mark_safe(f'<input type="text" name="{escape(name)}"{shown}{self._attrs(attrs)}>')  # noqa: S308 - every value is escaped


class _QuickDateInput(_Quick, forms.DateInput):
    input_type = "date"
    css_name = "dateinput"

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        shown = f' value="{escape(value)}"' if value else ""
        return mark_safe(f'<input type="date" name="{escape(name)}"{shown}{self._attrs(attrs)}>')  # noqa: S308 - every value is escaped


class _HeldChoices(ModelChoiceIterator):
    """The choices of a model choice field drawn from the rows its queryset already holds, so the form can
    read them (the team's members as owners; whether there are milestones at all) without a second query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


FOLLOW_UP_CHOICES = [
    ("", _("Leave as it is")),
    (ActionStatus.DONE, _("Done")),
    (ActionStatus.CARRIED_OVER, _("Carry over")),
    (ActionStatus.DROPPED, _("Drop")),
]


class SessionForm(_Crispy, forms.Form):
    """A session: when (in the mentor's zone), how long, how, who, what; new actions; last time's actions."""

    date = forms.DateField(label=_("Date"), widget=DATE)
    time = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=5, max_value=600, help_text=_("From 5 to 600 minutes.")
    )
    mode = forms.ChoiceField(label=_("Mode"))
    participants = forms.ModelMultipleChoiceField(
        label=_("Who took part"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Topic tags"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    milestones = forms.ModelMultipleChoiceField(
        label=_("Milestones discussed"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    risks = forms.ModelMultipleChoiceField(
        label=_("Risks discussed"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.CharField(label=_("Topics"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    shared_notes = forms.CharField(
        label=_("Notes shared with the team"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    private_notes = forms.CharField(
        label=_("Private notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Only you and programme staff see these; never the team."),
    )

    def __init__(self, *args, assignment, members, tags, outstanding, milestones, risks, **kwargs):
        from .enums import SessionMode

        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.outstanding = list(outstanding)
        self.fields["mode"].choices = SessionMode.choices
        self.fields["date"].help_text = _("In your time zone, %(zone)s.") % {"zone": assignment.mentor_zone_name}
        for name, queryset in (("participants", members), ("tags", tags), ("milestones", milestones), ("risks", risks)):
            self.fields[name].iterator = _HeldChoices
            self.fields[name].queryset = queryset
        self.fields["participants"].label_from_instance = lambda m: m.user.get_full_name() or m.user.email
        # The project's milestones and risks are offered only when the team has some; the rows read here
        # are the ones the boxes are drawn from.
        for name in ("milestones", "risks"):
            if not self.fields[name].queryset:
                del self.fields[name]
        members = self.fields["participants"].queryset
        owners = [(m.user_id, m.user.get_full_name() or m.user.email) for m in members]
        owners.append((assignment.mentor_id, _("%(name)s (mentor)") % {"name": assignment.mentor}))
        self.owner_users = {m.user_id: m.user for m in members}
        self.owner_users[assignment.mentor_id] = assignment.mentor
        # The new actions' rows and the follow-up of a busy team's dozens of outstanding actions: quick widgets,
        # drawn by `portal.templatetags.fields.form_field` instead of crispy forms' templates, with their markup.
        for i in range(NEW_ACTION_ROWS):
            self.fields[f"action_{i}_description"] = forms.CharField(
                label=_("Action"),
                max_length=300,
                required=False,
                widget=_QuickTextInput(),
            )
            self.fields[f"action_{i}_owner"] = forms.TypedChoiceField(
                label=_("Owner"),
                choices=[("", "—"), *owners],
                coerce=int,
                required=False,
                empty_value=None,
                widget=Select(),
            )
            self.fields[f"action_{i}_due_on"] = forms.DateField(
                label=_("Due on"),
                required=False,
                widget=_QuickDateInput(format="%Y-%m-%d"),
            )
        follow_up_choices = [(key, str(label)) for key, label in FOLLOW_UP_CHOICES]  # translated once, not per action
        for action in self.outstanding:
            self.fields[f"follow_{action.pk}"] = forms.ChoiceField(
                label=action.description,
                choices=follow_up_choices,
                required=False,
                widget=Select(),
            )
            self.fields[f"due_{action.pk}"] = forms.DateField(
                label=_("New due date (when carried over)"),
                required=False,
                widget=_QuickDateInput(format="%Y-%m-%d"),
            )
        self._helper()

    @property
    def action_rows(self):
        return [
            (self[f"action_{i}_description"], self[f"action_{i}_owner"], self[f"action_{i}_due_on"])
            for i in range(NEW_ACTION_ROWS)
        ]

    @property
    def follow_up_rows(self):
        return [(action, self[f"follow_{action.pk}"], self[f"due_{action.pk}"]) for action in self.outstanding]

    def clean(self):
        data = super().clean()
        # The project's milestones and risks are offered only when the team has some.
        data.setdefault("milestones", [])
        data.setdefault("risks", [])
        if data.get("date") and data.get("time"):
            local = datetime.combine(data["date"], data["time"], tzinfo=self.assignment.mentor_tzinfo)
            data["starts_at"] = local
        actions = []
        for i in range(NEW_ACTION_ROWS):
            description = (data.get(f"action_{i}_description") or "").strip()
            owner, due_on = data.get(f"action_{i}_owner"), data.get(f"action_{i}_due_on")
            if not description:
                continue
            if owner is None:
                self.add_error(f"action_{i}_owner", _("Who will do it?"))
            if due_on is None:
                self.add_error(f"action_{i}_due_on", _("By when?"))
            if owner is not None and due_on is not None:
                actions.append({"description": description, "owner": self.owner_users[owner], "due_on": due_on})
        data["actions"] = actions
        data["follow_ups"] = {
            action: (data[f"follow_{action.pk}"], data.get(f"due_{action.pk}"))
            for action in self.outstanding
            if data.get(f"follow_{action.pk}")
        }
        return data


class OverviewFilterForm(forms.Form):
    intake = forms.ModelChoiceField(label=_("Intake"), queryset=None, required=False, widget=Select)
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None, required=False, widget=Select)

    def __init__(self, *args, intakes, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        # The menus read their rows with one plain query each (not a server-side cursor) and are written in Python.
        for name, queryset in (("intake", intakes), ("mentor", mentors)):
            self.fields[name].iterator = _HeldChoices
            self.fields[name].queryset = queryset
