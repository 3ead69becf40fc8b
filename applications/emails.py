"""The team's e-mails, each in the recipient's own language and with their own clock."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from portal.mail import send_once
from portal.models import Activity
from programmes.display import for_recipient, local_datetime_text

from .display import deadline_text, status_event_text
from .enums import ApplicationStatus
from .models import Application, Invitation


def _send(*, template: str, context: dict, user=None, email=None, key: str = "") -> None:
    with for_recipient(user):
        subject = render_to_string(f"applications/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"applications/email/{template}.txt", {**context, "recipient": user})
    if key:
        # Keyed: a retried or redelivered task does not send it twice (portal.mail).
        send_once(key=key, subject=subject, body=body, to=[email or user.email])
    else:
        send_mail(subject, body, None, [email or user.email])


def status_email_send(*, activity_id: int) -> None:
    """Tell every team member what happened; a submission comes with a summary of what was sent."""
    change = Activity.objects.select_related("actor", "content_type").get(pk=activity_id)
    application = (
        Application.objects.select_related("intake__programme")
        .prefetch_related("members__user", "organisations", "attachments")
        .get(pk=change.object_id)
    )
    for member in application.members.all():
        with for_recipient(member.user):
            context = {
                "application": application,
                "change": change,
                "event": status_event_text(change),
                "deadline": deadline_text(application),
                "is_submission": change.to_state == ApplicationStatus.SUBMITTED,
                "received": local_datetime_text(application.intake, application.submitted_at, seconds=True)
                if application.submitted_at
                else "",
                "status_label": ApplicationStatus(change.to_state).label,
                "base_url": settings.PORTAL_BASE_URL,
            }
            _send(
                template="status",
                context=context,
                user=member.user,
                key=f"application-activity:{change.pk}:{member.user.pk}",
            )


def invitation_email_send(*, invitation_id: int, accept_url: str) -> None:
    invitation = Invitation.objects.select_related("application__intake__programme", "invited_by").get(pk=invitation_id)
    _send(
        template="invitation",
        context={"invitation": invitation, "accept_url": accept_url, "application": invitation.application},
        email=invitation.email,
    )
