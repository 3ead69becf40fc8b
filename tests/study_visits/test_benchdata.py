"""bench/seed.py's study-visit step at a tiny scale."""

import io

import pytest

from bench.seed import seed
from study_visits.enums import PlaceStatus
from study_visits.models import AgendaItem, Attendance, Place, StudyVisit


@pytest.mark.django_db
def test_bench_seed_gives_each_decided_intake_a_visit_within_capacity():
    seed(scale=0.02, stdout=io.StringIO())

    visits = list(StudyVisit.objects.all())
    assert len(visits) == 1
    for visit in visits:
        booked = Place.objects.filter(visit=visit, status=PlaceStatus.BOOKED).count()
        assert booked == visit.capacity
        assert AgendaItem.objects.filter(visit=visit).count() == 7
        expected_marks = booked * 2 if visit.has_ended() else 0
        assert Attendance.objects.filter(place__visit=visit).count() == expected_marks
