"""Every write of study visits: visits and their agenda, places and the waiting list, attendance.

Capacity is enforced under the visit row's lock (`SELECT … FOR UPDATE` on PostgreSQL): every
service that takes or frees a seat locks the visit first, counts, then writes, so two requests for
the last place are served one after the other. Place statuses change only through
`portal.workflow.transition` with `PLACE_WORKFLOW`.
"""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.rules import is_programme_staff
from portal.models import Activity
from portal.workflow import TransitionForbidden, transition

from . import selectors
from .enums import ACTIVE_STATES, PlaceStatus
from .models import AgendaItem, Attendance, Place, StudyVisit
from .workflows import PLACE_WORKFLOW

P = PlaceStatus
# Agenda changes within this many seconds reach the booked people as one e-mail (with a broker).
AGENDA_NOTICE_DELAY = 300


class CapacityError(ValidationError):
    """Not enough places left for what was asked."""


def _lock(visit) -> StudyVisit:
    """Lock the visit row for the rest of the transaction: the one gate to its capacity."""
    return StudyVisit.objects.select_for_update().get(pk=visit.pk)


def _free_seats(visit) -> int:
    return visit.capacity - selectors.seats_taken(visit=visit)


def _refuse_if_started(visit) -> None:
    if visit.has_started():
        raise ValidationError(_("This study visit has started; places can no longer change."), code="started")


# --- Visits and agenda ----------------------------------------------------------------------------


VISIT_FIELDS = (
    "intake",
    "title",
    "host",
    "address",
    "time_zone",
    "starts_on",
    "ends_on",
    "capacity",
    "description",
    "travel",
    "accommodation",
    "contact_on_site",
    "host_contact",
    "offer_hours",
)


@transaction.atomic
def visit_create(*, by, data: dict) -> StudyVisit:
    """Schedule a visit for an intake."""
    visit = StudyVisit(**{name: data[name] for name in VISIT_FIELDS if name in data})
    visit.full_clean()
    visit._history_user = by
    visit.save()
    return visit


@transaction.atomic
def visit_update(*, visit, by, data: dict) -> StudyVisit:
    """Change a visit; its calendar SEQUENCE goes up. More places fill from the waiting list at once.

    The capacity cannot go below the seats already booked or offered.
    """
    locked = _lock(visit)
    changed = [name for name in VISIT_FIELDS if name in data and getattr(locked, name) != data[name]]
    if not changed:
        return locked
    if "intake" in changed and locked.places.exists():
        raise ValidationError(_("People have places on this visit: it cannot move to another intake."), code="intake")
    for name in changed:
        setattr(locked, name, data[name])
    taken = selectors.seats_taken(visit=locked)
    if locked.capacity < taken:
        raise CapacityError(
            ngettext(
                "%(count)d place is taken; the visit cannot have fewer places.",
                "%(count)d places are taken; the visit cannot have fewer places.",
                taken,
            )
            % {"count": taken},
            code="capacity",
        )
    locked.full_clean()
    locked.sequence += 1  # the row is locked: no lost update
    locked._history_user = by
    locked.save()
    if "capacity" in changed:
        _advance(locked)
    return locked


def _notify_agenda_changed(visit) -> None:
    """Booked people hear of agenda changes (several changes in a few minutes make one e-mail)."""
    from .tasks import send_agenda_changed

    if not visit.places.filter(status=P.BOOKED).exists():
        return
    StudyVisit.objects.filter(pk=visit.pk).update(sequence=F("sequence") + 1)
    sequence = StudyVisit.objects.values_list("sequence", flat=True).get(pk=visit.pk)
    transaction.on_commit(
        lambda: send_agenda_changed.apply_async(args=[visit.pk, sequence], countdown=AGENDA_NOTICE_DELAY)
    )


def local_moment(visit, day, clock: time) -> datetime:
    """A day and a time on the host's clock, as an aware datetime."""
    return datetime.combine(day, clock, tzinfo=visit.tzinfo)


def _item_fields(visit, data: dict) -> dict:
    fields = {name: data[name] for name in ("title", "kind", "place", "speaker") if name in data}
    fields["starts_at"] = local_moment(visit, data["day"], data["starts"])
    fields["ends_at"] = local_moment(visit, data["day"], data["ends"])
    return fields


