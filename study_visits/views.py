"""Thin views: find what the user may see (404 otherwise), check the rule, call a service, message, redirect."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.views_utils import paginated, staff_only
from portal.workflow import TransitionForbidden

from . import selectors, services
from .calendars import visit_calendar
from .enums import PlaceStatus
from .forms import AgendaItemForm, BookPersonForm, BookTeamForm, PriorityForm, VisitForm
from .models import AgendaItem, Place, StudyVisit
from .workflows import PLACE_WORKFLOW

PAGE_SIZE = 20


def _visit(request, pk, perm="study_visits.view_visit") -> StudyVisit:
    try:
        visit = selectors.visit_detail(pk=pk)
    except StudyVisit.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(perm, visit):
        raise Http404
    return visit


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def visit_list(request):
    search = request.GET.get("q", "").strip()
    visits = selectors.visits_for(user=request.user, search=search)
    return render(
        request, "study_visits/visit_list.html", {"search": search, **paginated(request, visits, per_page=PAGE_SIZE)}
    )


@staff_only
def visit_create(request):
    form = VisitForm(request.POST or None, initial={"intake": request.GET.get("intake")})
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.visit_create(by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The study visit is scheduled. Now add its agenda."))
            return redirect(visit)
    return render(request, "study_visits/visit_form.html", {"form": form})


@staff_only
def visit_edit(request, pk):
    visit = _visit(request, pk, "study_visits.manage_visits")
    form = VisitForm(request.POST or None, instance=StudyVisit.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_update(visit=visit, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The study visit is saved."))
            return redirect(visit)
    return render(request, "study_visits/visit_form.html", {"form": form, "visit": visit})


@login_required
def visit_detail(request, pk):
    visit = _visit(request, pk)
    place = selectors.active_place(visit=visit, user=request.user)
    return render(
        request,
        "study_visits/visit_detail.html",
        {
            "visit": visit,
            "agenda": selectors.agenda_by_day(visit=visit),
            "place": place,
            "may_sign_up": place is None and request.user.has_perm("study_visits.sign_up", visit),
            "may_cancel": place is not None and PLACE_WORKFLOW.can(request.user, place, PlaceStatus.CANCELLED),
            "started": visit.has_started(),
            "free": visit.capacity - visit.seats_taken,
        },
    )


# --- Agenda ---------------------------------------------------------------------------------------


@staff_only
def agenda_item_form(request, pk, item_pk=None):
    visit = _visit(request, pk, "study_visits.manage_visits")
    item = get_object_or_404(AgendaItem, pk=item_pk, visit=visit) if item_pk else None
    initial = AgendaItemForm.initial_for(item) if item else {}
    form = AgendaItemForm(request.POST or None, visit=visit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if item:
                services.agenda_item_update(item=item, by=request.user, data=form.cleaned_data)
            else:
                services.agenda_item_create(visit=visit, by=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The agenda is saved."))
            return redirect(f"{visit.get_absolute_url()}#agenda")
    return render(request, "study_visits/agenda_item_form.html", {"form": form, "visit": visit, "item": item})


@staff_only
@require_POST
def agenda_item_delete(request, pk, item_pk):
    visit = _visit(request, pk, "study_visits.manage_visits")
    services.agenda_item_delete(item=get_object_or_404(AgendaItem, pk=item_pk, visit=visit), by=request.user)
    messages.success(request, _("The agenda item is removed."))
    return redirect(f"{visit.get_absolute_url()}#agenda")


# --- Places ---------------------------------------------------------------------------------------


def _booking_forms(visit, data=None, which=None):
    teams = selectors.selected_teams(intake=visit.intake).order_by("title")
    participants = selectors.participants_of(intake=visit.intake)
    return (
        BookTeamForm(data if which == "team" else None, teams=teams, prefix="team"),
        BookPersonForm(data if which == "person" else None, participants=participants, prefix="person"),
    )


@staff_only
def places(request, pk):
    visit = _visit(request, pk, "study_visits.manage_visits")
    which = request.POST.get("book")
    team_form, person_form = _booking_forms(visit, request.POST or None, which)
    form = team_form if which == "team" else person_form
    if request.method == "POST" and form.is_valid():
        try:
            if which == "team":
                booked = services.places_book_team(
                    visit=visit, application=form.cleaned_data["application"], by=request.user
                )
                messages.success(request, _("%(count)d places booked for the team.") % {"count": len(booked)})
            else:
                services.place_book(visit=visit, user=form.cleaned_data["user"], by=request.user)
                messages.success(request, _("The place is booked."))
        except ValidationError as exc:
            _errors(request, exc)
        return redirect("study_visits:places", pk=visit.pk)
    context = {"visit": visit, "team_form": team_form, "person_form": person_form}
    context.update(booked=selectors.booked_places(visit=visit), waiting=selectors.waiting_list(visit=visit))
    return render(request, "study_visits/places.html", context)


@login_required
@require_POST
def sign_up(request, pk):
    visit = _visit(request, pk, "study_visits.sign_up")
    try:
        place = services.place_book(visit=visit, user=request.user, by=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        if place.status == PlaceStatus.BOOKED:
            messages.success(request, _("You have a place on this study visit."))
        else:
            messages.info(
                request, _("The visit is full: you are on the waiting list. We will e-mail you if a place frees up.")
            )
    return redirect(visit)


def _place(request, place_pk) -> Place:
    place = get_object_or_404(Place.objects.select_related("visit__intake", "user"), pk=place_pk)
    if not request.user.has_perm("study_visits.view_visit", place.visit):
        raise Http404
    return place


@login_required
@require_POST
def place_cancel(request, place_pk):
    place = _place(request, place_pk)
    try:
        services.place_cancel(place=place, by=request.user, reason=request.POST.get("reason", "")[:500])
    except TransitionForbidden:
        raise Http404 from None
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("The place is cancelled."))
    if request.POST.get("next") == "places":
        return redirect("study_visits:places", pk=place.visit_id)
    return redirect(place.visit)


@staff_only
@require_POST
def place_priority(request, place_pk):
    place = get_object_or_404(Place, pk=place_pk)
    form = PriorityForm(request.POST)
    if form.is_valid():
        try:
            services.place_set_priority(place=place, priority=form.cleaned_data["priority"], by=request.user)
            messages.success(request, _("The priority is saved."))
        except ValidationError as exc:
            _errors(request, exc)
    else:
        messages.error(request, _("The priority is a whole number from -100 to 100."))
    return redirect("study_visits:places", pk=place.visit_id)


@login_required
def offer(request, token):
    """The offered person accepts or declines a freed place, from the link in their e-mail."""
    place = get_object_or_404(Place.objects.select_related("visit__intake__programme"), offer_token=token)
    if place.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        action = services.offer_accept if request.POST.get("action") == "accept" else services.offer_decline
        try:
            action(place=place, by=request.user)
        except (ValidationError, TransitionForbidden):
            messages.error(request, _("This offer is no longer open."))
        else:
            messages.success(request, _("Thank you: your answer is saved."))
        return redirect("study_visits:offer", token=token)
    return render(
        request, "study_visits/offer.html", {"place": place, "visit": place.visit, "open": place.offer_is_open()}
    )


# --- Attendance -----------------------------------------------------------------------------------


def _day(visit, value) -> date:
    days = visit.days()
    today = timezone.localtime(timezone.now(), visit.tzinfo).date()
    try:
        chosen = date.fromisoformat(value or "")
    except ValueError:
        chosen = today if today in days else days[0]
    if chosen not in days:
        raise Http404
    return chosen


@login_required
def attendance(request, pk):
    visit = _visit(request, pk, "study_visits.record_attendance")
    day = _day(visit, request.POST.get("day") or request.GET.get("day"))
    if request.method == "POST":
        place = get_object_or_404(Place, pk=request.POST.get("place"), visit=visit)
        try:
            services.attendance_record(
                place=place, day=day, present=request.POST.get("present") == "yes", by=request.user
            )
        except ValidationError as exc:
            _errors(request, exc)
        return redirect(f"{request.path}?day={day.isoformat()}#place-{place.pk}")
    sheet = selectors.attendance_sheet(visit=visit, day=day)
    return render(request, "study_visits/attendance.html", {"visit": visit, "day": day, "sheet": sheet})


@login_required
def attendance_summary(request, pk):
    visit = _visit(request, pk, "study_visits.record_attendance")
    rows, totals = selectors.attendance_summary(visit=visit)
    return render(
        request,
        "study_visits/attendance_summary.html",
        {"visit": visit, "rows": rows, "totals": totals, "days": visit.days()},
    )


# --- Calendar -------------------------------------------------------------------------------------


@login_required
def visit_ics(request, pk):
    visit = _visit(request, pk)
    response = HttpResponse(visit_calendar(visit=visit), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="study-visit-{visit.pk}.ics"'
    return response
