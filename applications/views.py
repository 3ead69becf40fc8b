"""Thin views: find the application the user may see (404 otherwise), check the rule, call a service."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.rules import is_programme_staff
from portal.permissions import permission_required_404
from portal.views_utils import paginated
from programmes import services as programme_services
from programmes.display import local_datetime_text, local_time_text
from programmes.enums import PublicationStatus
from programmes.models import Intake

from . import services
from .checks import SCREENABLE, checklist, composition, eligibility_checks
from .display import deadline_text, section_answers, status_event_reason_label, status_event_text
from .documents import accepted_kinds, documents_asked_text, upload_limit_text
from .downloads import attachment_response
from .enums import EDITABLE_STATES, ApplicationStatus
from .filters import StaffApplicationFilter
from .forms import (
    AttachmentForm,
    DeadlineForm,
    EarlierParticipantsUploadForm,
    InvitationForm,
    MemberForm,
    OrganisationForm,
    ReasonForm,
    ScreeningForm,
    outline_form_class,
)
from .imports import parse_earlier_participants
from .models import Invitation
from .outline import SECTIONS, SECTIONS_BY_SLUG, missing_answers, questions
from .selectors import (
    application_timeline,
    application_with_team,
    applications_for_intake,
    applications_visible_to,
    earlier_participant_list,
    earlier_participants,
)
from .workflows import APPLICATION_WORKFLOW

STAFF_PAGE_SIZE = 25


def _application(request, pk, perm="applications.view_application", team=False):
    """The application if the user may see it (404 otherwise, so ids reveal nothing), then the rule."""
    queryset = applications_visible_to(user=request.user)
    if team:
        queryset = application_with_team(queryset)
    application = get_object_or_404(queryset, pk=pk)
    if not request.user.has_perm(perm, application):
        raise PermissionDenied(_("You cannot do this with this application now."))
    return application


def _messages_from(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def _common(application, request, **extra):
    """Context every application page shows: the deadline in the intake's zone, who you are in the team."""
    is_staff = is_programme_staff(request.user)
    return {
        "application": application,
        "intake": application.intake,
        "deadline": deadline_text(application),
        "deadline_passed": not application.is_before_deadline(),
        "is_editable": application.status in EDITABLE_STATES,
        "closed_draft": application.is_closed_draft(),
        # The receipt: when the team pressed Submit, to the second, in the intake's zone.
        "received": local_datetime_text(application.intake, application.submitted_at, seconds=True)
        if application.submitted_at
        else None,
        "can_edit": request.user.has_perm("applications.edit_application", application),
        "is_contact": application.contact_person_id == request.user.pk,
        "is_staff": is_staff,
        # Anyone else sees only their own team's applications; staff may be in a team too.
        "is_member": not is_staff or application.members.filter(user=request.user).exists(),
        # Staff see the real status; the team does not see a decision before it is released.
        "status_label": application.get_status_display() if is_staff else application.get_status_for_team_display(),
        "shown_status": application.status if is_staff else application.status_for_team(),
        "sections": SECTIONS,
        # Done or still missing answers, marked beside each section in the outline's menu.
        "outline_progress": [{"section": s, "done": not missing_answers(application, s)} for s in SECTIONS],
        **extra,
    }


# --- Starting -----------------------------------------------------------------------------


@login_required
def start(request, intake_pk):
    intake = get_object_or_404(
        Intake.objects.select_related("programme").filter(status=PublicationStatus.PUBLISHED), pk=intake_pk
    )
    existing = (
        applications_visible_to(user=request.user)
        .filter(intake=intake, members__user=request.user)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .first()
    )
    if existing is not None:
        return redirect("applications:detail", pk=existing.pk)
    if request.method == "POST":
        try:
            application = services.application_start(intake=intake, by=request.user)
        except ValidationError as exc:
            for message in _messages_from(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("Your application is started. You are its contact person."))
            return redirect("applications:outline", pk=application.pk, section=SECTIONS[0].slug)
    return render(
        request,
        "applications/application_start.html",
        {
            "intake": intake,
            "closes": local_datetime_text(intake, intake.closes_at),
            "is_open": intake.is_open(),
            "country_ok": bool(request.user.country) and intake.accepts_country(request.user.country.code),
        },
    )


