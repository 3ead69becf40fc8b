from django.conf import settings

from config.celery import app as celery_app


def broker_status() -> dict:
    """Whether the Celery broker answers. Without a broker, tasks run in process."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        return {"ok": True, "mode": "in-process"}
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return {"ok": True, "mode": "broker"}
    except Exception as exc:  # noqa: BLE001 - any failure means "down" to a monitor
        return {"ok": False, "mode": "broker", "error": exc.__class__.__name__}
