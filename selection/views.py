"""Thin views: find what the user may see (404 otherwise), check the rule, call a service, message, redirect.

Reviewers see only their own review, ever: no page shows a reviewer another reviewer's scores.
"""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from applications.display import section_answers
from applications.downloads import attachment_response
from applications.enums import IN_SELECTION_STATES
from applications.models import Application
from portal.exports import export_response
from portal.permissions import forbidden_as_404, permission_required_404
from portal.views_utils import paginated, querystring_without_page, render_fragment
from programmes.display import local_datetime_text
from programmes.models import Intake

from . import selectors, services
from .emails import (
    PLACEHOLDERS,
    default_template_texts,
    in_current_language,
    template_for,
    template_preview,
    templates_of,
)
from .enums import AssignmentStatus, Outcome
from .exports import HEADER, ranking_rows
from .filters import ConflictFilter
from .forms import (
    AssignAutoForm,
    AssignBulkForm,
    AssignOneForm,
    ConflictForm,
    DecisionForm,
    DeclineForm,
    LateConflictForm,
    RankingFilterForm,
    ReasonForm,
    ReassignForm,
    ReviewerAddForm,
    ReviewForm,
    SettingsForm,
    StaffConflictForm,
    TemplateForm,
)
from .models import Confirmation, ConflictDeclaration, Review, ReviewAssignment

PAGE_SIZE = 25
# The ranking shows more rows a page: a committee reads down to the cut-off and a little beyond.
RANKING_PAGE_SIZE = 50


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _intake(intake_pk) -> Intake:
    # With its selection settings (or none), read in the same query.
    return get_object_or_404(Intake.objects.select_related("programme", "selection_settings"), pk=intake_pk)


# Every staff page of selection: programme staff only, 404 for anyone else.
staff_only = permission_required_404("selection.manage_selection")


# --- Reviewers -----------------------------------------------------------------------------------------


@login_required
def queue(request):
    """The reviewer's assignments with their progress."""
    assignments = selectors.assignments_for_reviewer(reviewer=request.user)
    return render(
        request,
        "selection/queue.html",
        {**paginated(request, assignments, per_page=PAGE_SIZE), "progress": selectors.reviewer_progress(assignments)},
    )


def _reviewable(request, pk, *, read=False) -> Application:
    """The application if the user is its assigned, unconflicted reviewer; 404 for anyone else."""
    application = get_object_or_404(selectors.applications_for_review(), pk=pk)
    perm = "selection.read_application_for_review" if read else "selection.review_application"
    if not request.user.has_perm(perm, application):
        raise Http404
    return application


