import pytest
from django.core import mail
from django.db import IntegrityError

from applications.enums import ALLOWED_TRANSITIONS, ApplicationStatus
from applications.models import Application
from applications.services import TransitionNotAllowed, application_transition
from tests.factories import ApplicationFactory, StaffFactory

S = ApplicationStatus

ALLOWED = sorted((start, end) for start, ends in ALLOWED_TRANSITIONS.items() for end in ends)
REFUSED = sorted((start, end) for start in S.values for end in S.values if end not in ALLOWED_TRANSITIONS[start])


def _application_in(status):
    return ApplicationFactory(**({} if status == S.DRAFT else {status: True}))


@pytest.mark.parametrize(("start", "end"), ALLOWED)
def test_transition_allowed_saves_and_records_history(db, django_capture_on_commit_callbacks, start, end):
    application = _application_in(start)
    staff = StaffFactory()

    with django_capture_on_commit_callbacks(execute=False):
        change = application_transition(application=application, to=end, by=staff, reason="Checked")

    application.refresh_from_db()
    assert application.status == end
    assert (change.from_status, change.to_status, change.by, change.reason) == (start, end, staff, "Checked")
    assert application.history.first().history_change_reason == "Checked"


@pytest.mark.parametrize(("start", "end"), REFUSED)
def test_transition_refused_leaves_status_and_history_alone(db, start, end):
    application = _application_in(start)
    changes_before = application.status_changes.count()

    with pytest.raises(TransitionNotAllowed):
        application_transition(application=application, to=end, by=StaffFactory())

    application.refresh_from_db()
    assert application.status == start
    assert application.status_changes.count() == changes_before


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
