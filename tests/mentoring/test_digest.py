"""The weekly digest: one e-mail per person with open or overdue actions, in their language, no notes."""

from datetime import date, timedelta

from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from mentoring.enums import ActionStatus
from mentoring.tasks import action_digest_weekly
from tests.factories import CoachingActionFactory, CoachingSessionFactory, TeamMemberFactory


def test_digest_lists_open_and_overdue_actions_per_owner_without_notes(db):
    session = CoachingSessionFactory(private_notes="Secret: the mayor resigns.", shared_notes="Shared: agenda agreed.")
    member = TeamMemberFactory(application=session.application, user__preferred_language="fr")
    today = date.today()
    CoachingActionFactory(session=session, owner=member.user, description="Book the hall", due_on=today - timedelta(1))
    CoachingActionFactory(session=session, owner=member.user, description="Print flyers", due_on=today + timedelta(3))
    CoachingActionFactory(session=session, owner=member.user, description="Finished", status=ActionStatus.DONE)
    mentor_action = CoachingActionFactory(session=session, owner=session.assignment.mentor, description="Send examples")

    sent = action_digest_weekly()

    assert sent == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_recipient) == sorted([member.user.email, mentor_action.owner.email])
    body = by_recipient[member.user.email].body
    assert body.index("Book the hall") < body.index("Print flyers")
    assert "Finished" not in body and "Send examples" not in body
    assert "Secret" not in body and "Shared:" not in body
    # In the recipient's language: the French member's dates read in French, the mentor's in English.
    with translation.override("fr"):
        french_due = date_format(today + timedelta(3), "j F Y")
    assert french_due in body
    assert by_recipient[mentor_action.owner.email].subject == "Your coaching action this week"
    assert date_format(mentor_action.due_on, "j F Y") in by_recipient[mentor_action.owner.email].body
