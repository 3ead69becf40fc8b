"""Thin views: check who may see it, take the form, call a service, say what happened."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.permissions import permission_required_404
from portal.views_utils import paginated

from . import selectors, services
from .enums import Offer
from .filters import CatalogueFilter, IntakeStaffFilter, ProgrammeStaffFilter
from .forms import (
    IntakeCopyForm,
    IntakeForm,
    PhaseFormSet,
    ProgrammeForm,
    RubricFormSet,
    formset_with_added_row,
)
from .models import Intake, Programme
from .services import INTAKE_FIELDS, PROGRAMME_FIELDS

PAGE_SIZE = 20
# Every staff page of programmes: programme staff only, 404 for anyone else.
staff_only = permission_required_404("programmes.manage_programmes")


# --- Public catalogue ----------------------------------------------------------------------


def catalogue(request):
    filterset = CatalogueFilter(request.GET or None, queryset=Programme.objects.none())
    programmes = filterset.qs if filterset.is_bound else selectors.catalogue_programmes()
    return render(
        request,
        "programmes/catalogue.html",
        {
            "filter": filterset,
            **paginated(request, programmes, per_page=PAGE_SIZE),
            "is_filtered": filterset.is_bound and any(filterset.form.cleaned_data.values()),
        },
    )


def programme_detail(request, slug):
    programme = selectors.programme_get_published(slug=slug)
    offer_labels = [Offer(value).label for value in programme.offers if value in Offer.values]
    return render(request, "programmes/programme_detail.html", {"programme": programme, "offer_labels": offer_labels})


def intake_detail(request, pk):
    intake = selectors.intake_get_published(pk=pk)
    user = request.user
    country_ineligible = bool(user.is_authenticated and user.country and not intake.accepts_country(user.country.code))
    return render(
        request,
        "programmes/intake_detail.html",
        {
            "intake": intake,
            "programme": intake.programme,
            "is_open": intake.is_open(),
            "country_ineligible": country_ineligible,
        },
    )


# --- Staff: programmes ---------------------------------------------------------------------


@staff_only
def staff_programme_list(request):
    filterset = ProgrammeStaffFilter(request.GET or None, queryset=selectors.programme_list_for_staff())
    return render(
        request,
        "programmes/staff/programme_list.html",
        {
            "filter": filterset,
            **paginated(request, filterset.qs, per_page=PAGE_SIZE),
        },
    )


def _form_errors_to(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@staff_only
@require_http_methods(["GET", "POST"])
def staff_programme_create(request):
    form = ProgrammeForm(request.POST or None)
    if form.is_valid():
        try:
            programme = services.programme_create(
                data={f: form.cleaned_data[f] for f in PROGRAMME_FIELDS}, by=request.user
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, _("Programme “%(title)s” created as a draft.") % {"title": programme.title})
            return redirect("programmes:staff_programme_intakes", pk=programme.pk)
    return render(request, "programmes/staff/programme_form.html", {"form": form})


@staff_only
@require_http_methods(["GET", "POST"])
def staff_programme_update(request, pk):
    programme = get_object_or_404(Programme, pk=pk)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if form.is_valid():
        try:
            services.programme_update(
                programme=programme, data={f: form.cleaned_data[f] for f in PROGRAMME_FIELDS}, by=request.user
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, _("Programme “%(title)s” saved.") % {"title": programme.title})
            return redirect("programmes:staff_programme_intakes", pk=programme.pk)
    return render(request, "programmes/staff/programme_form.html", {"form": form, "programme": programme})


@staff_only
@require_http_methods(["GET", "POST"])
def staff_programme_publication(request, pk, action):
    programme = get_object_or_404(Programme, pk=pk)
    if request.method == "POST":
        if action == "publish":
            services.programme_publish(programme=programme, by=request.user)
            messages.success(request, _("“%(title)s” is now in the public catalogue.") % {"title": programme.title})
        else:
            services.programme_unpublish(programme=programme, by=request.user)
            messages.success(
                request, _("“%(title)s” is no longer in the public catalogue.") % {"title": programme.title}
            )
        return redirect("programmes:staff_programme_intakes", pk=programme.pk)
    return render(
        request,
        "programmes/staff/confirm_publication.html",
        {"object": programme, "action": action, "kind": "programme"},
    )


# --- Staff: intakes ------------------------------------------------------------------------


@staff_only
def staff_intake_list(request, pk=None):
    programme = get_object_or_404(Programme, pk=pk) if pk is not None else None
    filterset = IntakeStaffFilter(request.GET or None, queryset=selectors.intake_list_for_staff(programme=programme))
    return render(
        request,
        "programmes/staff/intake_list.html",
        {
            "programme": programme,
            "filter": filterset,
            **paginated(request, filterset.qs, per_page=PAGE_SIZE),
        },
    )


@staff_only
def staff_intake_detail(request, pk):
    intake = selectors.intake_get_for_staff(pk=pk)
    return render(
        request,
        "programmes/staff/intake_detail.html",
        {
            "intake": intake,
            "programme": intake.programme,
            "publish_problems": services.intake_publish_problems(intake=intake),
        },
    )


@staff_only
@require_http_methods(["GET", "POST"])
def staff_intake_create(request, pk):
    programme = get_object_or_404(Programme, pk=pk)
    form = IntakeForm(request.POST or None)
    if form.is_valid():
        try:
            intake = services.intake_create(
                programme=programme, data={f: form.cleaned_data[f] for f in INTAKE_FIELDS}, by=request.user
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, _("Intake created as a draft. Now set its selection rubric."))
            return redirect("programmes:staff_intake_rubric", pk=intake.pk)
    return render(request, "programmes/staff/intake_form.html", {"form": form, "programme": programme})


@staff_only
@require_http_methods(["GET", "POST"])
def staff_intake_update(request, pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=pk)
    form = IntakeForm(request.POST or None, instance=intake)
    if form.is_valid():
        try:
            services.intake_update(
                intake=intake, data={f: form.cleaned_data[f] for f in INTAKE_FIELDS}, by=request.user
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, _("Intake saved."))
            return redirect("programmes:staff_intake_detail", pk=intake.pk)
    return render(
        request, "programmes/staff/intake_form.html", {"form": form, "programme": intake.programme, "intake": intake}
    )


def _formset_editor(request, *, intake, formset_class, save, template, success_message):
    """A phase or rubric editor: save, or add an empty row while keeping everything typed."""
    if request.method == "POST" and "add_row" in request.POST:
        formset = formset_with_added_row(formset_class, request.POST, instance=intake)
    elif request.method == "POST":
        formset = formset_class(request.POST, instance=intake)
        if formset.is_valid():
            try:
                save(intake=intake, formset=formset, by=request.user)
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                messages.success(request, success_message)
                return redirect("programmes:staff_intake_detail", pk=intake.pk)
    else:
        formset = formset_class(instance=intake)
    return render(request, template, {"formset": formset, "intake": intake, "programme": intake.programme})


@staff_only
@require_http_methods(["GET", "POST"])
def staff_intake_phases(request, pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=pk)
    return _formset_editor(
        request,
        intake=intake,
        formset_class=PhaseFormSet,
        save=services.intake_phases_save,
        template="programmes/staff/intake_phases.html",
        success_message=_("Phases saved."),
    )


@staff_only
@require_http_methods(["GET", "POST"])
def staff_intake_rubric(request, pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=pk)
    return _formset_editor(
        request,
        intake=intake,
        formset_class=RubricFormSet,
        save=services.intake_rubric_save,
        template="programmes/staff/intake_rubric.html",
        success_message=_("Rubric saved: the weights add up to 100."),
    )


@staff_only
@require_http_methods(["GET", "POST"])
def staff_intake_publication(request, pk, action):
    intake = get_object_or_404(Intake.objects.select_related("programme").prefetch_related("criteria"), pk=pk)
    problems = services.intake_publish_problems(intake=intake) if action == "publish" else []
    if request.method == "POST" and not problems:
        if action == "publish":
            services.intake_publish(intake=intake, by=request.user)
            messages.success(request, _("“%(name)s” is published.") % {"name": intake.name})
        else:
            services.intake_unpublish(intake=intake, by=request.user)
            messages.success(
                request,
                _("“%(name)s” is no longer published and takes no new applications.") % {"name": intake.name},
            )
        return redirect("programmes:staff_intake_detail", pk=intake.pk)
    return render(
        request,
        "programmes/staff/confirm_publication.html",
        {"object": intake, "action": action, "kind": "intake", "problems": problems, "programme": intake.programme},
    )


@staff_only
@require_http_methods(["GET", "POST"])
def staff_intake_copy(request, pk):
    source = get_object_or_404(Intake.objects.select_related("programme"), pk=pk)
    initial = {}
    if request.method == "GET":
        # Suggest the same window a year later (52 weeks keeps the weekday).
        preview = Intake(
            time_zone=source.time_zone,
            opens_at=source.opens_at + timedelta(weeks=52),
            closes_at=source.closes_at + timedelta(weeks=52),
        )
        initial = {"name": _("%(name)s (copy)") % {"name": source.name}, **IntakeCopyForm.window_initial(preview)}
    form = IntakeCopyForm(request.POST or None, source=source, initial=initial)
    if form.is_valid():
        try:
            copy = services.intake_copy(
                source=source,
                name=form.cleaned_data["name"],
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
                by=request.user,
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(
                request,
                _("Copied into the draft intake “%(name)s”: check its phases, then publish.") % {"name": copy.name},
            )
            return redirect("programmes:staff_intake_detail", pk=copy.pk)
    return render(
        request, "programmes/staff/intake_copy.html", {"form": form, "intake": source, "programme": source.programme}
    )