@transaction.atomic
def agenda_item_create(*, visit, by, data: dict) -> AgendaItem:
    """Add an item; `data` has day, starts and ends (the host's clock), title, kind, place, speaker."""
    item = AgendaItem(visit=visit, **_item_fields(visit, data))
    item.full_clean()
    item._history_user = by
    item.save()
    _notify_agenda_changed(visit)
    return item


@transaction.atomic
def agenda_item_update(*, item, by, data: dict) -> AgendaItem:
    for name, value in _item_fields(item.visit, data).items():
        setattr(item, name, value)
    item.full_clean()
    item.sequence += 1
    item._history_user = by
    item.save()
    _notify_agenda_changed(item.visit)
    return item


@transaction.atomic
def agenda_item_delete(*, item, by) -> None:
    visit = item.visit
    item._history_user = by
    item.delete()
    _notify_agenda_changed(visit)


# --- Places ---------------------------------------------------------------------------------------


def _create_place(*, visit, user, application, status, by, verb) -> Place:
    place = Place.objects.create(visit=visit, user=user, application=application, status=status, booked_by=by)
    Activity.record(obj=place, actor=by, verb=verb, to_state=status)
    return place


def _ensure_not_placed(visit, users) -> None:
    placed = list(
        Place.objects.filter(visit=visit, user__in=users, status__in=sorted(ACTIVE_STATES)).select_related("user")
    )
    if placed:
        raise ValidationError(
            _("Already on this visit or its waiting list: %(names)s.")
            % {"names": ", ".join(sorted(str(p.user) for p in placed))},
            code="placed",
        )


def _queue_booked_email(place) -> None:
    from .tasks import send_place_email

    transaction.on_commit(lambda: send_place_email.delay(place.pk, "booked", place.booked_by_id))


@transaction.atomic
def places_book_team(*, visit, application, by) -> list[Place]:
    """Staff book every member of a selected team, or nobody: the team needs as many free places as it has members."""
    if not is_programme_staff(by):
        raise TransitionForbidden("study visit: book a team")
    visit = _lock(visit)
    _refuse_if_started(visit)
    if not selectors.selected_teams(intake=visit.intake).filter(pk=application.pk).exists():
        raise ValidationError(_("This team is not a selected team of the visit's intake."), code="team")
    members = list(application.members.select_related("user"))
    _ensure_not_placed(visit, [m.user for m in members])
    free = _free_seats(visit)
    if len(members) > free:
        raise CapacityError(
            _("The team has %(team)d members and %(free)d places are left: nobody was booked.")
            % {"team": len(members), "free": max(free, 0)},
            code="capacity",
        )
    places = [
        _create_place(
            visit=visit, user=m.user, application=application, status=P.BOOKED, by=by, verb=_("booked the team")
        )
        for m in members
    ]
    for place in places:
        _queue_booked_email(place)
    return places


@transaction.atomic
def place_book(*, visit, user, by) -> Place:
    """Staff book one participant (when a place is free), or the participant signs up for themselves.

    A participant who finds the visit full joins the waiting list instead; staff are told it is full.
    """
    visit = _lock(visit)
    _refuse_if_started(visit)
    team = selectors.participant_team(user=user, intake=visit.intake)
    if team is None:
        raise ValidationError(_("%(name)s is not a participant of this intake.") % {"name": user}, code="team")
    by_staff = by.pk != user.pk
    if by_staff and not is_programme_staff(by):
        raise TransitionForbidden("study visit: book someone else")
    _ensure_not_placed(visit, [user])
    if _free_seats(visit) > 0:
        place = _create_place(
            visit=visit,
            user=user,
            application=team,
            status=P.BOOKED,
            by=by,
            verb=_("booked a place") if by_staff else _("signed up"),
        )
        if by_staff:
            _queue_booked_email(place)
        return place
    if by_staff:
        raise CapacityError(_("The visit is full: no place is left."), code="capacity")
    return _create_place(
        visit=visit, user=user, application=team, status=P.WAITING, by=by, verb=_("joined the waiting list")
    )


def _offer_deadline(visit, now) -> datetime | None:
    """The offer is held `offer_hours`, and never past the start of the visit (None: too late to offer)."""
    start = local_moment(visit, visit.starts_on, time(0, 0))
    if now >= start:
        return None
    return min(now + timedelta(hours=visit.offer_hours), start)


