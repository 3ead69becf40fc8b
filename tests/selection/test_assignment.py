"""Automatic assignment on random intakes: never a conflict, a team member or the team's country; balanced."""

import random

from django.core import mail
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programmes.enums import IntakeRoleType
from selection import services
from selection.enums import AssignmentStatus
from selection.models import ConflictDeclaration, ReviewAssignment
from tests.factories import (
    ApplicationFactory,
    IntakeFactory,
    IntakeRoleFactory,
    OrganisationFactory,
    StaffFactory,
    UserFactory,
)

COUNTRIES = ["KE", "TZ", "UG", "CO", "VN"]


def _countries(application) -> set[str]:
    codes = {o.country.code for o in application.organisations.all()}
    return codes | {application.contact_person.country.code}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10_000),
    n_apps=st.integers(1, 7),
    n_reviewers=st.integers(1, 6),
    per_application=st.integers(1, 4),
    foreign_only=st.booleans(),
)
def test_auto_assignment_respects_conflicts_country_and_load(
    db, seed, n_apps, n_reviewers, per_application, foreign_only
):
    rng = random.Random(seed)
    intake = IntakeFactory(closed=True)
    staff = StaffFactory()
    apps = []
    for _ in range(n_apps):
        application = ApplicationFactory(
            intake=intake, eligible=True, contact_person=UserFactory(country=rng.choice(COUNTRIES))
        )
        if rng.random() < 0.3:
            OrganisationFactory(application=application, country=rng.choice(COUNTRIES))
        apps.append(application)
    reviewers = []
    for _ in range(n_reviewers):
        reviewer = UserFactory(country="SE" if foreign_only else rng.choice([*COUNTRIES, "SE"]))
        IntakeRoleFactory(intake=intake, user=reviewer, role=IntakeRoleType.REVIEWER)
        reviewers.append(reviewer)
    if not foreign_only:
        for application in apps:
            for reviewer in reviewers:
                if rng.random() < 0.2:
                    ConflictDeclaration.objects.create(
                        application=application, reviewer=reviewer, has_conflict=True, kind="personal"
                    )

    services.assignments_auto(intake=intake, per_application=per_application, by=staff, seed=seed)

    assignments = list(ReviewAssignment.objects.filter(application__intake=intake, status=AssignmentStatus.ACTIVE))
    conflicted = set(ConflictDeclaration.objects.filter(has_conflict=True).values_list("application", "reviewer"))
    by_pk = {a.pk: a for a in apps}
    for assignment in assignments:
        assert (assignment.application_id, assignment.reviewer_id) not in conflicted
        reviewer = next(r for r in reviewers if r.pk == assignment.reviewer_id)
        assert reviewer.country.code not in _countries(by_pk[assignment.application_id])
    for application in apps:
        allowed = [
            r
            for r in reviewers
            if (application.pk, r.pk) not in conflicted and r.country.code not in _countries(application)
        ]
        got = sum(1 for a in assignments if a.application_id == application.pk)
        assert got == min(per_application, len(allowed))
    if foreign_only:
        loads = [sum(1 for a in assignments if a.reviewer_id == r.pk) for r in reviewers]
        assert max(loads) - min(loads) <= 1


def test_auto_assignment_moves_to_review_and_mails_each_reviewer_once(db, django_capture_on_commit_callbacks):
    intake = IntakeFactory(closed=True)
    apps = [ApplicationFactory(intake=intake, eligible=True) for _ in range(3)]
    reviewers = [UserFactory(country="SE") for _ in range(2)]
    for reviewer in reviewers:
        IntakeRoleFactory(intake=intake, user=reviewer, role=IntakeRoleType.REVIEWER)

    with django_capture_on_commit_callbacks(execute=True):
        created = services.assignments_auto(intake=intake, per_application=2, by=StaffFactory())

    assert len(created) == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in reviewers)
    assert all(a.title in mail.outbox[0].body for a in apps)
    for application in apps:
        application.refresh_from_db()
        assert application.status == "under_review"


def test_reviewer_added_by_email_without_account_is_invited(db, django_capture_on_commit_callbacks):
    from selection.models import ReviewerInvitation

    intake = IntakeFactory()
    staff = StaffFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.reviewer_add(intake=intake, email="New.Expert@example.org", by=staff)
    invitation = ReviewerInvitation.objects.get()
    user = UserFactory(email="new.expert@example.org")
    services.reviewer_invitation_accept(token=invitation.token, user=user)

    assert mail.outbox[0].to == ["new.expert@example.org"]
    assert f"/selection/reviewer-invitation/{invitation.token}/" in mail.outbox[0].body
    assert list(user.intake_roles.values_list("intake", "role")) == [(intake.pk, "reviewer")]
