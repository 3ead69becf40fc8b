"""Background work shared by every app."""

from smtplib import SMTPException

from celery import shared_task
from django.core.mail import send_mail

# Every task that sends e-mail retries when the mail server is down or slow (EMAIL_TIMEOUT),
# with exponential back-off and jitter so that retries from many tasks do not arrive together.
EMAIL_TASK_OPTIONS = {
    "autoretry_for": (OSError, SMTPException),
    "retry_backoff": 30,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(name="portal.send_email", **EMAIL_TASK_OPTIONS)
def send_email(*, subject: str, body: str, to: list[str], key: str = "") -> int:
    """Send one plain-text e-mail; with a message key, at most once. Apps queue it with on_commit."""
    if key:
        from .mail import send_once

        return int(send_once(key=key, subject=subject, body=body, to=to))
    return send_mail(subject, body, None, to)
