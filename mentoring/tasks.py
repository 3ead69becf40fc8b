"""Thin Celery tasks: ids in, fetch, call the e-mail or service code. Beat runs the weekly digest."""

from celery import shared_task


@shared_task(name="mentoring.action_digest_weekly")
def action_digest_weekly() -> int:
    from .emails import action_digest_send

    return action_digest_send()
