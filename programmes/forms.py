"""Forms for staff pages. Forms check input; the services decide and save."""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.time_zones import time_zone_choices
from portal.translated import label_language_fields, language_fields

from .enums import AttachmentRequirement, Offer, OrganisationType
from .models import MAX_WORD_LIMIT, MEGABYTE, Intake, Phase, Programme, RubricCriterion
from .services import RESERVED_SLUGS, RUBRIC_TOTAL


def aware_from_local(day: date, clock: time, zone_name: str) -> datetime:
    """A local date and time in `zone_name` as an aware UTC datetime.

    A clock time skipped by a daylight-saving change (e.g. 02:30 when clocks jump to 03:00) is
    refused; a repeated one (clocks go back) means its first occurrence.
    """
    zone = zoneinfo.ZoneInfo(zone_name)
    naive = datetime.combine(day, clock)
    moment = naive.replace(tzinfo=zone)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(
            _("%(time)s does not exist on %(day)s in %(zone)s: the clocks change that night. Choose another time."),
            params={"time": clock.strftime("%H:%M"), "day": day.isoformat(), "zone": zone_name},
            code="nonexistent_time",
        )
    return moment.astimezone(UTC)


# The documents added with per-intake settings (issue 10); the mandate letter and CVs were always asked about.
NEW_DOCUMENT_FIELDS = ("passport_copies", "photos", "medical_statements", "language_certificates")


def word_limit_questions() -> list[tuple[str, str, int]]:
    """(name, label, default limit) of each long outline answer, in the outline's order (applications owns them)."""
    from applications.models import WORD_LIMITS
    from applications.outline import SECTIONS, field_label

    return [
        (name, field_label(name).capitalize(), WORD_LIMITS[name])
        for section in SECTIONS
        for name in section.fields
        if name in WORD_LIMITS
    ]


# A deadline is typed and shown to the minute; it includes that whole minute ("23:59" closes at
# 23:59:59.999999), so a team pressing Submit twenty seconds into the closing minute is on time.
WHOLE_MINUTE = timedelta(seconds=59, microseconds=999_999)


def closing_from_local(day: date, clock: time, zone_name: str) -> datetime:
    """The real closing moment of a deadline typed as a local date and minute: the end of that minute."""
    return aware_from_local(day, clock.replace(second=0, microsecond=0), zone_name) + WHOLE_MINUTE


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class WindowFieldsMixin(forms.Form):
    """Opening and closing as a local date and time in the intake's time zone."""

    opens_on = forms.DateField(label=_("Applications open on"), widget=DateInput())
    opens_time = forms.TimeField(label=_("at (local time)"), initial=time(0, 0), widget=TimeInput())
    closes_on = forms.DateField(label=_("Applications close on"), widget=DateInput())
    closes_time = forms.TimeField(
        label=_("at (local time)"),
        initial=time(23, 59),
        widget=TimeInput(),
        help_text=_(
            "Applications are accepted until the end of this minute (23:59 means 23:59:59), in the intake's time zone."
        ),
    )

    def _zone_name(self) -> str | None:
        raise NotImplementedError

    def clean_window(self, cleaned_data: dict) -> None:
        zone_name = self._zone_name()
        if not zone_name:
            return
        for prefix in ("opens", "closes"):
            day, clock = cleaned_data.get(f"{prefix}_on"), cleaned_data.get(f"{prefix}_time")
            if day is None or clock is None:
                continue
            to_moment = closing_from_local if prefix == "closes" else aware_from_local
            try:
                cleaned_data[f"{prefix}_at"] = to_moment(day, clock, zone_name)
            except ValidationError as error:
                self.add_error(f"{prefix}_time", error)
        opens_at, closes_at = cleaned_data.get("opens_at"), cleaned_data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_on", _("The closing date and time must be after the opening."))

    @staticmethod
    def window_initial(intake: Intake) -> dict:
        opens, closes = intake.local(intake.opens_at), intake.local(intake.closes_at)
        return {
            "opens_on": opens.date(),
            "opens_time": opens.time().replace(second=0, microsecond=0),
            "closes_on": closes.date(),
            "closes_time": closes.time().replace(second=0, microsecond=0),
        }


