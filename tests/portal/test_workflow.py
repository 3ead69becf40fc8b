"""The workflow kit: the table, the actor check, effects, the activity entry and on-commit notifications."""

import pytest
import rules

from applications.enums import ApplicationStatus
from applications.models import Application
from portal.models import Activity, Audience
from portal.selectors import activities_for
from portal.workflow import ReasonRequired, Transition, TransitionForbidden, TransitionNotAllowed, Workflow, transition
from tests.factories import ApplicationFactory, StaffFactory, UserFactory

S = ApplicationStatus
sent = []


@rules.predicate
def is_contact(user, application):
    return application.contact_person_id == user.pk


def _stamp_title(obj, *, by, reason, source, suffix=""):
    obj.title = f"{obj.title}{suffix}"
    return ["title"]


DEMO = Workflow(
    name="demo",
    transitions=[
        Transition(
            S.DRAFT,
            S.SUBMITTED,
            allowed=is_contact,
            verb="submitted",
            effects=(_stamp_title,),
            notify=(lambda activity: sent.append(activity.pk),),
        ),
        Transition(
            (S.SUBMITTED, S.ELIGIBLE),
            S.DRAFT,
            allowed=rules.always_allow,
            verb="reopened",
            reason_required=True,
            audience=Audience.STAFF,
        ),
        Transition(S.SUBMITTED, S.ELIGIBLE, system=True, verb="screened by the system"),
    ],
)


def test_transition_saves_records_and_notifies_after_commit(db, django_capture_on_commit_callbacks):
    application = ApplicationFactory(history=False, title="Hearings")
    sent.clear()

    with django_capture_on_commit_callbacks(execute=True):
        activity = transition(
            workflow=DEMO, obj=application, to=S.SUBMITTED, by=application.contact_person, suffix=" (final)"
        )

    application.refresh_from_db()
    assert (application.status, application.title) == (S.SUBMITTED, "Hearings (final)")
    assert (activity.actor, activity.verb, activity.from_state, activity.to_state) == (
        application.contact_person,
        "submitted",
        S.DRAFT,
        S.SUBMITTED,
    )
    assert sent == [activity.pk]
    assert list(activities_for(obj=application)) == [activity]


def test_transition_not_in_table_is_refused_without_entry(db):
    application = ApplicationFactory(history=False)

    with pytest.raises(TransitionNotAllowed):
        transition(workflow=DEMO, obj=application, to=S.ACCEPTED, by=StaffFactory())

    assert Activity.objects.count() == 0
    assert Application.objects.get(pk=application.pk).status == S.DRAFT


def test_transition_by_wrong_actor_is_refused_without_entry(db):
    application = ApplicationFactory(history=False)

    with pytest.raises(TransitionForbidden):
        transition(workflow=DEMO, obj=application, to=S.SUBMITTED, by=UserFactory())

    assert Activity.objects.count() == 0
    assert Application.objects.get(pk=application.pk).status == S.DRAFT


def test_transition_needing_a_reason_refuses_blank_and_keeps_long_reasons(db):
    application = ApplicationFactory(history=False, status=S.SUBMITTED)
    staff = StaffFactory()

    with pytest.raises(ReasonRequired):
        transition(workflow=DEMO, obj=application, to=S.DRAFT, by=staff, reason="  ")
    activity = transition(workflow=DEMO, obj=application, to=S.DRAFT, by=staff, reason="x" * 1000)

    assert Activity.objects.get().reason == "x" * 1000
    assert activity.audience == Audience.STAFF
    assert list(activities_for(obj=application)) == []
    assert list(activities_for(obj=application, audiences=Audience.values)) == [activity]


def test_workflow_can_and_allowed_targets_follow_the_predicates(db):
    application = ApplicationFactory(history=False)

    assert DEMO.allowed_targets(application.contact_person, application) == [S.SUBMITTED]
    assert DEMO.allowed_targets(UserFactory(), application) == []


def test_system_transition_needs_the_system_flag(db):
    application = ApplicationFactory(history=False)
    submitted = ApplicationFactory(history=False, status=S.SUBMITTED)

    with pytest.raises(TransitionForbidden):
        transition(workflow=DEMO, obj=application, to=S.SUBMITTED, by=None)
    activity = transition(workflow=DEMO, obj=submitted, to=S.ELIGIBLE, by=None)

    assert (activity.actor, activity.verb) == (None, "screened by the system")
    assert Activity.objects.count() == 1