# --- Overview, status ---------------------------------------------------------------------


@login_required
def detail(request, pk):
    application = _application(request, pk, team=True)
    items = checklist(application)
    return render(
        request,
        "applications/application_detail.html",
        _common(
            application,
            request,
            section_answers=section_answers(application),
            missing=[item for item in items if not item.ok],
            composition=composition(application),
            can_reopen=APPLICATION_WORKFLOW.can(request.user, application, ApplicationStatus.DRAFT),
            reopen_form=ReasonForm(label=_("What should the team correct?"), required=True),
        ),
    )


@login_required
def status(request, pk):
    application = _application(request, pk)
    events = [
        {
            "change": change,
            "text": status_event_text(change),
            "reason_label": status_event_reason_label(change),
            "when": local_datetime_text(application.intake, change.created_at),
        }
        for change in application_timeline(application=application, for_team=not is_programme_staff(request.user))
    ]
    return render(
        request,
        "applications/application_status.html",
        _common(
            application,
            request,
            events=events,
            can_withdraw=request.user.has_perm("applications.withdraw_application", application),
        ),
    )


# --- Outline ------------------------------------------------------------------------------


def _section_or_404(slug):
    try:
        return SECTIONS_BY_SLUG[slug]
    except KeyError:
        raise Http404 from None


def _after_outline_save(request, pk, section):
    """Stay on the section, or go on to the next one (the checklist after the last)."""
    index = SECTIONS.index(section)
    if "next" not in request.POST:
        return redirect("applications:outline", pk=pk, section=section.slug)
    if index + 1 < len(SECTIONS):
        return redirect("applications:outline", pk=pk, section=SECTIONS[index + 1].slug)
    return redirect("applications:checklist", pk=pk)


@login_required
def outline(request, pk, section):
    application = _application(request, pk)
    section = _section_or_404(section)
    if not request.user.has_perm("applications.edit_application", application):
        if request.method == "POST":
            raise PermissionDenied(_("This application can no longer be changed."))
        if not application.is_closed_draft():  # a closed draft's pages say why themselves
            messages.info(request, _("This application has been submitted; it can no longer be changed."))
        return redirect("applications:detail", pk=application.pk)
    form_class = outline_form_class(section)
    autosave_url = reverse("applications:outline_autosave", kwargs={"pk": pk, "section": section.slug})
    if request.method == "POST":
        form = form_class(request.POST, instance=application, autosave_url=autosave_url)
        if form.is_valid():
            services.outline_save(
                application=application, by=request.user, data={n: form.cleaned_data[n] for n in form.fields}
            )
            messages.success(request, _("Your answers are saved."))
            return _after_outline_save(request, pk, section)
        messages.error(request, _("Some answers need a change; nothing you typed has been lost."))
    else:
        form = form_class(instance=application, autosave_url=autosave_url)
    index = SECTIONS.index(section)
    return render(
        request,
        "applications/outline_section.html",
        _common(
            application,
            request,
            section=section,
            form=form,
            autosave_url=autosave_url,
            previous_section=SECTIONS[index - 1] if index else None,
            next_section=SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None,
            missing=missing_answers(application, section),
            # The browser compares its offline copy with this to offer a restore.
            server_updated_ms=int(application.updated_at.timestamp() * 1000),
        ),
    )


