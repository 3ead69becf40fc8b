"""Places: teams all or nothing, sign-up and the waiting list walked by priority then time, offers."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from portal.models import Activity
from portal.workflow import TransitionForbidden
from study_visits import services
from study_visits.enums import PlaceStatus
from study_visits.models import Place
from tests.factories import (
    IntakeParticipantFactory,
    PlaceFactory,
    SelectedTeamFactory,
    StaffFactory,
    StudyVisitFactory,
)

P = PlaceStatus


def statuses(visit) -> dict[str, str]:
    return {p.user.email: p.status for p in Place.objects.filter(visit=visit).select_related("user")}


def test_team_booking_is_refused_whole_when_places_are_short(db):
    staff = StaffFactory()
    visit = StudyVisitFactory(capacity=4)
    PlaceFactory.create_batch(2, visit=visit)
    team = SelectedTeamFactory(intake=visit.intake, size=3)

    with pytest.raises(services.CapacityError) as refused:
        services.places_book_team(visit=visit, application=team, by=staff)

    assert refused.value.messages == ["The team has 3 members and 2 places are left: nobody was booked."]
    assert Place.objects.filter(visit=visit, application=team).count() == 0


def test_team_booking_books_every_member_and_tells_them(db, django_capture_on_commit_callbacks):
    staff = StaffFactory()
    visit = StudyVisitFactory(capacity=4)
    team = SelectedTeamFactory(intake=visit.intake, size=3)

    with django_capture_on_commit_callbacks(execute=True):
        places = services.places_book_team(visit=visit, application=team, by=staff)

    members = sorted(m.user.email for m in team.members.all())
    assert sorted(p.user.email for p in places) == members
    assert {p.status for p in places} == {P.BOOKED}
    assert sorted(m.to[0] for m in mail.outbox) == members
    assert mail.outbox[0].subject == f"You have a place on the study visit: {visit.title}"


def test_team_not_selected_in_the_intake_cannot_be_booked(db):
    visit = StudyVisitFactory()
    unconfirmed = SelectedTeamFactory(intake=visit.intake, confirmed=False)
    other_intake = SelectedTeamFactory(intake=StudyVisitFactory().intake)

    for team in (unconfirmed, other_intake):
        with pytest.raises(services.ValidationError):
            services.places_book_team(visit=visit, application=team, by=StaffFactory())

    assert Place.objects.count() == 0


def test_sign_up_books_while_places_remain_then_joins_the_waiting_list(db):
    visit = StudyVisitFactory(capacity=1)
    first, second = IntakeParticipantFactory(intake=visit.intake), IntakeParticipantFactory(intake=visit.intake)

    one = services.place_book(visit=visit, user=first, by=first)
    two = services.place_book(visit=visit, user=second, by=second)

    assert (one.status, two.status) == (P.BOOKED, P.WAITING)
    # Only the places' entries (the factories also record the applications' own trails).
    place_entries = Activity.objects.filter(content_type=ContentType.objects.get_for_model(Place)).order_by("pk")
    assert [a.verb for a in place_entries] == ["signed up", "joined the waiting list"]


def test_sign_up_twice_is_refused(db):
    visit = StudyVisitFactory()
    person = IntakeParticipantFactory(intake=visit.intake)
    services.place_book(visit=visit, user=person, by=person)

    with pytest.raises(services.ValidationError):
        services.place_book(visit=visit, user=person, by=person)

    assert Place.objects.filter(visit=visit, user=person).count() == 1


def test_staff_booking_a_full_visit_is_refused_not_queued(db):
    visit = StudyVisitFactory(capacity=1)
    PlaceFactory(visit=visit)
    person = IntakeParticipantFactory(intake=visit.intake)

    with pytest.raises(services.CapacityError):
        services.place_book(visit=visit, user=person, by=StaffFactory())

    assert Place.objects.filter(user=person).count() == 0


def test_participant_cannot_book_someone_else(db):
    visit = StudyVisitFactory()
    person, other = IntakeParticipantFactory(intake=visit.intake), IntakeParticipantFactory(intake=visit.intake)

    with pytest.raises(TransitionForbidden):
        services.place_book(visit=visit, user=other, by=person)

    assert Place.objects.count() == 0


def _full_visit_with_queue(capacity=1):
    """A full visit and three people waiting: `late_high` joined last but has a higher priority."""
    visit = StudyVisitFactory(capacity=capacity)
    booked = PlaceFactory.create_batch(capacity, visit=visit)
    now = timezone.now()
    early = PlaceFactory(visit=visit, waiting=True, requested_at=now - timedelta(hours=3), email="early@x.org")
    middle = PlaceFactory(visit=visit, waiting=True, requested_at=now - timedelta(hours=2), email="middle@x.org")
    late_high = PlaceFactory(
        visit=visit, waiting=True, requested_at=now - timedelta(hours=1), priority=5, email="late@x.org"
    )
    return visit, booked, (early, middle, late_high)


@pytest.fixture
def queue(db):
    return _full_visit_with_queue()


def test_freed_place_is_offered_by_priority_then_time(queue, django_capture_on_commit_callbacks):
    visit, booked, (_early, _middle, late_high) = queue
    holder = booked[0].user

    with django_capture_on_commit_callbacks(execute=True):
        services.place_cancel(place=booked[0], by=holder)

    late_high.refresh_from_db()
    assert [p.user.email for p in Place.objects.filter(visit=visit, status=P.OFFERED)] == ["late@x.org"]
    assert late_high.offer_expires_at == pytest.approx(timezone.now() + timedelta(hours=48), abs=timedelta(seconds=30))
    assert [m.to for m in mail.outbox] == [["late@x.org"]]
    assert f"/study-visits/offers/{late_high.offer_token}/" in mail.outbox[0].body


def test_declined_offer_goes_to_the_next_in_line(queue):
    visit, booked, (_early, _middle, late_high) = queue
    services.place_cancel(place=booked[0], by=StaffFactory())
    late_high.refresh_from_db()

    services.offer_decline(place=late_high, by=late_high.user)

    assert statuses(visit) == {
        booked[0].user.email: P.CANCELLED,
        "late@x.org": P.DECLINED,
        "early@x.org": P.OFFERED,
        "middle@x.org": P.WAITING,
    }


def test_accepted_offer_books_the_place(queue):
    visit, booked, (_early, _middle, late_high) = queue
    services.place_cancel(place=booked[0], by=StaffFactory())
    late_high.refresh_from_db()

    services.offer_accept(place=late_high, by=late_high.user)

    assert statuses(visit)["late@x.org"] == P.BOOKED
    assert Place.objects.filter(visit=visit, status=P.OFFERED).count() == 0


def test_offer_expires_after_its_deadline_and_passes_on(queue, django_capture_on_commit_callbacks):
    visit, booked, (_early, _middle, _late_high) = queue
    services.place_cancel(place=booked[0], by=StaffFactory())
    mail.outbox.clear()

    assert services.offers_expire(now=timezone.now() + timedelta(hours=47)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        expired = services.offers_expire(now=timezone.now() + timedelta(hours=49))

    assert expired == 1
    assert statuses(visit)["late@x.org"] == P.EXPIRED
    assert statuses(visit)["early@x.org"] == P.OFFERED
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("early@x.org", f"A place has freed up on the study visit: {visit.title}"),
        ("late@x.org", f"The offered place on {visit.title} has passed on"),
    ]


def test_accepting_an_offer_after_its_deadline_is_refused(queue):
    visit, booked, (_early, _middle, late_high) = queue
    services.place_cancel(place=booked[0], by=StaffFactory())
    Place.objects.filter(pk=late_high.pk).update(offer_expires_at=timezone.now() - timedelta(minutes=1))
    late_high.refresh_from_db()

    with pytest.raises(services.ValidationError):
        services.offer_accept(place=late_high, by=late_high.user)

    assert statuses(visit)["late@x.org"] == P.OFFERED


def test_someone_else_cannot_answer_an_offer(queue):
    visit, booked, (early, _middle, late_high) = queue
    services.place_cancel(place=booked[0], by=StaffFactory())
    late_high.refresh_from_db()

    with pytest.raises(TransitionForbidden):
        services.offer_accept(place=late_high, by=early.user)

    assert statuses(visit)["late@x.org"] == P.OFFERED


def test_participant_cannot_cancel_another_participants_place(queue):
    visit, booked, (early, _middle, _late_high) = queue

    with pytest.raises(TransitionForbidden):
        services.place_cancel(place=booked[0], by=early.user)

    assert statuses(visit)[booked[0].user.email] == P.BOOKED


def test_more_places_are_offered_to_the_waiting_list_at_once(queue):
    visit, _booked, (_early, _middle, _late_high) = queue

    services.visit_update(visit=visit, by=StaffFactory(), data={"capacity": 3})

    assert sorted(p.user.email for p in Place.objects.filter(visit=visit, status=P.OFFERED)) == [
        "early@x.org",
        "late@x.org",
    ]


def test_capacity_cannot_go_below_the_places_taken(db):
    visit = StudyVisitFactory(capacity=3)
    PlaceFactory.create_batch(2, visit=visit)

    with pytest.raises(services.CapacityError) as refused:
        services.visit_update(visit=visit, by=StaffFactory(), data={"capacity": 1})

    visit.refresh_from_db()
    assert (visit.capacity, refused.value.messages) == (
        3,
        ["2 places are taken; the visit cannot have fewer places."],
    )


def test_priority_moves_someone_up_the_waiting_list(queue):
    visit, booked, (_early, middle, _late_high) = queue
    services.place_set_priority(place=middle, priority=9, by=StaffFactory())

    services.place_cancel(place=booked[0], by=StaffFactory())

    assert [p.user.email for p in Place.objects.filter(visit=visit, status=P.OFFERED)] == ["middle@x.org"]


def test_places_cannot_change_once_the_visit_has_started(db):
    visit = StudyVisitFactory(past=True, ends_on=timezone.localdate() + timedelta(days=1))
    person = IntakeParticipantFactory(intake=visit.intake)

    with pytest.raises(services.ValidationError):
        services.place_book(visit=visit, user=person, by=person)

    assert Place.objects.count() == 0


def test_a_visit_with_places_cannot_move_to_another_intake(db):
    visit = StudyVisitFactory()
    PlaceFactory(visit=visit)
    other = StudyVisitFactory().intake

    with pytest.raises(services.ValidationError):
        services.visit_update(visit=visit, by=StaffFactory(), data={"intake": other})

    visit.refresh_from_db()
    assert visit.intake_id != other.pk
