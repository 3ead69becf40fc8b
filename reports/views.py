"""Thin views: ask for a report, watch it being made (htmx polling), download it, retry it.

Permissions: `portal.permissions.permission_required_404` with the reports rules; a service's
refusal (`ReportNotAllowed`, a `portal.workflow.Forbidden`) answers 404 too.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.rules import is_programme_staff
from applications.models import Application
from portal.exports import export_response
from portal.permissions import forbidden_as_404, permission_required_404
from portal.views_utils import paginated, render_fragment
from portal.workflow import TransitionNotAllowed
from programmes.models import Intake

from . import selectors
from .builders import available_kinds
from .enums import ACTIVE_STATES, ReportKind
from .exports import EXPORTS, FORMATS
from .forms import ReportRequestForm
from .models import ReportJob
from .services import report_request, report_retry

INTAKE_KINDS = (ReportKind.DOSSIER, ReportKind.SELECTION_RESULT, ReportKind.INTAKE_SUMMARY)
LISTED_KINDS = (*INTAKE_KINDS, ReportKind.CERTIFICATE)


def _intake(request, intake_pk, **_kwargs) -> Intake:
    return get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)


def _job(request, pk, **_kwargs) -> ReportJob:
    return get_object_or_404(ReportJob.objects.select_related("intake__programme", "requested_by"), pk=pk)


def _queued(request, job):
    messages.success(request, _("Your report is queued. This page shows its progress; you may leave and come back."))
    return redirect("reports:job", pk=job.pk)


@permission_required_404("reports.request_intake_reports", fn=_intake)
def intake_reports(request, intake_pk):
    intake = request.permission_object
    context = {
        "intake": intake,
        "kinds": [(k, ReportKind(k).label) for k in INTAKE_KINDS if k in available_kinds()],
        "participants": selectors.participants_for_certificates(intake=intake),
        "exports": [(name, export.label) for name, export in EXPORTS.items()],
    }
    context.update(paginated(request, selectors.jobs_for_intake(intake=intake, kinds=LISTED_KINDS), per_page=20))
    return render(request, "reports/intake_reports.html", context)


@require_POST
@permission_required_404("reports.request_intake_reports", fn=_intake)
@forbidden_as_404
def intake_report_request(request, intake_pk):
    form = ReportRequestForm(request.POST)
    if not form.is_valid() or form.cleaned_data["kind"] not in INTAKE_KINDS:
        raise Http404
    job = report_request(kind=form.cleaned_data["kind"], intake=request.permission_object, by=request.user)
    return _queued(request, job)


@login_required
@require_POST
@forbidden_as_404
def team_report_request(request, application_pk):
    """The change-project report of one team, asked for from the project's dashboard."""
    application = get_object_or_404(Application.objects.select_related("intake"), pk=application_pk)
    job = report_request(
        kind=ReportKind.CHANGE_PROJECT, intake=application.intake, application=application, by=request.user
    )
    return _queued(request, job)


@login_required
@require_POST
@forbidden_as_404
def certificate_request(request, intake_pk):
    """Staff make any participant's certificate; a participant makes their own."""
    intake = _intake(request, intake_pk)
    participant = request.user
    if is_programme_staff(request.user):
        participants = selectors.participants_for_certificates(intake=intake)
        participant = get_object_or_404(participants, pk=request.POST.get("participant") or 0)
    job = report_request(kind=ReportKind.CERTIFICATE, intake=intake, participant=participant, by=request.user)
    return _queued(request, job)


@permission_required_404("reports.request_intake_reports", fn=_intake)
def intake_export(request, intake_pk, name, fmt):
    """A staff table of the intake as CSV (streamed) or XLSX, through the shared export writer."""
    export = EXPORTS.get(name)
    if export is None or fmt not in FORMATS:
        raise Http404
    intake = request.permission_object
    header, rows = export.table(request, intake)
    return export_response(filename=f"{name}-{slugify(intake.name)}", header=header, rows=rows, fmt=fmt)


@permission_required_404("reports.view_job", fn=_job)
def job_detail(request, pk):
    job = request.permission_object
    return render(request, "reports/job_detail.html", {"job": job, "polling": job.status in ACTIVE_STATES})


@permission_required_404("reports.view_job", fn=_job)
def job_status(request, pk):
    """htmx: the job's state box; it asks again every two seconds while the job is queued or running."""
    job = request.permission_object
    return render_fragment(
        request,
        "reports/partials/job_status.html",
        {"job": job, "polling": job.status in ACTIVE_STATES},
        title=_("Report: %(name)s") % {"name": job.get_kind_display()},
        back_url=reverse("reports:job", kwargs={"pk": job.pk}),
    )


@permission_required_404("reports.view_job", fn=_job)
def job_download(request, pk):
    job = request.permission_object
    if not job.file:
        raise Http404
    response = FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.file_name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@permission_required_404("reports.view_job", fn=_job)
@forbidden_as_404
def job_retry(request, pk):
    job = request.permission_object
    try:
        report_retry(job=job, by=request.user)
    except TransitionNotAllowed:
        messages.info(request, _("This report is not waiting for a retry."))
    else:
        messages.success(request, _("The report is queued again."))
    return redirect("reports:job", pk=job.pk)


@login_required
def my_reports(request):
    context = paginated(request, selectors.jobs_of_user(user=request.user), per_page=20)
    context["intakes"] = selectors.intakes_for_reports() if is_programme_staff(request.user) else []
    return render(request, "reports/my_reports.html", context)
