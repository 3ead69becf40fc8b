"""Thin views: ask for a report, watch it being made (htmx polling), download it, retry it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.rules import is_programme_staff
from applications.models import Application
from portal.views_utils import paginated
from portal.workflow import TransitionNotAllowed
from programmes.models import Intake

from . import selectors
from .builders import available_kinds
from .enums import ACTIVE_STATES, ReportKind
from .forms import ReportRequestForm
from .models import ReportJob
from .services import ReportNotAllowed, report_request, report_retry

INTAKE_KINDS = (ReportKind.DOSSIER, ReportKind.SELECTION_RESULT, ReportKind.INTAKE_SUMMARY)
LISTED_KINDS = (*INTAKE_KINDS, ReportKind.CERTIFICATE)


def _staff_intake(request, intake_pk) -> Intake:
    if not (request.user.is_authenticated and is_programme_staff(request.user)):
        raise Http404
    return get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)


def _job(request, pk) -> ReportJob:
    job = get_object_or_404(ReportJob.objects.select_related("intake__programme", "requested_by"), pk=pk)
    if not request.user.has_perm("reports.view_job", job):
        raise Http404
    return job


@login_required
def intake_reports(request, intake_pk):
    intake = _staff_intake(request, intake_pk)
    kinds = [k for k in INTAKE_KINDS if k in available_kinds()]
    context = {
        "intake": intake,
        "kinds": [(k, ReportKind(k).label) for k in kinds],
        "participants": selectors.participants_for_certificates(intake=intake),
    }
    context.update(paginated(request, selectors.jobs_for_intake(intake=intake, kinds=LISTED_KINDS), per_page=20))
    return render(request, "reports/intake_reports.html", context)


@login_required
@require_POST
def intake_report_request(request, intake_pk):
    intake = _staff_intake(request, intake_pk)
    form = ReportRequestForm(request.POST)
    if not form.is_valid() or form.cleaned_data["kind"] not in INTAKE_KINDS:
        raise Http404
    try:
        job = report_request(kind=form.cleaned_data["kind"], intake=intake, by=request.user)
    except ReportNotAllowed as exc:
        raise Http404 from exc
    messages.success(request, _("Your report is queued. This page shows its progress; you may leave and come back."))
    return redirect("reports:job", pk=job.pk)


@login_required
@require_POST
def team_report_request(request, application_pk):
    """The change-project report of one team, asked for from the project's dashboard."""
    application = get_object_or_404(Application.objects.select_related("intake"), pk=application_pk)
    try:
        job = report_request(
            kind=ReportKind.CHANGE_PROJECT, intake=application.intake, application=application, by=request.user
        )
    except ReportNotAllowed as exc:
        raise Http404 from exc
    messages.success(request, _("Your report is queued. This page shows its progress; you may leave and come back."))
    return redirect("reports:job", pk=job.pk)


@login_required
@require_POST
def certificate_request(request, intake_pk):
    """Staff make any participant's certificate; a participant makes their own."""
    intake = get_object_or_404(Intake.objects.select_related("programme"), pk=intake_pk)
    participant = request.user
    if is_programme_staff(request.user):
        participant = get_object_or_404(
            selectors.participants_for_certificates(intake=intake), pk=request.POST.get("participant") or 0
        )
    try:
        job = report_request(kind=ReportKind.CERTIFICATE, intake=intake, participant=participant, by=request.user)
    except ReportNotAllowed as exc:
        raise Http404 from exc
    messages.success(request, _("Your report is queued. This page shows its progress; you may leave and come back."))
    return redirect("reports:job", pk=job.pk)


@login_required
def job_detail(request, pk):
    job = _job(request, pk)
    return render(request, "reports/job_detail.html", {"job": job, "polling": job.status in ACTIVE_STATES})


@login_required
def job_status(request, pk):
    """htmx: the job's state box; it asks again every two seconds while the job is queued or running."""
    job = _job(request, pk)
    return render(request, "reports/partials/job_status.html", {"job": job, "polling": job.status in ACTIVE_STATES})


@login_required
def job_download(request, pk):
    job = _job(request, pk)
    if not job.file:
        raise Http404
    response = FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.file_name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def job_retry(request, pk):
    job = _job(request, pk)
    try:
        report_retry(job=job, by=request.user)
    except ReportNotAllowed as exc:
        raise Http404 from exc
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