class ProgrammeForm(forms.ModelForm):
    offers = forms.MultipleChoiceField(
        label=_("What is offered"), choices=Offer.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    slug = forms.SlugField(
        label=_("Web address"),
        required=False,
        help_text=_("The last part of the programme's address. Leave empty to make one from the title."),
    )

    class Meta:
        model = Programme
        fields = [
            *language_fields("title"),
            "slug",
            *language_fields("summary", "objectives", "expected_outcomes"),
            "offers",
            "languages",
            "contact_email",
        ]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 2}) for name in language_fields("summary")},
            **{name: forms.Textarea(attrs={"rows": 6}) for name in language_fields("objectives", "expected_outcomes")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title_en", ""))[:200]
        if not slug:
            raise ValidationError(_("Give the programme a title or a web address."))
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("“%(slug)s” is reserved; choose another."), params={"slug": slug})
        return slug


class IntakeForm(WindowFieldsMixin, forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Dates and times on this form, and the deadline applicants see, are in this time zone."),
    )
    eligible_organisation_types = forms.MultipleChoiceField(
        label=_("Eligible organisation types"),
        choices=OrganisationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to accept every type."),
    )

    class Meta:
        model = Intake
        fields = [
            *language_fields("name"),
            "eligible_countries",
            "eligible_organisation_types",
            "time_zone",
            "team_places",
            "min_team_size",
            "max_team_size",
            "min_politicians",
            "min_officials",
            "min_civil_society",
            "min_women",
            "warn_gender_imbalance",
            "mandate_letter",
            "cvs",
            "passport_copies",
            "photos",
            "medical_statements",
            "language_certificates",
            "max_upload_mb",
            "exclude_previous_participants",
            "min_english_level",
            "max_age",
            *language_fields("faq"),
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in language_fields("faq")}
        help_texts = {
            "eligible_countries": _("Hold Ctrl (or Cmd) to choose several. None chosen means every country."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name, value in self.window_initial(self.instance).items():
                self.initial.setdefault(name, value)
        else:
            self.initial.setdefault("time_zone", settings.PORTAL_DEFAULT_TIME_ZONE)
        self.fields["time_zone"].choices = time_zone_choices(
            self.instance.time_zone if self.instance.pk else settings.PORTAL_DEFAULT_TIME_ZONE
        )
        self.fields["eligible_countries"].widget.attrs["size"] = 12
        label_language_fields(self)
        ceiling = settings.PORTAL_MAX_UPLOAD_BYTES // MEGABYTE
        self.fields["max_upload_mb"].help_text = _(
            "Per file. Leave empty for the portal's own limit, %(ceiling)d MB, which is also the most you can set."
        ) % {"ceiling": ceiling}
        self.fields["max_upload_mb"].widget.attrs["max"] = ceiling
        for name in NEW_DOCUMENT_FIELDS:
            # Not sent (an older form, a script): not asked, the model's default.
            self.fields[name].required = False
        own = self.instance.word_limits or {}
        for name, label, default in word_limit_questions():
            self.fields[f"words_{name}"] = forms.IntegerField(
                label=label,
                min_value=1,
                max_value=MAX_WORD_LIMIT,
                required=False,
                initial=own.get(name, default),
                help_text=_("Words; %(default)d if left empty.") % {"default": default},
            )
        # Left empty: no rule on women in the team (0).
        self.fields["min_women"].required = False
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("The intake"), *language_fields("name"), "team_places"),
            Fieldset(_("Application window"), "time_zone", "opens_on", "opens_time", "closes_on", "closes_time"),
            Fieldset(_("Who may apply"), "eligible_countries", "eligible_organisation_types"),
            Fieldset(
                _("Team composition"),
                "min_team_size",
                "max_team_size",
                "min_politicians",
                "min_officials",
                "min_civil_society",
                "min_women",
                "warn_gender_imbalance",
            ),
            Fieldset(
                _("Attachments"),
                "mandate_letter",
                "cvs",
                "passport_copies",
                "photos",
                "medical_statements",
                "language_certificates",
                "max_upload_mb",
            ),
            Fieldset(_("Word limits of the outline"), *[f"words_{name}" for name, _l, _d in word_limit_questions()]),
            Fieldset(_("Extra eligibility rules"), "exclude_previous_participants", "min_english_level", "max_age"),
            Fieldset(_("Help for applicants"), *language_fields("faq")),
        )
        self.helper.add_input(Submit("save", _("Save")))

    def _zone_name(self):
        return self.cleaned_data.get("time_zone")

    def clean_min_women(self):
        return self.cleaned_data.get("min_women") or 0

    def clean(self):
        cleaned_data = super().clean()
        self.clean_window(cleaned_data)
        low, high = cleaned_data.get("min_team_size"), cleaned_data.get("max_team_size")
        if low is not None and high is not None and high < low:
            self.add_error("max_team_size", _("The largest team cannot be smaller than the smallest team."))
        for name in NEW_DOCUMENT_FIELDS:
            cleaned_data[name] = cleaned_data.get(name) or AttachmentRequirement.NOT_ASKED
        # Only the limits that differ from the portal's defaults are kept, so a default changed later applies.
        cleaned_data["word_limits"] = {
            name: cleaned_data[f"words_{name}"]
            for name, _label, default in word_limit_questions()
            if cleaned_data.get(f"words_{name}") not in (None, default)
        }
        return cleaned_data