def _advance(visit, *, now=None) -> list[Place]:
    """Offer every free seat to the next in line. Call with the visit locked."""
    now = now or timezone.now()
    deadline = _offer_deadline(visit, now)
    free = _free_seats(visit)
    if deadline is None or free <= 0:
        return []
    offered = []
    for place in selectors.next_in_line(visit=visit, count=free):
        transition(workflow=PLACE_WORKFLOW, obj=place, to=P.OFFERED, by=None, deadline=deadline)
        offered.append(place)
    return offered


@transaction.atomic
def waiting_list_advance(*, visit, now=None) -> list[Place]:
    """Offer the visit's free seats to the waiting list, in order (priority, then time)."""
    return _advance(_lock(visit), now=now)


@transaction.atomic
def place_cancel(*, place, by, reason: str = "") -> Place:
    """The person leaves (a booking or the waiting list) or staff cancel it; a freed seat is offered on."""
    visit = _lock(place.visit)
    transition(workflow=PLACE_WORKFLOW, obj=place, to=P.CANCELLED, by=by, reason=reason)
    _advance(visit)
    return place


@transaction.atomic
def offer_accept(*, place, by) -> Place:
    """Take the offered seat, before the offer's deadline."""
    _lock(place.visit)
    place.refresh_from_db()
    if place.status == P.OFFERED and not place.offer_is_open():
        raise ValidationError(_("This offer has expired."), code="expired")
    transition(workflow=PLACE_WORKFLOW, obj=place, to=P.BOOKED, by=by)
    return place


@transaction.atomic
def offer_decline(*, place, by) -> Place:
    """Turn the offer down; the seat goes to the next in line."""
    visit = _lock(place.visit)
    transition(workflow=PLACE_WORKFLOW, obj=place, to=P.DECLINED, by=by)
    _advance(visit)
    return place


def offers_expire(*, now=None) -> int:
    """Expire offers past their deadline and offer the seats on (Celery beat runs this)."""
    now = now or timezone.now()
    expired = 0
    visit_ids = set(Place.objects.filter(status=P.OFFERED, offer_expires_at__lt=now).values_list("visit_id", flat=True))
    for visit in StudyVisit.objects.filter(pk__in=visit_ids):
        with transaction.atomic():
            visit = _lock(visit)
            for place in Place.objects.filter(visit=visit, status=P.OFFERED, offer_expires_at__lt=now):
                transition(workflow=PLACE_WORKFLOW, obj=place, to=P.EXPIRED, by=None)
                expired += 1
            _advance(visit, now=now)
    return expired


@transaction.atomic
def place_set_priority(*, place, priority: int, by) -> Place:
    """Staff move someone up or down the waiting list (higher goes first)."""
    if not is_programme_staff(by):
        raise TransitionForbidden("study visit: priority")
    if place.status != P.WAITING:
        raise ValidationError(_("Only a place on the waiting list has a priority."), code="status")
    place.priority = priority
    place._history_user = by
    place.save(update_fields=["priority", "updated_at"])
    return place


# --- Attendance -----------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, place, day, present: bool, by) -> Attendance:
    """Mark a booked person present or absent on one day of the visit (not before that day)."""
    visit = place.visit
    if place.status != P.BOOKED:
        raise ValidationError(_("Only booked people have attendance."), code="status")
    if day not in visit.days():
        raise ValidationError(_("That day is not a day of the visit."), code="day")
    if day > timezone.localtime(timezone.now(), visit.tzinfo).date():
        raise ValidationError(_("Attendance can be recorded on the day, not before."), code="early")
    record, _created = Attendance.objects.update_or_create(
        place=place, day=day, defaults={"present": present, "recorded_by": by}
    )
    return record


# --- Reminders ------------------------------------------------------------------------------------

REMIND_BEFORE = timedelta(days=7)


def reminders_send(*, now=None) -> int:
    """A week before a visit, every booked person gets its agenda and logistics once (beat, daily)."""
    from .emails import reminder_send

    now = now or timezone.now()
    sent = 0
    for visit in StudyVisit.objects.filter(
        reminder_sent_at__isnull=True,
        starts_on__gt=timezone.localdate(now),
        starts_on__lte=(now + REMIND_BEFORE).date(),
    ).select_related("intake__programme"):
        with transaction.atomic():
            claimed = StudyVisit.objects.filter(pk=visit.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
            if claimed:
                sent += reminder_send(visit=visit)
    return sent
