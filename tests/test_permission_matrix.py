"""Every URL × every role, with the expected answer in one table.

The URL conf is walked: a URL pattern without a row here (or in EXEMPT, with the reason)
fails `test_every_url_has_a_row`. A row is

    "namespace:name": (METHOD, KWARGS, "anon app_a mem_b rev confl mentor part staff"),

METHOD is GET or POST (POST-only views are asked by POST, with an empty form unless a fourth
element gives the data: the answer shows whether the view let the person in, not whether the
form was valid). KWARGS names an
entry of `KWARGS` below: how to build the URL's arguments from the world in
tests/permission_world.py. The answer is the HTTP status; 302 for an anonymous visitor means
"to the login page" (checked). 404, never 403, for what a person may not see.

The whole table is checked in one test on one world (one login per role); each request runs
in a savepoint that is rolled back, so a POST that succeeds changes nothing for the rows and
roles asked after it. Adding a module: add its objects to the world
(tests/permission_world.py), its KWARGS and its rows.
"""

from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permission_world import ROLES, world

GET, POST = "GET", "POST"

KWARGS = {
    "none": lambda w: {},
    "intake": lambda w: {"intake_pk": w.intake.pk},
    "intake_as_pk": lambda w: {"pk": w.intake.pk},
    "programme": lambda w: {"pk": w.programme.pk},
    "programme_slug": lambda w: {"slug": w.programme.slug},
    "app_a": lambda w: {"pk": w.app_a.pk},
    "app_a_section": lambda w: {"pk": w.app_a.pk, "section": "problem"},
    "app_a_member": lambda w: {"pk": w.app_a.pk, "member_pk": w.member_of_a.pk},
    "app_a_organisation": lambda w: {"pk": w.app_a.pk, "organisation_pk": w.organisation_a.pk},
    "app_a_attachment": lambda w: {"pk": w.app_a.pk, "attachment_pk": w.attachment_a.pk},
    "invitation_a": lambda w: {"token": w.invitation_a.token},
    "reviewer_invitation": lambda w: {"token": w.reviewer_invitation.token},
    "confirmation": lambda w: {"token": w.confirmation.token},
    "assignment": lambda w: {"pk": w.assignment.pk},
    "review": lambda w: {"pk": w.review.pk},
    "template_accepted": lambda w: {"intake_pk": w.intake.pk, "outcome": "accepted"},
    "report_job": lambda w: {"pk": w.report_job.pk},
    "ranking_export_csv": lambda w: {"intake_pk": w.intake.pk, "name": "ranking", "fmt": "csv"},
    "team_p": lambda w: {"pk": w.team_p.pk},
    "agreement": lambda w: {"pk": w.agreement.pk},
    "agreement_in_intake": lambda w: {"intake_pk": w.team_p.intake.pk, "pk": w.agreement.pk},
    "intake_p": lambda w: {"intake_pk": w.team_p.intake.pk},
    "team_p_csv": lambda w: {"pk": w.team_p.pk, "fmt": "csv"},
    "xlsx": lambda w: {"fmt": "xlsx"},
    "coaching_session": lambda w: {"pk": w.coaching_session.pk},
    "coaching_action": lambda w: {"pk": w.coaching_action.pk},
    "mentor_work": lambda w: {"pk": w.mentor_work.pk},
    "topic_tag": lambda w: {"pk": w.topic_tag.pk},
    "project": lambda w: {"pk": w.project.pk},
    "project_milestone": lambda w: {"pk": w.project.pk, "kind": "milestone", "item_pk": w.milestone.pk},
    "project_milestone_add": lambda w: {"pk": w.project.pk, "kind": "milestone"},
    "project_milestone_status": lambda w: {"pk": w.project.pk, "item_pk": w.milestone.pk},
    "project_risk_status": lambda w: {"pk": w.project.pk, "item_pk": w.risk.pk},
    "project_document": lambda w: {"pk": w.project.pk, "document_pk": w.document.pk},
    "project_document_to_delete": lambda w: {"pk": w.project.pk, "document_pk": w.document_to_delete.pk},
    "project_period": lambda w: {"pk": w.project.pk, "period_pk": w.period.pk},
    "progress_report": lambda w: {"pk": w.progress_report.pk},
    "progress_report_approve": lambda w: {"pk": w.progress_report.pk, "action": "approve"},
    "intake_p_projects": lambda w: {"intake_pk": w.project.intake.pk},
    "team_p_application": lambda w: {"application_pk": w.team_p.pk},
    "calendar_feed": lambda w: {"token": w.calendar_feed.token},
    "conflict_a": lambda w: {"pk": w.conflict_a.pk},
    "visit": lambda w: {"pk": w.visit.pk},
    "visit_agenda_item": lambda w: {"pk": w.visit.pk, "item_pk": w.agenda_item.pk},
    "place": lambda w: {"place_pk": w.place.pk},
    "offer": lambda w: {"token": w.offered_place.offer_token},
}

