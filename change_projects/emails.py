"""Change-project e-mails, each in its recipient's language."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import PROGRAMME_STAFF_GROUP, User
from portal.models import Activity

from .models import ProgressReport


def _send(*, template: str, context: dict, users) -> int:
    sent = 0
    for user in users:
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            body_context = {**context, "recipient": user, "base_url": settings.PORTAL_BASE_URL}
            subject = render_to_string(f"change_projects/email/{template}_subject.txt", body_context).strip()
            body = render_to_string(f"change_projects/email/{template}.txt", body_context)
        sent += send_mail(subject, body, None, [user.email])
    return sent


def _report_url(report) -> str:
    return settings.PORTAL_BASE_URL + reverse("change_projects:report_detail", args=[report.pk])


def _team(project):
    return User.objects.filter(participations__project=project, is_active=True).order_by("pk")


def report_submitted_send(*, activity_id: int) -> int:
    """Tell programme staff that a team submitted (or resubmitted) its report."""
    activity = Activity.objects.get(pk=activity_id)
    report = ProgressReport.objects.select_related("project__intake__programme", "period__phase").get(
        pk=activity.object_id
    )
    staff = User.objects.filter(groups__name=PROGRAMME_STAFF_GROUP, is_active=True).order_by("pk")
    return _send(
        template="report_submitted",
        context={"report": report, "project": report.project, "url": _report_url(report), "actor": activity.actor},
        users=staff,
    )


def report_decided_send(*, activity_id: int) -> int:
    """Tell the team its report was returned (with the comment) or approved."""
    activity = Activity.objects.get(pk=activity_id)
    report = ProgressReport.objects.select_related("project__intake__programme", "period__phase").get(
        pk=activity.object_id
    )
    return _send(
        template=f"report_{activity.to_state}",
        context={"report": report, "project": report.project, "url": _report_url(report), "comment": activity.reason},
        users=_team(report.project),
    )


def report_reminder_send(*, project, period, kind: str) -> int:
    from programmes.display import local_datetime_text

    return _send(
        template=f"report_reminder_{kind}",
        context={
            "project": project,
            "period": period,
            "due": local_datetime_text(period.intake, period.due_at - timedelta(minutes=1)),
            "url": settings.PORTAL_BASE_URL + reverse("change_projects:reports", args=[project.pk]),
        },
        users=_team(project),
    )
