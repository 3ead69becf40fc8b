"""Benchmark data (see bench/seed.py): a study visit per decided intake, with agenda, places, waiting list, attendance.

Each decided intake's confirmed teams are its participants. Its visit takes three in four of them
(whole teams, in order), the rest wait in line; a visit already over has every day's attendance.
"""

from datetime import datetime, timedelta

from applications.models import TeamMember
from selection.enums import ConfirmationStatus
from selection.models import Confirmation
from selection.selectors import is_application_selected

from .demo import AGENDA
from .enums import PlaceStatus
from .models import AgendaItem, Attendance, Place, StudyVisit

HOSTS = ["Uppsala Municipality", "City of Malmö", "Region Västerbotten", "City of Gothenburg", "Örebro Municipality"]


def seed(ctx) -> None:
    staff = ctx.made["staff"][0]
    rng = ctx.rng
    accepted = [a.pk for a in ctx.made["applications"] if is_application_selected(a)]
    confirmed = set(
        Confirmation.objects.filter(application_id__in=accepted, status=ConfirmationStatus.CONFIRMED).values_list(
            "application_id", flat=True
        )
    )
    members_by_intake: dict[int, list[tuple[int, int]]] = {}
    for intake_id, application_id, user_id in (
        TeamMember.objects.filter(application_id__in=confirmed)
        .order_by("application_id", "pk")
        .values_list("application__intake_id", "application_id", "user_id")
    ):
        members_by_intake.setdefault(intake_id, []).append((application_id, user_id))
    visits, plans = [], []
    for index, intake in enumerate(i for i in ctx.made["intakes"] if i.bench_kind == "decided"):
        members = members_by_intake.get(intake.pk, [])
        starts_on = (intake.closes_at + timedelta(days=150)).date()
        visits.append(
            StudyVisit(
                intake=intake,
                title=f"Study visit to {HOSTS[index % len(HOSTS)]}",
                host=HOSTS[index % len(HOSTS)],
                address="City Hall",
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=1),
                capacity=max(1, len(members) * 3 // 4),
                description="Two days with the host's citizen dialogue team.",
            )
        )
        plans.append(members)
    visits = ctx.bulk(StudyVisit, visits)
    items, places = [], []
    for visit, members in zip(visits, plans, strict=True):
        for day, starts, ends, title, kind, place, speaker in AGENDA:
            date = visit.starts_on + timedelta(days=day)
            items.append(
                AgendaItem(
                    visit=visit,
                    starts_at=datetime.combine(date, starts, tzinfo=visit.tzinfo),
                    ends_at=datetime.combine(date, ends, tzinfo=visit.tzinfo),
                    title=title,
                    kind=kind,
                    place=place,
                    speaker=speaker,
                )
            )
        for position, (application_id, user_id) in enumerate(members):
            booked = position < visit.capacity
            places.append(
                Place(
                    visit=visit,
                    application_id=application_id,
                    user_id=user_id,
                    status=PlaceStatus.BOOKED if booked else PlaceStatus.WAITING,
                    booked_by=staff if booked else None,
                    requested_at=ctx.now - timedelta(days=30, minutes=-position),
                )
            )
    ctx.bulk(AgendaItem, items)
    places = ctx.bulk(Place, places)
    visit_by_pk = {v.pk: v for v in visits}
    today = ctx.now.date()
    attendance = [
        Attendance(place=place, day=day, present=rng.random() < 0.9, recorded_by=staff)
        for place in places
        if place.status == PlaceStatus.BOOKED and visit_by_pk[place.visit_id].ends_on < today
        for day in visit_by_pk[place.visit_id].days()
    ]
    ctx.bulk(Attendance, attendance)
    ctx.made["study_visits"] = visits
    ctx.made["summary"].append(f"{len(visits)} study visits, {len(places)} places, {len(attendance)} attendance marks")
