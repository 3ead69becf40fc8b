"""Decision e-mails go out in each recipient's language: the intake's text in that language, else the English one."""

import pytest
from django.core import mail

from selection.emails import decision_email_send
from selection.enums import Outcome
from tests.factories import (
    ApplicationFactory,
    DecisionFactory,
    NotificationTemplateFactory,
    TeamMemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _members_mail():
    return sorted((message.to[0], message.subject, message.body) for message in mail.outbox)


def test_decision_email_reaches_each_member_in_their_language_with_english_fallback():
    decision = DecisionFactory(outcome=Outcome.WAITLISTED, application=ApplicationFactory(waitlisted=True))
    application = decision.application
    application.members.all().delete()
    programme = application.intake.programme
    programme.title_en, programme.title_fr = "Local Democracy", "Démocratie locale"
    programme.save()
    NotificationTemplateFactory(
        intake=application.intake,
        outcome=Outcome.WAITLISTED,
        subject_en="{programme}: waiting list",
        body_en="Dear team, you are on the waiting list.",
        subject_fr="{programme} : liste d'attente",
        body_fr="Chère équipe, vous êtes sur la liste d'attente.",
    )
    for email, language in [("amina@example.org", "fr"), ("bruno@example.org", "es"), ("clara@example.org", "en")]:
        TeamMemberFactory(application=application, user=UserFactory(email=email, preferred_language=language))

    decision_email_send(decision_id=decision.pk)

    assert _members_mail() == [
        ("amina@example.org", "Démocratie locale : liste d'attente", "Chère équipe, vous êtes sur la liste d'attente."),
        ("bruno@example.org", "Local Democracy: waiting list", "Dear team, you are on the waiting list."),
        ("clara@example.org", "Local Democracy: waiting list", "Dear team, you are on the waiting list."),
    ]


def test_decision_email_without_a_saved_text_uses_the_default_in_each_language():
    decision = DecisionFactory(outcome=Outcome.REJECTED, application=ApplicationFactory(rejected=True))
    application = decision.application
    application.members.all().delete()
    programme = application.intake.programme
    programme.title_en, programme.title_es = "Local Democracy", "Democracia local"
    programme.save()
    for email, language in [("bruno@example.org", "es"), ("clara@example.org", "en")]:
        TeamMemberFactory(application=application, user=UserFactory(email=email, preferred_language=language))

    decision_email_send(decision_id=decision.pk)

    assert [subject for _to, subject, _body in _members_mail()] == [
        "Su postulación a Democracia local",
        "Your application to Local Democracy",
    ]