# fmt: off
# Columns: anonymous, applicant of team A, member of team B, reviewer assigned to A, reviewer
# with a conflict on A, mentor in the intake, participant of a selected team, programme staff.
# Token links (invitations, confirmations) answer to whoever holds the token: the token is the key.
# 403 only where the person can see the object but the action is closed (e.g. a late change).
MATRIX = {
    "accounts:profile": (GET, "none", "302 200 200 200 200 200 200 200"),
    "applications:attachment_delete": (GET, "app_a_attachment", "302 403 404 404 404 404 404 403"),
    "applications:attachment_download": (GET, "app_a_attachment", "302 200 404 404 404 404 404 200"),
    "applications:attachments": (GET, "app_a", "302 200 404 404 404 404 404 200"),
    "applications:checklist": (GET, "app_a", "302 200 404 404 404 404 404 200"),
    "applications:detail": (GET, "app_a", "302 200 404 404 404 404 404 200"),
    "applications:earlier_participants": (GET, "none", "404 404 404 404 404 404 404 200"),
    "applications:earlier_participants_import": (POST, "none", "404 404 404 404 404 404 404 302"),
    "applications:extend_deadline": (GET, "app_a", "404 404 404 404 404 404 404 200"),
    "applications:intake_extend": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "applications:invitation_accept": (GET, "invitation_a", "200 200 200 200 200 200 200 200"),
    "applications:invite": (POST, "app_a", "302 403 404 404 404 404 404 403"),
    "applications:member_edit": (GET, "app_a_member", "302 403 404 404 404 404 404 403"),
    "applications:member_remove": (GET, "app_a_member", "302 403 404 404 404 404 404 403"),
    "applications:organisation_add": (POST, "app_a", "302 403 404 404 404 404 404 403"),
    "applications:organisation_remove": (GET, "app_a_organisation", "302 403 404 404 404 404 404 403"),
    "applications:outline": (GET, "app_a_section", "302 302 404 404 404 404 404 302"),
    "applications:outline_autosave": (POST, "app_a_section", "302 403 404 404 404 404 404 403"),
    "applications:questions": (GET, "none", "200 200 200 200 200 200 200 200"),
    "applications:reopen": (POST, "app_a", "404 404 404 404 404 404 404 302"),
    "applications:screen": (GET, "app_a", "404 404 404 404 404 404 404 200"),
    "applications:staff_list": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "applications:start": (GET, "intake", "302 302 302 200 200 200 200 200"),
    "applications:status": (GET, "app_a", "302 200 404 404 404 404 404 200"),
    "applications:submit": (POST, "app_a", "302 403 404 404 404 404 404 403"),
    "applications:team": (GET, "app_a", "302 200 404 404 404 404 404 200"),
    "applications:withdraw": (GET, "app_a", "302 200 404 404 404 404 404 403"),
    "healthz": (GET, "none", "200 200 200 200 200 200 200 200"),
    "portal:dashboard": (GET, "none", "302 200 200 200 200 200 200 200"),
    "portal:home": (GET, "none", "200 200 200 200 200 200 200 200"),
    "programmes:catalogue": (GET, "none", "200 200 200 200 200 200 200 200"),
    "programmes:intake_detail": (GET, "intake_as_pk", "200 200 200 200 200 200 200 200"),
    "programmes:programme_detail": (GET, "programme_slug", "200 200 200 200 200 200 200 200"),
    "programmes:staff_intake_copy": (GET, "intake_as_pk", "404 404 404 404 404 404 404 200"),
    "programmes:staff_intake_create": (GET, "programme", "404 404 404 404 404 404 404 200"),
    "programmes:staff_intake_detail": (GET, "intake_as_pk", "404 404 404 404 404 404 404 200"),
    "programmes:staff_intake_list": (GET, "none", "404 404 404 404 404 404 404 200"),
    "programmes:staff_intake_phases": (GET, "intake_as_pk", "404 404 404 404 404 404 404 200"),
    "programmes:staff_intake_publish": (POST, "intake_as_pk", "404 404 404 404 404 404 404 302"),
    "programmes:staff_intake_rubric": (GET, "intake_as_pk", "404 404 404 404 404 404 404 200"),
    "programmes:staff_intake_unpublish": (POST, "intake_as_pk", "404 404 404 404 404 404 404 302"),
    "programmes:staff_intake_update": (GET, "intake_as_pk", "404 404 404 404 404 404 404 200"),
    "programmes:staff_programme_create": (GET, "none", "404 404 404 404 404 404 404 200"),
    "programmes:staff_programme_intakes": (GET, "programme", "404 404 404 404 404 404 404 200"),
    "programmes:staff_programme_list": (GET, "none", "404 404 404 404 404 404 404 200"),
    "programmes:staff_programme_publish": (POST, "programme", "404 404 404 404 404 404 404 302"),
    "programmes:staff_programme_unpublish": (POST, "programme", "404 404 404 404 404 404 404 302"),
    "programmes:staff_programme_update": (GET, "programme", "404 404 404 404 404 404 404 200"),
    "selection:application_reviews": (GET, "app_a", "404 404 404 404 404 404 404 200"),
    "selection:assignments": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:attachment_download": (GET, "app_a_attachment", "302 404 404 200 404 404 404 404"),
    "selection:balance": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:confirm": (GET, "confirmation", "200 200 200 200 200 200 200 200"),
    "selection:confirmations": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:conflicts": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:conflict_keep": (GET, "conflict_a", "404 404 404 404 404 404 404 200"),
    "selection:declare": (GET, "app_a", "302 404 404 302 404 404 404 404"),
    "selection:declare_later": (GET, "app_a", "302 404 404 200 404 404 404 404"),
    "selection:intake_home": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:intake_list": (GET, "none", "404 404 404 404 404 404 404 200"),
    "selection:queue": (GET, "none", "302 200 200 200 200 200 200 200"),
    "selection:ranking": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:ranking_csv": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:reassign": (GET, "assignment", "404 404 404 404 404 404 404 200"),
    "selection:release": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:review": (GET, "app_a", "302 404 404 200 404 404 404 404"),
    "selection:review_reopen": (POST, "review", "404 404 404 404 404 404 404 302"),
    "selection:reviewer_invitation": (GET, "reviewer_invitation", "302 200 200 200 200 200 200 200"),
    "selection:reviewers": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "selection:template_edit": (GET, "template_accepted", "404 404 404 404 404 404 404 200"),
    "mentoring:my_teams": (GET, "none", "302 404 404 404 404 200 404 404"),
    "mentoring:work": (GET, "agreement", "302 404 404 404 404 200 404 200"),
    "mentoring:work_delete": (POST, "mentor_work", "302 404 404 404 404 302 404 302"),
    "mentoring:team": (GET, "team_p", "302 404 404 404 404 200 200 200"),
    "mentoring:team_history_export": (GET, "team_p_csv", "302 404 404 404 404 200 200 200"),
    "mentoring:overview_export": (GET, "xlsx", "404 404 404 404 404 404 404 200"),
    "mentoring:team_application": (GET, "team_p", "302 404 404 404 404 200 404 200"),
    "mentoring:session_log": (GET, "team_p", "302 404 404 404 404 200 404 200"),
    "mentoring:session_detail": (GET, "coaching_session", "302 404 404 404 404 200 200 200"),
    "mentoring:action_move": (POST, "coaching_action", "302 404 404 404 404 302 302 302"),
    "mentoring:overview": (GET, "none", "404 404 404 404 404 404 404 200"),
    "mentoring:assignments": (GET, "intake_p", "404 404 404 404 404 404 404 200"),
    "mentoring:assignment_new": (GET, "intake_p", "404 404 404 404 404 404 404 200"),
    "mentoring:assignment_edit": (GET, "agreement_in_intake", "404 404 404 404 404 404 404 200"),
    "mentoring:tags": (GET, "none", "404 404 404 404 404 404 404 200"),
    "mentoring:tag_edit": (GET, "topic_tag", "404 404 404 404 404 404 404 200"),
    "change_projects:mine": (GET, "none", "302 200 200 200 200 200 302 200"),
    "change_projects:dashboard": (GET, "project", "302 404 404 404 404 200 200 200"),
    "change_projects:application": (GET, "project", "302 404 404 404 404 200 200 200"),
    "change_projects:plan": (GET, "project", "302 404 404 404 404 200 200 200"),
    "change_projects:plan_approve": (POST, "project", "302 404 404 404 404 404 404 302"),
    "change_projects:item_add": (GET, "project_milestone_add", "302 404 404 404 404 404 200 404"),
    "change_projects:item_edit": (GET, "project_milestone", "302 404 404 404 404 404 200 404"),
    "change_projects:item_delete": (POST, "project_milestone", "302 404 404 404 404 404 302 404"),
    "change_projects:milestone_status": (POST, "project_milestone_status", "302 404 404 404 404 404 302 404"),
    "change_projects:risk_status": (POST, "project_risk_status", "302 404 404 404 404 404 302 404"),
    "change_projects:documents": (GET, "project", "302 404 404 404 404 200 200 200"),
    "change_projects:document_download": (GET, "project_document", "302 404 404 404 404 200 200 200"),
    "change_projects:document_delete": (POST, "project_document_to_delete", "302 404 404 404 404 404 302 404"),
    "change_projects:reports": (GET, "project", "302 404 404 404 404 200 200 200"),
    "change_projects:report_edit": (GET, "project_period", "302 404 404 404 404 404 302 404"),
    "change_projects:report_detail": (GET, "progress_report", "302 404 404 404 404 200 200 200"),
    "change_projects:report_evidence": (POST, "progress_report", "302 404 404 404 404 404 302 404"),
    "change_projects:report_compare": (GET, "progress_report", "302 404 404 404 404 200 200 200"),
    "change_projects:report_decide": (POST, "progress_report_approve", "302 404 404 404 404 404 404 302"),
    "change_projects:intake_overview": (GET, "intake_p_projects", "302 404 404 404 404 404 404 200"),
    "change_projects:intake_periods": (GET, "intake_p_projects", "302 404 404 404 404 404 404 200"),
    "portal:privacy": (GET, "none", "200 200 200 200 200 200 200 200"),
    "portal:calendar": (GET, "none", "302 200 200 200 200 200 200 200"),
    "portal:calendar_feed": (GET, "calendar_feed", "200 200 200 200 200 200 200 200"),
    "reports:team_request": (POST, "team_p_application", "302 404 404 404 404 302 302 302"),
    "study_visits:list": (GET, "none", "302 200 200 200 200 200 200 200"),
    "study_visits:create": (GET, "none", "404 404 404 404 404 404 404 200"),
    "study_visits:detail": (GET, "visit", "302 404 404 404 404 404 404 200"),
    "study_visits:edit": (GET, "visit", "404 404 404 404 404 404 404 200"),
    "study_visits:ics": (GET, "visit", "302 404 404 404 404 404 404 200"),
    "study_visits:agenda_create": (GET, "visit", "404 404 404 404 404 404 404 200"),
    "study_visits:agenda_edit": (GET, "visit_agenda_item", "404 404 404 404 404 404 404 200"),
    "study_visits:agenda_delete": (POST, "visit_agenda_item", "404 404 404 404 404 404 404 302"),
    "study_visits:places": (GET, "visit", "404 404 404 404 404 404 404 200"),
    "study_visits:sign_up": (POST, "visit", "302 404 404 404 404 404 404 404"),
    "study_visits:attendance": (GET, "visit", "302 404 404 404 404 404 404 200"),
    "study_visits:attendance_summary": (GET, "visit", "302 404 404 404 404 404 404 200"),
    "study_visits:place_cancel": (POST, "place", "302 404 404 404 404 404 404 302"),
    "study_visits:place_priority": (POST, "place", "404 404 404 404 404 404 404 302"),
    "study_visits:offer": (GET, "offer", "302 404 404 404 404 404 404 404"),
    "reports:mine": (GET, "none", "302 200 200 200 200 200 200 200"),
    "reports:intake": (GET, "intake", "404 404 404 404 404 404 404 200"),
    "reports:intake_request": (POST, "intake", "404 404 404 404 404 404 404 302", {"kind": "dossier"}),
    "reports:certificate_request": (POST, "intake_p", "302 404 404 404 404 404 302 404"),
    "reports:export": (GET, "ranking_export_csv", "404 404 404 404 404 404 404 200"),
    "reports:job": (GET, "report_job", "404 404 404 404 404 404 404 200"),
    "reports:job_status": (GET, "report_job", "404 404 404 404 404 404 404 200"),
    "reports:job_download": (GET, "report_job", "404 404 404 404 404 404 404 200"),
    "reports:job_retry": (POST, "report_job", "404 404 404 404 404 404 404 302"),
}
# fmt: on

