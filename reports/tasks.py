"""Thin Celery tasks: ids in, the service does the work."""

from celery import shared_task


@shared_task(name="reports.make_report", acks_late=True, reject_on_worker_lost=True)
def make_report(job_id: int) -> None:
    from .services import report_make

    report_make(job_id=job_id)


@shared_task(name="reports.expire_reports")
def expire_reports() -> int:
    from .services import report_jobs_expire

    return report_jobs_expire()
