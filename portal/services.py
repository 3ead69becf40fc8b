from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

from config.celery import app as celery_app

from .models import CalendarFeed


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


@transaction.atomic
def calendar_feed_regenerate(*, user) -> CalendarFeed:
    """A new secret feed address for `user`; the old one stops answering at once."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(user=user)


def calendar_feed_revoke(*, user) -> None:
    """No feed address any more: every subscription to it stops."""
    CalendarFeed.objects.filter(user=user).delete()


def calendar_feed_ics(*, token: str) -> bytes | None:
    """The feed's calendar for its token, or None when no feed has that token (revoked or wrong)."""
    from django.utils import timezone, translation
    from django.utils.translation import gettext as _

    from .ics import calendar_ics
    from .registry import calendar_events_for

    feed = CalendarFeed.objects.select_related("user").filter(token=token).first() if token else None
    if feed is None:
        return None
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())
    with translation.override(feed.user.preferred_language or settings.LANGUAGE_CODE):
        return calendar_ics(calendar_events_for(feed.user), name=_("My programme"), refresh_hours=6)


@transaction.atomic
def activities_redate(*, obj, dates: list) -> int:
    """Demo data: give an object's own feed entries, oldest first, the moments in `dates` (the last one repeats).

    The demo writes a past intake's history today; this puts it back when it would have happened.
    """
    from django.contrib.contenttypes.models import ContentType

    from .models import Activity

    entries = list(
        Activity.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).order_by(
            "created_at", "pk"
        )
    )
    for index, entry in enumerate(entries):
        entry.created_at = dates[min(index, len(dates) - 1)]
    Activity.objects.bulk_update(entries, ["created_at"])
    return len(entries)


# The apps whose rows the demo's follow-up writes (feed entries, created/updated stamps, history records).
DEMO_DATED_APPS = ("portal", "applications", "selection", "change_projects", "mentoring", "study_visits")


@contextmanager
def demo_dated(moment):
    """Demo data: every date-time the block stamps with the load time gets `moment` instead.

    Services stamp `now` (feed entries, `created_at`/`updated_at`, submitted/approved times, history
    records); a past intake's story wraps each step in this block so the step keeps the day it would
    have happened. Only values written while the block ran are touched, so dates set on purpose stay.
    Objects made in the block and saved again later must be read again first (`refresh_from_db`):
    their in-memory copy still holds the load time, which a save (or a history record) writes back.
    """
    from django.apps import apps
    from django.db import models
    from django.utils import timezone

    started = timezone.now()
    yield
    ended = timezone.now()
    for model in apps.get_models():
        if model._meta.app_label not in DEMO_DATED_APPS:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField):
                model._base_manager.filter(**{f"{field.attname}__range": (started, ended)}).update(
                    **{field.attname: moment}
                )
