"""Forms validate input; the services decide. Every field has a label; drafts may be incomplete."""

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.forms import CHOOSE_COUNTRY, NOT_GIVEN, set_empty_label
from portal.uploads import megabytes
from programmes.enums import CoreArea, OrganisationType
from programmes.forms import closing_from_local

from .documents import BY_KIND, upload_limit_text, word_limits
from .enums import PER_MEMBER_KINDS, SDG_CHOICES, AttachmentKind
from .imports import MAX_BYTES as MAX_LIST_BYTES
from .imports import decode, parse_earlier_participants
from .models import WORD_LIMITS, Application, Organisation, TeamMember
from .validators import MaxWordsValidator, check_attachment_count, validate_upload


def outline_form_class(section):
    """A ModelForm for one outline section; every question may be left empty in a draft."""
    fields = list(section.fields)

    class OutlineSectionForm(forms.ModelForm):
        core_areas = forms.MultipleChoiceField(
            label=_("Core areas"),
            choices=CoreArea.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=_("Choose one or more."),
        )
        sdgs = forms.TypedMultipleChoiceField(
            label=_("Related Sustainable Development Goals"),
            choices=SDG_CHOICES,
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )

        class Meta:
            model = Application
            fields = section.fields

        def __init__(self, *args, autosave_url=None, **kwargs):
            super().__init__(*args, **kwargs)
            # The intake's own word limits (staff set them per intake), else the portal's defaults.
            limits = word_limits(self.instance.intake) if self.instance.intake_id else dict(WORD_LIMITS)
            for name in [n for n in ("core_areas", "sdgs") if n not in fields]:
                del self.fields[name]
            for name, field in self.fields.items():
                field.required = False
                field.label = str(field.label)[:1].upper() + str(field.label)[1:]
                if name in limits:
                    field.widget = forms.Textarea(attrs={"rows": 5})
                    field.widget.attrs["data-word-limit"] = limits[name]
                    field.validators.append(MaxWordsValidator(limits[name]))
                    # The limit is stated once; outline.js turns this same element into the live count.
                    limit = format_html(
                        "<span data-word-count>{}</span>", _("At most %(n)d words.") % {"n": limits[name]}
                    )
                    field.help_text = format_html("{} {}", field.help_text, limit) if field.help_text else limit
                if autosave_url and name != "builds_on_previous":
                    field.widget.attrs.update(
                        {
                            "hx-post": autosave_url,
                            "hx-trigger": "keyup changed delay:3s, change",
                            "hx-include": "closest form",
                            "hx-target": "#autosave-status",
                            "hx-swap": "innerHTML",
                        }
                    )

    OutlineSectionForm.__name__ = f"Outline{section.slug.title()}Form"
    return OutlineSectionForm


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"))


class MemberForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["position", "organisation", "role_type", "gender", "english_level", "date_of_birth"]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, intake=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_type"].required = True
        set_empty_label(self.fields["role_type"], _("Choose a role"))
        set_empty_label(self.fields["gender"], NOT_GIVEN)
        set_empty_label(self.fields["english_level"], _("Choose a level"))
        if intake is not None and not intake.min_english_level:
            self.fields["english_level"].help_text = _("Optional.")
        if intake is not None and not intake.max_age and not intake.exclude_previous_participants:
            del self.fields["date_of_birth"]
        elif intake is not None and not intake.max_age:
            # Asked only to recognise someone who took part before (name, date of birth and country).
            self.fields["date_of_birth"].help_text = _(
                "Optional; it helps us recognise people who took part in an earlier programme."
            )


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "type", "country"]

    def __init__(self, *args, intake, **kwargs):
        super().__init__(*args, **kwargs)
        self.intake = intake
        if intake.eligible_countries:
            codes = [c.code for c in intake.eligible_countries]
            self.fields["country"].choices = [(c, countries.name(c)) for c in codes]
        if intake.eligible_organisation_types:
            self.fields["type"].choices = [
                (value, label)
                for value, label in OrganisationType.choices
                if value in intake.eligible_organisation_types
            ]
        set_empty_label(self.fields["country"], CHOOSE_COUNTRY)
        set_empty_label(self.fields["type"], _("Choose a type"))

    def clean_country(self):
        country = self.cleaned_data["country"]
        if country and not self.intake.accepts_country(country):
            raise forms.ValidationError(_("Organisations from this country cannot apply to this intake."))
        return country


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is this document?"), choices=AttachmentKind.choices)
    member = forms.ModelChoiceField(
        label=_("Whose document (for a CV, passport copy, photo, medical statement or language certificate)"),
        queryset=TeamMember.objects.none(),
        required=False,
    )
    file = forms.FileField(label=_("File (PDF, Word DOCX, OpenDocument ODT, JPEG or PNG)"))

    def __init__(self, *args, application, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["kind"].choices = [(k, label) for k, label in AttachmentKind.choices if k in kinds]
        if PER_MEMBER_KINDS & set(kinds):
            self.fields["member"].queryset = application.members.select_related("user")
            self.fields["member"].label_from_instance = lambda m: m.user.get_full_name()
            self.fields["member"].empty_label = _("Choose a team member")
        else:
            del self.fields["member"]
        self.max_bytes = application.intake.max_upload_bytes()
        self.fields["file"].help_text = _("At most %(size)s per file.") % {
            "size": upload_limit_text(application.intake)
        }

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_attachment_count(self.application)
        self.content_type = validate_upload(uploaded, self.max_bytes)
        return uploaded

    def clean(self):
        data = super().clean()
        # A member from outside the team already has its own error; one message per field is enough.
        if data.get("kind") in PER_MEMBER_KINDS and not data.get("member") and "member" not in self.errors:
            self.add_error("member", BY_KIND[data["kind"]].whose)
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, required=False, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label


class ScreeningForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("eligible", _("Eligible")), ("ineligible", _("Not eligible"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "eligible",
    )
    reason = forms.CharField(
        label=_("Reason (sent to the team)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when the application is not eligible, and when you change an earlier screening."),
    )
    justification = forms.CharField(
        label=_("Why is it eligible although a check fails? (staff only)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required to mark it eligible: kept in the activity feed for staff, never sent to the team."),
    )

    def __init__(self, *args, failing=(), current_status="", suggested_reason="", **kwargs):
        super().__init__(*args, **kwargs)
        self.failing = list(failing)
        # The failed checks, written into the reason box for a "not eligible" decision.
        self.suggested_reason = suggested_reason.strip()
        # Screened before (eligible or not): choosing the other way is a reversal and needs a comment.
        self.screened_as = {"eligible": True, "ineligible": False}.get(str(current_status))
        if not self.failing:
            del self.fields["justification"]

    def clean(self):
        data = super().clean()
        decision, reason = data.get("decision"), data.get("reason", "").strip()
        if decision is True and self.suggested_reason and reason == self.suggested_reason:
            # Marked eligible with the suggested text left as it was: the team is not told of checks it passed
            # by override ("Reason: the team needs at least 1 woman"); the justification says why, for staff.
            data["reason"] = reason = ""
        if decision is False and not reason:
            self.add_error("reason", _("Please give the reason the application is not eligible."))
        elif decision is not None and self.screened_as is not None and decision != self.screened_as and not reason:
            self.add_error("reason", _("Please write why the screening decision changes."))
        if decision is True and self.failing and not data.get("justification", "").strip():
            self.add_error(
                "justification",
                _("The application fails these checks: %(checks)s. Please write why it is eligible all the same.")
                % {"checks": ", ".join(map(str, self.failing))},
            )
        return data


class DeadlineForm(forms.Form):
    """A new deadline typed in the intake's own time zone, with the reason."""

    deadline = forms.DateTimeField(
        label=_("New deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, intake, **kwargs):
        super().__init__(*args, **kwargs)
        self.intake = intake
        self.fields["deadline"].help_text = _("In the intake's time zone: %(zone)s.") % {"zone": intake.time_zone}

    def clean_deadline(self):
        value = self.cleaned_data["deadline"]
        # The browser sends a naive local time; read it in the intake's zone, store it in UTC. Typed to
        # the minute, it closes at the end of that minute, like the intake's own deadline.
        naive = timezone.make_naive(value) if timezone.is_aware(value) else value
        return closing_from_local(naive.date(), naive.time(), self.intake.time_zone)


class EarlierParticipantsUploadForm(forms.Form):
    """A CSV list of earlier participants; every row is checked before anything is imported."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "First line: the column names full_name, email, date_of_birth (YYYY-MM-DD), country (e.g. KE), "
            "programme, year. Each person needs an e-mail address, or a date of birth and a country."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_LIST_BYTES:
            raise forms.ValidationError(
                _("This file is larger than %(limit)s; split the list into smaller files.")
                % {"limit": megabytes(MAX_LIST_BYTES)}
            )
        self.text = decode(uploaded.read())
        self.parsed = parse_earlier_participants(self.text)
        return uploaded
