"""Mentoring's e-mails: the weekly digest of agreed actions, to each owner in their language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from programmes.display import for_recipient

from .selectors import digest_actions


def action_digest_send(*, today=None) -> int:
    """One e-mail to each person with open or overdue actions; returns how many were sent.

    Only the actions themselves are listed (what, team, due date): never session notes.
    """
    today = today or timezone.localdate()
    sent = 0
    for owner, actions in digest_actions().items():
        context = {
            "recipient": owner,
            "count": len(actions),
            "overdue": [a for a in actions if a.due_on < today],
            "open": [a for a in actions if a.due_on >= today],
            "base_url": settings.PORTAL_BASE_URL,
        }
        with for_recipient(owner):
            subject = render_to_string("mentoring/email/digest_subject.txt", context).strip()
            body = render_to_string("mentoring/email/digest.txt", context)
        send_mail(subject, body, None, [owner.email])
        sent += 1
    return sent