class IntakeCopyForm(WindowFieldsMixin, forms.Form):
    name = forms.CharField(label=_("Name of the new intake"), max_length=200)

    field_order = ["name", "opens_on", "opens_time", "closes_on", "closes_time"]

    def __init__(self, *args, source: Intake, **kwargs):
        self.source = source
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("copy", _("Create the copy")))

    def _zone_name(self):
        return self.source.time_zone

    def clean(self):
        cleaned_data = super().clean()
        self.clean_window(cleaned_data)
        return cleaned_data


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = [*language_fields("name"), "place", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self)

    def clean(self):
        cleaned_data = super().clean()
        starts, ends = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("A phase cannot end before it starts."))
        return cleaned_data


class RubricCriterionForm(forms.ModelForm):
    order = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        initial=0,
        help_text=_("Criteria are listed from the lowest number."),
    )

    class Meta:
        model = RubricCriterion
        fields = [*language_fields("name", "description", "guidance"), "max_score", "weight", "order"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in language_fields("description", "guidance")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_language_fields(self)

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class RubricFormSetBase(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        total = 0
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            total += form.cleaned_data.get("weight") or 0
        self.weight_total = total
        if total != RUBRIC_TOTAL:
            raise ValidationError(
                _("The weights add up to %(total)d; they must add up to %(expected)d. Nothing was saved yet."),
                params={"total": total, "expected": RUBRIC_TOTAL},
                code="weights",
            )


PhaseFormSet = forms.inlineformset_factory(Intake, Phase, form=PhaseForm, extra=1, can_delete=True)
RubricFormSet = forms.inlineformset_factory(
    Intake, RubricCriterion, form=RubricCriterionForm, formset=RubricFormSetBase, extra=1, can_delete=True
)


def formset_with_added_row(formset_class, data, **kwargs):
    """The same formset, bound to what was typed, with one more empty row (no JavaScript needed)."""
    data = data.copy()
    prefix = kwargs.get("prefix") or formset_class.get_default_prefix()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        rows = int(data.get(key) or 0)
    except ValueError:
        rows = 0
    data[key] = str(min(rows, 99) + 1)
    # The new row starts with the same defaults as an untouched extra row (e.g. maximum score 5).
    empty_form = formset_class(**kwargs).empty_form
    for name in empty_form.fields:
        value = empty_form[name].value()
        if name not in {"id", "DELETE", empty_form._meta.model._meta.pk.name} and value not in (None, ""):
            data[f"{prefix}-{min(rows, 99)}-{name}"] = empty_form[name].field.widget.format_value(value)
    formset = formset_class(data, **kwargs)
    # Adding a row is not a save: show what was typed without judging it yet.
    formset._errors, formset._non_form_errors = [], formset.error_class()
    for form in formset.forms:
        form._errors = ErrorDict()
    return formset
