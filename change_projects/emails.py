"""Change-project e-mails, each in its recipient's language and, for times, their own clock too."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import PROGRAMME_STAFF_GROUP, User
from portal.models import Activity
from programmes.display import for_recipient, local_datetime_text

from .models import ProgressReport


def _send(*, template: str, context: dict, users, in_their_clock=None) -> int:
    """One e-mail per user, in their language; `in_their_clock()` adds what reads in their time zone."""
    sent = 0
    for user in users:
        with for_recipient(user):
            body_context = {**context, "recipient": user, "base_url": settings.PORTAL_BASE_URL}
            if in_their_clock is not None:
                body_context.update(in_their_clock())
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
    """Remind the team of a report due soon or overdue: the due time in the intake's zone and their own."""
    return _send(
        template=f"report_reminder_{kind}",
        context={
            "project": project,
            "period": period,
            "url": settings.PORTAL_BASE_URL + reverse("change_projects:reports", args=[project.pk]),
        },
        users=_team(project),
        in_their_clock=lambda: {"due": local_datetime_text(period.intake, period.due_at - timedelta(minutes=1))},
    )
