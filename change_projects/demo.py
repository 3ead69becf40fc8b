"""Demo change projects: the past intake's two selected teams at work, in different states.

Hội An (the participant demo user's team): on track, phase 1 report approved, phase 2 submitted
(waiting for staff). Surakarta: its phase 1 report returned with a comment, its phase 2 report
overdue, a delayed milestone and a high political risk. Idempotent: nothing is created twice.

The story is told as of `programmes.demo.follow_up_day`: for the finished past intake, a day in
its home phase. Each step is written inside `demo_dated`, so the feed, the reports' times and the
history show the day it would have happened, never the day the demo was loaded.
"""

from datetime import timedelta
from decimal import Decimal

from applications.enums import ApplicationStatus as S
from portal.services import demo_dated
from programmes.demo import at, follow_up_day
from programmes.models import Programme

from .enums import IndicatorKind, MilestoneStatus, ReportStatus, RiskCategory
from .models import ChangeProject, Indicator, Milestone, Participant, ReportingPeriod, ResultItem, Risk


def seed(*, stdout) -> None:
    from accounts.demo import demo_user
    from applications.demo import PROGRAMME_SLUG

    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    intakes = list(programme.intakes.order_by("opens_at")) if programme else []
    if len(intakes) < 2:
        return
    intake, staff = intakes[0], demo_user("staff")
    if ChangeProject.objects.filter(intake=intake).exists():
        stdout.write("Change projects: already there")
        return
    phases = list(intake.phases.order_by("starts_on"))[:3]
    today = follow_up_day(intake)
    with demo_dated(at(intake, today - timedelta(days=200), 10)):
        periods = [
            ReportingPeriod.objects.create(phase=phase, intake=intake, due_on=today + timedelta(days=days))
            for phase, days in zip(phases, (-60, -5, 45), strict=False)
        ]
    applications = list(intake.applications.filter(status=S.ACCEPTED).order_by("pk"))
    scenarios = ["on_track", "troubled"]
    for application, scenario in zip(applications, scenarios, strict=False):
        with demo_dated(at(intake, today - timedelta(days=200), 11)):
            project = _project(application)
        project.refresh_from_db()  # the redated stamps, or a later save writes the load time back
        _plan(project, today, scenario)
        _reports(project, periods, scenario, staff)
    stdout.write(f"Change projects: {len(applications)} running projects in {intake.name}")


def _project(application):
    project = ChangeProject.objects.create(
        application=application,
        intake=application.intake,
        title=application.title,
        problem=application.problem,
        objectives=application.objectives,
        target_group=application.target_group,
        expected_results=application.expected_results,
        timeline=application.timeline,
    )
    Participant.objects.bulk_create(
        [Participant(project=project, user_id=m.user_id) for m in application.members.all()]
    )
    return project


def _plan(project, today, scenario):
    from portal.workflow import transition

    from .workflows import MILESTONE_WORKFLOW, PLAN_WORKFLOW

    owner = project.participants.first().user
    intake = project.intake
    with demo_dated(at(intake, today - timedelta(days=195), 14)):
        milestones = _draft_plan(project, today, scenario, owner)
    # Staff approve the plan; the milestones move on their own days (done on its due day; the
    # running one a fortnight before its due day; the delayed one the day after it fell due).
    with demo_dated(at(intake, today - timedelta(days=180), 11)):
        transition(workflow=PLAN_WORKFLOW, obj=project, to="approved", by=_staff())
    moved = {MilestoneStatus.DONE: 0, MilestoneStatus.IN_PROGRESS: -14, MilestoneStatus.DELAYED: 1}
    for milestone, status, note in milestones:
        milestone.refresh_from_db()
        if status != MilestoneStatus.PLANNED:
            with demo_dated(at(intake, milestone.due_on + timedelta(days=moved[status]), 16)):
                transition(workflow=MILESTONE_WORKFLOW, obj=milestone, to=status, by=owner, reason=note)


