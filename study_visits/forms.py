"""Forms validate input and state the limits; services decide."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from programmes.forms import time_zone_choices
from programmes.models import Intake

from .enums import AgendaKind
from .models import StudyVisit

# A visit longer than this is a mistake in the dates, not a study visit.
MAX_VISIT_DAYS = 14


class _Crispy:
    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class VisitForm(_Crispy, forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Host's time zone"), choices=time_zone_choices)
    host_contact_email = forms.EmailField(
        label=_("E-mail of the host contact (optional)"),
        required=False,
        help_text=_("A person with a portal account who may record attendance."),
    )

    class Meta:
        model = StudyVisit
        fields = [
            "intake",
            "title",
            "host",
            "address",
            "time_zone",
            "starts_on",
            "ends_on",
            "capacity",
            "offer_hours",
            "description",
            "travel",
            "accommodation",
            "contact_on_site",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "address": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "travel": forms.Textarea(attrs={"rows": 3}),
            "accommodation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intake"].queryset = Intake.objects.select_related("programme").order_by("-opens_at")
        self.fields["capacity"].help_text = _("Between 1 and 500.")
        if self.instance.pk and self.instance.host_contact_id:
            self.initial["host_contact_email"] = self.instance.host_contact.email
        self._helper()

    def clean_host_contact_email(self):
        email = self.cleaned_data.get("host_contact_email", "").strip()
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No portal account has this e-mail address."))
        return user

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends:
            if ends < starts:
                self.add_error("ends_on", _("The last day cannot be before the first day."))
            elif (ends - starts).days + 1 > MAX_VISIT_DAYS:
                self.add_error("ends_on", _("A visit lasts at most %(days)d days.") % {"days": MAX_VISIT_DAYS})
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["host_contact"] = self.cleaned_data["host_contact_email"]
        return data


class AgendaItemForm(_Crispy, forms.Form):
    day = forms.TypedChoiceField(label=_("Day"), choices=(), coerce=str)
    starts = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=AgendaKind.choices)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    speaker = forms.CharField(label=_("Host speaker"), max_length=200, required=False)

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, **kwargs)
        self.visit = visit
        self.days = {day.isoformat(): day for day in visit.days()}
        self.fields["day"].choices = [(key, date_format(day, "l j F Y")) for key, day in self.days.items()]
        zone = visit.time_zone
        self.fields["starts"].help_text = _("On the host's clock (%(zone)s).") % {"zone": zone}
        self.fields["ends"].help_text = _("On the host's clock (%(zone)s).") % {"zone": zone}
        self._helper()

    @classmethod
    def initial_for(cls, item) -> dict:
        starts, ends = item.visit.local(item.starts_at), item.visit.local(item.ends_at)
        return {
            "day": starts.date().isoformat(),
            "starts": starts.time(),
            "ends": ends.time(),
            "title": item.title,
            "kind": item.kind,
            "place": item.place,
            "speaker": item.speaker,
        }

    def clean_day(self):
        return self.days[self.cleaned_data["day"]]

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("An item ends after it starts."))
        return data


class BookTeamForm(_Crispy, forms.Form):
    application = forms.ModelChoiceField(label=_("Team"), queryset=None)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = teams
        self.fields["application"].label_from_instance = lambda a: a.title or str(a)
        self._helper()


class BookPersonForm(_Crispy, forms.Form):
    user = forms.TypedChoiceField(label=_("Participant"), choices=(), coerce=int)

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {m.user_id: m.user for m in participants}
        self.fields["user"].choices = [
            (m.user_id, f"{m.user} ({m.application.title or m.application})") for m in participants
        ]
        self._helper()

    def clean_user(self):
        return self.people[self.cleaned_data["user"]]


class PriorityForm(forms.Form):
    priority = forms.IntegerField(label=_("Priority"), min_value=-100, max_value=100)
