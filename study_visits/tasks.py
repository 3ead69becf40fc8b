"""Thin Celery tasks: ids in, fetch, call the e-mail or service code. Beat runs the last two."""

from celery import shared_task


@shared_task(name="study_visits.send_place_email")
def send_place_email(place_id: int, kind: str, actor_id: int | None = None) -> bool:
    from .emails import place_email_send

    return place_email_send(place_id=place_id, kind=kind, actor_id=actor_id)


@shared_task(name="study_visits.send_agenda_changed")
def send_agenda_changed(visit_id: int, sequence: int) -> int:
    from .emails import agenda_changed_send

    return agenda_changed_send(visit_id=visit_id, sequence=sequence)


@shared_task(name="study_visits.offers_expire")
def offers_expire() -> int:
    from .services import offers_expire

    return offers_expire()


@shared_task(name="study_visits.reminders_daily")
def reminders_daily() -> int:
    from .services import reminders_send

    return reminders_send()
