"""Who may ask for and download which report: only someone allowed to see every part of it.

The object of every predicate is a `ReportJob` (saved, or unsaved while being requested), so the
same rule guards the request, the job page, its progress partial and the download.
"""

import rules

from accounts.rules import is_programme_staff

from .enums import ReportKind


@rules.predicate
def may_see_team_project(user, job) -> bool:
    """The team's participants, its mentor and staff: whoever may open the change project itself."""
    from change_projects.models import ChangeProject

    if not job.application_id:
        return False
    project = ChangeProject.objects.filter(application_id=job.application_id).first()
    return project is not None and user.has_perm("change_projects.view_project", project)


@rules.predicate
def is_own_certificate(user, job) -> bool:
    """A participant's own certificate, for an intake they take part in."""
    from change_projects.rules import is_participant

    return job.participant_id == user.pk and bool(is_participant(user, job.intake))


# Intake-wide reports hold every team's data and the reviewers' scores: staff only.
_BY_KIND = {
    ReportKind.DOSSIER: is_programme_staff,
    ReportKind.SELECTION_RESULT: is_programme_staff,
    ReportKind.INTAKE_SUMMARY: is_programme_staff,
    ReportKind.CHANGE_PROJECT: may_see_team_project,
    ReportKind.CERTIFICATE: is_programme_staff | is_own_certificate,
}


@rules.predicate
def may_have_report(user, job) -> bool:
    if job is None or not user.is_authenticated:
        return False
    predicate = _BY_KIND.get(job.kind)
    return bool(predicate and predicate.test(user, job))


rules.add_perm("reports.view_job", may_have_report)
rules.add_perm("reports.request_intake_reports", is_programme_staff)
