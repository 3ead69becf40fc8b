from datetime import timedelta

import factory
from django.utils import timezone

from programmes.enums import IntakeRoleType
from programmes.models import IntakeRole
from selection.enums import AssignmentStatus, ConfirmationStatus, Outcome, Recommendation, ReviewStatus
from selection.models import (
    Confirmation,
    ConflictDeclaration,
    CriterionScore,
    Decision,
    NotificationTemplate,
    Review,
    ReviewAssignment,
    SelectionSettings,
)

from .accounts import UserFactory
from .applications import ApplicationFactory
from .programmes import IntakeFactory


class SelectionSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelectionSettings

    intake = factory.SubFactory(IntakeFactory)


class ReviewAssignmentFactory(factory.django.DjangoModelFactory):
    """An active assignment; the reviewer gets the reviewer role in the application's intake.

    `declared=True` adds the reviewer's “no conflict” declaration.
    """

    class Meta:
        model = ReviewAssignment
        skip_postgeneration_save = True

    application = factory.SubFactory(ApplicationFactory, under_review=True)
    reviewer = factory.SubFactory(UserFactory, country="SE")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            IntakeRole.objects.get_or_create(
                intake=self.application.intake, user=self.reviewer, role=IntakeRoleType.REVIEWER
            )

    @factory.post_generation
    def declared(self, create, extracted, **kwargs):
        if create and extracted:
            ConflictDeclarationFactory(application=self.application, reviewer=self.reviewer)


class ConflictDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConflictDeclaration

    application = factory.SubFactory(ApplicationFactory, under_review=True)
    reviewer = factory.SubFactory(UserFactory, country="SE")
    has_conflict = False
    kind = ""
    declared_by = factory.SelfAttribute("reviewer")

    class Params:
        conflict = factory.Trait(has_conflict=True, kind="personal", note="My cousin is in the team.")


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    assignment = factory.SubFactory(ReviewAssignmentFactory, declared=True)
    status = ReviewStatus.DRAFT

    class Params:
        submitted = factory.Trait(
            status=ReviewStatus.SUBMITTED,
            recommendation=Recommendation.ACCEPT,
            submitted_at=factory.LazyFunction(timezone.now),
        )


class CriterionScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionScore

    review = factory.SubFactory(ReviewFactory)
    criterion = factory.LazyAttribute(lambda o: o.review.assignment.application.intake.criteria.first())
    score = 3


def scored_review(*, application, reviewer=None, scores, submitted=True, **reviewer_kwargs):
    """A reviewer's review of `application` with `scores` on the intake's criteria, in rubric order."""
    reviewer = reviewer or UserFactory(country="SE", **reviewer_kwargs)
    assignment = ReviewAssignment.objects.filter(
        application=application, reviewer=reviewer, status=AssignmentStatus.ACTIVE
    ).first()
    if assignment is None:
        assignment = ReviewAssignmentFactory(application=application, reviewer=reviewer, declared=True)
    review = ReviewFactory(assignment=assignment, submitted=submitted)
    for criterion, score in zip(application.intake.criteria.order_by("order", "pk"), scores, strict=True):
        CriterionScore.objects.create(review=review, criterion=criterion, score=score)
    return review


class DecisionFactory(factory.django.DjangoModelFactory):
    """A released acceptance (the application is `accepted`); `unreleased=True`: staged, not told yet."""

    class Meta:
        model = Decision

    application = factory.SubFactory(ApplicationFactory, accepted=True)
    outcome = Outcome.ACCEPTED
    reason = "A strong change project with real local commitment."

    class Params:
        unreleased = factory.Trait(application=factory.SubFactory(ApplicationFactory, accepted_pending=True))


class NotificationTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationTemplate

    intake = factory.SubFactory(IntakeFactory)
    outcome = Outcome.ACCEPTED
    subject = "Welcome, {team}"
    body = "Dear {contact}, {project} is selected for {intake}. {message} Confirm by {deadline}: {confirm_url}"


class ConfirmationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Confirmation

    application = factory.SubFactory(ApplicationFactory, accepted=True)
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))

    class Params:
        confirmed = factory.Trait(status=ConfirmationStatus.CONFIRMED, closed_at=factory.LazyFunction(timezone.now))
        declined = factory.Trait(status=ConfirmationStatus.DECLINED, closed_at=factory.LazyFunction(timezone.now))
