from datetime import date, timedelta

import factory
from django.utils import timezone

from programmes.enums import IntakeRoleType, Offer, OrganisationType, PublicationStatus
from programmes.models import Intake, IntakeRole, Phase, Programme, RubricCriterion

from .accounts import UserFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Leadership in Local Governance {n}")
    slug = factory.Sequence(lambda n: f"leadership-{n}")
    summary = "Teams of politicians, officials and civil society make local governance more inclusive."
    objectives = "Deepen democracy and create space for **participation**."
    expected_outcomes = "- Citizen dialogue skills\n- Stronger networks"
    offers = factory.LazyFunction(lambda: list(Offer.values))
    languages = "English"
    status = PublicationStatus.PUBLISHED

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)


class IntakeFactory(factory.django.DjangoModelFactory):
    """An intake open for applications now, unless a trait says otherwise."""

    class Meta:
        model = Intake
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Intake {2027 + n}")
    status = PublicationStatus.PUBLISHED
    eligible_countries = ["KE", "TZ", "UG", "CO", "VN"]
    eligible_organisation_types = factory.LazyFunction(lambda: list(OrganisationType.values))
    time_zone = "Europe/Stockholm"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    team_places = 10

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=60)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )
        upcoming = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=5)),
            closes_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=40)),
        )

    @factory.post_generation
    def with_rubric(self, create, extracted, **kwargs):
        """`IntakeFactory(with_rubric=True)` adds a five-criterion rubric whose weights add to 100."""
        if create and extracted:
            for order, (name, weight) in enumerate(
                [("Relevance", 30), ("Feasibility", 20), ("Local commitment", 20), ("Team", 15), ("Inclusion", 15)]
            ):
                RubricCriterionFactory(intake=self, name=name, weight=weight, order=order)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    intake = factory.SubFactory(IntakeFactory)
    name = factory.Sequence(lambda n: f"Phase {n + 1}")
    place = "Stockholm, Sweden"
    starts_on = factory.LazyFunction(lambda: date.today() + timedelta(days=60))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=12))


class RubricCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RubricCriterion

    intake = factory.SubFactory(IntakeFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    description = "How well the application meets this criterion."
    guidance = "5 = excellent, 1 = weak."
    max_score = 5
    weight = 20
    order = factory.Sequence(lambda n: n)


class IntakeRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeRole

    intake = factory.SubFactory(IntakeFactory)
    user = factory.SubFactory(UserFactory)
    role = IntakeRoleType.REVIEWER


def ReviewerFactory(intake=None, **kwargs):
    """A user with the reviewer role in `intake` (a new open intake if none is given)."""
    user = UserFactory(**kwargs)
    IntakeRoleFactory(intake=intake or IntakeFactory(), user=user, role=IntakeRoleType.REVIEWER)
    return user


def MentorFactory(intake=None, **kwargs):
    """A user with the mentor role in `intake` (a new open intake if none is given)."""
    user = UserFactory(**kwargs)
    IntakeRoleFactory(intake=intake or IntakeFactory(), user=user, role=IntakeRoleType.MENTOR)
    return user
