"""Thin views: find the project the user may see (404 otherwise), check the rule, call a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.rules import is_programme_staff
from applications.downloads import attachment_response
from portal.permissions import permission_required_404
from portal.registry import project_sections_for
from portal.selectors import activities_for
from portal.views_utils import paginated
from portal.workflow import TransitionForbidden
from programmes.models import Intake

from . import selectors, services
from .enums import MilestoneStatus, ReportStatus, RiskStatus
from .filters import OverviewFilter
from .forms import (
    CommentForm,
    DocumentForm,
    IndicatorForm,
    MilestoneForm,
    MilestoneStatusForm,
    ProgressReportForm,
    ReasonForm,
    ReportingPeriodForm,
    ResultForm,
    ReturnForm,
    RiskForm,
)
from .models import ChangeProject, ProgressReport, ReportingPeriod
from .rules import is_participant, is_project_mentor
from .workflows import REPORT_WORKFLOW

OVERVIEW_PAGE_SIZE = 25


def _project(request, pk, perm="change_projects.view_project") -> ChangeProject:
    """The project if the user may see it and do `perm` with it; 404 for anything else."""
    try:
        project = selectors.project_for_page(pk=pk)
    except ChangeProject.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(perm, project):
        raise Http404
    return project


def _report(request, pk, perm="change_projects.view_project") -> ProgressReport:
    try:
        report = selectors.report_for_page(pk=pk)
    except ProgressReport.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(perm, report.project):
        raise Http404
    return report


def _errors(request, exc: ValidationError):
    for message in exc.messages:
        messages.error(request, message)


def _common(request, project, **extra) -> dict:
    user = request.user
    return {
        "project": project,
        "intake": project.intake,
        "is_participant": is_participant(user, project),
        "is_staff": is_programme_staff(user),
        "is_mentor": is_project_mentor(user, project),
        **extra,
    }


@login_required
def my_projects(request):
    projects = list(selectors.projects_of(user=request.user))
    if len(projects) == 1:
        return redirect(projects[0])
    return render(request, "change_projects/my_projects.html", {"projects": projects})


@login_required
def dashboard(request, pk):
    project = _project(request, pk)
    context = _common(request, project, **selectors.team_dashboard(project=project, now=timezone.now()))
    context["sections"] = project_sections_for(request, project, "project_dashboard")
    return render(request, "change_projects/dashboard.html", context)


@login_required
def plan(request, pk):
    project = _project(request, pk)
    plan = selectors.project_plan(project=project)
    audiences = selectors.feed_audiences(user=request.user, project=project)
    feed = activities_for(obj=project, audiences=audiences).order_by("-created_at", "-pk")[:30]
    statuses = {"milestone_statuses": MilestoneStatus.choices, "risk_statuses": RiskStatus.choices}
    return render(request, "change_projects/plan.html", _common(request, project, feed=feed, **plan, **statuses))


@login_required
def application_outline(request, pk):
    """The application the project started from, as it was selected (read-only; the project holds a copy)."""
    project = _project(request, pk)
    sections = selectors.application_outline(application=project.application)
    return render(request, "change_projects/application_outline.html", _common(request, project, sections=sections))


# --- Plan items: one view for the add and edit forms of every kind -------------------------

# kind → (form, service, related name, add title, edit title, saved message). Lazy: read per request language.
ITEMS = {
    "result": (
        ResultForm,
        services.result_save,
        "results",
        gettext_lazy("Add an activity, output or outcome"),
        gettext_lazy("Edit the results chain link"),
        gettext_lazy("The results chain link is saved."),
    ),
    "milestone": (
        MilestoneForm,
        services.milestone_save,
        "milestones",
        gettext_lazy("Add a milestone"),
        gettext_lazy("Edit the milestone"),
        gettext_lazy("The milestone is saved."),
    ),
    "indicator": (
        IndicatorForm,
        services.indicator_save,
        "indicators",
        gettext_lazy("Add an indicator"),
        gettext_lazy("Edit the indicator"),
        gettext_lazy("The indicator is saved."),
    ),
    "risk": (
        RiskForm,
        services.risk_save,
        "risks",
        gettext_lazy("Add a risk"),
        gettext_lazy("Edit the risk"),
        gettext_lazy("The risk is saved."),
    ),
}


@login_required
def item_edit(request, pk, kind, item_pk=None):
    project = _project(request, pk, "change_projects.edit_project")
    if kind not in ITEMS:
        raise Http404
    form_class, save, related, add_title, edit_title, saved = ITEMS[kind]
    instance = get_object_or_404(getattr(project, related), pk=item_pk) if item_pk else None
    form = form_class(request.POST or None, instance=instance, project=project)
    if request.method == "POST" and form.is_valid():
        data = {n: v for n, v in form.cleaned_data.items() if n != "reason"}
        extra = {"reason": form.cleaned_data.get("reason", "")} if kind == "indicator" else {}
        try:
            save(project=project, by=request.user, data=data, **{kind: instance}, **extra)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, saved)
            return redirect("change_projects:plan", pk=project.pk)
    return render(
        request,
        "change_projects/item_form.html",
        _common(request, project, form=form, kind=kind, title=edit_title if instance else add_title),
    )


@login_required
@require_POST
def milestone_status(request, pk, item_pk):
    project = _project(request, pk, "change_projects.edit_project")
    milestone = get_object_or_404(project.milestones, pk=item_pk)
    form = MilestoneStatusForm(request.POST)
    if form.is_valid():
        try:
            services.milestone_set_status(
                milestone=milestone, to=form.cleaned_data["status"], by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(
                request,
                _("Milestone “%(title)s”: %(status)s.")
                % {"title": milestone.title, "status": MilestoneStatus(milestone.status).label},
            )
    return redirect("change_projects:plan", pk=project.pk)


@login_required
@require_POST
def risk_status(request, pk, item_pk):
    project = _project(request, pk, "change_projects.edit_project")
    risk = get_object_or_404(project.risks, pk=item_pk)
    try:
        services.risk_set_status(risk=risk, to=request.POST.get("status", ""), by=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request, _("Risk “%(title)s”: %(status)s.") % {"title": risk.title, "status": RiskStatus(risk.status).label}
        )
    return redirect("change_projects:plan", pk=project.pk)


@login_required
@require_POST
def item_delete(request, pk, kind, item_pk):
    project = _project(request, pk, "change_projects.edit_project")
    if kind == "milestone":
        services.milestone_delete(milestone=get_object_or_404(project.milestones, pk=item_pk), by=request.user)
    elif kind == "result":
        services.result_delete(result=get_object_or_404(project.results, pk=item_pk), by=request.user)
    else:
        raise Http404
    messages.success(request, _("Removed."))
    return redirect("change_projects:plan", pk=project.pk)


@login_required
@require_POST
def plan_approve(request, pk):
    project = _project(request, pk, "change_projects.manage_projects")
    form = ReasonForm(request.POST) if project.plan_approved else None
    try:
        if form is None:
            services.plan_approve(project=project, by=request.user)
            messages.success(request, _("The plan is approved. Changes to baselines and targets now need a reason."))
        else:
            services.plan_reopen(project=project, by=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, _("The plan is open for changes again."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("change_projects:plan", pk=project.pk)


# --- Documents ----------------------------------------------------------------------------


@login_required
def documents(request, pk):
    project = _project(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None) if is_participant(request.user, project) else None
    if form is not None and request.method == "POST" and form.is_valid():
        services.document_add(
            project=project, uploaded=form.cleaned_data["file"], title=form.cleaned_data["title"], by=request.user
        )
        messages.success(request, _("The document is uploaded."))
        return redirect("change_projects:documents", pk=project.pk)
    docs = project.documents.select_related("report__period__phase", "uploaded_by")
    return render(request, "change_projects/documents.html", _common(request, project, form=form, documents=docs))


@login_required
def document_download(request, pk, document_pk):
    project = _project(request, pk)
    return attachment_response(get_object_or_404(project.documents, pk=document_pk), by=request.user)


@login_required
@require_POST
def document_delete(request, pk, document_pk):
    project = _project(request, pk, "change_projects.edit_project")
    document = get_object_or_404(project.documents, pk=document_pk)
    try:
        services.document_delete(document=document, by=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("The document is deleted."))
    if document.report_id:
        return redirect("change_projects:report_edit", pk=project.pk, period_pk=document.report.period_id)
    return redirect("change_projects:documents", pk=project.pk)


# --- Progress reports -----------------------------------------------------------------------


@login_required
def reports(request, pk):
    project = _project(request, pk)
    rows = selectors.project_reports(project=project, now=timezone.now())
    return render(request, "change_projects/reports.html", _common(request, project, rows=rows))


@login_required
def report_edit(request, pk, period_pk):
    project = _project(request, pk, "change_projects.edit_project")
    period = get_object_or_404(ReportingPeriod.objects.select_related("phase"), pk=period_pk, intake=project.intake)
    report = services.report_start(project=project, period=period, by=request.user)
    if not request.user.has_perm("change_projects.edit_report", report):
        messages.info(
            request,
            _("This report is %(status)s and can no longer be changed.")
            % {"status": report.get_status_display().lower()},
        )
        return redirect(report)
    form = ProgressReportForm(request.POST or None, instance=report, **selectors.report_form_rows(report=report))
    upload = DocumentForm(None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_save(report=report, by=request.user, **form.service_arguments())
            if "submit" in request.POST:
                services.report_submit(report=report, by=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(
                request, _("The report is submitted.") if "submit" in request.POST else _("The draft is saved.")
            )
            return (
                redirect(report)
                if "submit" in request.POST
                else redirect("change_projects:report_edit", pk=pk, period_pk=period_pk)
            )
    context = _common(request, project, report=report, form=form, upload=upload, evidence=report.evidence.all())
    context["sections"] = project_sections_for(request, project, "progress_report")
    return render(request, "change_projects/report_edit.html", context)


@login_required
@require_POST
def report_evidence(request, pk):
    report = _report(request, pk, "change_projects.edit_project")
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                project=report.project,
                report=report,
                uploaded=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The evidence file is uploaded."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("change_projects:report_edit", pk=report.project_id, period_pk=report.period_id)


@login_required
def report_detail(request, pk):
    report = _report(request, pk)
    project = report.project
    context = _common(request, project, report=report, **selectors.report_review(report=report))
    if not (context["is_staff"] or context["is_mentor"]):
        context["comments"] = []  # the mentor's review is for staff (the feed entry's audience too)
    context.update(
        snapshot=selectors.snapshot_display(selectors.report_snapshot(report=report)),
        can_return=REPORT_WORKFLOW.can(request.user, report, ReportStatus.RETURNED),
        can_approve=REPORT_WORKFLOW.can(request.user, report, ReportStatus.APPROVED),
        can_comment=context["is_mentor"] and report.status == ReportStatus.SUBMITTED,
        return_form=ReturnForm(),
        comment_form=CommentForm(),
        sections=project_sections_for(request, project, "progress_report"),
    )
    return render(request, "change_projects/report_detail.html", context)


@login_required
@require_POST
def report_decide(request, pk, action):
    report = _report(request, pk)
    try:
        if action == "approve":
            services.report_approve(report=report, by=request.user)
            messages.success(request, _("The report is approved; its period is locked. The team is told by e-mail."))
        elif action == "return":
            services.report_return(report=report, by=request.user, comment=request.POST.get("comment", ""))
            messages.success(request, _("The report is returned to the team with your comment."))
        elif action == "comment":
            services.report_comment(report=report, by=request.user, body=request.POST.get("body", ""))
            messages.success(request, _("Your comment is saved. Programme staff will read it before deciding."))
        else:
            raise Http404
    except TransitionForbidden:
        raise Http404 from None
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(report)


@login_required
def report_compare(request, pk):
    report = _report(request, pk)
    versions = list(report.versions.select_related("submitted_by"))
    if not versions:
        raise Http404
    numbers = [v.number for v in versions]
    left = _version(versions, request.GET.get("a"), numbers[0])
    right = _version(versions, request.GET.get("b"), numbers[-1])
    return render(
        request,
        "change_projects/report_compare.html",
        _common(
            request,
            report.project,
            report=report,
            versions=versions,
            left=left,
            right=right,
            rows=selectors.compare_versions(left, right),
        ),
    )


def _version(versions, wanted, default):
    try:
        number = int(wanted)
    except (TypeError, ValueError):
        number = default
    return next((v for v in versions if v.number == number), None) or next(v for v in versions if v.number == default)


# --- Staff: the intake's overview and its reporting periods ------------------------------------


@login_required
@permission_required_404("change_projects.manage_projects")
def intake_overview(request, intake_pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    now = timezone.now()
    overview_filter = OverviewFilter(request.GET or None)
    filters = overview_filter.form.cleaned_data if overview_filter.is_valid() else {}
    page = paginated(
        request, selectors.intake_overview(intake=intake, now=now, filters=filters), per_page=OVERVIEW_PAGE_SIZE
    )
    rows = selectors.overview_rows(projects=page["page_obj"].object_list, intake=intake, now=now)
    counts = selectors.period_counts(intake=intake, now=now)
    return render(
        request,
        "change_projects/intake_overview.html",
        {"intake": intake, "filter": overview_filter, "rows": rows, "counts": counts, **page},
    )


@login_required
@permission_required_404("change_projects.manage_projects")
def intake_periods(request, intake_pk):
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    form = ReportingPeriodForm(request.POST or None, intake=intake)
    if request.method == "POST" and "remove" in request.POST:
        period = get_object_or_404(ReportingPeriod, pk=request.POST["remove"], intake=intake)
        try:
            services.reporting_period_remove(period=period, by=request.user)
            messages.success(request, _("This phase no longer needs a report."))
        except ValidationError as exc:
            _errors(request, exc)
        return redirect("change_projects:intake_periods", intake_pk=intake.pk)
    if request.method == "POST" and form.is_valid():
        services.reporting_period_set(
            phase=form.cleaned_data["phase"], due_on=form.cleaned_data["due_on"], by=request.user
        )
        messages.success(request, _("The reporting period is saved."))
        return redirect("change_projects:intake_periods", intake_pk=intake.pk)
    periods = ReportingPeriod.objects.filter(intake=intake).select_related("phase")
    return render(request, "change_projects/intake_periods.html", {"intake": intake, "form": form, "periods": periods})
