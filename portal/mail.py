"""Sending an e-mail once, however many times the task that sends it runs.

Celery acknowledges tasks late and gives a dead worker's task to another worker, so a task can
run twice. Every e-mail the portal sends from a task has a message key (what it is about and
for whom); the key's row is locked before sending and marked sent in the same transaction, so
a second run finds it sent and does nothing. (A worker killed in the instant between the mail
server accepting the message and the commit sends it again: at least once, never lost.)
"""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import SentEmail


def send_once(*, key: str, subject: str, body: str, to: list[str], from_email: str | None = None) -> bool:
    """Send unless the message `key` was already sent; return whether it was sent now."""
    with transaction.atomic():
        marker, _created = SentEmail.objects.select_for_update().get_or_create(key=key[:255])
        if marker.sent_at is not None:
            return False
        send_mail(subject, body, from_email, to)
        marker.sent_at = timezone.now()
        marker.save(update_fields=["sent_at"])
    return True
