from datetime import date, timedelta
from decimal import Decimal

import factory

from mentoring.enums import BudgetUnit
from mentoring.models import MentorAssignment, MentoredTeam, MentoringSettings

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
