"""Study-visit e-mails, each in the recipient's language, from templates in templates/study_visits/email/."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .display import offer_deadline_text


def _send(*, template: str, context: dict, user) -> None:
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    context = {**context, "base_url": settings.PORTAL_BASE_URL, "recipient": user}
    with translation.override(language):
        subject = render_to_string(f"study_visits/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"study_visits/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


def _visit_context(visit) -> dict:
    from .selectors import agenda_by_day

    return {
        "visit": visit,
        "agenda": agenda_by_day(visit=visit),
        "visit_url": settings.PORTAL_BASE_URL + reverse("study_visits:detail", args=[visit.pk]),
        "ics_url": settings.PORTAL_BASE_URL + reverse("study_visits:ics", args=[visit.pk]),
    }


# What the person is told, per event; "cancelled" only when someone else cancelled their place.
PLACE_EMAILS = {"booked", "offered", "expired", "cancelled"}


def place_email_send(*, place_id: int, kind: str, actor_id: int | None) -> bool:
    """Tell the person what happened to their place; nothing when they did it themselves."""
    from .models import Place

    place = Place.objects.select_related("visit__intake__programme", "user").get(pk=place_id)
    if kind not in PLACE_EMAILS or (actor_id is not None and actor_id == place.user_id):
        return False
    context = _visit_context(place.visit)
    context["place"] = place
    if kind == "offered":
        context["offer_url"] = settings.PORTAL_BASE_URL + reverse("study_visits:offer", args=[place.offer_token])
        context["deadline"] = offer_deadline_text(place)
    _send(template=f"place_{kind}", context=context, user=place.user)
    return True


def agenda_changed_send(*, visit_id: int, sequence: int) -> int:
    """The agenda as it is now, to everyone booked; skipped when a later change will send its own."""
    from .enums import PlaceStatus
    from .models import StudyVisit

    visit = StudyVisit.objects.select_related("intake__programme").get(pk=visit_id)
    if visit.sequence != sequence:
        return 0
    context = _visit_context(visit)
    people = [p.user for p in visit.places.filter(status=PlaceStatus.BOOKED).select_related("user")]
    for user in people:
        _send(template="agenda_changed", context=context, user=user)
    return len(people)


def reminder_send(*, visit) -> int:
    """A week before: the agenda, the logistics and the calendar file, to everyone booked."""
    from .enums import PlaceStatus

    context = _visit_context(visit)
    people = [p.user for p in visit.places.filter(status=PlaceStatus.BOOKED).select_related("user")]
    for user in people:
        _send(template="reminder", context=context, user=user)
    return len(people)