@login_required
@require_POST
def outline_autosave(request, pk, section):
    """htmx: save the valid answers of a section as the team types; say what could not be saved."""
    application = _application(request, pk, perm="applications.edit_application")
    section = _section_or_404(section)
    form = outline_form_class(section)(request.POST, instance=application)
    form.is_valid()
    valid = {n: form.cleaned_data[n] for n in form.fields if n not in form.errors and n in form.cleaned_data}
    if valid:
        services.outline_save(application=application, by=request.user, data=valid)
    application.refresh_from_db(fields=["updated_at"])
    return render(
        request,
        "applications/partials/autosave_status.html",
        {
            "saved_at": local_time_text(application.intake, application.updated_at),
            "errors": [(form.fields[n].label, errors) for n, errors in form.errors.items()],
            "server_updated_ms": int(application.updated_at.timestamp() * 1000),
        },
    )


def question_list(request):
    """Every question with its word limit, to print and prepare offline (`?intake=` for a call's own limits)."""
    intake = None
    if request.GET.get("intake", "").isdigit():
        intake = get_object_or_404(Intake, pk=request.GET["intake"], status=PublicationStatus.PUBLISHED)
    return render(
        request,
        "applications/questions_print.html",
        {
            "groups": questions(intake=intake),
            "intake": intake,
            "documents": documents_asked_text(intake) if intake else None,
        },
    )


# --- Team ---------------------------------------------------------------------------------


def _team_page(request, application, *, organisation_form=None):
    """The team page; after a failed organisation form, with that form, its input and errors."""
    can_manage = request.user.has_perm("applications.manage_team", application)
    pending = (
        list(application.invitations.filter(accepted_at__isnull=True).order_by("created_at")) if can_manage else []
    )
    return render(
        request,
        "applications/team_detail.html",
        _common(
            application,
            request,
            members=list(application.members.all()),
            organisations=list(application.organisations.all()),
            composition=composition(application),
            can_manage=can_manage,
            pending=pending,
            now=timezone.now(),
            invitation_form=InvitationForm() if can_manage else None,
            organisation_form=organisation_form or OrganisationForm(intake=application.intake),
        ),
    )


@login_required
def team(request, pk):
    return _team_page(request, _application(request, pk, team=True))


@login_required
@require_POST
def invite(request, pk):
    application = _application(request, pk, perm="applications.manage_team")
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                application=application,
                email=form.cleaned_data["email"],
                by=request.user,
                accept_url_for=lambda inv: request.build_absolute_uri(
                    reverse("applications:invitation_accept", kwargs={"token": inv.token})
                ),
            )
        except ValidationError as exc:
            for message in _messages_from(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]})
    else:
        messages.error(request, _("Please enter a valid e-mail address."))
    return redirect("applications:team", pk=pk)


def invitation_accept(request, token):
    invitation = (
        Invitation.objects.select_related("application__intake__programme", "invited_by").filter(token=token).first()
    )
    error = None
    if request.method == "POST" and request.user.is_authenticated:
        try:
            member = services.invitation_accept(token=token, user=request.user)
        except ValidationError as exc:
            error = " ".join(_messages_from(exc))
        else:
            messages.success(request, _("Welcome to the team. Please complete your details."))
            return redirect("applications:member_edit", pk=member.application_id, member_pk=member.pk)
    elif invitation is None:
        error = _("This invitation link is not valid. Please ask the team for a new one.")
    elif invitation.accepted_at is not None:
        error = _("This invitation has already been used. Please ask the team for a new one.")
    elif invitation.is_expired():
        error = _("This invitation has expired. Please ask the team to invite you again.")
    return render(
        request,
        "applications/invitation_accept.html",
        {"invitation": invitation if error is None else None, "error": error, "next": request.get_full_path()},
        status=400 if error else 200,
    )


@login_required
def member_edit(request, pk, member_pk):
    application = _application(request, pk, perm="applications.edit_application")
    # Only your own details, and only in this application: anything else does not exist for you.
    member = get_object_or_404(application.members.select_related("user"), pk=member_pk, user=request.user)
    form = MemberForm(request.POST or None, instance=member, intake=application.intake)
    if request.method == "POST" and form.is_valid():
        services.member_update(member=member, by=request.user, data={n: form.cleaned_data[n] for n in form.fields})
        messages.success(request, _("Your details are saved."))
        return redirect("applications:team", pk=pk)
    return render(request, "applications/member_edit.html", _common(application, request, member=member, form=form))