@login_required
@forbidden_as_404
def declare(request, pk):
    """The conflict question, before any of the application's content is shown."""
    application = _reviewable(request, pk)
    if request.user.has_perm("selection.read_application_for_review", application):
        return redirect("selection:review", pk=pk)
    settings = selectors.selection_settings_for(intake=application.intake)
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_declare(
                application=application,
                reviewer=request.user,
                has_conflict=form.cleaned_data["has_conflict"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            if form.cleaned_data["has_conflict"]:
                messages.success(request, _("Thank you. The application is no longer assigned to you."))
                return redirect("selection:queue")
            return redirect("selection:review", pk=pk)
    members = [] if settings.blind_review else list(application.members.all())
    return render(
        request,
        "selection/declare.html",
        {
            "application": application,
            "organisations": list(application.organisations.all()),
            "members": members,
            "blind": settings.blind_review,
            "form": form,
        },
    )


@login_required
@forbidden_as_404
def declare_later(request, pk):
    """A conflict found after reading or scoring: the assignment is voided, so the review stops counting."""
    application = _reviewable(request, pk, read=True)
    form = LateConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_declare(
                application=application,
                reviewer=request.user,
                has_conflict=True,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(
                request, _("Thank you. Your review of this application no longer counts; programme staff are told.")
            )
            return redirect("selection:queue")
    context = {"application": application, "intake": application.intake, "form": form}
    return render(request, "selection/declare_later.html", context)


@login_required
@forbidden_as_404
def review(request, pk):
    """The application beside the rubric: a score and comment per criterion, a recommendation, drafts, submit."""
    application = get_object_or_404(selectors.applications_for_review(), pk=pk)
    if not request.user.has_perm("selection.read_application_for_review", application):
        if request.user.has_perm("selection.review_application", application):
            return redirect("selection:declare", pk=pk)
        raise Http404
    # Only this reviewer's own review is ever loaded here; reading it writes nothing.
    sheet = selectors.review_sheet(application=application, reviewer=request.user)
    if sheet is None:
        raise Http404
    initial = {"recommendation": sheet.review.recommendation, "comment": sheet.review.comment}
    form = ReviewForm(request.POST or None, scores=sheet.scores, locked=sheet.locked, initial=initial)
    if request.method == "POST" and not sheet.locked and form.is_valid():
        done = _review_save(request, sheet.assignment, form)
        if done is not None:
            return done
    settings = selectors.selection_settings_for(intake=application.intake)
    context = {
        "application": application,
        "intake": application.intake,
        "blind": settings.blind_review,
        "form": form,
        "review": sheet.review,
        "locked": sheet.locked,
        "total": sheet.total,
        "deadline": local_datetime_text(application.intake, settings.review_deadline)
        if settings.review_deadline
        else "",
        "section_answers": section_answers(application),
    }
    return render(request, "selection/review.html", context)


def _review_save(request, assignment, form):
    """Save the draft or submit; the redirect on success, None to show the errors."""
    submit = request.POST.get("action") == "submit"
    data = {
        "assignment": assignment,
        "by": request.user,
        "scores": form.scores(),
        "recommendation": form.cleaned_data["recommendation"],
        "comment": form.cleaned_data["comment"],
    }
    try:
        (services.review_submit if submit else services.review_save_draft)(**data)
    except ValidationError as exc:
        _errors(request, exc)
        return None
    if submit:
        messages.success(request, _("Your review is submitted. Thank you!"))
        return redirect("selection:queue")
    messages.success(request, _("Your draft is saved."))
    return redirect("selection:review", pk=assignment.application_id)


@login_required
def attachment_download(request, pk, attachment_pk):
    """The application's files for its assigned, unconflicted reviewer (same private storage, same headers)."""
    application = _reviewable(request, pk, read=True)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    return attachment_response(attachment, by=request.user)


@login_required
def reviewer_invitation(request, token):
    if request.method == "POST":
        try:
            role = services.reviewer_invitation_accept(token=token, user=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("You are now a reviewer in %(intake)s.") % {"intake": role.intake})
            return redirect("selection:queue")
    return render(request, "selection/reviewer_invitation.html", {"token": token})


# --- Teams ---------------------------------------------------------------------------------------------


def confirm(request, token):
    """An accepted team confirms or declines its place from the link in the e-mail (the token is the key)."""
    confirmation = get_object_or_404(Confirmation.objects.select_related("application__intake__programme"), token=token)
    decline_form = DeclineForm(request.POST if request.POST.get("action") == "decline" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "confirm":
                services.confirmation_confirm(confirmation=confirmation)
                messages.success(request, _("Thank you: your team's place is confirmed."))
            elif decline_form.is_valid():
                services.confirmation_decline(confirmation=confirmation, reason=decline_form.cleaned_data["reason"])
                messages.success(request, _("Your team has declined its place. Thank you for telling us."))
        except ValidationError as exc:
            _errors(request, exc)
        return redirect("selection:confirm", token=token)
    intake = confirmation.application.intake
    return render(
        request,
        "selection/confirm.html",
        {
            "confirmation": confirmation,
            "application": confirmation.application,
            "intake": intake,
            "deadline": local_datetime_text(intake, confirmation.deadline),
            "passed": timezone.now() > confirmation.deadline,
            "offered": selectors.is_application_selected(confirmation.application),
            "decline_form": decline_form,
        },
    )


# --- Staff -----------------------------------------------------------------------------------------------


@staff_only
def intake_list(request):
    intakes = Intake.objects.select_related("programme").order_by("-closes_at")
    return render(request, "selection/intake_list.html", paginated(request, intakes, per_page=PAGE_SIZE))


@staff_only
def intake_home(request, intake_pk):
    intake = _intake(intake_pk)
    settings = selectors.selection_settings_for(intake=intake)
    form = SettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        services.selection_settings_update(intake=intake, by=request.user, data=form.cleaned_data)
        messages.success(request, _("The selection settings are saved."))
        return redirect("selection:intake_home", intake_pk=intake.pk)
    return render(request, "selection/intake_home.html", {"intake": intake, "form": form})


@staff_only
@reauthentication_required(allow_get=True)
def reviewers(request, intake_pk):
    intake = _intake(intake_pk)
    form = ReviewerAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.reviewer_add(intake=intake, email=form.cleaned_data["email"], by=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            if isinstance(result, User):
                messages.success(request, _("%(name)s is now a reviewer in this intake.") % {"name": result})
            else:
                messages.success(
                    request,
                    _("%(email)s has no account yet: an invitation to register was sent.") % {"email": result.email},
                )
            return redirect("selection:reviewers", intake_pk=intake.pk)
    return render(
        request,
        "selection/reviewers.html",
        {
            "intake": intake,
            "form": form,
            "reviewers": selectors.reviewers_for_intake(intake=intake),
            "invitations": selectors.pending_reviewer_invitations(intake=intake),
        },
    )


@staff_only
def assignments(request, intake_pk):
    """Assign one by one, in bulk from the list, or automatically with N reviewers per application."""
    intake = _intake(intake_pk)
    action = request.POST.get("action") if request.method == "POST" else None
    kwargs = {
        "applications": selectors.applications_in_selection(intake=intake),
        "reviewers": selectors.reviewers_queryset(intake=intake),
    }
    # From the conflicts page or the staff e-mail: a replacement for this application.
    initial = {"application": request.GET.get("application")} if request.GET.get("application", "").isdigit() else {}
    one = AssignOneForm(request.POST if action == "one" else None, prefix="one", initial=initial, **kwargs)
    bulk = AssignBulkForm(request.POST if action == "bulk" else None, prefix="bulk", **kwargs)
    auto = AssignAutoForm(request.POST if action == "auto" else None, prefix="auto")
    form = {"one": one, "bulk": bulk, "auto": auto}.get(action)
    if form is not None and form.is_valid() and _assign(request, intake, action, form.cleaned_data):
        return redirect("selection:assignments", intake_pk=intake.pk)
    # A page of rows at a time: an intake has hundreds of applications in selection.
    page = paginated(request, selectors.applications_for_assignment(intake=intake), per_page=PAGE_SIZE)
    context = {"intake": intake, "rows": list(page["page_obj"].object_list), "one": one, "bulk": bulk, "auto": auto}
    context["reviews_required"] = selectors.reviews_required_for(intake)
    return render(request, "selection/assignments.html", {**context, **page})


def _assign(request, intake, action: str, data: dict) -> bool:
    """Make the assignments of one of the three forms; False (with messages) when the service refused."""
    try:
        if action == "one":
            services.assignment_create(application=data["application"], reviewer=data["reviewer"], by=request.user)
            messages.success(request, _("The reviewer is assigned."))
        elif action == "bulk":
            created, skipped = services.assignments_bulk_create(
                applications=list(data["applications"]), reviewer=data["reviewer"], by=request.user
            )
            messages.success(request, _("%(count)d assignments made.") % {"count": len(created)})
            for reason in skipped:
                messages.warning(request, reason)
        else:
            created = services.assignments_auto(intake=intake, per_application=data["per_application"], by=request.user)
            messages.success(request, _("%(count)d assignments made.") % {"count": len(created)})
    except ValidationError as exc:
        _errors(request, exc)
        return False
    return True


@staff_only
def reassign(request, pk):
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("application__intake__programme", "reviewer"),
        pk=pk,
        status=AssignmentStatus.ACTIVE,
    )
    intake = assignment.application.intake
    form = ReassignForm(
        request.POST or None, reviewers=selectors.reviewers_queryset(intake=intake).exclude(pk=assignment.reviewer_id)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_reassign(
                assignment=assignment,
                to_reviewer=form.cleaned_data["reviewer"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The application is reassigned."))
            return redirect("selection:assignments", intake_pk=intake.pk)
    return render(request, "selection/reassign.html", {"assignment": assignment, "intake": intake, "form": form})


@staff_only
def conflicts(request, intake_pk):
    """Every declaration of the intake; staff can mark a conflict, also after scoring (voids the scores)."""
    intake = _intake(intake_pk)
    applications = selectors.applications_in_selection(intake=intake)
    form = StaffConflictForm(
        request.POST or None,
        applications=applications,
        reviewers=selectors.reviewers_queryset(intake=intake),
        auto_id="id_mark_%s",  # its own ids: the filter form above also has a "kind" field
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_mark_by_staff(
                application=form.cleaned_data["application"],
                reviewer=form.cleaned_data["reviewer"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The conflict is recorded; that reviewer's scores no longer count."))
            return redirect("selection:conflicts", intake_pk=intake.pk)
    filterset = ConflictFilter(request.GET or None, queryset=selectors.conflicts_for_intake(intake=intake))
    context = {"intake": intake, "form": form, "filter": filterset, "in_selection": IN_SELECTION_STATES}
    context["reviews_required"] = selectors.reviews_required_for(intake)
    return render(
        request, "selection/conflicts.html", {**context, **paginated(request, filterset.qs, per_page=PAGE_SIZE)}
    )


@staff_only
def conflict_keep(request, pk):
    """Keep a reviewer despite a declared conflict, with a written justification (recorded in the feed)."""
    declaration = get_object_or_404(
        ConflictDeclaration.objects.select_related("application__intake__programme", "reviewer"), pk=pk
    )
    intake = declaration.application.intake
    form = ReasonForm(request.POST or None, label=_("Why may this reviewer review this application? (staff only)"))
    if request.method == "POST" and form.is_valid():
        try:
            services.conflict_keep_reviewer(
                declaration=declaration, by=request.user, justification=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(
                request, _("%(name)s stays a reviewer of this application.") % {"name": declaration.reviewer}
            )
            return redirect("selection:conflicts", intake_pk=intake.pk)
    return render(request, "selection/conflict_keep.html", {"intake": intake, "declaration": declaration, "form": form})


@staff_only
def application_reviews(request, pk):
    """Staff: every review of one application, voided ones included and marked."""
    application = get_object_or_404(
        Application.objects.select_related("intake__programme", "intake__selection_settings"), pk=pk
    )
    assignments = selectors.assignments_for_application(application=application)
    totals = selectors.review_totals_for_application(application=application)
    for assignment in assignments:
        # One form per review, each with its own ids, so every label points at its own field.
        assignment.reopen_form = ReasonForm(label=_("Why reopen this review?"), auto_id=f"id_reopen_{assignment.pk}_%s")
    # The submitted reviews. totals side by side (one dot each): how far apart the reviewers are.
    spread = [
        (str(a.reviewer), totals[a.review.pk])
        for a in assignments
        if not a.is_voided
        and getattr(a, "review", None)
        and a.review.is_submitted
        and totals.get(a.review.pk) is not None
    ]
    return render(
        request,
        "selection/application_reviews.html",
        {
            "application": application,
            "intake": application.intake,
            "assignments": assignments,
            "totals": totals,
            "spread": spread,
            "valid_reviews": selectors.counted_reviews(assignments),
            "reviews_required": selectors.reviews_required_for(application.intake),
        },
    )


@staff_only
@require_POST
def review_reopen(request, pk):
    review = get_object_or_404(Review.objects.select_related("assignment__application"), pk=pk)
    try:
        services.review_reopen(review=review, by=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("The review is reopened; it counts again once the reviewer submits it."))
    return redirect("selection:application_reviews", pk=review.assignment.application_id)


@staff_only
def ranking(request, intake_pk):
    """The ranking with decisions: one by one or in bulk, with reason, justification and overfill confirmation."""
    intake = _intake(intake_pk)
    decision_form = DecisionForm(request.POST or None)
    chosen_ids = [int(i) for i in request.POST.getlist("applications") if i.isdigit()]
    if request.method == "POST" and decision_form.is_valid() and _decide(request, intake, decision_form, chosen_ids):
        return redirect(request.get_full_path())
    settings = selectors.selection_settings_for(intake=intake)
    filter_form = RankingFilterForm(request.GET or None, countries=selectors.ranking_countries(intake=intake))
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    normalised = filters.get("view") == "normalised"
    sort = filters.get("sort") or "rank"
    criteria = selectors.ranking_criteria(intake=intake)
    page_obj = selectors.ranking_page(
        intake=intake,
        settings=settings,
        criteria=criteria,
        page=request.GET.get("page"),
        per_page=RANKING_PAGE_SIZE,
        country=filters.get("country") or "",
        flagged=bool(filters.get("flagged")),
        sort=sort,
        normalise=normalised,
    )
    context = {
        "intake": intake,
        "settings": settings,
        "rows": page_obj.object_list,
        "page_obj": page_obj,
        "querystring": querystring_without_page(request),
        "filtered": bool(filters.get("country") or filters.get("flagged")),
        "by_rank": sort == "rank",
        "criteria": criteria,
        "tie_break_rule": selectors.tie_break_rule_text(settings, criteria),
        "filter": {"form": filter_form},  # what the shared filter form reads
        "normalised": normalised,
        "decision_form": decision_form,
        "needs": decision_form.needs,
        "chosen_ids": chosen_ids,
        "balance": selectors.cohort_balance(intake=intake),
        "pending_release": selectors.pending_release_count(intake=intake),
    }
    return render(request, "selection/ranking.html", context)


def _decide(request, intake, form, chosen_ids) -> bool:
    """Record the decisions of the ranking form; False (with the form's errors) when staff must add something."""
    data = form.cleaned_data
    try:
        decisions = services.decisions_record(
            applications=list(intake.applications.filter(pk__in=chosen_ids).select_related("intake", "contact_person")),
            outcome=data["outcome"],
            reason=data["reason"],
            message=data["message"],
            justification=data["justification"],
            confirm_overfill=data["confirm_overfill"],
            by=request.user,
        )
    except services.DecisionNeedsConfirmation as exc:
        form.needs = exc.code
        form.add_error("justification" if exc.code == "justification" else "confirm_overfill", exc)
        return False
    except ValidationError as exc:
        _errors(request, exc)
        return False
    messages.success(
        request,
        _("%(count)d decisions recorded. The teams are told when you release the decisions.")
        % {"count": len(decisions)},
    )
    return True


@staff_only
def balance(request, intake_pk):
    """The cohort balance panel alone, for htmx refreshes."""
    intake = _intake(intake_pk)
    return render_fragment(
        request,
        "selection/partials/balance.html",
        {"intake": intake, "balance": selectors.cohort_balance(intake=intake)},
        title=_("Cohort balance · %(intake)s") % {"intake": intake.name},
        back_url=reverse("selection:ranking", kwargs={"intake_pk": intake.pk}),
    )


@staff_only
def ranking_csv(request, intake_pk):
    """The ranking as CSV, with exactly the figures of the table (portal.exports neutralises formulas)."""
    intake = _intake(intake_pk)
    return export_response(
        filename=f"ranking-intake-{intake.pk}",
        header=[str(h) for h in HEADER],
        # A generator: the first byte leaves at once.
        rows=ranking_rows(selectors.ranking_iter(intake=intake), required=selectors.reviews_required_for(intake)),
    )


@staff_only
@reauthentication_required(allow_get=True)
def release(request, intake_pk):
    """Release the decisions: the teams get the intake's e-mails, in the background, only now."""
    intake = _intake(intake_pk)
    if request.method == "POST":
        released = services.decisions_release(intake=intake, by=request.user)
        messages.success(request, _("%(count)d teams are being told of their decision.") % {"count": len(released)})
        return redirect("selection:release", intake_pk=intake.pk)
    pending = selectors.decisions_pending_release(intake=intake)
    templates = templates_of(intake=intake)
    any_released = not pending and selectors.any_decision(intake=intake)
    return render(
        request,
        "selection/release.html",
        {"intake": intake, "pending": pending, "any_released": any_released, "templates": templates},
    )


@staff_only
def template_edit(request, intake_pk, outcome):
    """Edit the e-mail for one outcome, with the placeholders listed and a preview for a sample application."""
    intake = _intake(intake_pk)
    if outcome not in Outcome.values:
        raise Http404
    saved = intake.notification_templates.filter(outcome=outcome).first()
    subject, body = template_for(intake=intake, outcome=outcome)
    initial = default_template_texts(outcome=outcome) if saved is None else None
    form = TemplateForm(request.POST or None, instance=saved, initial=initial)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "save":
            services.template_save(intake=intake, outcome=outcome, by=request.user, **form.cleaned_data)
            messages.success(request, _("The e-mail text is saved."))
            return redirect("selection:release", intake_pk=intake.pk)
        subject = in_current_language(form.cleaned_data, "subject")
        body = in_current_language(form.cleaned_data, "body")
    sample = selectors.sample_application(intake=intake, outcome=outcome)
    preview = None
    if sample is not None and not form.errors:
        try:
            preview = template_preview(
                intake=intake,
                outcome=outcome,
                subject=subject,
                body=body,
                sample=sample,
                confirm_url=request.build_absolute_uri("/selection/confirm/…/"),
            )
        except ValidationError as exc:  # a text saved elsewhere (the admin) with a stray brace
            _errors(request, exc)
    context = {"intake": intake, "outcome": Outcome(outcome), "form": form, "preview": preview, "sample": sample}
    return render(request, "selection/template_edit.html", {**context, "placeholders": PLACEHOLDERS})


@staff_only
def confirmations(request, intake_pk):
    """Who has confirmed, who has not; a freed place is offered to the top of the waiting list."""
    intake = _intake(intake_pk)
    offer_form = ReasonForm(request.POST or None, label=_("Reason for offering the place"))
    top = selectors.waitlist_top(intake=intake)
    if request.method == "POST" and top is not None and offer_form.is_valid():
        try:
            services.decision_record(
                application=top.application,
                outcome=Outcome.ACCEPTED,
                reason=offer_form.cleaned_data["reason"],
                justification=request.POST.get("justification", ""),
                by=request.user,
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            message = _("The place is offered to “%(title)s”. Release the decision to tell the team.")
            messages.success(request, message % {"title": top.application})
            return redirect("selection:confirmations", intake_pk=intake.pk)
    confirmations = selectors.confirmations_for_intake(intake=intake)
    context = {
        "intake": intake,
        "confirmations": [
            {"confirmation": c, "deadline": local_datetime_text(intake, c.deadline)} for c in confirmations
        ],
        "unconfirmed": sum(1 for c in confirmations if c.is_open),
        "free": selectors.places_free(intake=intake),
        "top": top,
        "offer_form": offer_form,
    }
    return render(request, "selection/confirmations.html", context)
