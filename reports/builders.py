"""One entry per report kind: which data it reads, which template renders it, what it fingerprints.

A report's context always carries the intake, when it was made (in the intake's zone), who asked,
and a content hash of the figures it shows, printed on every page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.display import local_datetime_text

from . import selectors
from .enums import ReportKind
from .models import ReportJob
from .rendering import render_pdf


class SubjectMissing(ValueError):
    """A team report without its team, or a certificate without its participant."""


@dataclass(frozen=True)
class ReportSpec:
    template: str
    title: Callable[[], str]
    data: Callable[[ReportJob], dict]
    fingerprint: Callable[[dict], object]


def _dossier(job):
    return selectors.dossier_data(intake=job.intake)


def _dossier_fingerprint(data):
    return [
        [e["application"].pk, e["row"].mean, [(r["number"], r["total"]) for r in e["reviews"]]] for e in data["entries"]
    ]


def _selection(job):
    return selectors.selection_result_data(intake=job.intake)


def _selection_fingerprint(data):
    return [
        [t["row"].application.pk, t["row"].mean, t["row"].application.status, [m for _c, m in t["criterion_means"]]]
        for t in data["table"]
    ]


def _change_project(job):
    return selectors.change_project_data(application=job.application)


def _change_project_fingerprint(data):
    plan = data["plan"]
    return {
        "project": data["project"].pk,
        "milestones": [(m.pk, m.status, m.due_on) for m in plan["milestones"]],
        "indicators": [(i.pk, i.baseline, i.target, i.chart.description) for i in plan["indicators"]],
        "reports": [(r["phase"], r["approved_at"]) for r in data["reports"]],
        "sessions": [(s.pk, s.duration_minutes) for s in data["sessions"]],
    }


def _intake_summary(job):
    from .enums import JobStatus

    data = selectors.intake_summary_data(intake=job.intake, now=timezone.now())
    earlier = ReportJob.objects.filter(intake=job.intake, kind=job.kind, status=JobStatus.DONE).count()
    data["version"] = earlier + 1
    return data


def _intake_summary_fingerprint(data):
    return {
        "rows": [
            [r["project"].pk, r["milestones_done"], r["milestones"], r["reported"], r["on_track"], r["sessions"]]
            for r in data["rows"]
        ],
        "balance": data["balance"],
        "coaching": data["coaching"],
        "visits": [(v.pk, v.booked, v.present_days) for v in data["visits"]],
    }


def _certificate(job):
    return selectors.certificate_data(intake=job.intake, participant=job.participant, now=timezone.now())


def _certificate_fingerprint(data):
    return {
        "participant": data["participant"].pk,
        "phases": [p.pk for p in data["phases"]],
        "visits": [(v["visit"].pk, v["present"]) for v in data["visits"]],
    }


SPECS: dict[str, ReportSpec] = {
    ReportKind.DOSSIER: ReportSpec(
        "reports/pdf/dossier.html", lambda: _("Application dossier"), _dossier, _dossier_fingerprint
    ),
    ReportKind.SELECTION_RESULT: ReportSpec(
        "reports/pdf/selection_result.html", lambda: _("Selection result"), _selection, _selection_fingerprint
    ),
    ReportKind.CHANGE_PROJECT: ReportSpec(
        "reports/pdf/change_project.html",
        lambda: _("Change-project report"),
        _change_project,
        _change_project_fingerprint,
    ),
    ReportKind.INTAKE_SUMMARY: ReportSpec(
        "reports/pdf/intake_summary.html",
        lambda: _("Intake summary for funders"),
        _intake_summary,
        _intake_summary_fingerprint,
    ),
    ReportKind.CERTIFICATE: ReportSpec(
        "reports/pdf/certificate.html", lambda: _("Attendance certificate"), _certificate, _certificate_fingerprint
    ),
}


def available_kinds() -> list[str]:
    return [kind for kind in ReportKind.values if kind in SPECS]


def check_subject(job: ReportJob) -> None:
    if job.kind not in SPECS:
        raise SubjectMissing(job.kind)
    if job.kind == ReportKind.CHANGE_PROJECT and not job.application_id:
        raise SubjectMissing(job.kind)
    if job.kind == ReportKind.CERTIFICATE:
        from change_projects.rules import is_participant

        if not job.participant_id or not is_participant(job.participant, job.intake):
            raise SubjectMissing(job.kind)


def build(job: ReportJob) -> dict:
    spec = SPECS[job.kind]
    now = timezone.now()
    data = spec.data(job)
    data.update(
        {
            "report_title": spec.title(),
            "intake": job.intake,
            "job": job,
            "generated_at": now,
            "generated_text": local_datetime_text(job.intake, now),
            "requested_by_name": job.requested_by.get_full_name() or job.requested_by.email,
            "portal_name": settings.PORTAL_NAME or _("Local Democracy Programmes"),
        }
    )
    data["fingerprint"] = spec.fingerprint(data)
    return data


def render(job: ReportJob, data: dict, *, progress=None) -> bytes:
    return render_pdf(SPECS[job.kind].template, data, progress=progress)