@login_required
def member_remove(request, pk, member_pk):
    application = _application(request, pk, perm="applications.manage_team")
    member = get_object_or_404(application.members.select_related("user"), pk=member_pk)
    if request.method == "POST":
        try:
            services.member_remove(member=member, by=request.user)
        except ValidationError as exc:
            for message in _messages_from(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s is no longer in the team.") % {"name": member.user.get_full_name()})
        return redirect("applications:team", pk=pk)
    return render(request, "applications/member_remove_confirm.html", _common(application, request, member=member))


@login_required
@require_POST
def organisation_add(request, pk):
    application = _application(request, pk, perm="applications.edit_application")
    form = OrganisationForm(request.POST, intake=application.intake)
    if form.is_valid():
        services.organisation_add(application=application, by=request.user, data=form.cleaned_data)
        messages.success(request, _("The organisation is added."))
        return redirect("applications:team", pk=pk)
    return _team_page(request, _application(request, pk, team=True), organisation_form=form)


@login_required
def organisation_remove(request, pk, organisation_pk):
    application = _application(request, pk, perm="applications.edit_application")
    organisation = get_object_or_404(application.organisations, pk=organisation_pk)
    if request.method == "POST":
        services.organisation_remove(organisation=organisation, by=request.user)
        messages.success(request, _("The organisation is removed."))
        return redirect("applications:team", pk=pk)
    return render(
        request,
        "applications/confirm_remove.html",
        _common(
            application,
            request,
            question=_("Remove %(name)s from the application?") % {"name": organisation.name},
            explanation=_("Team members who work there keep their place in the team."),
            confirm_label=_("Yes, remove"),
            cancel_url=reverse("applications:team", kwargs={"pk": pk}),
        ),
    )


# --- Attachments --------------------------------------------------------------------------


@login_required
def attachments(request, pk):
    application = _application(request, pk, team=True)
    kinds = accepted_kinds(application.intake)
    form = None
    if request.user.has_perm("applications.edit_application", application) and kinds:
        form = AttachmentForm(request.POST or None, request.FILES or None, application=application, kinds=kinds)
        if request.method == "POST" and form.is_valid():
            try:
                attachment = services.attachment_add(
                    application=application,
                    kind=form.cleaned_data["kind"],
                    uploaded=form.cleaned_data["file"],
                    member=form.cleaned_data.get("member"),
                    by=request.user,
                )
            except ValidationError as exc:
                form.add_error("file", exc)
            else:
                messages.success(request, _("The file is uploaded."))
                if attachment.duplicate_of is not None:
                    messages.warning(
                        request,
                        _(
                            "This is the same file as “%(name)s” (%(kind)s), uploaded before. "
                            "If that was a mistake, delete one of them."
                        )
                        % {
                            "name": attachment.duplicate_of.original_name,
                            "kind": attachment.duplicate_of.get_kind_display(),
                        },
                    )
                return redirect("applications:attachments", pk=pk)
    elif request.method == "POST":
        raise PermissionDenied(_("This application can no longer be changed."))
    return render(
        request,
        "applications/attachments.html",
        _common(
            application,
            request,
            attachments=list(application.attachments.all()),
            form=form,
            max_size=upload_limit_text(application.intake),
            max_files=settings.PORTAL_MAX_ATTACHMENTS_PER_APPLICATION,
            documents=documents_asked_text(application.intake),
        ),
    )


@login_required
def attachment_download(request, pk, attachment_pk):
    application = _application(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    return attachment_response(attachment, by=request.user)


@login_required
def attachment_delete(request, pk, attachment_pk):
    application = _application(request, pk, perm="applications.edit_application")
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    if request.method == "POST":
        services.attachment_delete(attachment=attachment, by=request.user)
        messages.success(request, _("The file is deleted."))
        return redirect("applications:attachments", pk=pk)
    return render(
        request,
        "applications/confirm_remove.html",
        _common(
            application,
            request,
            question=_("Delete %(name)s?") % {"name": attachment.original_name},
            explanation=_("The file is removed from the application for good; you can upload it again later."),
            confirm_label=_("Yes, delete"),
            cancel_url=reverse("applications:attachments", kwargs={"pk": pk}),
        ),
    )


# --- Checklist, submit, withdraw ----------------------------------------------------------


@login_required
def checklist_view(request, pk):
    application = _application(request, pk, team=True)
    items = checklist(application)
    return render(
        request,
        "applications/checklist.html",
        _common(
            application,
            request,
            items=items,
            complete=all(item.ok for item in items),
            composition=composition(application),
            can_submit=request.user.has_perm("applications.submit_application", application),
            submitted=local_datetime_text(application.intake, application.submitted_at)
            if application.submitted_at
            else None,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def submit(request, pk):
    """A summary of what will be sent and a question; only the confirmed POST submits (it cannot be undone)."""
    application = _application(request, pk, perm="applications.submit_application", team=True)
    if request.method == "GET" or request.POST.get("confirmed") != "yes":
        items = checklist(application)
        return render(
            request,
            "applications/submit_confirm.html",
            _common(
                application,
                request,
                complete=all(item.ok for item in items),
                members=list(application.members.all()),
                organisations=list(application.organisations.all()),
                attachments=list(application.attachments.all()),
                composition=composition(application),
            ),
        )
    try:
        services.application_submit(application=application, by=request.user)
    except ValidationError as exc:
        for message in _messages_from(exc):
            messages.error(request, message)
        return redirect("applications:checklist", pk=pk)
    messages.success(request, _("Your application is submitted. The team will receive a confirmation by e-mail."))
    return redirect("applications:status", pk=pk)


@login_required
def withdraw(request, pk):
    application = _application(request, pk, perm="applications.withdraw_application")
    form = ReasonForm(request.POST or None, label=_("Why is the team withdrawing? (optional)"))
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(application=application, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            for message in _messages_from(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("The application is withdrawn."))
        return redirect("applications:status", pk=pk)
    return render(request, "applications/withdraw_confirm.html", _common(application, request, form=form))


# --- Staff --------------------------------------------------------------------------------


@permission_required_404("applications.manage_applications")
def staff_list(request, intake_pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    filterset = StaffApplicationFilter(
        request.GET or None, queryset=applications_for_intake(intake=intake), intake=intake
    )
    pagination = paginated(request, filterset.qs, per_page=STAFF_PAGE_SIZE)
    return render(
        request,
        "applications/staff_list.html",
        {
            "intake": intake,
            "filter": filterset,
            **pagination,
            "applications": list(pagination["page_obj"].object_list),
            "closes": local_datetime_text(intake, intake.closes_at),
            "screenable": SCREENABLE,
        },
    )


@permission_required_404("applications.screen_application")
def screen(request, pk):
    application = _application(request, pk, team=True)
    checks = eligibility_checks(application, earlier_participants(application=application))
    failing = [c for c in checks if not c.ok]
    initial_reason = "\n".join(f"{c.label}: {', '.join(c.details)}" if c.details else str(c.label) for c in failing)
    form = ScreeningForm(
        request.POST or None,
        initial={"decision": "ineligible" if failing else "eligible", "reason": initial_reason},
        suggested_reason=initial_reason,
        failing=[c.label for c in failing],
        current_status=application.status,
    )
    screenable = application.status in SCREENABLE
    if request.method == "POST":
        if not screenable:
            raise PermissionDenied(_("This application cannot be screened now."))
        if form.is_valid():
            try:
                services.application_screen(
                    application=application,
                    by=request.user,
                    eligible=form.cleaned_data["decision"],
                    reason=form.cleaned_data["reason"],
                    justification=form.cleaned_data.get("justification", ""),
                )
            except ValidationError as exc:
                for message in _messages_from(exc):
                    messages.error(request, message)
            else:
                messages.success(request, _("The decision is recorded and the team is told by e-mail."))
                return redirect("applications:staff_list", intake_pk=application.intake_id)
    return render(
        request,
        "applications/screen.html",
        _common(application, request, checks=checks, form=form, screenable=screenable),
    )


@permission_required_404("applications.manage_applications")
@require_POST
def reopen(request, pk):
    application = _application(request, pk)
    form = ReasonForm(request.POST, required=True)
    if form.is_valid():
        try:
            services.application_reopen(application=application, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            for message in _messages_from(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("The application is open again for the team to correct."))
    else:
        messages.error(request, _("Please say what the team should correct."))
    return redirect("applications:detail", pk=pk)


@permission_required_404("applications.manage_applications")
def extend_deadline(request, pk):
    application = _application(request, pk)
    form = DeadlineForm(request.POST or None, intake=application.intake)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_extend_deadline(
                application=application,
                until=form.cleaned_data["deadline"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error("deadline", exc)
        else:
            messages.success(request, _("The team's deadline is now %(when)s.") % {"when": deadline_text(application)})
            return redirect("applications:detail", pk=pk)
    return render(
        request,
        "applications/deadline_extend.html",
        {"form": form, "intake": application.intake, "application": application, "current": deadline_text(application)},
    )


@permission_required_404("applications.manage_applications")
def intake_extend(request, intake_pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    form = DeadlineForm(request.POST or None, intake=intake)
    if request.method == "POST" and form.is_valid():
        try:
            programme_services.intake_extend_deadline(
                intake=intake,
                closes_at=form.cleaned_data["deadline"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error("deadline", exc)
        else:
            messages.success(
                request, _("The intake now closes %(when)s.") % {"when": local_datetime_text(intake, intake.closes_at)}
            )
            return redirect("applications:staff_list", intake_pk=intake.pk)
    return render(
        request,
        "applications/deadline_extend.html",
        {"form": form, "intake": intake, "application": None, "current": local_datetime_text(intake, intake.closes_at)},
    )


# --- Earlier participants (staff) ---------------------------------------------------------

EARLIER_IMPORT_SESSION_KEY = "earlier_participants_import"


@permission_required_404("applications.manage_applications")
@require_http_methods(["GET", "POST"])
def earlier_participants_page(request):
    """The list of earlier participants; upload a CSV to check it row by row before importing it."""
    form = EarlierParticipantsUploadForm(request.POST or None, request.FILES or None)
    parsed = token = None
    if request.method == "POST" and form.is_valid():
        parsed = form.parsed
        if not parsed.errors:
            # The checked file waits in the session for the import button (nothing is written yet).
            token = secrets.token_urlsafe(16)
            request.session[EARLIER_IMPORT_SESSION_KEY] = {"token": token, "text": form.text}
    context = {"form": form, "parsed": parsed, "token": token, "preview": parsed.rows[:20] if parsed else []}
    page = paginated(request, earlier_participant_list(), per_page=STAFF_PAGE_SIZE)
    return render(request, "applications/earlier_participants.html", {**context, **page})


@permission_required_404("applications.manage_applications")
@require_POST
def earlier_participants_import(request):
    """Import the list checked a moment ago (checked again); people already listed are not added twice."""
    stored = request.session.pop(EARLIER_IMPORT_SESSION_KEY, None)
    if not stored or stored.get("token") != request.POST.get("token"):
        messages.error(request, _("Nothing was imported: upload the list again and check it first."))
        return redirect("applications:earlier_participants")
    parsed = parse_earlier_participants(stored["text"])
    if parsed.errors:
        messages.error(request, _("Nothing was imported: the list has errors; upload it again."))
        return redirect("applications:earlier_participants")
    added, known = services.earlier_participants_import(rows=parsed.rows, by=request.user)
    messages.success(
        request,
        _("%(added)d people added to the list of earlier participants; %(known)d were on it already.")
        % {"added": added, "known": known},
    )
    return redirect("applications:earlier_participants")
