"""Publishing programmes and intakes goes through the workflow kit: staff only, recorded for staff."""

import pytest

from portal.models import Activity, Audience
from portal.selectors import activities_for
from portal.workflow import TransitionForbidden, TransitionNotAllowed, transition
from programmes import services
from programmes.enums import PublicationStatus as P
from programmes.models import Intake
from programmes.workflows import INTAKE_WORKFLOW
from tests.factories import IntakeFactory, StaffFactory, UserFactory


def test_publishing_an_intake_records_who_published_it_for_staff(db):
    intake = IntakeFactory(status=P.DRAFT, with_rubric=True)
    staff = StaffFactory()

    services.intake_publish(intake=intake, by=staff)
    services.intake_publish(intake=intake, by=staff)  # a second click changes nothing

    intake.refresh_from_db()
    entries = [
        (a.actor, a.from_state, a.to_state, a.audience) for a in activities_for(obj=intake, audiences=Audience.values)
    ]
    assert intake.status == P.PUBLISHED
    assert entries == [(staff, P.DRAFT, P.PUBLISHED, Audience.STAFF)]
    assert list(activities_for(obj=intake)) == []  # not for the teams' feed


def test_intake_publication_refuses_a_forbidden_transition_and_a_forbidden_actor_without_entry(db):
    intake = IntakeFactory(status=P.DRAFT)

    with pytest.raises(TransitionNotAllowed):
        transition(workflow=INTAKE_WORKFLOW, obj=intake, to=P.ARCHIVED, by=StaffFactory())
    with pytest.raises(TransitionForbidden):
        transition(workflow=INTAKE_WORKFLOW, obj=intake, to=P.PUBLISHED, by=UserFactory())

    assert Intake.objects.get(pk=intake.pk).status == P.DRAFT
    assert Activity.objects.count() == 0
