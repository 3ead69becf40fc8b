"""Two people ask for the last place at the same moment: exactly one gets it (PostgreSQL row lock)."""

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from study_visits import selectors
from study_visits.enums import PlaceStatus
from study_visits.models import Place
from tests.factories import IntakeParticipantFactory, PlaceFactory, StudyVisitFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sign_ups_for_the_last_place_book_exactly_one(monkeypatch):
    visit = StudyVisitFactory(capacity=2)
    PlaceFactory(visit=visit)
    people = [IntakeParticipantFactory(intake=visit.intake) for _n in range(2)]
    counted = selectors.seats_taken

    def slow_count(*, visit):
        # Widen the window between counting and booking: without the lock both would see a free place.
        taken = counted(visit=visit)
        time.sleep(0.5)
        return taken

    monkeypatch.setattr(selectors, "seats_taken", slow_count)
    start = threading.Barrier(2)
    answers = {}

    def ask(person):
        client = Client()
        client.force_login(person)
        start.wait()
        try:
            answers[person.pk] = client.post(f"/study-visits/{visit.pk}/sign-up/").status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    statuses = sorted(Place.objects.filter(visit=visit, user__in=people).values_list("status", flat=True))
    assert answers == {people[0].pk: 302, people[1].pk: 302}
    assert statuses == [PlaceStatus.BOOKED, PlaceStatus.WAITING]
    assert Place.objects.filter(visit=visit, status=PlaceStatus.BOOKED).count() == 2
