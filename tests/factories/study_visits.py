from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from study_visits.enums import AgendaKind, PlaceStatus
from study_visits.models import AgendaItem, Attendance, Place, StudyVisit

from .accounts import UserFactory
from .applications import ApplicationFactory, TeamMemberFactory
from .programmes import IntakeFactory
from .selection import ConfirmationFactory


def SelectedTeamFactory(*, intake, size=3, confirmed=True, **kwargs):
    """An accepted team of `size` members in `intake`, its place confirmed (so its members are participants)."""
    application = ApplicationFactory(intake=intake, accepted=True, **kwargs)
    for _n in range(size - 1):
        TeamMemberFactory(application=application)
    ConfirmationFactory(application=application, confirmed=confirmed)
    return application


def IntakeParticipantFactory(*, intake, **kwargs):
    """A member (the contact person) of a new one-person selected team in `intake`."""
    return SelectedTeamFactory(intake=intake, size=1, contact_person=UserFactory(**kwargs)).contact_person


class StudyVisitFactory(factory.django.DjangoModelFactory):
    """A two-day visit a month from now, in Stockholm's time zone, with 10 places."""

    class Meta:
        model = StudyVisit

    intake = factory.SubFactory(IntakeFactory)
    title = factory.Sequence(lambda n: f"Study visit to Gothenburg {n}")
    host = "City of Gothenburg"
    address = "Gustaf Adolfs torg 4, Gothenburg"
    time_zone = "Europe/Stockholm"
    starts_on = factory.LazyFunction(lambda: date.today() + timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=1))
    capacity = 10
    description = "Two days with the city's participation unit."

    class Params:
        past = factory.Trait(
            starts_on=factory.LazyFunction(lambda: date.today() - timedelta(days=30)),
        )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """09:00–10:30 on the visit's first day, on the host's clock."""

    class Meta:
        model = AgendaItem

    visit = factory.SubFactory(StudyVisitFactory)
    starts_at = factory.LazyAttribute(lambda o: datetime.combine(o.visit.starts_on, time(9, 0), tzinfo=o.visit.tzinfo))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(minutes=90))
    title = factory.Sequence(lambda n: f"Meeting {n}")
    kind = AgendaKind.POLITICIANS
    place = "City Hall"
    speaker = "Anna Svensson, chair of the council"


class PlaceFactory(factory.django.DjangoModelFactory):
    """A booked place of a participant of the visit's intake."""

    class Meta:
        model = Place

    visit = factory.SubFactory(StudyVisitFactory)
    application = factory.LazyAttribute(
        lambda o: SelectedTeamFactory(
            intake=o.visit.intake, size=1, **({"contact_person": UserFactory(email=o.email)} if o.email else {})
        )
    )
    user = factory.LazyAttribute(lambda o: o.application.contact_person)
    status = PlaceStatus.BOOKED

    class Params:
        email = None  # the person's e-mail address, for tests that name people
        waiting = factory.Trait(status=PlaceStatus.WAITING)
        offered = factory.Trait(
            status=PlaceStatus.OFFERED,
            offer_expires_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=48)),
        )


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    place = factory.SubFactory(PlaceFactory)
    day = factory.LazyAttribute(lambda o: o.place.visit.starts_on)
    present = True
