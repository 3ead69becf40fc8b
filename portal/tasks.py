"""Background work shared by every app."""

from celery import shared_task
from django.core.mail import send_mail


@shared_task(name="portal.send_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, subject: str, body: str, to: list[str]) -> int:
    """Send one plain-text e-mail. Apps queue it with transaction.on_commit."""
    return send_mail(subject, body, None, to)
