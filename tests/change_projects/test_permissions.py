"""The permission matrix of change projects: every URL × every role, exact answers (404, never 403)."""

import pytest
from django.core.files.base import ContentFile

from change_projects.models import ProjectDocument
from tests.factories import (
    ApplicationFactory,
    ChangeProjectFactory,
    MilestoneFactory,
    ProgressReportFactory,
    RiskFactory,
    StaffFactory,
    TeamMentorFactory,
)
from tests.factories.applications import PDF_BYTES

# (method, url name) in the order they are tried; the changing ones last.
URLS = [
    ("get", "mine"),
    ("get", "dashboard"),
    ("get", "application"),
    ("get", "plan"),
    ("get", "milestone_add"),
    ("get", "milestone_edit"),
    ("get", "reports"),
    ("get", "report_edit"),
    ("get", "report"),
    ("get", "compare"),
    ("get", "documents"),
    ("get", "download"),
    ("get", "overview"),
    ("get", "periods"),
    ("post", "comment"),
    ("post", "milestone_status"),
    ("post", "risk_status"),
    ("post", "plan_approve"),
    ("post", "approve"),
    ("post", "document_delete"),
]

L, OK, NO, GO = 302, 200, 404, 302  # L: to the login page; GO: done, redirected back

MATRIX = {
    #              mine dash appl plan m+  m-ed reps r-ed rep  cmp  docs dl   ovw  per  cmt  m-st r-st appr apv  d-del
    "anonymous": [L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L],
    "applicant not selected": [OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO],
    "participant": [GO, OK, OK, OK, OK, OK, OK, GO, OK, OK, OK, OK, NO, NO, NO, GO, GO, NO, NO, GO],
    "another team's participant": [GO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO],
    "the team's mentor": [OK, OK, OK, OK, NO, NO, OK, NO, OK, OK, OK, OK, NO, NO, GO, NO, NO, NO, NO, NO],
    "another team's mentor": [OK, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO],
    "staff": [OK, OK, OK, OK, NO, NO, OK, NO, OK, OK, OK, OK, OK, OK, NO, NO, NO, GO, GO, NO],
}


def _url(name, project, report, milestone, risk, document) -> str:
    base = f"/projects/{project.pk}/"
    return {
        "mine": "/projects/",
        "dashboard": base,
        "application": f"{base}application/",
        "plan": f"{base}plan/",
        "milestone_add": f"{base}plan/milestone/add/",
        "milestone_edit": f"{base}plan/milestone/{milestone.pk}/",
        "reports": f"{base}reports/",
        "report_edit": f"{base}reports/{report.period_id}/edit/",
        "report": f"/projects/reports/{report.pk}/",
        "compare": f"/projects/reports/{report.pk}/compare/",
        "documents": f"{base}documents/",
        "download": f"{base}documents/{document.pk}/",
        "overview": f"/projects/intakes/{project.intake_id}/",
        "periods": f"/projects/intakes/{project.intake_id}/periods/",
        "comment": f"/projects/reports/{report.pk}/comment/",
        "milestone_status": f"{base}milestones/{milestone.pk}/status/",
        "risk_status": f"{base}risks/{risk.pk}/status/",
        "plan_approve": f"{base}plan/approve/",
        "approve": f"/projects/reports/{report.pk}/approve/",
        "document_delete": f"{base}documents/{document.pk}/delete/",
    }[name]


POST_DATA = {
    "comment": {"body": "Good progress."},
    "milestone_status": {"status": "in_progress", "note": ""},
    "risk_status": {"status": "closed"},
}


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(client, db, role):
    project = ChangeProjectFactory()
    report = ProgressReportFactory(project=project, submitted=True)
    milestone, risk = MilestoneFactory(project=project), RiskFactory(project=project)
    document = ProjectDocument(
        project=project, original_name="minutes.pdf", size=len(PDF_BYTES), content_type="application/pdf"
    )
    document.file.save("minutes.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    other = ChangeProjectFactory(application__intake=project.intake)
    person = {
        "anonymous": lambda: None,
        "applicant not selected": lambda: ApplicationFactory(intake=project.intake, rejected=True).contact_person,
        "participant": lambda: project.participants.get().user,
        "another team's participant": lambda: other.participants.get().user,
        "the team's mentor": lambda: TeamMentorFactory(project),
        "another team's mentor": lambda: TeamMentorFactory(other),
        "staff": lambda: StaffFactory(),
    }[role]()
    if person is not None:
        client.force_login(person)

    answers = []
    for method, name in URLS:
        url = _url(name, project, report, milestone, risk, document)
        response = client.post(url, POST_DATA.get(name, {})) if method == "post" else client.get(url)
        answers.append(response.status_code)

    assert answers == MATRIX[role]
