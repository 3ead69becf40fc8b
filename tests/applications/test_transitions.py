import pytest
from django.core import mail
from django.db import IntegrityError

from applications.enums import ALLOWED_TRANSITIONS, TEAM_TRANSITIONS, ApplicationStatus
from applications.models import Application
from applications.services import TransitionForbidden, TransitionNotAllowed, application_transition
from portal.models import Activity, Audience
from portal.selectors import activities_for
from tests.factories import ApplicationFactory, StaffFactory, TeamMemberFactory

S = ApplicationStatus

ALLOWED = sorted((start, end) for start, ends in ALLOWED_TRANSITIONS.items() for end in ends)
REFUSED = sorted((start, end) for start in S.values for end in S.values if end not in ALLOWED_TRANSITIONS[start])


def _application_in(status):
    return ApplicationFactory(**({} if status == S.DRAFT else {status: True}))


@pytest.mark.parametrize(("start", "end"), ALLOWED)
def test_transition_allowed_saves_and_records_history(db, django_capture_on_commit_callbacks, start, end):
    application = _application_in(start)
    # The team's contact person takes the team's arrows; programme staff every other one.
    actor = application.contact_person if (start, end) in TEAM_TRANSITIONS else StaffFactory()

    with django_capture_on_commit_callbacks(execute=False):
        change = application_transition(application=application, to=end, by=actor, reason="Checked")

    application.refresh_from_db()
    assert application.status == end
    assert (change.from_state, change.to_state, change.actor, change.reason) == (start, end, actor, "Checked")
    assert activities_for(obj=application, audiences=Audience.values).last() == change
    assert application.history.first().history_change_reason == "Checked"


@pytest.mark.parametrize(("start", "end"), REFUSED)
def test_transition_refused_leaves_status_and_history_alone(db, start, end):
    application = _application_in(start)
    entries_before = Activity.objects.count()

    with pytest.raises(TransitionNotAllowed):
        application_transition(application=application, to=end, by=StaffFactory())

    application.refresh_from_db()
    assert application.status == start
    assert Activity.objects.count() == entries_before


@pytest.mark.parametrize(
    ("start", "end", "who"),
    [
        (S.DRAFT, S.SUBMITTED, "staff"),  # only the team submits
        (S.DRAFT, S.SUBMITTED, "member"),  # ... and of the team, its contact person
        (S.SUBMITTED, S.ELIGIBLE, "contact"),  # only staff screen
        (S.UNDER_REVIEW, S.ACCEPTED_PENDING, "contact"),  # only staff decide
        (S.ACCEPTED_PENDING, S.ACCEPTED, "contact"),  # only staff release
        (S.ACCEPTED, S.WAITLISTED_PENDING, "member"),
        (S.SUBMITTED, S.ELIGIBLE, "system"),  # the system only expires unconfirmed places
    ],
)
def test_transition_by_a_forbidden_actor_is_refused_without_entry(db, start, end, who):
    application = _application_in(start)
    actor = {
        "staff": StaffFactory,
        "contact": lambda: application.contact_person,
        "member": lambda: TeamMemberFactory(application=application).user,
        "system": lambda: None,
    }[who]()
    entries_before = Activity.objects.count()

    with pytest.raises(TransitionForbidden):
        application_transition(application=application, to=end, by=actor)

    application.refresh_from_db()
    assert application.status == start
    assert Activity.objects.count() == entries_before


def test_system_may_withdraw_an_accepted_team(db):
    application = _application_in(S.ACCEPTED)

    change = application_transition(application=application, to=S.WITHDRAWN, by=None, reason="Not confirmed.")

    assert (application.status, change.actor, change.audience) == (S.WITHDRAWN, None, Audience.TEAM)


def test_transition_table_covers_every_status():
    assert sorted(ALLOWED_TRANSITIONS) == sorted(S.values)


def test_transition_to_submitted_emails_team_after_commit(db, django_capture_on_commit_callbacks):
    application = ApplicationFactory(contact_person__full_name="Аліна Шевченко")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        application_transition(application=application, to=S.SUBMITTED, by=application.contact_person)

    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [[application.contact_person.email]]
    assert mail.outbox[0].subject.endswith(f"Your application to {application.intake.programme.title} was received")
    assert "Dear Аліна Шевченко," in mail.outbox[0].body
    assert "Summary of what your team sent" in mail.outbox[0].body


def test_transition_without_notify_sends_nothing(db, django_capture_on_commit_callbacks):
    application = ApplicationFactory(submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=application, to=S.ELIGIBLE, by=StaffFactory(), notify=False)

    assert mail.outbox == []


def test_status_check_constraint_refuses_unknown_value(db):
    application = ApplicationFactory()

    with pytest.raises(IntegrityError):
        Application.objects.filter(pk=application.pk).update(status="approved")