# Patterns not in the matrix, and why.
EXEMPT_PREFIXES = {
    "admin:": "Django admin: staff only by the admin itself; its login is the portal's (test_admin_*)",
    "account_": "allauth's own account pages: they act on the signed-in person only",
    "mfa_": "allauth's MFA pages: they act on the signed-in person only",
}
EXEMPT = {
    None: "unnamed admin catch-all patterns",
    "set_language": "Django's language switch: no data",
}


def _names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            yield from _names(
                pattern.url_patterns, f"{namespace}:{inner}" if namespace and inner else inner or namespace
            )
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name


def url_names() -> set:
    return set(_names(get_resolver().url_patterns))


def test_every_url_has_a_row():
    unlisted = {
        name
        for name in url_names()
        if name not in MATRIX and name not in EXEMPT and not (name or "").startswith(tuple(EXEMPT_PREFIXES))
    }
    assert sorted(unlisted) == []
    assert sorted(set(MATRIX) - url_names()) == []


def _ask(client, w, name, method, kwargs, data=None) -> int:
    url = reverse(name, kwargs=KWARGS[kwargs](w))
    with transaction.atomic():
        response = getattr(client, method.lower())(url, data or {})
        transaction.set_rollback(True)
    if response.status_code == 302 and "_auth_user_id" not in client.session:
        assert response["Location"].startswith(reverse("account_login")), (name, response["Location"])
    return response.status_code


def test_each_role_gets_the_expected_answer(client, db):
    """One world, every row, every role (one login per role): the diff names the rows that differ."""
    w = world()
    answers = {name: [] for name in MATRIX}
    for role in ROLES:
        client.logout()
        if getattr(w, role) is not None:
            client.force_login(getattr(w, role))
        for name, (method, kwargs, _expected, *data) in MATRIX.items():
            answers[name].append(f"{_ask(client, w, name, method, kwargs, *data):>3}")

    assert {name: " ".join(codes) for name, codes in answers.items()} == {
        name: " ".join(f"{code:>3}" for code in expected.split()) for name, (_m, _k, expected, *_d) in MATRIX.items()
    }