def _draft_plan(project, today, scenario, owner):
    """Results, milestones (with the status each reaches), indicators and a risk; returns the milestones."""
    outcome = ResultItem.objects.create(project=project, level="outcome", title="Residents are heard before decisions")
    output = ResultItem.objects.create(
        project=project, level="output", title="A published calendar of public hearings", contributes_to=outcome
    )
    ResultItem.objects.create(
        project=project, level="activity", title="Train ward officers to run hearings", contributes_to=output
    )
    plan = [
        ("Council adopts the hearing calendar", -70, MilestoneStatus.DONE, ""),
        ("First round of ward hearings", -10, MilestoneStatus.IN_PROGRESS, ""),
        ("Results published on the notice boards and online", 40, MilestoneStatus.PLANNED, ""),
        # Before the programme's final seminar (follow_up_day leaves 90 days of it).
        ("Evaluation with residents' associations", 80, MilestoneStatus.PLANNED, ""),
    ]
    if scenario == "troubled":
        plan[1] = ("First round of ward hearings", -10, MilestoneStatus.DELAYED, "The council postponed its vote.")
    milestones = [
        (
            Milestone.objects.create(
                project=project, title=title, due_on=today + timedelta(days=days), owner=owner, result=output
            ),
            status,
            note,
        )
        for title, days, status, note in plan
    ]
    Indicator.objects.create(
        project=project,
        result=outcome,
        name="Wards that held a public hearing",
        unit="%",
        kind=IndicatorKind.PERCENTAGE,
        baseline=Decimal("0"),
        baseline_date=today - timedelta(days=200),
        target=Decimal("100"),
        means_of_verification="Minutes of each hearing, signed by the ward chair",
    )
    Indicator.objects.create(
        project=project,
        result=output,
        name="Residents attending hearings",
        unit="people",
        baseline=Decimal("0"),
        baseline_date=today - timedelta(days=200),
        target=Decimal("600"),
        means_of_verification="Attendance lists",
    )
    Risk.objects.create(
        project=project,
        title="Local elections may change the council majority",
        category=RiskCategory.POLITICAL,
        likelihood=3 if scenario == "troubled" else 2,
        impact=3 if scenario == "troubled" else 2,
        mitigation="Brief every party group; have the calendar adopted by a cross-party vote.",
        owner=owner,
    )
    return milestones


def _staff():
    from accounts.demo import demo_user

    return demo_user("staff")


def _reports(project, periods, scenario, staff):
    from .services import report_approve, report_return, report_save, report_start, report_submit

    member = project.participants.first().user
    # The troubled team's phase 1 report was returned; its phase 2 report (due 5 days ago) is not started.
    plans = {"on_track": [ReportStatus.APPROVED, ReportStatus.SUBMITTED], "troubled": [ReportStatus.RETURNED]}[scenario]
    figures = [(Decimal("4"), Decimal("12"), Decimal("150")), (Decimal("8"), Decimal("12"), Decimal("320"))]
    intake = project.intake
    # Started ten days before the due day, submitted two days before it; staff answer four days after.
    for index, (period, target_state) in enumerate(zip(periods, plans, strict=False)):
        with demo_dated(at(intake, period.due_on - timedelta(days=10), 10)):
            report = report_start(project=project, period=period, by=member)
        report.refresh_from_db()
        numerator, denominator, people = figures[index]
        actuals = {}
        for indicator in project.indicators.all():
            if indicator.kind == IndicatorKind.PERCENTAGE:
                actuals[indicator.pk] = {"numerator": numerator, "denominator": denominator, "note": ""}
            else:
                actuals[indicator.pk] = {"value": people, "note": ""}
        with demo_dated(at(intake, period.due_on - timedelta(days=2), 15)):
            report_save(
                report=report,
                by=member,
                data={
                    "activities_done": "Hearings held in the wards planned for this phase.",
                    "lessons": "Evening hearings draw more women and young people.",
                    "support_needed": "Advice on publishing the minutes in local languages.",
                },
                milestones={},
                actuals=actuals,
            )
            report_submit(report=report, by=member)
        with demo_dated(at(intake, period.due_on + timedelta(days=4), 11)):
            if target_state == ReportStatus.APPROVED:
                report_approve(report=report, by=staff)
            elif target_state == ReportStatus.RETURNED:
                report_return(report=report, by=staff, comment="Please add the attendance lists as evidence.")
