"""Thin Celery tasks: ids in, fetch, call the e-mail or service code. Beat runs the two `*_daily` ones."""

from celery import shared_task

from portal.tasks import EMAIL_TASK_OPTIONS


@shared_task(name="selection.send_assignment_emails", **EMAIL_TASK_OPTIONS)
def send_assignment_emails(intake_id: int) -> int:
    from .emails import assignments_email_send

    return assignments_email_send(intake_id=intake_id)


@shared_task(name="selection.send_reviewer_added_email", **EMAIL_TASK_OPTIONS)
def send_reviewer_added_email(intake_id: int, user_id: int) -> None:
    from .emails import reviewer_added_email_send

    reviewer_added_email_send(intake_id=intake_id, user_id=user_id)


@shared_task(name="selection.send_reviewer_invitation", **EMAIL_TASK_OPTIONS)
def send_reviewer_invitation(invitation_id: int) -> None:
    from .emails import reviewer_invitation_email_send

    reviewer_invitation_email_send(invitation_id=invitation_id)


@shared_task(name="selection.send_decision_email", **EMAIL_TASK_OPTIONS)
def send_decision_email(decision_id: int) -> None:
    from .emails import decision_email_send

    decision_email_send(decision_id=decision_id)


@shared_task(name="selection.send_conflict_declared_email", **EMAIL_TASK_OPTIONS)
def send_conflict_declared_email(declaration_id: int) -> int:
    from .emails import conflict_declared_email_send

    return conflict_declared_email_send(declaration_id=declaration_id)


@shared_task(name="selection.review_reminders_daily")
def review_reminders_daily() -> int:
    from .services import reviews_remind

    return reviews_remind()


@shared_task(name="selection.confirmations_daily")
def confirmations_daily() -> dict:
    from .services import confirmations_expire, confirmations_remind

    return {"reminded": confirmations_remind(), "expired": confirmations_expire()}
