from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from change_projects.enums import IndicatorKind, MilestoneStatus, PlanStatus, ReportStatus, RiskCategory
from change_projects.models import (
    ChangeProject,
    Indicator,
    Milestone,
    Participant,
    ProgressReport,
    ReportingPeriod,
    ResultItem,
    Risk,
)

from .accounts import UserFactory
from .applications import ApplicationFactory, TeamMemberFactory
from .programmes import PhaseFactory
from .selection import ConfirmationFactory, DecisionFactory


def confirmed_team(**kwargs):
    """An accepted application whose decision is released and whose place is confirmed."""
    application = ApplicationFactory(accepted=True, **kwargs)
    DecisionFactory(application=application)
    ConfirmationFactory(application=application, confirmed=True)
    return application


class ChangeProjectFactory(factory.django.DjangoModelFactory):
    """A running change project; the application's team members are its participants.

    `plan_approved=True` approves the plan.
    """

    class Meta:
        model = ChangeProject
        skip_postgeneration_save = True

    application = factory.SubFactory(ApplicationFactory, accepted=True)
    intake = factory.LazyAttribute(lambda o: o.application.intake)
    title = factory.LazyAttribute(lambda o: o.application.title)
    problem = factory.LazyAttribute(lambda o: o.application.problem)
    objectives = factory.LazyAttribute(lambda o: o.application.objectives)

    class Params:
        plan_approved = factory.Trait(
            plan_status=PlanStatus.APPROVED, plan_approved_at=factory.LazyFunction(timezone.now)
        )

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create:
            Participant.objects.bulk_create(
                [Participant(project=self, user_id=m.user_id) for m in self.application.members.all()]
            )


def ParticipantFactory(project, **kwargs):
    """A new team member of the project's application, and participant of the project."""
    user = UserFactory(**kwargs)
    TeamMemberFactory(application=project.application, user=user)
    Participant.objects.create(project=project, user=user)
    return user


class ResultItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultItem

    project = factory.SubFactory(ChangeProjectFactory)
    level = "outcome"
    title = factory.Sequence(lambda n: f"Result {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ChangeProjectFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = factory.LazyFunction(lambda: date.today() + timedelta(days=30))
    status = MilestoneStatus.PLANNED

    class Params:
        done = factory.Trait(status=MilestoneStatus.DONE)
        delayed = factory.Trait(status=MilestoneStatus.DELAYED, note="The council postponed its vote.")
        overdue = factory.Trait(due_on=factory.LazyFunction(lambda: date.today() - timedelta(days=10)))


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ChangeProjectFactory)
    name = factory.Sequence(lambda n: f"Public hearings held {n}")
    unit = "hearings"
    kind = IndicatorKind.NUMBER
    baseline = Decimal("0")
    baseline_date = factory.LazyFunction(lambda: date.today() - timedelta(days=90))
    target = Decimal("12")
    means_of_verification = "Minutes of the hearings"

    class Params:
        percentage = factory.Trait(
            kind=IndicatorKind.PERCENTAGE, name="Share of wards with a hearing", unit="%", target=Decimal("100")
        )
        qualitative = factory.Trait(
            kind=IndicatorKind.QUALITATIVE,
            baseline=None,
            target=None,
            baseline_text="No dialogue",
            target_text="Regular dialogue",
            scale="No dialogue\nOccasional dialogue\nRegular dialogue",
        )


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    project = factory.SubFactory(ChangeProjectFactory)
    title = "Local elections may change the council majority"
    category = RiskCategory.POLITICAL
    likelihood = 2
    impact = 2

    class Params:
        high = factory.Trait(likelihood=3, impact=3)


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    phase = factory.SubFactory(PhaseFactory)
    intake = factory.LazyAttribute(lambda o: o.phase.intake)
    due_on = factory.LazyAttribute(lambda o: o.phase.ends_on + timedelta(days=14))


class ProgressReportFactory(factory.django.DjangoModelFactory):
    """A draft; `submitted`, `returned`, `approved` traits (with version 1 kept)."""

    class Meta:
        model = ProgressReport
        skip_postgeneration_save = True

    project = factory.SubFactory(ChangeProjectFactory)
    period = factory.SubFactory(ReportingPeriodFactory, phase__intake=factory.SelfAttribute("...project.intake"))
    status = ReportStatus.DRAFT
    activities_done = "Two hearings held as planned."

    class Params:
        submitted = factory.Trait(status=ReportStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now))
        returned = factory.Trait(status=ReportStatus.RETURNED, return_comment="Please add the minutes.")
        approved = factory.Trait(status=ReportStatus.APPROVED, approved_at=factory.LazyFunction(timezone.now))

    @factory.post_generation
    def versions(self, create, extracted, **kwargs):
        """A report past its draft has its first submitted version, as a real one would."""
        if create and self.status != ReportStatus.DRAFT:
            from change_projects.models import ReportVersion
            from change_projects.selectors import report_snapshot

            ReportVersion.objects.create(report=self, number=1, content=report_snapshot(report=self))


def TeamMentorFactory(project):
    """The mentor assigned (through mentoring) to the project's team."""
    from .mentoring import MentorAssignmentFactory

    return MentorAssignmentFactory(intake=project.intake, teams=[project.application]).mentor
