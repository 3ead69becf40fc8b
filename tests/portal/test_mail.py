"""E-mail tasks run twice send once; they retry with back-off and jitter when the mail server fails."""

from smtplib import SMTPException

import pytest
from django.core import mail

from applications.emails import status_email_send
from applications.enums import ApplicationStatus
from applications.services import application_transition
from applications.tasks import send_status_email
from portal.mail import send_once
from portal.tasks import send_email
from selection.emails import decision_email_send
from selection.tasks import send_decision_email
from tests.factories import ApplicationFactory, DecisionFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


def test_a_keyed_message_is_sent_once_however_often_it_is_asked_for():
    answers = [send_once(key="hello:1", subject="Hello", body="Hi.", to=["a@example.org"]) for _ in range(3)]

    assert answers == [True, False, False]
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_a_status_email_task_run_twice_tells_each_member_once():
    application = ApplicationFactory(complete=True)
    TeamMemberFactory(application=application)
    change = application_transition(
        application=application, to=ApplicationStatus.SUBMITTED, by=application.contact_person, notify=False
    )

    status_email_send(activity_id=change.pk)
    status_email_send(activity_id=change.pk)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.user.email for m in application.members.all())


def test_a_decision_email_task_run_twice_tells_each_member_once():
    decision = DecisionFactory()
    TeamMemberFactory(application=decision.application)

    decision_email_send(decision_id=decision.pk)
    decision_email_send(decision_id=decision.pk)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.user.email for m in decision.application.members.all())


@pytest.mark.parametrize("task", [send_email, send_status_email, send_decision_email])
def test_email_tasks_retry_with_backoff_and_jitter_when_the_mail_server_fails(task):
    assert set(task.autoretry_for) == {OSError, SMTPException}
    assert (task.retry_backoff, task.retry_jitter, task.max_retries) == (30, True, 8)
