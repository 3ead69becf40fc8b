"""Thin Celery tasks: ids in, fetch, call the e-mail or service code. Beat runs `reports_daily`."""

from celery import shared_task


@shared_task(name="change_projects.send_report_submitted_email")
def send_report_submitted_email(activity_id: int) -> int:
    from .emails import report_submitted_send

    return report_submitted_send(activity_id=activity_id)


@shared_task(name="change_projects.send_report_decided_email")
def send_report_decided_email(activity_id: int) -> int:
    from .emails import report_decided_send

    return report_decided_send(activity_id=activity_id)


@shared_task(name="change_projects.reports_daily")
def reports_daily() -> int:
    from .services import reports_remind

    return reports_remind()
