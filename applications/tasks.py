"""Thin Celery tasks: ids in, fetch, call the e-mail code."""

from celery import shared_task

from portal.tasks import EMAIL_TASK_OPTIONS


@shared_task(name="applications.send_status_email", **EMAIL_TASK_OPTIONS)
def send_status_email(activity_id: int) -> None:
    from .emails import status_email_send

    status_email_send(activity_id=activity_id)


@shared_task(name="applications.send_invitation_email", **EMAIL_TASK_OPTIONS)
def send_invitation_email(invitation_id: int, accept_url: str) -> None:
    from .emails import invitation_email_send

    invitation_email_send(invitation_id=invitation_id, accept_url=accept_url)
