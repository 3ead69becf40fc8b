from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from mentoring.enums import ActionStatus, BudgetUnit, SessionMode, WorkKind
from mentoring.models import (
    CoachingAction,
    CoachingSession,
    MentorAssignment,
    MentoredTeam,
    MentoringSettings,
    MentorWork,
    TopicTag,
)

from .programmes import IntakeFactory, MentorFactory


class MentorAssignmentFactory(factory.django.DjangoModelFactory):
    """An agreement for a mentor (given the mentor role in the intake); `teams=[application, ...]` adds teams."""

    class Meta:
        model = MentorAssignment
        skip_postgeneration_save = True

    intake = factory.SubFactory(IntakeFactory)
    mentor = factory.LazyAttribute(lambda o: MentorFactory(intake=o.intake))
    starts_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: date.today() + timedelta(days=300))
    budget_amount = Decimal("40")
    budget_unit = BudgetUnit.HOURS
    expectations = "A session a month with the whole team; read each progress report."
    mentor_time_zone = "Africa/Nairobi"

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if create and extracted:
            for application in extracted:
                MentoredTeam.objects.create(assignment=self, application=application)


class MentoredTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoredTeam

    assignment = factory.SubFactory(MentorAssignmentFactory)
    application = factory.SubFactory(
        "tests.factories.applications.ApplicationFactory",
        intake=factory.SelfAttribute("..assignment.intake"),
        accepted=True,
    )


class MentoringSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringSettings
        django_get_or_create = ("intake",)

    intake = factory.SubFactory(IntakeFactory)
    no_coaching_days = 30


class TopicTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicTag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")


class CoachingSessionFactory(factory.django.DjangoModelFactory):
    """A session a week ago, logged by the team's mentor (`application` must have one; by default a new team)."""

    class Meta:
        model = CoachingSession

    application = factory.LazyFunction(lambda: MentoredTeamFactory().application)
    assignment = factory.LazyAttribute(lambda o: o.application.mentored_team.assignment)
    logged_by = factory.LazyAttribute(lambda o: o.assignment.mentor)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    duration_minutes = 60
    mode = SessionMode.ONLINE
    topics = "Mapping who decides on the ward budget."
    shared_notes = "Good progress on the hearings calendar."
    private_notes = ""


class CoachingActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachingAction

    session = factory.SubFactory(CoachingSessionFactory)
    application = factory.LazyAttribute(lambda o: o.session.application)
    description = factory.Sequence(lambda n: f"Agreed action {n}")
    owner = factory.LazyAttribute(lambda o: o.application.contact_person)
    due_on = factory.LazyFunction(lambda: date.today() + timedelta(days=14))
    status = ActionStatus.OPEN


class MentorWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorWork

    assignment = factory.SubFactory(MentorAssignmentFactory)
    kind = WorkKind.PREPARATION
    worked_on = factory.LazyFunction(date.today)
    hours = Decimal("1.5")
